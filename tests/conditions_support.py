"""What the condition language tests share: the problems in English and a yes/no item.

Test modules take the autouse `_english` fixture by importing it.
"""

from __future__ import annotations

import pytest

from fieldapp.domain.checklist import Item
from fieldapp.i18n import set_language


@pytest.fixture(autouse=True)
def _english() -> None:
    """These tests assert the problems' English wording (each test's language is restored
    after it); the Chinese wording is asserted by the tests that name it."""
    set_language("en")


def _yesno(code: str, **extra: object) -> Item:
    return Item(code=code, zh=code, en=code, answer="yesno", **extra)  # type: ignore[arg-type]
