"""The daily report's lines for work that is neither an inspection nor a hazard:
scheduled activities by type, patrols, and each campaign's figures against its targets.
Built in the worker that reads the counts (activity names come from the office's types)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fieldapp.i18n import listed, pick, t
from fieldapp.services.daily_report.patrol_figures import PATROL_KEYS


def activity_line(counts: Mapping[str, Any]) -> str:
    """ "\\n定期活动：2 项（消防安全宣传日 1、公共消防设施检查 1）", or "" when none."""
    total = int(counts.get("activities") or 0)
    if not total:
        return ""
    from fieldapp.services.activities.types import activity_types

    names = {k.code: pick(k.zh, k.en) for k in activity_types()}
    by_type = counts.get("activities_by_type") or {}
    parts = listed(f"{names.get(code, code)} {n}" for code, n in by_type.items())
    return "\n" + t("report.activities", count=total, types=parts)


def patrol_line(counts: Mapping[str, Any]) -> str:
    """The patrols' lines, or "" when none was due; the checkpoints reached late in partly
    done windows only when there were some (a report filed before it was counted has none)."""
    if not any(counts.get(k) for k in PATROL_KEYS):
        return ""
    figures = {k: int(counts.get(k) or 0) for k in PATROL_KEYS}
    late = figures["patrols_partial_late"]
    partial_late = t("report.patrols_partial_late", count=late) if late else ""
    return "\n" + t("report.patrols", partial_late=partial_late, **figures)


def campaign_name(code: str) -> str:
    """A campaign's name in the language, from the definition of its run on this device."""
    from peewee import DoesNotExist

    from fieldapp.services.common import campaigns

    run = next((r for r in campaigns.runs() if r.code == code), None)
    try:
        campaign = campaigns.get_campaign(code, run.version) if run else None
    except DoesNotExist:
        campaign = None
    return pick(campaign.zh, campaign.en) if campaign else code


def campaign_lines(counts: Mapping[str, Any]) -> str:
    """One line per campaign with targets: each figure against its target."""
    from fieldapp.services.daily_report.work_figures import TARGET_FIGURES

    lines = []
    for code, body in (counts.get("campaigns") or {}).items():
        figures, targets = body.get("figures", {}), body.get("targets", {})
        parts = listed(
            t(
                "target.progress",
                name=t(f"target.{name}"),
                done=int(figures.get(TARGET_FIGURES[name], 0)),
                target=f"{target:g}",
            )  # fmt: skip
            for name, target in targets.items()
            if name in TARGET_FIGURES
        )
        lines.append("\n" + t("report.campaign_line", campaign=campaign_name(code), figures=parts))
    return "".join(lines)


def work_lines(counts: Mapping[str, Any]) -> str:
    return activity_line(counts) + patrol_line(counts) + campaign_lines(counts)
