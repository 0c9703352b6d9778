"""Parse and validate a checklist TOML document into a `Checklist`.

Validation collects every error, each with the file, the line a person should look at and
the item code, so an administrator fixes a file in one pass. Semantic errors point at the
offending key's line inside the item's `[[sections.items]]` table, found by scanning the
raw text; a TOML syntax error points at the line tomllib reports.

Pure: no Peewee, no Textual. Each problem is a catalogue key and its values, worded in
the reader's language when shown, next to file:line like a compiler's message.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Collection
from typing import Any

from fieldapp.domain.checklist import Checklist
from fieldapp.domain.checklist_build import build_checklist
from fieldapp.domain.checklist_lines import LineMap
from fieldapp.domain.checklist_validator import ChecklistError, Validator, texts_too_long
from fieldapp.domain.kinds import VENUE_KINDS
from fieldapp.domain.toml_syntax import toml_mistake
from fieldapp.domain.wording import said

__all__ = [
    "ChecklistError",
    "ChecklistInvalid",
    "load_checklist_data",
    "load_checklist_json",
    "load_checklist_text",
    "read_toml",
    "validate_checklist_text",
]


class ChecklistInvalid(ValueError):
    """A checklist document failed validation; `errors` holds every problem found."""

    def __init__(self, errors: list[ChecklistError]) -> None:
        self.errors = list(errors)
        super().__init__(len(self.errors))

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


def validate_checklist_text(
    text: str, source: str, *, kinds: Collection[str] = VENUE_KINDS
) -> list[ChecklistError]:
    """Every error in the document (an empty list when it is valid). `kinds`: the venue
    kinds known (the shipped ones, and on the server those the office imported)."""
    return _parse(text, source, kinds)[1]


def load_checklist_text(
    text: str, source: str, *, kinds: Collection[str] = VENUE_KINDS
) -> Checklist:
    """The validated checklist; raises `ChecklistInvalid` listing every error."""
    checklist, errors = _parse(text, source, kinds)
    if errors or checklist is None:
        raise ChecklistInvalid(errors)
    return checklist


def load_checklist_data(
    data: dict[str, Any], source: str, lines: LineMap, *, kinds: Collection[str] = VENUE_KINDS
) -> Checklist:
    """A checklist document read from elsewhere than TOML (a sheet), with `lines` pointing
    each table and key at a position the reader can translate back (its cells)."""
    validator = Validator(source, lines, lines.matches(data), kinds)
    validator.document(data)
    if validator.errors:
        raise ChecklistInvalid(sorted(validator.errors, key=lambda e: e.line))
    return build_checklist(data)


def load_checklist_json(text: str, source: str) -> Checklist:
    """A checklist in its JSON form (as published), its texts within their bounds."""
    data = json.loads(text)
    if errors := texts_too_long(data, source):
        raise ChecklistInvalid(errors)
    return Checklist.from_dict(data)


# --- parsing and validation --------------------------------------------------------------

_POSITION_RE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


def _parse(
    text: str, source: str, kinds: Collection[str]
) -> tuple[Checklist | None, list[ChecklistError]]:
    data, lines, errors = read_toml(text, source)
    if data is None:
        return None, errors
    validator = Validator(source, lines, lines.matches(data), kinds)
    validator.document(data)
    if validator.errors:
        return None, sorted(validator.errors, key=lambda e: e.line)
    return build_checklist(data), []


def read_toml(
    text: str, source: str
) -> tuple[dict[str, Any] | None, LineMap, list[ChecklistError]]:
    """The parsed document and its line map, or the syntax error at its line."""
    lines = LineMap.scan(text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)  # tomllib's own words: English, read for the kind of mistake
        what = said(toml_mistake(message))
        line = 0
        problem = said("cl.toml_syntax", problem=what)
        found = _POSITION_RE.search(message)
        if found:
            line = int(found.group(1))
            problem = said("cl.toml_syntax_at", problem=what, column=found.group(2))
        elif "end of document" in message:
            line = max(1, len(text.splitlines()))
        code = lines.item_code_at(line) if line else ""
        return None, lines, [ChecklistError(source, line, code, problem)]
    return data, lines, []
