"""A problem as data, worded only when shown.

A `Problem` holds a catalogue key and its values; `str()` words it through `t()` in the
language of whoever reads it (the CLI's `--lang`, the app's). A value that is itself a
`Problem` is worded inside it, and a list or tuple reads as a list does in that language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from fieldapp.i18n import language, listed, t


@dataclass(frozen=True)
class Problem:
    key: str  # a catalogue key (fieldapp/i18n/catalog_checklist_problems.py, …)
    values: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def __str__(self) -> str:
        lang = language()
        return t(self.key, **{name: _worded(value, lang) for name, value in self.values.items()})


def said(key: str, **values: Any) -> Problem:
    """`Problem(key, values)`, written as a call."""
    return Problem(key, values)


def _worded(value: Any, lang: str) -> Any:
    if isinstance(value, Problem):
        return str(value)
    if isinstance(value, list | tuple):
        return listed([str(_worded(v, lang)) for v in value], lang)
    return value
