"""Pulled `kind`, `grid_level` and `setting` changes: what the office shapes as data."""

from __future__ import annotations

from typing import Any

from fieldapp.domain import clock
from fieldapp.domain.office import OFFICE_SETTINGS, GridLevel, VenueKind
from fieldapp.store.models import Setting
from fieldapp.store.office_models import GridLevelRow, VenueKindRow


def store_kind(r: dict[str, Any]) -> None:
    kind = VenueKind.from_dict(r)
    values = {"body": kind.to_dict(), "updated_at": r.get("updated_at") or ""}
    VenueKindRow.insert(code=kind.code, **values).on_conflict(
        conflict_target=[VenueKindRow.code], update=values
    ).execute()


def store_level(r: dict[str, Any]) -> None:
    level = GridLevel.from_dict(r)
    values = {
        "depth": level.depth,
        "body": level.to_dict(),
        "updated_at": r.get("updated_at") or "",
    }
    GridLevelRow.insert(code=level.code, **values).on_conflict(
        conflict_target=[GridLevelRow.code], update=values
    ).execute()


def store_setting(r: dict[str, Any], warnings: list[str]) -> None:
    """An office setting replaces the device's value of that key; no other key is ever
    written from the wire (language and keymap stay the device's own). The office's time
    zone, which the server publishes itself, is said by the clock from now on."""
    key = str(r.get("key", ""))
    if key == clock.OFFICE_ZONE_SETTING:
        clock.use_zone(r.get("value"))
    elif key not in OFFICE_SETTINGS:
        warnings.append(f"ignored a setting the office may not publish: {key!r}")
        return
    Setting.insert(key=key, value=r.get("value")).on_conflict_replace().execute()
