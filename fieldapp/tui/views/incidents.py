"""Incidents as the screens say them: the daily report's incident lines."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fieldapp.i18n import listed, t


def incident_lines(counts: Mapping[str, Any]) -> str:
    """ "\\nIncidents: 2 (Fireworks sold illegally 1, Fire 1)", or "" when there were none."""
    total = int(counts.get("incidents") or 0)
    if not total:
        return ""
    by_category = counts.get("incidents_by_category") or {}
    parts = listed(f"{t(f'incident.category.{c}')} {n}" for c, n in by_category.items())
    return "\n" + t("report.incidents", count=total, categories=parts)
