"""A pulled `campaign` change: the definition and what the office switched."""

from __future__ import annotations

from typing import Any

from fieldapp.domain.clock import now_iso
from fieldapp.store.campaign_models import Campaign, CampaignRun


def store_campaign(r: dict[str, Any]) -> None:
    """The definition is kept like a checklist version (never changed once held); the
    run (on, phase, dates, grids) is replaced by each newer change."""
    Campaign.insert(
        code=r["code"],
        version=r["version"],
        body=r["definition"],
        sha256=r.get("sha256", ""),
        loaded_at=now_iso(),
    ).on_conflict_ignore().execute()
    values = {
        "version": r["version"],
        "active": bool(r.get("active")),
        "phase": r.get("phase") or "",
        "starts_on": r.get("starts_on") or "",
        "ends_on": r.get("ends_on") or "",
        "grids": list(r.get("grids") or []),
        "updated_at": r.get("updated_at") or "",
        "periods": [list(p) for p in r.get("periods") or []],
    }
    CampaignRun.insert(code=r["code"], **values).on_conflict(
        conflict_target=[CampaignRun.code], update=values
    ).execute()
