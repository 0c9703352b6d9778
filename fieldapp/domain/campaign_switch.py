"""A campaign's switch as patrol attendance reads it: on or off, its dates, and when it
was switched on and off, so a window is judged by whether the campaign ran at that
window, not by what the switch says today.

Pure: no Peewee, no Textual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fieldapp.domain.clock import utc_moment


def in_campaign(day: dt.date, campaign: str, active: bool, starts_on: str, ends_on: str) -> bool:
    """Does a route of `campaign` ("" = none) patrol on `day`, given what the office
    switched (the campaign's run: active, and its dates, "" = open)?"""
    if not campaign:
        return True
    if not active:
        return False
    iso = day.isoformat()
    return (not starts_on or iso >= starts_on) and (not ends_on or iso <= ends_on)


@dataclass(frozen=True, slots=True)
class CampaignSwitch:
    """What the office switched for a campaign: on or off, and its dates ("" = open).
    `periods`: when it was switched on and off (local times; None: still on), oldest
    first; none known (a run switched before they were kept): `active` stands for all."""

    active: bool
    starts_on: str = ""
    ends_on: str = ""
    periods: tuple[tuple[dt.datetime, dt.datetime | None], ...] = ()

    def runs_at(self, day: dt.date, ends: dt.datetime, campaign: str) -> bool:
        """Does a route of `campaign` ("" = none) patrol a window of `day` that ends at
        `ends`? Only if the campaign was on when the window ended: switching it on or off
        later never adds or takes away a window that was over by then."""
        if not self.periods or not campaign:
            return in_campaign(day, campaign, self.active, self.starts_on, self.ends_on)
        if not in_campaign(day, campaign, True, self.starts_on, self.ends_on):
            return False
        return any(on <= ends and (off is None or ends <= off) for on, off in self.periods)


def switched_periods(
    stamps: Iterable[Sequence[str]], zone: dt.tzinfo | None = None
) -> tuple[tuple[dt.datetime, dt.datetime | None], ...]:
    """A run's periods as stored ([switched on, switched off or ""] UTC stamps) as local
    times in `zone` (None: this machine's), as the schedule's windows are."""

    def local(stamp: str) -> dt.datetime:
        return utc_moment(stamp).astimezone(zone).replace(tzinfo=None)

    return tuple((local(on), local(off) if off else None) for on, off, *_ in stamps)
