"""Settings kept in the store: the device's own (language, keymap) and the office's,
pulled from the server (`fieldapp.domain.office.OFFICE_SETTINGS`: cadence per kind,
report deadlines, thresholds)."""

from __future__ import annotations

from typing import Any

from fieldapp.services.common.kinds import kind_cadence
from fieldapp.store.db import db
from fieldapp.store.models import SETTING_VALUE_SQL, Setting


def get(key: str, default: Any = None) -> Any:
    row = db.execute_sql(SETTING_VALUE_SQL, (key,)).fetchone()
    return default if row is None else Setting.value.python_value(row[0])


def put(key: str, value: Any) -> None:
    Setting.insert(key=key, value=value).on_conflict_replace().execute()


def cadence() -> dict[str, int]:
    """Days between inspections per kind: the kinds' own (shipped or published), then the
    office's `cadence_days` setting."""
    return {**kind_cadence(), **(get("cadence_days") or {})}


def language(default: str = "zh") -> str:
    return str(get("language", default))


def checklist_params() -> dict[str, float]:
    """The office's thresholds (`param.*` of checklist conditions) that override the
    checklists' defaults, e.g. {"min_extinguishers": 2}."""
    return {str(k): float(v) for k, v in (get("checklist_params") or {}).items()}
