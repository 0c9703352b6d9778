"""Settings kept in the store: language, cadence per kind, report deadlines."""

from __future__ import annotations

from typing import Any

from fieldapp.domain.cadence import DEFAULT_CADENCE_DAYS
from fieldapp.store.models import Setting


def get(key: str, default: Any = None) -> Any:
    row = Setting.get_or_none(Setting.key == key)
    return default if row is None else row.value


def put(key: str, value: Any) -> None:
    Setting.insert(key=key, value=value).on_conflict_replace().execute()


def cadence() -> dict[str, int]:
    return {**DEFAULT_CADENCE_DAYS, **(get("cadence_days") or {})}


def language(default: str = "zh") -> str:
    return str(get("language", default))


def checklist_params() -> dict[str, float]:
    """The office's thresholds (`param.*` of checklist conditions) that override the
    checklists' defaults, e.g. {"min_extinguishers": 2}."""
    return {str(k): float(v) for k, v in (get("checklist_params") or {}).items()}
