"""Campaigns on the device: the definitions held, which apply to a venue today, and the
shipped definitions loaded at start-up (off until the office switches them on).

The office switches campaigns on the server (`fieldapp admin campaign …`); a pull brings
the definition and its run (`sync.client.apply`). An inspection pins the campaigns that
applied when it started (`pinned`/`pin`), so its checklist does not change under it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peewee import DoesNotExist

from fieldapp.domain.campaigns import Campaign, CampaignRun
from fieldapp.domain.canonical import payload_hash
from fieldapp.domain.clock import now_iso
from fieldapp.services.common import settings
from fieldapp.store.campaign_models import Campaign as CampaignRow
from fieldapp.store.campaign_models import CampaignRun as RunRow
from fieldapp.store.models import Grid

if TYPE_CHECKING:  # the TOML reader is imported only when a file is new or changed
    from fieldapp.domain.checklist_toml import ChecklistError

# Text sha256s of the shipped definition files already held: the next start-up does not
# parse them (nor import the TOML reader), so the home screen shows sooner.
SEEN_SETTING = "campaign_files_seen"


@dataclass(frozen=True)
class Applied:
    """A campaign that applies: its definition and the phase it is in."""

    campaign: Campaign
    phase: str


@dataclass
class CampaignLoadReport:
    loaded: list[tuple[str, int]] = field(default_factory=list)
    errors: list[ChecklistError] = field(default_factory=list)


_cache: dict[tuple[str, str, int], Campaign] = {}


def _db_name() -> str:
    return str(CampaignRow._meta.database.database)  # type: ignore[attr-defined]


def load_campaigns(directory: Path | None = None) -> CampaignLoadReport:
    """Store each valid shipped definition not held yet (a held version never changes)."""
    if directory is None:
        from fieldapp.paths import CAMPAIGNS_DIR

        directory = CAMPAIGNS_DIR
    report = CampaignLoadReport()
    seen = set(settings.get(SEEN_SETTING) or [])
    held: set[str] = set()  # the files' shas that are stored now
    for path in sorted(directory.glob("*.toml")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            from fieldapp.domain.checklist_toml import ChecklistError
            from fieldapp.domain.wording import said

            report.errors.append(
                ChecklistError(path.name, 0, "", said("checklist.cannot_read", error=exc))
            )
            continue
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if sha in seen:
            held.add(sha)
            continue
        from fieldapp.domain.campaigns_toml import load_campaign_text
        from fieldapp.domain.checklist_toml import ChecklistInvalid

        try:
            campaign = load_campaign_text(text, path.name)
        except ChecklistInvalid as exc:
            report.errors.extend(exc.errors)
            continue
        if store_definition(campaign):
            report.loaded.append((campaign.code, campaign.version))
        held.add(sha)  # stored now, or that (code, version) was held already
    if held != seen:
        settings.put(SEEN_SETTING, sorted(held))
    return report


def store_definition(campaign: Campaign) -> bool:
    """Keep a definition version; False when that (code, version) is already held."""
    body = campaign.to_dict()
    inserted = (
        CampaignRow.insert(
            code=campaign.code,
            version=campaign.version,
            body=body,
            sha256=payload_hash(body),
            loaded_at=now_iso(),
        )
        .on_conflict_ignore()
        .execute()
    )
    return bool(inserted)


def get_campaign(code: str, version: int) -> Campaign:
    key = (_db_name(), code, version)
    cached = _cache.get(key)
    if cached is None:
        row = CampaignRow.get((CampaignRow.code == code) & (CampaignRow.version == version))
        cached = _cache[key] = Campaign.from_dict(row.body)
    return cached


def runs() -> list[CampaignRun]:
    return [
        CampaignRun(
            code=r.code,
            version=r.version,
            active=r.active,
            phase=r.phase,
            starts_on=r.starts_on,
            ends_on=r.ends_on,
            grids=tuple(r.grids or ()),
        )
        for r in RunRow.select().order_by(RunRow.code)
    ]


def grid_path(grid_code: str) -> list[str]:
    """A grid and its ancestors up to the root."""
    path: list[str] = []
    code: str | None = grid_code
    while code and code not in path:
        path.append(code)
        row = Grid.get_or_none(Grid.code == code)
        code = row.parent_code if row is not None else None
    return path


def applying(grids: Iterable[str], day: dt.date) -> list[Applied]:
    """The campaigns on, on `day`, in any of `grids` (pass a venue's `grid_path`)."""
    grids = list(grids)
    found = []
    for run in runs():
        if not run.applies(day, grids):
            continue
        try:
            found.append(Applied(get_campaign(run.code, run.version), run.phase))
        except DoesNotExist:
            continue  # the run arrived before its definition: not applied yet
    return found


def pin(applied: list[Applied]) -> list[dict[str, Any]]:
    """What an inspection records of the campaigns it started under."""
    return [
        {"code": a.campaign.code, "version": a.campaign.version, "phase": a.phase} for a in applied
    ]


def pinned(records: list[dict[str, Any]]) -> list[Applied]:
    """The campaigns an inspection recorded (definitions the device still holds)."""
    found = []
    for record in records or ():
        try:
            campaign = get_campaign(str(record["code"]), int(record["version"]))
        except (DoesNotExist, KeyError, ValueError):
            continue
        found.append(Applied(campaign, str(record.get("phase", ""))))
    return found


def clear_cache() -> None:
    _cache.clear()
