"""A finding's check item in words, and its description as its reader reads it.

The description a failure generates ("未达标：…" / "Not met: …") is stored in the language
it was recorded in; every screen, export and document reads it through `shown`, which
says it in the reader's language (`fieldapp.domain.finding_text`), recognised by the
item's wording in the version it was recorded under (or another stored one). Typed text
is shown as typed.
"""

from __future__ import annotations

from collections.abc import Iterator

from peewee import DoesNotExist

from fieldapp.domain.campaigns import with_campaigns
from fieldapp.domain.finding_text import (
    is_generated,
    may_be_generated,
    shown_among,
    shown_description,
)
from fieldapp.services.common.campaigns import pinned
from fieldapp.services.common.checklists import (
    ChecklistNotFound,
    checklist_for_kind,
    get_checklist,
    stored_versions,
)
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
    """The finding's description in `lang` (default: the language `t` speaks now). Where
    its version is not known here (a finding held without its inspection is read by the
    newest version, whose item may be reworded since), a generated one is recognised by
    the item's wording in the other versions the store holds."""
    wording = item_wording(finding, venue)
    if wording and is_generated(finding.description, *wording):
        return shown_description(finding.description, *wording, lang)
    if not may_be_generated(finding.description):
        return finding.description  # typed: no version to look through
    return shown_among(finding.description, _stored_wordings(finding, venue), lang)


def _stored_wordings(finding: Finding, venue: Venue | None) -> Iterator[tuple[str, str]]:
    """The finding's item in each stored version of its checklist, newest first."""
    try:
        inspection = finding.inspection
        kind = (venue or finding.venue).kind
        checklist_id = inspection.checklist_id if inspection else checklist_for_kind(kind).id
    except (ChecklistNotFound, DoesNotExist):
        return
    for version in reversed(stored_versions(checklist_id)):
        try:
            item = get_checklist(checklist_id, version).item(finding.item_code)
        except KeyError:
            continue
        yield item.zh, item.en
