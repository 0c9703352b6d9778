"""Campaigns (专项行动): sets of checks the office switches on for a time, a phase and grids.

A campaign has two parts that travel together but change separately:

- its **definition** (`Campaign`, a versioned document like a checklist, written as
  `assets/campaigns/<code>.toml`): names, phases, key days, targets and the checklist
  sections it adds, each for the venue kinds it names. Items keep their own stable codes
  (CAT-07 is CAT-07 in the ledger whether or not the campaign is on);
- its **run** (`CampaignRun`): whether the office has it on, in which phase, from when to
  when and in which grids (none named: everywhere).

An inspection started while a campaign applies to its venue pins the campaign's
(code, version, phase): its checklist is the kind's checklist followed by the campaign's
sections for that kind (`with_campaigns`), and its conditions see
`campaign.<code>` and `campaign.<code>.phase`.

`targets` (name -> number, e.g. `enforcement_cases_per_community = 3`, each per
community) are for the dashboard and the daily report, which count work against them
(`services.daily_report.work_figures`); `TARGET_NAMES` are the ones they can count.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from fieldapp.domain.checklist import (
    Checklist,
    Section,
    basis_in,
    section_from_dict,
    section_to_dict,
)

log = logging.getLogger(__name__)

TARGET_NAMES = ("patrols_per_day", "incidents_handled", "enforcement_cases_per_community")


@dataclass(frozen=True)
class CampaignSection:
    """A checklist section a campaign adds to the checklists of `kinds`."""

    kinds: tuple[str, ...]
    section: Section


def has_ended(ends_on: str, day: dt.date) -> bool:
    """A campaign's last day (ISO, "" for open) is before `day`: switched on, it no longer
    runs (`CampaignRun.applies`), so it is not said to be in progress."""
    return bool(ends_on) and day > dt.date.fromisoformat(ends_on)


def phase_name(
    phases: tuple[str, ...], phases_en: tuple[str, ...], phase: str, language: str
) -> str:
    """`phase` in `language`: the English name beside it in `phases_en`, else itself."""
    if language == "en" and phase in phases and len(phases_en) == len(phases):
        return phases_en[phases.index(phase)]
    return phase


@dataclass(frozen=True)
class Campaign:
    code: str  # lower-case, e.g. epidemic, spring_festival
    version: int
    zh: str
    en: str
    sections: tuple[CampaignSection, ...] = ()
    phases: tuple[str, ...] = ()  # e.g. 无病例 / 有病例 / 社区传播; empty: no phases
    phases_en: tuple[str, ...] = ()  # their English names, in the same order (optional)
    key_days: tuple[str, ...] = ()  # ISO dates that matter (e.g. 除夕)
    starts_on: str = ""  # the default date range (ISO), e.g. 2/4 - 2/26
    ends_on: str = ""
    targets: dict[str, float] = field(default_factory=dict)
    basis: str = ""
    basis_en: str = ""  # added later: in a body only when given

    def basis_for(self, language: str) -> str:
        return basis_in(self.basis, self.basis_en, language)

    def phase_name(self, phase: str, language: str) -> str:
        """How a phase is shown: its English name in English when the office gave one (the
        phase itself, as conditions name it, otherwise)."""
        return phase_name(self.phases, self.phases_en, phase, language)

    def phase_named(self, name: str) -> str | None:
        """The phase `name` names: a phase as the file writes it (有病例), or its English
        name in any case (Cases, cases) when the office gave them; None for no phase."""
        if name in self.phases:
            return name
        if len(self.phases_en) == len(self.phases):
            english = [phase.casefold() for phase in self.phases_en]
            if name.strip().casefold() in english:
                return self.phases[english.index(name.strip().casefold())]
        return None

    def sections_for(self, kind: str) -> tuple[Section, ...]:
        return tuple(part.section for part in self.sections if kind in part.kinds)

    def to_dict(self) -> dict[str, Any]:
        body = asdict(self)
        body["sections"] = [
            {"kinds": list(part.kinds), "section": section_to_dict(part.section)}
            for part in self.sections
        ]
        if not body["basis_en"]:
            del body["basis_en"]  # a definition without one keeps the body it always had
        return body

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Campaign:
        return cls(
            code=data["code"],
            version=int(data["version"]),
            zh=data["zh"],
            en=data["en"],
            sections=tuple(
                CampaignSection(tuple(part["kinds"]), section_from_dict(part["section"]))
                for part in data.get("sections", ())
            ),
            phases=tuple(data.get("phases", ())),
            phases_en=tuple(data.get("phases_en", ())),
            key_days=tuple(data.get("key_days", ())),
            starts_on=data.get("starts_on", ""),
            ends_on=data.get("ends_on", ""),
            targets={k: float(v) for k, v in data.get("targets", {}).items()},
            basis=data.get("basis", ""),
            basis_en=data.get("basis_en", ""),
        )


@dataclass(frozen=True)
class CampaignRun:
    """What the office switched: on or off, the phase, the dates and the grids."""

    code: str
    version: int
    active: bool = False
    phase: str = ""
    starts_on: str = ""  # ISO date or "" (open)
    ends_on: str = ""
    grids: tuple[str, ...] = ()  # grid codes (a town covers its villages); empty: all

    def applies(self, day: dt.date, grid_path: Iterable[str]) -> bool:
        """On, `day` in its dates, and one of its grids on the venue's path to the root."""
        if not self.active:
            return False
        if self.starts_on and day < dt.date.fromisoformat(self.starts_on):
            return False
        if has_ended(self.ends_on, day):
            return False
        return not self.grids or not set(self.grids).isdisjoint(grid_path)


