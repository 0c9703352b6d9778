"""A small grid tree and inspections through the services, for the rounds, daily-report
and export tests.

Town T1 → villages V1 (areas A11, A12) and V2 (area A21). A supervisor on T1, an inspector
on A11, one on A12 and one on V2. Time runs in China (UTC+8) so local dates and UTC
timestamps differ, and a movable clock lets an inspection happen on any day.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest

from fieldapp.domain import cadence
from fieldapp.domain import clock as clock_module
from fieldapp.domain.ids import new_id
from fieldapp.services.common import settings
from fieldapp.services.common.checklists import clear_cache, load_checklists
from fieldapp.services.common.identity import set_identity
from fieldapp.services.inspection import inspections
from fieldapp.store.models import FindingEvent, Grid, Person, PersonGrid, Venue

CHINA = dt.timezone(dt.timedelta(hours=8))
SUPERVISOR = "0190b000-0000-7000-8000-00000000000s"
INSPECTOR_A11 = "0190b000-0000-7000-8000-0000000000a1"
INSPECTOR_A12 = "0190b000-0000-7000-8000-0000000000a2"
INSPECTOR_V2 = "0190b000-0000-7000-8000-0000000000b2"
DEVICE = "0190b000-0000-7000-8000-0000000000dd"


def china(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=CHINA)


@dataclass
class Clock:
    """fieldapp's clock, stopped at `at` and moved by the test."""

    at: dt.datetime

    def set(self, at: dt.datetime) -> None:
        self.at = at


@contextmanager
def china_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    """Local time is Asia/Shanghai (Python and SQLite both follow TZ) and fieldapp's clock
    stands still where the test puts it."""
    holder = Clock(china(2026, 6, 10))
    monkeypatch.setattr(clock_module, "_now", lambda: holder.at.astimezone(dt.UTC))
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    try:
        yield holder
    finally:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        time.tzset()


def build_tree() -> None:
    """Grids, people and the shipped checklists; the device acts for the A11 inspector."""
    clear_cache()
    report = load_checklists()
    if not report.ok:
        raise RuntimeError(f"shipped checklists do not load: {report}")
    Grid.create(code="T1", name="示例镇", level="town")
    Grid.create(code="V1", name="东村", level="village", parent="T1")
    Grid.create(code="V2", name="西村", level="village", parent="T1")
    Grid.create(code="A11", name="东村一片", level="area", parent="V1")
    Grid.create(code="A12", name="东村二片", level="area", parent="V1")
    Grid.create(code="A21", name="西村一片", level="area", parent="V2")
    for person_id, name, role, grid in (
        (SUPERVISOR, "王网格长", "supervisor", "T1"),
        (INSPECTOR_A11, "李一", "inspector", "A11"),
        (INSPECTOR_A12, "张二", "inspector", "A12"),
        (INSPECTOR_V2, "赵三", "inspector", "V2"),
    ):
        Person.create(id=person_id, name=name, role=role)
        PersonGrid.create(person=person_id, grid=grid)
    act_as(INSPECTOR_A11)


def act_as(person_id: str) -> None:
    set_identity(person_id, DEVICE)


def close_event(finding_id: str, at: str) -> None:
    """A 'closed' event by the supervisor at the UTC stamp `at`, written straight to the
    store (the finding's cached state is left as it was)."""
    FindingEvent.create(
        id=new_id(),
        finding=finding_id,
        type="closed",
        actor=SUPERVISOR,
        role="supervisor",
        device_id=DEVICE,
        at=at,
    )


def add_venue(
    code: str,
    kind: str,
    grid: str,
    *,
    risk: str = "normal",
    last: dt.date | None = None,
) -> str:
    """A venue whose cached due date follows its last inspection (none: never inspected)."""
    venue_id = new_id()
    Venue.create(
        id=venue_id,
        code=code,
        name=f"场所{code}",
        kind=kind,
        grid=grid,
        risk_level=risk,
        last_inspected_on=last,
        due_on=cadence.due_on(kind, risk, last, settings.cadence()),
    )
    return venue_id


def inspect(
    clock: Clock,
    venue_id: str,
    at: dt.datetime,
    *,
    fail: tuple[str, ...] = (),
    values: dict[str, str] | None = None,
    inspector: str | None = None,
) -> str:
    """Start, answer every item (pass, or fail for codes in `fail`) and submit at `at`."""
    clock.set(at)
    if inspector:
        act_as(inspector)
    inspection_id = inspections.start_inspection(venue_id)
    view = inspections.load(inspection_id)
    values = values or {}
    for item in view.checklist.items:
        outcome = "fail" if item.code in fail else "pass"
        value = values.get(item.code, "")
        if not value:
            value = {
                "number": "2",
                "text": "记录",
                "date": at.date().isoformat(),
                "choice": item.choices[0] if item.choices else "",
            }.get(item.answer, "")
        if item.answer in ("number", "text", "date", "choice") and outcome == "pass":
            outcome = "value"
        inspections.record_answer(inspection_id, item, outcome, value)
    inspections.submit(inspection_id, "店主")
    return inspection_id
