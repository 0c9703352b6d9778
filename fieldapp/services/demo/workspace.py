"""A throw-away demo workspace: the villages and markets of the source plans, fictional venues.

`build_workspace(home)` fills a fresh store with a town grid, its villages and markets and
their areas, venues of every kind (each marked 示例 in its name), two inspectors and a
supervisor, the shipped checklists, and a few past inspections made through the real
services (so findings, events, the outbox and the venues' due dates are what the program
itself would have written): some hazards open, some overdue, one reported fixed.

Large workspaces for benchmarks (`venues=100_000`, `answers=1_000_000`, or a million
venues) insert venues and a history of submitted inspections in bulk, in one transaction,
with the connection's `executemany` in chunks; no list of every venue is held. The venue
FTS index follows through its triggers.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from fieldapp.domain import clock
from fieldapp.domain.checklist import Item
from fieldapp.domain.finding_text import not_met
from fieldapp.i18n import t
from fieldapp.paths import store_path
from fieldapp.services.common import settings
from fieldapp.services.common.campaigns import load_campaigns
from fieldapp.services.common.checklists import load_checklists
from fieldapp.services.common.identity import set_identity
from fieldapp.services.demo import bulk as demo_bulk
from fieldapp.services.demo.data import VenueSeed, venue_seeds
from fieldapp.services.inspection import findings, inspections
from fieldapp.store.db import db, write_transaction, written_once
from fieldapp.store.models import Answer, Finding, Inspection, Venue
from fieldapp.store.opening import close_store, open_store

DEMO_SETTING = "demo"
ROLES = ("inspector", "supervisor")  # whom the device acts for: --as inspector|supervisor


class DemoError(RuntimeError):
    """The workspace cannot be built (the store already has data, a checklist is bad…),
    said in the language spoken where it is shown (`fieldapp demo --lang en`)."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values

    def __str__(self) -> str:
        return t(self.key, **self.values)


@dataclass(frozen=True)
class DemoInfo:
    home: Path
    store: Path
    venues: int
    inspections: int  # submitted, history included
    answers: int
    open_findings: int  # not yet closed
    overdue_findings: int
    people: dict[str, str]  # inspector | inspector2 | supervisor -> person id
    device_id: str
    acting_as: str  # the person id the device acts for
    seconds: float


@dataclass(frozen=True)
class _Scenario:
    """A past inspection made through the services."""

    who: str  # key of a DemoPerson
    grids: tuple[str, ...]
    kind: str
    days_ago: int
    failures: tuple[int | None, ...] = ()  # deadline in days from today; None: item default
    major_first: bool = False
    rectified_days_ago: int | None = None


_I1, _I2 = ("T01-DM", "T01-LDK"), ("T01-YM-1", "T01-YM-2")
SCENARIOS: tuple[_Scenario, ...] = (
    _Scenario("inspector", _I1, "small_restaurant", 40, (None, None), major_first=True),
    _Scenario("inspector", _I1, "small_school", 30),
    _Scenario("inspector", _I1, "rental_housing", 25, (None,)),
    _Scenario("inspector", _I1, "three_in_one", 20, (None,), major_first=True),
    _Scenario("inspector", _I1, "small_restaurant", 15, (-5,)),
    _Scenario("inspector", _I1, "small_hotel", 12, (None,), rectified_days_ago=3),
    _Scenario("inspector", _I1, "market", 9, (-2,)),
    _Scenario("inspector", _I1, "supermarket", 6),
    _Scenario("inspector", _I1, "small_shop", 5, (10,)),
    _Scenario("inspector", _I1, "hotel", 3),
    _Scenario("inspector", _I1, "internet_cafe", 2, (5,)),
    _Scenario("inspector", _I1, "small_workshop", 1),
    _Scenario("inspector2", _I2, "rental_housing", 18, (None, 12)),
    _Scenario("inspector2", _I2, "three_in_one", 8, (30,)),
    _Scenario("inspector2", _I2, "rental_housing", 4),
)


def demo_description(zh: str, en: str) -> str:
    """What the demo inspector leaves for a failed item: the description the hazard form
    generates when nothing is typed (未达标：出口未锁闭, the item being the requirement),
    so an English reader of the demo reads it in English, as they would a real one."""
    return not_met(zh, en, "zh")


