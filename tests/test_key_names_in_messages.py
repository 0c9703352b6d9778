"""Messages name keys one way, in both languages: Ctrl+T (as F7 and PgDn are written,
capitalised; the footer's own ^t is too terse for a sentence), never ctrl+t, Ctrl+t or
^t; PgDn and PgUp, never PageDown or pgdn. Textual's own action descriptions
(`textual.*`, "Page Down") are names of actions, not keys, and are left alone."""

from __future__ import annotations

import re

import pytest

from fieldapp.i18n import _load

# The spellings refused, each with the one to write instead.
OTHER_SPELLINGS = {
    r"\bctrl\+": "Ctrl+",
    r"\bCtrl\+[a-z]\b": "Ctrl+ and a capital letter",
    r"\bCTRL\b": "Ctrl",
    r"(?<![\w^])\^[a-z0-9]+\b": "Ctrl+ and the key",
    r"\bPage ?(?:Down|Up)\b": "PgDn / PgUp",
    r"\b(?:pgdn|pgup|PGDN|PGUP|Pgdn|Pgup)\b": "PgDn / PgUp",
}


def _messages(lang: str) -> dict[str, str]:
    return {k: v for k, v in _load()[lang].items() if not k.startswith("textual.")}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_keys_are_named_as_the_rest_of_the_messages_name_them(lang: str) -> None:
    wrong = [
        f"{key}: {found.group(0)!r} (write {instead})"
        for key, text in _messages(lang).items()
        for pattern, instead in OTHER_SPELLINGS.items()
        if (found := re.search(pattern, text))
    ]
    assert not wrong, wrong


def test_the_convention_is_the_one_messages_use() -> None:
    """The spelling required is in use: Ctrl+ with a capital, and PgDn."""
    english = " ".join(_messages("en").values())
    assert re.search(r"\bCtrl\+[A-Z]\b", english) and "PgDn" in english
