"""Export the ledger (台账): inspections with one column per item code, findings and their
events, filtered by date range, grid and kind, streamed from the store in pages.

Pages are keyed on the primary key (ids are time-ordered UUIDv7), so each page is an
index range and memory stays flat however many inspections there are. `progress(done,
total)` is called after each page with rows written so far and rows in all.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldapp.domain.checklist import Checklist
from fieldapp.reports.ledger import ItemColumn, Labels, answer_cell, item_columns, make_sink
from fieldapp.services.identity import grid_codes_under
from fieldapp.services.periods import local_date_of, parse_utc, period_bounds_utc
from fieldapp.store.db import db, rows
from fieldapp.store.models import Answer, Finding, FindingEvent, Grid, Inspection, Person, Venue
from fieldapp.store.models import Checklist as ChecklistRow

Progress = Callable[[int, int], None]
PAGE = 2000

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


@dataclass(frozen=True)
class ExportFilter:
    first: dt.date | None = None  # local dates, inclusive
    last: dt.date | None = None
    grid: str | None = None  # this grid and every grid under it
    kind: str | None = None


@dataclass(frozen=True)
class ExportResult:
    paths: list[Path]
    inspections: int
    findings: int
    events: int
    seconds: float


def _bounds(f: ExportFilter) -> tuple[str | None, str | None]:
    if f.first is None and f.last is None:
        return None, None
    start, end = period_bounds_utc(f.first or dt.date(1970, 1, 1), f.last or dt.date(9999, 12, 30))
    return (start if f.first else None), (end if f.last else None)


def _with_venue_filter(condition: Any, f: ExportFilter) -> Any:
    if f.grid:
        condition = condition & Venue.grid.in_(grid_codes_under([f.grid]))
    if f.kind:
        condition = condition & (Venue.kind == f.kind)
    return condition


def _inspection_condition(f: ExportFilter) -> Any:
    start, end = _bounds(f)
    condition = _with_venue_filter(Inspection.status == "submitted", f)
    if start:
        condition = condition & (Inspection.submitted_at >= start)
    if end:
        condition = condition & (Inspection.submitted_at < end)
    return condition


def _finding_condition(f: ExportFilter) -> Any:
    start, end = _bounds(f)
    condition = _with_venue_filter(Finding.state != "draft", f)
    if start:
        condition = condition & (Finding.created_at >= start)
    if end:
        condition = condition & (Finding.created_at < end)
    return condition


def _checklists(f: ExportFilter) -> list[Checklist]:
    """Every stored version of each checklist the exported inspections used."""
    used = (
        Inspection.select(Inspection.checklist_id)
        .join(Venue)
        .where(_inspection_condition(f))
        .distinct()
    )
    ids = [checklist_id for (checklist_id,) in rows(used)]
    if not ids:
        return []
    query = ChecklistRow.select(ChecklistRow.body).where(ChecklistRow.checklist_id.in_(ids))
    return [Checklist.from_dict(body) for (body,) in rows(query)]


def raw_rows(query: Any) -> list[tuple[Any, ...]]:
    """A query's rows straight from the cursor, without peewee's per-row conversion (the
    hot path: ~20 answers per inspection). Values come back as SQLite stores them."""
    sql, params = query.sql()
    return list(db.execute_sql(sql, params).fetchall())


def _pages(make_query: Callable[[str], Any], raw: bool = False) -> Iterator[list[tuple[Any, ...]]]:
    """Keyset pages: `make_query(after_id)` returns the next page ordered by id, id first."""
    after = ""
    while True:
        page = raw_rows(make_query(after)) if raw else rows(make_query(after))
        if not page:
            return
        yield page
        after = page[-1][0]


def _names() -> dict[str, str]:
    return dict(rows(Person.select(Person.id, Person.name)))


def _local_stamp(stamp: str | None) -> str:
    if not stamp:
        return ""
    return parse_utc(stamp).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def export_ledger(
    out: Path,
    *,
    fmt: str = "xlsx",
    where: ExportFilter | None = None,
    progress: Progress | None = None,
    lang: str = "zh",
    page: int = PAGE,
) -> ExportResult:
    """Write the ledger to `out` (XLSX: one workbook; CSV: OUT.csv, OUT_findings.csv and
    OUT_finding_events.csv). Returns what was written."""
    began = time.perf_counter()
    f = where or ExportFilter()
    labels = Labels(lang)
    names = _names()
    n_inspections = Inspection.select().join(Venue).where(_inspection_condition(f)).count()
    finding_ids = Finding.select(Finding.id).join(Venue).where(_finding_condition(f))
    n_findings = Finding.select().join(Venue).where(_finding_condition(f)).count()
    n_events = FindingEvent.select().where(FindingEvent.finding.in_(finding_ids)).count()
    total = n_inspections + n_findings + n_events
    done = 0

    def tick(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(done, total)

    if progress is not None:
        progress(0, total)
    columns = item_columns(_checklists(f))
    sink = make_sink(fmt, out, labels)
    try:
        sink.sheet(
            "inspections",
            [labels(f"ledger.col.{key}") for key, _ in INSPECTION_COLUMNS]
            + [c.header(labels.lang) for c in columns],
            [w for _, w in INSPECTION_COLUMNS] + [ITEM_WIDTH] * len(columns),
        )
        for chunk in _inspection_pages(f, page):
            for values in _inspection_rows(chunk, columns, labels, names):
                sink.row(values)
            tick(len(chunk))
        sink.sheet(
            "findings",
            [labels(f"ledger.col.{key}") for key, _ in FINDING_COLUMNS],
            [w for _, w in FINDING_COLUMNS],
        )
        texts = {c.code: c.header(labels.lang).split(" ", 1)[-1] for c in columns}
        for chunk in _finding_pages(f, page):
            for values in _finding_rows(chunk, labels, names, texts):
                sink.row(values)
            tick(len(chunk))
        sink.sheet(
            "events",
            [labels(f"ledger.col.{key}") for key, _ in EVENT_COLUMNS],
            [w for _, w in EVENT_COLUMNS],
        )
        for chunk in _event_pages(finding_ids, page):
            for values in _event_rows(chunk, labels, names):
                sink.row(values)
            tick(len(chunk))
    finally:
        paths = sink.close()
    return ExportResult(paths, n_inspections, n_findings, n_events, time.perf_counter() - began)


# ---------------------------------------------------------------- inspections


def _inspection_pages(f: ExportFilter, size: int) -> Iterator[list[tuple[Any, ...]]]:
    condition = _inspection_condition(f)

    def query(after: str) -> Any:
        return (
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
            .where(condition & (Inspection.id > after))
            .order_by(Inspection.id)
            .limit(size)
        )

    return _pages(query, raw=True)


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


def _inspection_rows(
    chunk: list[tuple[Any, ...]], columns: list[ItemColumn], labels: Labels, names: dict[str, str]
) -> Iterator[list[object]]:
    answers = _answers([r[0] for r in chunk])
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
        cells: list[object] = [
            local_date_of(submitted_at),
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
            _local_stamp(submitted_at),
            inspection_id,
        ]
        for column in columns:
            answer = given.get(column.code)
            cells.append(None if answer is None else answer_cell(column, *answer, labels))
        yield cells


# ---------------------------------------------------------------- findings and events


def _finding_pages(f: ExportFilter, size: int) -> Iterator[list[tuple[Any, ...]]]:
    condition = _finding_condition(f)

    def query(after: str) -> Any:
        return (
            Finding.select(
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
            )
            .join(Venue)
            .where(condition & (Finding.id > after))
            .order_by(Finding.id)
            .limit(size)
        )

    return _pages(query)


def _finding_rows(
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
            texts.get(item_code, ""),
            labels.maybe("ledger.severity", severity),
            description,
            deadline,
            current_deadline or deadline,
            labels.maybe("ledger.state", state),
            names.get(created_by, created_by),
            inspection_id or "",
        ]


def _event_pages(finding_ids: Any, size: int) -> Iterator[list[tuple[Any, ...]]]:
    def query(after: str) -> Any:
        return (
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
            .where(FindingEvent.finding.in_(finding_ids) & (FindingEvent.id > after))
            .order_by(FindingEvent.id)
            .limit(size)
        )

    return _pages(query)


def _event_rows(
    chunk: list[tuple[Any, ...]], labels: Labels, names: dict[str, str]
) -> Iterator[list[object]]:
    for _id, finding_id, venue_code, item_code, at, kind, actor, role, note, data in chunk:
        if isinstance(data, str):
            data = json.loads(data or "{}")
        yield [
            finding_id,
            venue_code,
            item_code,
            _local_stamp(at),
            labels.maybe("ledger.event", kind),
            names.get(actor, actor),
            labels.maybe("ledger.role", role),
            note,
            json.dumps(data, ensure_ascii=False, sort_keys=True) if data else "",
        ]