def build_workspace(
    home: Path,
    *,
    venues: int = 360,
    seed: int = 7,
    answers: int = 0,
    as_role: str = "inspector",
) -> DemoInfo:
    """Fill the fresh store under `home` with demo data; the same seed gives the same data.

    `answers` adds a history of submitted inspections holding about that many answers
    (for the cold-start benchmark). The device acts for the first inspector, or for the
    supervisor with `as_role="supervisor"`. Leaves the store open if it was open on
    this file already, closed otherwise.
    """
    if as_role not in ROLES:
        raise DemoError("demo.refused.role", roles=" / ".join(ROLES))
    started = time.perf_counter()
    home.mkdir(parents=True, exist_ok=True)
    path = store_path(home)
    was_open = not db.is_closed() and Path(str(db.database)) == path
    if not was_open:
        open_store(path)
    try:
        if Venue.select().exists():
            raise DemoError("demo.refused.has_venues", store=path)
        report = load_checklists()
        if report.errors or report.kept:
            raise DemoError("demo.refused.checklists", problems="; ".join(report.messages()))
        load_campaigns()
        rng = random.Random(seed)
        ids = demo_bulk.IdMaker(rng)
        day = clock.today()
        # The venues are drawn twice from the same state instead of held in memory: first
        # to choose the scenarios' venues (and move `rng` past them, as the ids expect),
        # then again while they are inserted.
        seeds_from = rng.getstate()
        chosen, chosen_seeds = _choose_scenario_venues(venue_seeds(rng, venues))
        again = random.Random()
        again.setstate(seeds_from)
        with written_once(db), write_transaction():
            people = demo_bulk.insert_grids_and_people(ids)
            device_id = ids()
            venue_ids = demo_bulk.insert_venues(
                rng, ids, venue_seeds(again, venues), day, skip=set(chosen.values())
            )
            if answers > 0:
                demo_bulk.insert_history(rng, ids, people, device_id, answers)
            settings.put(
                DEMO_SETTING,
                {"seed": seed, "venues": venues, "answers": answers, "people": people},
            )
        _run_scenarios(rng, chosen, venue_ids, chosen_seeds, people, device_id, day)
        acting = people["inspector" if as_role == "inspector" else "supervisor"]
        set_identity(acting, device_id)
        return DemoInfo(
            home=home,
            store=path,
            venues=Venue.select().count(),
            inspections=Inspection.select().where(Inspection.status == "submitted").count(),
            answers=Answer.select().count(),
            open_findings=Finding.select().where(Finding.state != "closed").count(),
            overdue_findings=Finding.select()
            .where((Finding.state == "open") & (Finding.current_deadline < day))
            .count(),
            people=people,
            device_id=device_id,
            acting_as=acting,
            seconds=time.perf_counter() - started,
        )
    finally:
        if not was_open:
            close_store()


def act_as(role: str) -> str:
    """Switch the open demo store's device to the demo inspector or supervisor."""
    if role not in ROLES:
        raise DemoError("demo.refused.role", roles=" / ".join(ROLES))
    demo = settings.get(DEMO_SETTING)
    if not demo:
        raise DemoError("demo.refused.not_a_demo", store=db.database)
    from fieldapp.services.common.identity import sync_state

    person = demo["people"]["inspector" if role == "inspector" else "supervisor"]
    set_identity(person, sync_state().device_id)
    return str(person)


def _in_grids(seed: VenueSeed, grids: tuple[str, ...]) -> bool:
    return any(seed.grid == g or seed.grid.startswith(g + "-") for g in grids)


def _choose_scenario_venues(
    seeds: Iterable[VenueSeed],
) -> tuple[dict[int, int], dict[int, VenueSeed]]:
    """Scenario index -> venue index: the first venue of the kind in the person's grids
    not taken by an earlier scenario (or, for the second inspector, of any kind there);
    and the chosen venues' seeds. Seeds are looked at one at a time: a scenario needs at
    most as many candidates as there are scenarios, so only those are kept."""
    enough = len(SCENARIOS)
    of_kind: list[list[int]] = [[] for _ in SCENARIOS]
    in_grids: list[list[int]] = [[] for _ in SCENARIOS]
    wanted: dict[int, VenueSeed] = {}
    numbered = enumerate(seeds)
    for i, seed in numbered:
        if all(len(found) >= enough for found in of_kind):
            deque(numbered, maxlen=0)  # the rest are drawn all the same (the ids follow them)
            break
        for n, scenario in enumerate(SCENARIOS):
            if len(of_kind[n]) >= enough or not _in_grids(seed, scenario.grids):
                continue
            if len(in_grids[n]) < enough:
                in_grids[n].append(i)
                wanted[i] = seed
            if seed.kind == scenario.kind:
                of_kind[n].append(i)
                wanted[i] = seed
    used: set[int] = set()
    chosen: dict[int, int] = {}
    for n, scenario in enumerate(SCENARIOS):
        kind_left = [i for i in of_kind[n] if i not in used]
        any_left = [i for i in in_grids[n] if i not in used]
        pick = kind_left or (any_left if scenario.who != "inspector" else [])
        if pick:
            chosen[n] = pick[0]
            used.add(pick[0])
    return chosen, {i: wanted[i] for i in chosen.values()}


