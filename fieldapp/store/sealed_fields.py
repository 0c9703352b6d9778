"""Peewee fields whose column holds a value sealed at rest (`fieldapp.store.at_rest`).

A write seals (no PIN needed); a read opens, or raises `PersonalDataLocked` while the
device is locked. The context a value is bound to is its table and column. A sealed value
never equals another (a fresh nonce each time): a query cannot filter, sort or search on
these columns — the callers open the rows and filter in memory (a grid holds thousands of
people, not millions).
"""

from __future__ import annotations

import json
from typing import Any

from peewee import TextField

from fieldapp.store import at_rest


class SealedText(TextField):
    def _context(self) -> str:
        return f"{self.model._meta.table_name}.{self.column_name}"

    def db_value(self, value: Any) -> Any:
        text = super().db_value(value)
        return at_rest.seal(text, self._context()) if isinstance(text, str) else text

    def python_value(self, value: Any) -> Any:
        if isinstance(value, str):
            value = at_rest.open_value(value, self._context())
        return super().python_value(value)


class SealedJSON(SealedText):
    """A list or dict kept as sealed JSON."""

    def db_value(self, value: Any) -> Any:
        if value is None:
            return None
        return super().db_value(json.dumps(value, ensure_ascii=False))

    def python_value(self, value: Any) -> Any:
        text = super().python_value(value)
        return json.loads(text) if isinstance(text, str) and text else text
