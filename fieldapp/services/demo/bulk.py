"""Bulk inserts for the demo workspace: grids, people, venues and a history of inspections.

Hot paths use the connection's `executemany` inside the caller's transaction (STYLE.md:
~1.3x raw sqlite3), in chunks, so 100,000 venues and 1,000,000 answers build in seconds
and a million venues in flat memory. The venues' search index is filled in one
statement after them (`venues_added_in_bulk`), not by its trigger one venue at a time.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Iterable
from typing import Any

from fieldapp.domain import cadence, clock
from fieldapp.domain.answers import proposed_outcome
from fieldapp.domain.checklist import Item
from fieldapp.domain.clock import wall_clock
from fieldapp.domain.romanized import spelled
from fieldapp.services.common import settings
from fieldapp.services.common.checklists import checklist_for_kind
from fieldapp.services.demo.data import PEOPLE, VenueSeed, grid_rows
from fieldapp.services.demo.draws import Draws, Weighted
from fieldapp.store.db import db
from fieldapp.store.venue_index import venues_added_in_bulk

# Due buckets of venues not inspected through the services: (bucket, weight).
_BUCKETS = (("never", 10), ("overdue", 20), ("today", 8), ("week", 15), ("later", 47))
_BASE_MS = 1_704_067_200_000  # 2024-01-01: deterministic ids sort before the services' own


class IdMaker:
    """UUIDv7-layout ids from the seeded generator, so a seed gives the same ids."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._ms = _BASE_MS

    def __call__(self) -> str:
        self._ms += 1
        value = (self._ms & ((1 << 48) - 1)) << 80
        value |= 0x7 << 76
        value |= self._rng.getrandbits(12) << 64
        value |= 0b10 << 62
        value |= self._rng.getrandbits(62)
        return str(uuid.UUID(int=value))


def executemany(sql: str, rows: list[tuple[Any, ...]]) -> None:
    db.connection().executemany(sql, rows)


def insert_grids_and_people(ids: IdMaker) -> dict[str, str]:
    executemany(
        "INSERT INTO grid (code, name, level, parent_code) VALUES (?, ?, ?, ?)", grid_rows()
    )
    people: dict[str, str] = {}
    for person in PEOPLE:
        people[person.key] = ids()
        executemany(
            "INSERT INTO person (id, name, role, phone) VALUES (?, ?, ?, ?)",
            [(people[person.key], person.name, person.role, person.phone)],
        )
        executemany(
            "INSERT INTO person_grid (person_id, grid_code) VALUES (?, ?)",
            [(people[person.key], grid) for grid in person.grids],
        )
    return people


_BUCKET_DRAW = Weighted.of(dict(_BUCKETS))


def _last_inspected(
    draws: Draws, seed: VenueSeed, day: dt.date, days: dict[str, int]
) -> dt.date | None:
    """A last inspection date that puts the venue in a chosen due bucket."""
    bucket = _BUCKET_DRAW.draw(draws)
    if bucket == "never":
        return None
    interval = cadence.interval_days(seed.kind, seed.risk_level, days)
    to_week_end = (cadence.week_end(day) - day).days
    if bucket == "later" and to_week_end + 1 > interval:
        bucket = "week"
    if bucket == "week" and to_week_end < 1:
        bucket = "today"
    if bucket == "overdue":
        offset = -draws.randint(1, 20)
    elif bucket == "week":
        offset = draws.randint(1, min(to_week_end, interval))
    elif bucket == "later":
        offset = draws.randint(to_week_end + 1, interval)
    else:
        offset = 0
    return day + dt.timedelta(days=offset - interval)


VENUE_CHUNK = 20_000  # rows per executemany: memory stays flat at a million venues


