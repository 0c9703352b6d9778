"""Lists in running text read as the language does: the grids on home, a member's tags,
the files a report was written to. A ledger or report in its own language lists in it."""

from __future__ import annotations

from fieldapp.i18n import listed, set_language


def test_chinese_lists_with_the_enumeration_comma() -> None:
    set_language("zh")
    assert listed(["鼎美村", "芸美村"]) == "鼎美村、芸美村"


def test_english_lists_with_a_comma_and_a_space(english: None) -> None:
    assert listed(["Resident", "Tenant"]) == "Resident, Tenant"
    assert listed(["常住", "租户"], "zh") == "常住、租户"  # a Chinese ledger made from English
    assert listed([]) == ""
