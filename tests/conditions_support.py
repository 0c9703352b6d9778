"""What the condition language tests share: the problems in English and a yes/no item.

Test modules take the autouse `_english` fixture by importing it.
"""

from __future__ import annotations

from fieldapp.domain.checklist import Item


def _yesno(code: str, **extra: object) -> Item:
    return Item(code=code, zh=code, en=code, answer="yesno", **extra)  # type: ignore[arg-type]
