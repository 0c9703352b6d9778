"""The bench's store for the export: inspections, answers and findings made in bulk with
executemany (not through the services: 100k submits would measure the services, not the
export), in a file the bench then exports from."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

KINDS = ("market", "hotel", "supermarket", "small_shop", "small_restaurant", "rental_housing")


def _row_defaults(model: Any) -> dict[str, Any]:
    """column -> the model's default, so columns added by later schema steps are filled."""
    values: dict[str, Any] = {}
    for field in model._meta.sorted_fields:
        default = field.default
        if callable(default):
            default = default()
        if default is None:
            values[field.column_name] = None
        elif isinstance(default, list | dict):  # JSON columns
            values[field.column_name] = json.dumps(default)
        else:
            values[field.column_name] = field.db_value(default)
    return values


def _insert(db: Any, model: Any, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    base = _row_defaults(model)
    columns = list(base)
    sql = (
        f'INSERT INTO "{model._meta.table_name}" ({", ".join(columns)}) '
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    db.cursor().executemany(sql, [tuple({**base, **r}[c] for c in columns) for r in rows])


def build(path: Path, inspections: int, seed: int = 7) -> None:
    from fieldapp.domain.ids import new_id
    from fieldapp.services.common.checklists import checklist_for_kind, load_checklists
    from fieldapp.services.common.identity import set_identity
    from fieldapp.store import open_store
    from fieldapp.store.models import (
        Answer,
        Finding,
        FindingEvent,
        Grid,
        Inspection,
        Person,
        PersonGrid,
        Venue,
    )

    rng = random.Random(seed)
    db = open_store(path)
    load_checklists()
    lists = {kind: checklist_for_kind(kind) for kind in KINDS}
    with db.atomic():
        grids = [{"code": "T1", "name": "示例镇", "level": "town", "parent_code": None}]
        areas = []
        for v in range(10):
            grids.append(
                {"code": f"V{v}", "name": f"第{v}村", "level": "village", "parent_code": "T1"}
            )
            for a in range(5):
                areas.append(f"V{v}A{a}")
                grids.append(
                    {
                        "code": areas[-1],
                        "name": f"第{v}村{a}片",
                        "level": "area",
                        "parent_code": f"V{v}",
                    }
                )
        _insert(db, Grid, grids)
        people = [new_id() for _ in range(50)]
        _insert(
            db,
            Person,
            [{"id": p, "name": f"巡查员{i}", "role": "inspector"} for i, p in enumerate(people)],
        )
        # The device acts for the first of them, over the whole town (the ledger is theirs).
        _insert(db, PersonGrid, [{"person_id": people[0], "grid_code": "T1"}])
        set_identity(people[0], new_id())
        venues = []
        for i in range(10_000):
            kind = KINDS[i % len(KINDS)]
            venues.append(
                {
                    "id": new_id(),
                    "code": f"BV-{i:05d}",
                    "name": f"场所{i}",
                    "kind": kind,
                    "grid_code": areas[i % len(areas)],
                }
            )
        _insert(db, Venue, venues)
    day0 = dt.datetime(2026, 1, 1, 1, 0, tzinfo=dt.UTC)
    batch = 5_000
    for start in range(0, inspections, batch):
        insp, answers, findings, events = [], [], [], []
        for n in range(start, min(start + batch, inspections)):
            venue = venues[n % len(venues)]
            checklist = lists[venue["kind"]]
            stamp = (day0 + dt.timedelta(minutes=5 * n)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
            inspection_id = new_id()
            failed = [i for i in checklist.items if i.can_fail and rng.random() < 0.01]
            insp.append(
                {
                    "id": inspection_id,
                    "venue_id": venue["id"],
                    "checklist_id": checklist.id,
                    "checklist_version": checklist.version,
                    "inspector_id": people[n % len(people)],
                    "started_at": stamp,
                    "finished_at": stamp,
                    "submitted_at": stamp,
                    "status": "submitted",
                    "representative": "店主",
                    "summary": json.dumps({"failures": {"general": len(failed), "major": 0}}),
                }
            )
            for item in checklist.items:
                bad = item in failed
                value = (
                    "3" if item.answer == "number" else ("记录" if item.answer == "text" else "")
                )
                outcome = "fail" if bad else ("value" if value else "pass")
                answers.append(
                    {
                        "inspection_id": inspection_id,
                        "item_code": item.code,
                        "outcome": outcome,
                        "value": value,
                        "answered_at": stamp,
                    }
                )
            for item in failed:
                finding_id = new_id()
                findings.append(
                    {
                        "id": finding_id,
                        "inspection_id": inspection_id,
                        "venue_id": venue["id"],
                        "item_code": item.code,
                        "severity": "general",
                        "deadline": stamp[:10],
                        "created_at": stamp,
                        "created_by": people[0],
                        "state": "open",
                        "current_deadline": stamp[:10],
                    }
                )
                events.append(
                    {
                        "id": new_id(),
                        "finding_id": finding_id,
                        "type": "opened",
                        "actor": people[0],
                        "role": "inspector",
                        "at": stamp,
                        "data": json.dumps({"deadline": stamp[:10]}),
                    }
                )
        with db.atomic():
            _insert(db, Inspection, insp)
            _insert(db, Answer, answers)
            _insert(db, Finding, findings)
            _insert(db, FindingEvent, events)
    db.close()
