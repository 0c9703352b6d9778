"""A campaign item coded as an item of a kind's checklist (COM-01 in a campaign and in
the rental_housing checklist) cannot be told apart on a device: the inspection would ask
COM-01 once, and the campaign's item would take the checklist item's answer. Publishing
such a campaign is refused, naming the code and the checklist it clashes with."""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.domain.campaigns import Campaign as CampaignDoc
from fieldapp.domain.checklist import Checklist as ChecklistDoc
from fieldapp.domain.checklist_toml import ChecklistInvalid, load_checklist_text
from fieldapp.paths import CHECKLISTS_DIR
from sync.server.models import Checklist


@dataclass(frozen=True)
class ItemClash:
    item: str  # the code the campaign and the checklist both give
    kind: str  # the venue kind the campaign's section is for
    checklist: str  # the id of the kind's checklist that holds the code


def item_clashes(doc: CampaignDoc) -> list[ItemClash]:
    """Each campaign item whose code a checklist of one of its kinds also holds: a
    checklist devices ship with or the newest published version of one."""
    checklists = [*_shipped(), *_published()]
    clashes = []
    for part in doc.sections:
        for kind in part.kinds:
            for checklist in checklists:
                if kind not in checklist.kinds:
                    continue
                codes = {item.code for item in checklist.items}
                clashes += [
                    ItemClash(item.code, kind, checklist.id)
                    for item in part.section.items
                    if item.code in codes
                ]
    return list(dict.fromkeys(clashes))  # shipped and published alike: said once


def _published() -> list[ChecklistDoc]:
    newest: dict[str, Checklist] = {}
    for row in Checklist.select().order_by(Checklist.checklist_id, Checklist.version):
        newest[row.checklist_id] = row  # the last version read is the newest
    return [ChecklistDoc.from_dict(row.body) for row in newest.values()]


def _shipped() -> list[ChecklistDoc]:
    found = []
    for path in sorted(CHECKLISTS_DIR.glob("*.toml")):
        try:
            found.append(load_checklist_text(path.read_text(encoding="utf-8"), path.name))
        except (OSError, UnicodeDecodeError, ChecklistInvalid):
            continue  # a device does not load it either
    return found