def insert_venues(
    rng: random.Random,
    ids: IdMaker,
    seeds: Iterable[VenueSeed],
    day: dt.date,
    skip: set[int],
) -> dict[int, str]:
    """Insert the venues in chunks; returns the ids of the venues at the indexes in `skip`
    (the scenarios' venues: never inspected in the bulk history)."""
    days = settings.cadence()
    draws = Draws(rng)
    stamp = clock.now_iso()
    kept: dict[int, str] = {}
    rows: list[tuple[Any, ...]] = []
    sql = (
        "INSERT INTO venue (id, code, name, kind, address, grid_code, contact, phone, "
        "risk_level, placard_key_id, last_inspected_on, due_on, updated_at, "
        "server_inspected_on, romanized) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )  # the demo's past visits are the office's (`server_seed` gives them to its server)
    with venues_added_in_bulk(db):
        for i, s in enumerate(seeds):
            venue_id = ids()
            if i in skip:
                kept[i] = venue_id
                last = None
            else:
                last = _last_inspected(draws, s, day, days)
            due = cadence.due_on(s.kind, s.risk_level, last, days)
            rows.append(
                (venue_id, s.code, s.name, s.kind, s.address, s.grid, s.contact, s.phone)
                + (s.risk_level, None, _iso_date(last), _iso_date(due), stamp, _iso_date(last))
                + (spelled(s.name),)
            )
            if len(rows) >= VENUE_CHUNK:
                executemany(sql, rows)
                rows = []
        executemany(sql, rows)
    return kept


def _iso_date(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def local_moment(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """A local wall-clock moment on `day`, as a UTC datetime."""
    local = wall_clock(dt.datetime.combine(day, dt.time(hour, minute)))
    return local.astimezone(dt.UTC)


def _iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def passing_answer(item: Item, day: dt.date) -> tuple[str, str]:
    """(outcome, value) of an item that is in order."""
    if item.answer == "yesno":
        return "pass", ""
    if item.answer == "number":
        low = item.min if item.min is not None else 2
        value = int(low) + 1
        if ">" in item.fail_if:  # an upper limit (people per room, sill height): keep low
            value = 1
        if item.max is not None and value > item.max:
            value = int(item.max)
        text = str(value)
        return proposed_outcome(item, text), text
    if item.answer == "date":
        return "value", day.isoformat()
    if item.answer == "choice" and item.choices:
        return proposed_outcome(item, item.choices[0]), item.choices[0]
    return "value", "已落实"


def insert_history(
    rng: random.Random, ids: IdMaker, people: dict[str, str], device_id: str, goal: int
) -> None:
    """Submitted inspections (all items in order) back in time from each venue's last one."""
    days = settings.cadence()
    second = set(next(p.grids for p in PEOPLE if p.key == "inspector2"))
    kinds: dict[str, tuple[str, int, list[Item]]] = {}
    for (kind,) in db.execute_sql("SELECT DISTINCT kind FROM venue").fetchall():
        checklist = checklist_for_kind(kind)
        kinds[kind] = (checklist.id, checklist.version, checklist.items)
    venues = db.execute_sql(
        "SELECT id, kind, risk_level, last_inspected_on, grid_code, contact FROM venue "
        "WHERE last_inspected_on IS NOT NULL ORDER BY code"
    ).fetchall()
    if not venues:
        return
    inspection_sql = (
        "INSERT INTO inspection (id, venue_id, checklist_id, checklist_version, inspector_id, "
        "device_id, started_at, finished_at, submitted_at, status, presence, presence_payload, "
        "presence_reason, presence_note, presence_at, representative, summary, current_item, "
        "supersedes, review_state, review_comment) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', 'manual', '', 'placard_missing', '', "
        "?, ?, ?, ?, NULL, '', '')"
    )
    answer_sql = (
        "INSERT INTO answer (inspection_id, item_code, outcome, value, note, photos, answered_at) "
        "VALUES (?, ?, ?, ?, '', '[]', ?)"
    )
    made = 0
    round_ = 0
    while made < goal:
        batch_i: list[tuple[Any, ...]] = []
        batch_a: list[tuple[Any, ...]] = []
        for venue_id, kind, risk, last, grid, contact in venues:
            interval = cadence.interval_days(kind, risk, days)
            day = dt.date.fromisoformat(str(last)) - dt.timedelta(days=round_ * interval)
            checklist_id, version, items = kinds[kind]
            start = local_moment(day, 9, rng.randint(0, 59))
            end = start + dt.timedelta(minutes=len(items))
            inspection_id = ids()
            inspector = people["inspector2" if grid in second else "inspector"]
            summary = f'{{"answered":{len(items)},"failures":{{"general":0,"major":0}},"total":{len(items)}}}'
            batch_i.append(
                (inspection_id, venue_id, checklist_id, version, inspector, device_id)
                + (_iso(start), _iso(end), _iso(end), _iso(start), contact, summary)
                + (items[-1].code,)
            )
            for n, item in enumerate(items):
                outcome, value = passing_answer(item, day)
                at = _iso(start + dt.timedelta(minutes=n))
                batch_a.append((inspection_id, item.code, outcome, value, at))
            made += len(items)
            if made >= goal:
                break
        executemany(inspection_sql, batch_i)
        executemany(answer_sql, batch_a)
        round_ += 1
