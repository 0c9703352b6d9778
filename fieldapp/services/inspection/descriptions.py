"""A finding's check item in words, and its description as its reader reads it.

The description a failure generates ("未达标：…" / "Not met: …") is stored in the language
it was recorded in; every screen, export and document reads it through `shown`, which
says it in the reader's language (`fieldapp.domain.finding_text`). Typed text is shown
as typed.
"""

from __future__ import annotations

from peewee import DoesNotExist

from fieldapp.domain.campaigns import with_campaigns
from fieldapp.domain.finding_text import shown_description
from fieldapp.services.common.campaigns import pinned
from fieldapp.services.common.checklists import ChecklistNotFound, checklist_for_kind, get_checklist
from fieldapp.store.models import Finding, Venue


def item_wording(finding: Finding, venue: Venue | None = None) -> tuple[str, str] | None:
    """(zh, en) of the finding's check item, from the checklist its inspection used (with
    the campaigns it was inspected under); None when that checklist (or the inspection, a
    finding pulled from elsewhere) is not in the store."""
    try:
        inspection = finding.inspection
        if inspection is not None:
            checklist = with_campaigns(
                get_checklist(inspection.checklist_id, inspection.checklist_version),
                (venue or finding.venue).kind,
                [a.campaign for a in pinned((inspection.summary or {}).get("campaigns", []))],
            )
        else:
            checklist = checklist_for_kind((venue or finding.venue).kind)
        item = checklist.item(finding.item_code)
    except (ChecklistNotFound, KeyError, DoesNotExist):
        return None
    return item.zh, item.en


def item_text(finding: Finding, venue: Venue | None = None) -> tuple[str, str]:
    """(zh, en) text of the finding's check item; its code twice when its checklist is
    not in the store."""
    return item_wording(finding, venue) or (finding.item_code, finding.item_code)


def shown(finding: Finding, venue: Venue | None = None, lang: str = "") -> str:
    """The finding's description in `lang` (default: the language `t` speaks now)."""
    wording = item_wording(finding, venue)
    return (
        shown_description(finding.description, *wording, lang) if wording else finding.description
    )