@contextmanager
def _clock_at(moment: dt.datetime) -> Iterator[list[dt.datetime]]:
    """Run the services as if it were `moment`; the yielded cell moves the clock."""
    cell = [moment]
    saved = clock._now
    clock._now = lambda: cell[0]
    try:
        yield cell
    finally:
        clock._now = saved


def _run_scenarios(
    rng: random.Random,
    chosen: dict[int, int],
    venue_ids: dict[int, str],
    seeds: dict[int, VenueSeed],
    people: dict[str, str],
    device_id: str,
    day: dt.date,
) -> None:
    """The recent past, through the real services: answers, findings, submit, a re-check."""
    for n, scenario in enumerate(SCENARIOS):
        if n not in chosen:
            continue
        seed = seeds[chosen[n]]
        set_identity(people[scenario.who], device_id)
        when = day - dt.timedelta(days=scenario.days_ago)
        with _clock_at(demo_bulk.local_moment(when, 9, 30)) as now:
            inspection_id = inspections.start_inspection(
                venue_ids[chosen[n]], presence="manual", reason="placard_missing"
            )
            view = inspections.load(inspection_id)
            failing = _failing_items(rng, view.checklist.items, scenario)
            opened: list[str] = []
            for item in _asked_in_order(inspection_id):
                now[0] += dt.timedelta(seconds=40)
                deadline_in = failing.get(item.code, "pass")
                if deadline_in == "pass":
                    outcome, value = demo_bulk.passing_answer(item, when)
                    inspections.record_answer(inspection_id, item, outcome, value)
                    continue
                finding = inspections.record_answer(inspection_id, item, "fail")
                assert finding is not None
                deadline = (
                    finding.deadline
                    if deadline_in is None
                    else day + dt.timedelta(days=int(deadline_in))
                )
                inspections.save_finding(
                    finding.id,
                    severity=finding.severity,
                    description=demo_description(item.zh, item.en),
                    deadline=max(deadline, when),
                    photos=[],
                )
                opened.append(finding.id)
            now[0] += dt.timedelta(minutes=2)
            inspections.submit(inspection_id, representative=seed.contact)
        if scenario.rectified_days_ago is not None and opened:
            fixed_on = day - dt.timedelta(days=scenario.rectified_days_ago)
            with _clock_at(demo_bulk.local_moment(fixed_on, 15)):
                findings.report_rectification(
                    opened[0], fixed=True, note="已按要求整改，请复查", photos=[]
                )


def _asked_in_order(inspection_id: str) -> Iterator[Item]:
    """The items the inspection asks, in order, as the answers given so far decide (a
    repeated section's count is an answer before it)."""
    done: set[str] = set()
    while True:
        view = inspections.load(inspection_id)
        code = next((c for c in view.state.visible if c not in done), None)
        if code is None:
            return
        done.add(code)
        yield view.checklist.item(code)


def _failing_items(
    rng: random.Random, items: list[Item], scenario: _Scenario
) -> dict[str, int | None | str]:
    """Item code -> deadline in days (or None for the item's default) for the failures."""
    can_fail = [i for i in items if i.answer == "yesno" and i.can_fail]
    if scenario.major_first:
        can_fail.sort(key=lambda i: i.severity != "major")
        picked = can_fail[:1] + rng.sample(can_fail[1:], max(0, len(scenario.failures) - 1))
    else:
        picked = rng.sample(can_fail, min(len(can_fail), len(scenario.failures)))
    return {item.code: deadline for item, deadline in zip(picked, scenario.failures, strict=False)}
