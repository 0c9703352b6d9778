"""A campaign item coded as an item of a kind's checklist (COM-01 in a campaign and in
the rental_housing checklist) cannot be told apart on a device: the inspection would ask
COM-01 once, and the campaign's item would take the checklist item's answer. Publishing
such a campaign, or such a checklist (a version adding COM-01 when a campaign published
for its kind has it), is refused, naming the code and what it clashes with."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fieldapp.domain.campaigns import Campaign as CampaignDoc
from fieldapp.domain.checklist import Checklist as ChecklistDoc
from fieldapp.domain.checklist_toml import ChecklistInvalid, load_checklist_text
from fieldapp.paths import CHECKLISTS_DIR
from sync.server.admin_models import Campaign
from sync.server.models import Checklist


@dataclass(frozen=True)
class ItemClash:
    item: str  # the code the campaign and the checklist both give
    kind: str  # the venue kind the campaign's section is for
    checklist: str  # the id of the kind's checklist that holds the code
    campaign: str  # the code of the campaign that holds it


def item_clashes(doc: CampaignDoc) -> list[ItemClash]:
    """Each campaign item whose code a checklist of one of its kinds also holds: a
    checklist devices ship with or the newest published version of one."""
    return _clashes([doc], [*_shipped(), *_published()])


def campaign_clashes(doc: ChecklistDoc) -> list[ItemClash]:
    """Each item of a checklist about to be published whose code an item of the newest
    published version of a campaign also gives, in a section for one of its kinds."""
    return _clashes(_published_campaigns(), [doc])


def _clashes(campaigns: Iterable[CampaignDoc], checklists: list[ChecklistDoc]) -> list[ItemClash]:
    clashes = []
    for campaign in campaigns:
        for part in campaign.sections:
            for kind in part.kinds:
                for checklist in checklists:
                    if kind not in checklist.kinds:
                        continue
                    codes = {item.code for item in checklist.items}
                    clashes += [
                        ItemClash(item.code, kind, checklist.id, campaign.code)
                        for item in part.section.items
                        if item.code in codes
                    ]
    return list(dict.fromkeys(clashes))  # shipped and published alike: said once


def _published_campaigns() -> list[CampaignDoc]:
    newest: dict[str, Campaign] = {}
    for row in Campaign.select().order_by(Campaign.code, Campaign.version):
        newest[row.code] = row  # the last version read is the newest
    return [CampaignDoc.from_dict(row.body) for row in newest.values()]


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
