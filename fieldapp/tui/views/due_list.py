"""A due list's rows as plain values, and a venue's label from rows on screen: shared by
the home screen and the rounds screen, which both list venues due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain
from typing import Any, Protocol

from fieldapp.i18n import t

BRIEF_DATE_WITHIN = dt.timedelta(days=182)


def brief_date(day: dt.date, today: dt.date) -> str:
    """`MM-DD` for a day within half a year of `today` (the nearest such day, whatever
    its year: "01-05" in December is next month's), else the whole date. Five cells more
    for the venue's name in a narrow list (Home's hazards and venues due)."""
    if abs(day - today) <= BRIEF_DATE_WITHIN:
        return day.strftime("%m-%d")
    return day.isoformat()


@dataclass(frozen=True)
class DueRow:
    venue_id: str
    bucket: str  # overdue | today | week | later
    due_on: dt.date | None
    code: str
    name: str
    kind: str
    grid: str
    grid_parent: str = ""  # the name of the grid `grid` is under: shortened where narrow
    due_brief: str = ""  # "11-19" within half a year of today (`brief_date`): narrow lists


def due_rows(venues: Iterable[Any], day: dt.date) -> tuple[DueRow, ...]:
    """Venues of a due list (with their grid loaded) as rows, bucketed for `day`."""
    from fieldapp.domain.cadence import bucket
    from fieldapp.services.common.grid_tree import parent_names

    venues = list(venues)
    parents = parent_names(v.grid.code for v in venues)
    return tuple(
        DueRow(
            venue_id=str(v.id),
            bucket=bucket(v.due_on, day),
            due_on=v.due_on,
            code=v.code,
            name=v.name,
            kind=v.kind,
            grid=v.grid.name,
            grid_parent=parents.get(v.grid.code, ""),
            due_brief=brief_date(v.due_on, day) if v.due_on else "",
        )
        for v in venues
    )


class VenueRow(Protocol):
    @property
    def venue_id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def code(self) -> str: ...


def venue_label(venue_id: str, *shown: Iterable[VenueRow]) -> str:
    """'name（code）' from the first row on screen that has the venue, else its id."""
    for row in chain(*shown):
        if row.venue_id == venue_id:
            return t("venue.label", name=row.name, code=row.code)
    return venue_id
