"""The activity types in force: the office's (setting `activity_types`, a list of tables
as in `assets/activities.toml`) or else the shipped ones."""

from __future__ import annotations

import tomllib
from pathlib import Path

from fieldapp.domain.activities import ActivityType, ActivityTypeInvalid, activity_types_from
from fieldapp.services.common import settings

SETTING_KEY = "activity_types"


def shipped_types(path: Path | None = None) -> list[ActivityType]:
    if path is None:
        from fieldapp.paths import ACTIVITIES_FILE

        path = ACTIVITIES_FILE
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return activity_types_from(data.get("types", []))


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
