"""A check item as the server holds it: in the checklist version an inspection used, or
in a section of a campaign version it was inspected under (`summary.campaigns`).

The office's robot messages read it to say a generated hazard description ("Not met: …")
in Chinese; the inspection's checks read it to know a long "未达标：…" description for
the item's own wording, which its import bounds, rather than text a person typed."""

from __future__ import annotations

from typing import Any

from fieldapp.domain.campaigns import Campaign as CampaignDoc
from fieldapp.domain.checklist import Checklist as ChecklistDoc
from fieldapp.domain.checklist import Item, base_code
from sync.server.admin_models import Campaign
from sync.server.models import Checklist


def published_item(
    checklist_id: str, version: int, summary: dict[str, Any] | None, code: str
) -> Item | None:
    """The item `code` of checklist `checklist_id` at `version`, or of a campaign version
    `summary` pins; None when none is published, or a body or a pin cannot be read."""
    try:
        return _item(checklist_id, version, summary or {}, code)
    except (KeyError, ValueError, TypeError, AttributeError):  # an unreadable body or pin
        return None


def _item(checklist_id: str, version: int, summary: dict[str, Any], code: str) -> Item | None:
    row = Checklist.get_or_none(
        (Checklist.checklist_id == checklist_id) & (Checklist.version == version)
    )
    sections = list(ChecklistDoc.from_dict(row.body).sections) if row is not None else []
    for pinned in summary.get("campaigns", []):
        campaign = Campaign.get_or_none(
            (Campaign.code == str(pinned.get("code")))
            & (Campaign.version == int(pinned.get("version") or 0))
        )
        if campaign is not None:
            sections += [part.section for part in CampaignDoc.from_dict(campaign.body).sections]
    for section in sections:
        for item in section.items:
            if item.code == base_code(code):  # RNT-04#3: item RNT-04 (room 3)
                return item
    return None
