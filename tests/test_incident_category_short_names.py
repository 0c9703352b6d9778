"""The F3 list named a category "Fireworks sale" where the incident's view said
"Fireworks sold illegally": two names for one category. The list's short name of each
category is now the start of its full name in both languages ("Fireworks sold",
"Fireworks set off", 群众投诉), so the two read as one."""

from __future__ import annotations

import pytest

from fieldapp.domain.incidents import DEFAULT_CATEGORIES
from fieldapp.i18n import set_language, t


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_short_category_name_begins_its_full_name(lang: str) -> None:
    set_language(lang)
    try:
        apart = {
            code: (t(f"incident.category_col.{code}"), t(f"incident.category.{code}"))
            for code in DEFAULT_CATEGORIES
            if not t(f"incident.category.{code}").startswith(t(f"incident.category_col.{code}"))
        }
    finally:
        set_language("zh")
    assert apart == {}
