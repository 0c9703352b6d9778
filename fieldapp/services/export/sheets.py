"""The ledger's three sheets (inspections, findings, finding events): their columns, the
keyset pages read from the store and the cells of each row.

Pages are keyed on the primary key (ids are time-ordered UUIDv7), so each page is an
index range and memory stays flat however many rows there are.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from fieldapp.domain.checklist import INSTANCE_MARK, base_code, instance_of
from fieldapp.reports.ledger import ItemColumn, Labels, answer_cell
from fieldapp.services.common.periods import local_date_of, parse_utc
from fieldapp.store.db import db, rows
from fieldapp.store.models import Answer, Finding, FindingEvent, Grid, Inspection, Person, Venue

INSPECTION_COLUMNS = (
    ("date", 11),
    ("grid", 10),
    ("grid_name", 14),
    ("venue_code", 11),
    ("venue_name", 22),
    ("kind", 12),
    ("inspector", 10),
    ("presence", 12),
    ("representative", 10),
    ("general_failures", 8),
    ("major_failures", 8),
    ("checklist", 14),
    ("submitted_at", 19),
    ("inspection_id", 38),
)
FINDING_COLUMNS = (
    ("finding_id", 38),
    ("found_on", 11),
    ("grid", 10),
    ("venue_code", 11),
    ("venue_name", 22),
    ("item_code", 10),
    ("item_text", 30),
    ("severity", 8),
    ("description", 30),
    ("deadline", 11),
    ("current_deadline", 11),
    ("state", 12),
    ("found_by", 10),
    ("inspection_id", 38),
)
EVENT_COLUMNS = (
    ("finding_id", 38),
    ("venue_code", 11),
    ("item_code", 10),
    ("event_at", 19),
    ("event_type", 12),
    ("actor", 10),
    ("role", 8),
    ("note", 30),
    ("data", 30),
)
ITEM_WIDTH = 12


def raw_rows(query: Any) -> list[tuple[Any, ...]]:
    """A query's rows straight from the cursor, without peewee's per-row conversion (the
    hot path: ~20 answers per inspection). Values come back as SQLite stores them."""
    sql, params = query.sql()
    return list(db.execute_sql(sql, params).fetchall())


def keyset_pages(
    query: Any, key: Any, condition: Any, size: int, *, raw: bool = False
) -> Iterator[list[tuple[Any, ...]]]:
    """Keyset pages of `query` where `condition` holds, `size` rows each, ordered by `key`
    (the id, selected first): each page starts after the last id of the one before."""
    after = ""
    while True:
        page_query = query.where(condition & (key > after)).order_by(key).limit(size)
        page = raw_rows(page_query) if raw else rows(page_query)
        if not page:
            return
        yield page
        after = page[-1][0]


def person_names() -> dict[str, str]:
    return dict(rows(Person.select(Person.id, Person.name)))


LOCAL_STAMP = "%Y-%m-%d %H:%M:%S"


def local_stamp(stamp: str | None) -> str:
    if not stamp:
        return ""
    return parse_utc(stamp).astimezone().strftime(LOCAL_STAMP)


# ---------------------------------------------------------------- inspections


def inspection_pages(condition: Any, size: int) -> Iterator[list[tuple[Any, ...]]]:
    query = (
        Inspection.select(
            Inspection.id,
            Inspection.submitted_at,
            Venue.grid,
            Grid.name,
            Venue.code,
            Venue.name,
            Venue.kind,
            Inspection.inspector,
            Inspection.presence,
            Inspection.presence_reason,
            Inspection.representative,
            Inspection.summary,
            Inspection.checklist_id,
            Inspection.checklist_version,
        )
        .join(Venue)
        .join(Grid)
    )
    return keyset_pages(query, Inspection.id, condition, size, raw=True)


def _answers(ids: list[str]) -> dict[str, dict[str, tuple[str, str]]]:
    query = Answer.select(Answer.inspection, Answer.item_code, Answer.outcome, Answer.value).where(
        Answer.inspection.in_(ids)
    )
    found: dict[str, dict[str, tuple[str, str]]] = {}
    for inspection_id, code, outcome, value in raw_rows(query):
        found.setdefault(inspection_id, {})[code] = (outcome, value)
    return found


def _presence(presence: str, reason: str, labels: Labels) -> str:
    if presence == "scanned":
        return labels("ledger.presence.scanned")
    return labels("ledger.presence.manual", reason=labels.maybe("ledger.reason", reason or "other"))


def inspection_rows(
    chunk: list[tuple[Any, ...]], columns: list[ItemColumn], labels: Labels, names: dict[str, str]
) -> Iterator[list[object]]:
    answers = _answers([r[0] for r in chunk])
    # The same few answers come back hundreds of thousands of times ("pass", ""): each
    # cell is worded once per export page, not once per answer.
    worded: dict[tuple[str, str, str], object] = {}

    def cell(column: ItemColumn, outcome: str, value: str) -> object:
        key = (column.answer, outcome, value)
        if key not in worded:
            worded[key] = answer_cell(column, outcome, value, labels)
        return worded[key]

    for (
        inspection_id,
        submitted_at,
        grid,
        grid_name,
        venue_code,
        venue_name,
        kind,
        inspector,
        presence,
        reason,
        representative,
        summary,
        checklist_id,
        checklist_version,
    ) in chunk:
        if isinstance(summary, str):
            summary = json.loads(summary or "{}")
        failures = (summary or {}).get("failures") or {}
        given = answers.get(inspection_id, {})
        local = parse_utc(submitted_at).astimezone() if submitted_at else None
        cells: list[object] = [
            local.date() if local else None,
            grid,
            grid_name,
            venue_code,
            venue_name,
            labels.maybe("ledger.kind", kind),
            names.get(inspector, inspector),
            _presence(presence, reason, labels),
            representative,
            int(failures.get("general", 0)),
            int(failures.get("major", 0)),
            f"{checklist_id} v{checklist_version}",
            local.strftime(LOCAL_STAMP) if local else "",
            inspection_id,
        ]
        repeats = _by_instance(given)
        for column in columns:
            answer = given.get(column.code)
            if answer is not None:
                cells.append(cell(column, *answer))
            elif column.code in repeats:  # one column per code: "#1 合格；#2 不合格"
                cells.append(
                    "；".join(
                        f"#{n} {cell(column, *answer)}"
                        for n, answer in sorted(repeats[column.code])
                    )
                )
            else:
                cells.append(None)
        yield cells


def _by_instance(given: dict[str, tuple[str, str]]) -> dict[str, list[tuple[int, tuple[str, str]]]]:
    """Answers to items of repeated sections (RNT-04#3), by their item's code."""
    found: dict[str, list[tuple[int, tuple[str, str]]]] = {}
    for code, answer in given.items():
        if INSTANCE_MARK in code:
            found.setdefault(base_code(code), []).append((instance_of(code), answer))
    return found


# ---------------------------------------------------------------- findings and events


def finding_pages(condition: Any, size: int) -> Iterator[list[tuple[Any, ...]]]:
    query = Finding.select(
        Finding.id,
        Finding.created_at,
        Venue.grid,
        Venue.code,
        Venue.name,
        Finding.item_code,
        Finding.severity,
        Finding.description,
        Finding.deadline,
        Finding.current_deadline,
        Finding.state,
        Finding.created_by,
        Finding.inspection,
    ).join(Venue)
    return keyset_pages(query, Finding.id, condition, size)


def finding_rows(
    chunk: list[tuple[Any, ...]], labels: Labels, names: dict[str, str], texts: dict[str, str]
) -> Iterator[list[object]]:
    for (
        finding_id,
        created_at,
        grid,
        venue_code,
        venue_name,
        item_code,
        severity,
        description,
        deadline,
        current_deadline,
        state,
        created_by,
        inspection_id,
    ) in chunk:
        yield [
            finding_id,
            local_date_of(created_at),
            grid,
            venue_code,
            venue_name,
            item_code,
            texts.get(base_code(item_code), ""),
            labels.maybe("ledger.severity", severity),
            description,
            deadline,
            current_deadline or deadline,
            labels.maybe("ledger.state", state),
            names.get(created_by, created_by),
            inspection_id or "",
        ]


def event_pages(finding_ids: Any, size: int) -> Iterator[list[tuple[Any, ...]]]:
    query = (
        FindingEvent.select(
            FindingEvent.id,
            FindingEvent.finding,
            Venue.code,
            Finding.item_code,
            FindingEvent.at,
            FindingEvent.type,
            FindingEvent.actor,
            FindingEvent.role,
            FindingEvent.note,
            FindingEvent.data,
        )
        .join(Finding)
        .join(Venue)
    )
    return keyset_pages(query, FindingEvent.id, FindingEvent.finding.in_(finding_ids), size)


def event_rows(
    chunk: list[tuple[Any, ...]], labels: Labels, names: dict[str, str]
) -> Iterator[list[object]]:
    for _id, finding_id, venue_code, item_code, at, kind, actor, role, note, data in chunk:
        if isinstance(data, str):
            data = json.loads(data or "{}")
        yield [
            finding_id,
            venue_code,
            item_code,
            local_stamp(at),
            labels.maybe("ledger.event", kind),
            names.get(actor, actor),
            labels.maybe("ledger.role", role),
            note,
            data_text(data, labels),
        ]


# How an event's data values are said: a code looked up under a prefix, or a count.
DATA_VALUES = {"severity": "ledger.severity", "unit": "ledger.unit", "outcome": "ledger.outcome"}


def data_text(data: dict[str, Any], labels: Labels) -> str:
    """An event's data (new deadline, receiving unit, reference…) in words, for people."""
    parts = []
    for key, value in data.items():
        if key in DATA_VALUES:
            value = labels.maybe(DATA_VALUES[key], str(value))
        elif isinstance(value, list | tuple):
            value = len(value)
        label = f"ledger.data.{key}"
        parts.append(labels(label, value=value) if label in labels else f"{key}: {value}")
    return labels("ledger.data.separator").join(parts)