@dataclass(frozen=True)
class LeftOut:
    """A campaign item a device leaves out of a kind's inspection: its code is already
    asked (`with_campaigns`). `number` is its place among the campaign's items, in the
    order of its file (1 for the first), as the office finds it."""

    campaign: Campaign
    number: int
    code: str


def with_campaigns(checklist: Checklist, kind: str, campaigns: Sequence[Campaign]) -> Checklist:
    """The kind's checklist followed by each campaign's sections for the kind.

    A campaign item coded as an item already asked (COM-01 of the checklist; the office
    now refuses to publish such a campaign, one published before may be on a device) is
    left out and logged (`left_out` names it for the person): asked twice under one code,
    the two would share one answer and the second could never be reached."""
    added, dropped = _joined(checklist, kind, campaigns)
    for item in dropped:
        log.warning(
            "campaign %s v%s: item %s left out of %s, which already asks %s",
            item.campaign.code,
            item.campaign.version,
            item.code,
            checklist.id,
            item.code,
        )
    if not added:
        return checklist
    return replace(checklist, sections=checklist.sections + tuple(added))


def left_out(checklist: Checklist, kind: str, campaigns: Sequence[Campaign]) -> list[LeftOut]:
    """The campaign items `with_campaigns` leaves out of the kind's inspection."""
    return _joined(checklist, kind, campaigns)[1]


def _joined(
    checklist: Checklist, kind: str, campaigns: Sequence[Campaign]
) -> tuple[list[Section], list[LeftOut]]:
    codes = {item.code for item in checklist.items}
    added: list[Section] = []
    dropped: list[LeftOut] = []
    for campaign in campaigns:
        numbers: dict[str, int] = {}  # each item's place in the campaign's file, 1 for the first
        for part in campaign.sections:
            for item in part.section.items:
                numbers.setdefault(item.code, len(numbers) + 1)
        for section in campaign.sections_for(kind):
            kept = tuple(item for item in section.items if item.code not in codes)
            dropped += [LeftOut(campaign, numbers[item.code], item.code)
                        for item in section.items if item.code in codes]  # fmt: skip
            codes.update(item.code for item in kept)
            if kept:
                added.append(replace(section, items=kept))
    return added, dropped
