"""The activity types in force: the office's (setting `activity_types`, a list of tables
as in `assets/activities.toml`) or else the shipped ones.

The shipped file's tables are kept in the store as they were last parsed, with the file's
sha256 (`load_shipped_types`, at start-up, as the checklists are): every home read asks for
the types, and an unchanged file is then not parsed again (nor the TOML reader imported,
~3 ms of CPU before the first frame)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from fieldapp.domain.activities import ActivityType, ActivityTypeInvalid, activity_types_from
from fieldapp.services.common import settings

SETTING_KEY = "activity_types"
# {"sha256": text sha256 of the shipped file, "types": its [[types]] tables, parsed}
SHIPPED_SETTING = "activity_types_shipped"


def _shipped_text(path: Path | None) -> bytes:
    if path is None:
        from fieldapp.paths import ACTIVITIES_FILE

        path = ACTIVITIES_FILE
    return path.read_bytes()


def _parsed(text: bytes) -> list[Any]:
    import tomllib

    types: list[Any] = tomllib.loads(text.decode("utf-8")).get("types", [])
    return types


def _held(text: bytes) -> list[Any] | None:
    """The tables stored for this very text, if they are."""
    held = settings.get(SHIPPED_SETTING)
    if isinstance(held, dict) and held.get("sha256") == hashlib.sha256(text).hexdigest():
        types: list[Any] = held["types"]
        return types
    return None


def shipped_types(path: Path | None = None) -> list[ActivityType]:
    text = _shipped_text(path)
    tables = _held(text) if path is None else None
    return activity_types_from(_parsed(text) if tables is None else tables)


def load_shipped_types() -> None:
    """Keep the shipped file's tables in the store when the file is new or changed. A file
    that cannot be read or parsed is left to say so where the types are read, as before."""
    try:
        text = _shipped_text(None)
        if _held(text) is None:
            tables = _parsed(text)
            settings.put(
                SHIPPED_SETTING, {"sha256": hashlib.sha256(text).hexdigest(), "types": tables}
            )
    except (OSError, ValueError):  # tomllib.TOMLDecodeError and UnicodeDecodeError are ValueErrors
        pass


def activity_types() -> list[ActivityType]:
    """The office's types when it set valid ones, else those shipped with the program."""
    office = settings.get(SETTING_KEY)
    if office:
        try:
            return activity_types_from(office)
        except ActivityTypeInvalid:
            pass  # a broken office list must not stop the work: the shipped ones hold
    return shipped_types()


def activity_type(code: str) -> ActivityType | None:
    return next((kind for kind in activity_types() if kind.code == code), None)
