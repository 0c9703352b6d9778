"""The ledger's Role column names a role as the screens do: in English the app says
"Grid head" (role.supervisor) while the exported event sheet said "Supervisor", two names
for the one role."""

from __future__ import annotations

import re

import pytest

from fieldapp import i18n
from fieldapp.i18n import said_in
from fieldapp.reports.ledger import Labels


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("role", ["inspector", "supervisor", "admin"])
def test_the_ledger_names_each_role_as_the_screens_do(lang: str, role: str) -> None:
    assert Labels(lang).maybe("ledger.role", role) == said_in(lang, f"role.{role}")


def test_the_english_ledger_says_grid_head() -> None:
    assert Labels("en").maybe("ledger.role", "supervisor") == "Grid head"


def test_no_english_text_calls_the_grid_head_a_supervisor() -> None:
    english = i18n._load()["en"]
    said = [key for key, text in english.items() if re.search(r"\bSupervisor\b", text)]
    assert not said, said
