"""A field of a person or household that two devices changed differently, as the server
words it (sync.server.people_edits.clash_line, one line a field, values in JSON), read
back into the UI's language: whose record, which field, what stands and who wrote it, and
what of this device's edit was not applied."""

from __future__ import annotations

import json
import re
from typing import Any

from fieldapp.i18n import listed, t

_STRING = r'"(?:[^"\\]|\\.)*"'
_VALUE = rf"(?:{_STRING}|\[(?:{_STRING}(?:, {_STRING})*)?\]|-?\d+|null)"
_CLASH = re.compile(
    rf"^the (\w+) of (person|household) ({_STRING}) \(([^()]*)\) was changed meanwhile by "
    rf"({_STRING}|the office) to ({_VALUE}); this device's ({_VALUE}) was not applied$"
)
FIELDS = ("name", "sex", "birth_year", "id_number", "phone", "tags", "arrived_on", "left_on",
          "note", "code", "building", "venue_id", "address")  # fmt: skip


def _value(field: str, value: Any) -> str:
    if value in (None, "", []):
        return t("people.conflict.empty")
    if field == "tags":
        return listed([t(f"tag.{tag}") for tag in value])
    if field == "sex":
        return t(f"person.sex.{value}")
    return t("people.conflict.quoted", value=value)


def _writer(by: str) -> str:
    """Who wrote the value that stands: a name, the office (an import), or someone."""
    if by == "the office":
        return t("people.conflict.office")
    return json.loads(by) or t("people.conflict.someone")


def clash_in_words(line: str) -> str | None:
    """The line in the UI's language, or None when it is no such line."""
    found = _CLASH.match(line)
    if found is None or found[1] not in FIELDS:
        return None
    name, _kind, record, _id, by, theirs, mine = found.groups()
    return t(
        "people.conflict.kept",
        record=json.loads(record),
        field=t(f"people.conflict.field.{name}"),
        by=_writer(by),
        theirs=_value(name, json.loads(theirs)),
        mine=_value(name, json.loads(mine)),
    )


def clashes_in_words(reason: str) -> str | None:
    """Every line of a people conflict in words, or None when `reason` is not one."""
    said = [clash_in_words(line) for line in reason.split("\n")]
    if not said or any(s is None for s in said):
        return None
    return " ".join(s for s in said if s)
