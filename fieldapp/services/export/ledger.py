"""Export the ledger (台账): inspections with one column per item code, findings and
finding events, filtered by grid and kind and by date range (inspections by the day they
were submitted, events by the day they happened, whenever their finding was found, and
findings by the day they were found or by an event of theirs in the range, so that every
event on the events sheet has its finding on the findings sheet), streamed from the store in pages; the people, incident
and activity sheets where the grids keep any (the people sheet is the register as of the
export, whatever the dates; follow-ups by the days they run).

Each sheet's columns, pages and cells are in `export_sheets`; pages are keyed on the
date, then the primary key, so rows are listed by date and memory stays flat however many
inspections there are. `progress(done,
total)` is called after each page with rows written so far and rows in all.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldapp.domain.campaigns import Campaign
from fieldapp.domain.checklist import Checklist
from fieldapp.domain.clock import now_iso
from fieldapp.domain.ids import new_id
from fieldapp.reports.ledger import ItemWordings, Labels, LedgerSink, item_columns, make_sink
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.services.common.kinds import publish_names
from fieldapp.services.common.outbox import enqueue
from fieldapp.services.common.periods import period_bounds_utc
from fieldapp.services.common.refused_records import on_record
from fieldapp.services.export.event_sheet import EVENT_COLUMNS, event_pages, event_rows
from fieldapp.services.export.patrol_sheet import write_patrol_sheet
from fieldapp.services.export.people_sheets import check_full_export, write_people_sheets
from fieldapp.services.export.sheets import (
    FINDING_COLUMNS,
    INSPECTION_COLUMNS,
    ITEM_WIDTH,
    finding_pages,
    finding_rows,
    free_text,
    inspection_pages,
    inspection_rows,
    person_names,
)
from fieldapp.services.export.work_sheets import write_activity_sheet, write_incident_sheet
from fieldapp.store.activity_models import Activity
from fieldapp.store.campaign_models import Campaign as CampaignRow
from fieldapp.store.db import rows, write_transaction
from fieldapp.store.incident_models import Incident
from fieldapp.store.models import Checklist as ChecklistRow
from fieldapp.store.models import Finding, FindingEvent, Inspection, Venue
from fieldapp.store.people_models import Household

Progress = Callable[[int, int], None]
PAGE = 2000


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
    people: int = 0  # people written (masked unless exported in full)
    sheets: tuple[tuple[str, int], ...] = ()  # every sheet written and its rows, in order
    earlier_findings: int = 0  # of `findings`, found before the range, acted on within it


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


def _condition(base: Any, stamp: Any, f: ExportFilter) -> Any:
    """`base`, the venue filter, and `stamp` within the filter's dates."""
    start, end = _bounds(f)
    condition = _with_venue_filter(base, f)
    if start:
        condition = condition & (stamp >= start)
    if end:
        condition = condition & (stamp < end)
    return condition


def _inspection_condition(f: ExportFilter) -> Any:
    return _condition(Inspection.status == "submitted", Inspection.submitted_at, f)


def _kept_findings() -> Any:
    """Not a draft, nor a refused inspection's (it is not on the inspections sheet, and
    the office never had its hazards)."""
    return (Finding.state != "draft") & on_record(Finding.inspection)


def _in_range(stamp: Any, f: ExportFilter) -> Any:
    start, end = _bounds(f)
    return (stamp >= (start or "")) & (stamp < (end or "~"))


def _acted_on(f: ExportFilter) -> Any:
    """Findings with an event within the filter's dates."""
    return Finding.id.in_(
        FindingEvent.select(FindingEvent.finding).where(_in_range(FindingEvent.at, f))
    )


def _finding_condition(f: ExportFilter) -> Any:
    """Kept findings found within the filter's dates, or with an event within them: the
    events sheet lists those events, and each of them has its finding on this sheet."""
    if _bounds(f) == (None, None):
        return _with_venue_filter(_kept_findings(), f)
    either = _in_range(Finding.created_at, f) | _acted_on(f)
    return _with_venue_filter(_kept_findings() & either, f)


def _earlier_condition(f: ExportFilter) -> Any:
    """Kept findings found before the filter's first day, with an event within its dates."""
    start, _end = _bounds(f)
    if start is None:
        return None
    return _with_venue_filter(_kept_findings() & (Finding.created_at < start) & _acted_on(f), f)


def _event_condition(f: ExportFilter) -> Any:
    """The events of kept findings found on any day that happened within the filter's
    dates: last week's verification of a hazard found a month ago is last week's."""
    return _condition(_kept_findings(), FindingEvent.at, f)


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
    found = [Checklist.from_dict(body) for (body,) in rows(query)]
    # The items of the campaigns they were inspected under get their columns after the
    # checklists' (one per code, whatever the campaign's version).
    pinned = (
        Inspection.select(Inspection.summary)
        .join(Venue)
        .where(_inspection_condition(f) & Inspection.summary.contains('"campaigns"'))
    )
    used_codes: set[str] = set()
    for (summary,) in rows(pinned):
        held = json.loads(summary) if isinstance(summary, str) else summary
        used_codes.update(str(c.get("code")) for c in (held or {}).get("campaigns", []))
    held_campaigns = CampaignRow.select(CampaignRow.body).where(CampaignRow.code.in_(used_codes))
    for (body,) in rows(held_campaigns.order_by(CampaignRow.code)):
        campaign = Campaign.from_dict(body)
        sections = tuple(part.section for part in campaign.sections)
        found.append(
            Checklist(f"~{campaign.code}", campaign.version, (), campaign.zh, campaign.en, sections)
        )
    return found


def _titles(lang: str) -> dict[tuple[str, int], str]:
    """Each stored checklist version's title in the ledger's language ("小商场巡查表")."""
    query = ChecklistRow.select(
        ChecklistRow.checklist_id,
        ChecklistRow.version,
        ChecklistRow.title_zh,
        ChecklistRow.title_en,
    )
    return {(c, v): (en if lang == "en" and en else zh) for c, v, zh, en in rows(query)}


def export_ledger(
    out: Path,
    *,
    fmt: str = "xlsx",
    where: ExportFilter | None = None,
    progress: Progress | None = None,
    lang: str = "zh",
    page: int = PAGE,
    full_personal_data: bool = False,
    purpose: tuple[str, str] = ("", ""),  # a full export's: (reveal.PURPOSES one, note)
) -> ExportResult:
    """Write the ledger to `out` (XLSX: one workbook; CSV: OUT.csv, OUT_findings.csv and
    OUT_finding_events.csv, and OUT_people.csv / OUT_followups.csv when the grids keep a
    people registry, masked unless `full_personal_data` and the role allows it). Returns
    what was written."""
    if full_personal_data:
        check_full_export()  # before anything is written
    began = time.perf_counter()
    f = where or ExportFilter()
    publish_names()  # a kind the office added named as the office wrote it, headless too
    # Whose grids, before any file: with no device here (NotEnrolled) nothing is written
    # (a workbook of headers only was left behind).
    grids = grid_codes_under([f.grid] if f.grid else [c for c, _ in me().grids])
    labels = Labels(lang)
    names = person_names()
    n_inspections = Inspection.select().join(Venue).where(_inspection_condition(f)).count()
    n_findings = Finding.select().join(Venue).where(_finding_condition(f)).count()
    n_events = FindingEvent.select().join(Finding).join(Venue).where(_event_condition(f)).count()
    earlier = _earlier_condition(f)
    n_earlier = 0 if earlier is None else Finding.select().join(Venue).where(earlier).count()
    total = n_inspections + n_findings + n_events
    done = 0

    def tick(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(done, total)

    if progress is not None:
        progress(0, total)
    checklists = _checklists(f)
    columns = item_columns(checklists)
    wordings = ItemWordings(checklists)
    titles = _titles(labels.lang)
    sink = _CountingSink(make_sink(fmt, out, labels))

    def write_sheet(
        name: str,
        fixed: tuple[tuple[str, int], ...],
        pages: Iterator[list[tuple[Any, ...]]],
        cells: Callable[[list[tuple[Any, ...]]], Iterator[list[object]]],
        extra: Sequence[tuple[str, int]] = (),
    ) -> None:
        """One sheet: the fixed columns (and `extra` ones after them), a row per record."""
        sink.sheet(
            name,
            [labels(f"ledger.col.{key}") for key, _ in fixed] + [h for h, _ in extra],
            [w for _, w in fixed] + [w for _, w in extra],
        )
        for chunk in pages:
            for values in cells(chunk):
                sink.row(values)
            tick(len(chunk))

    said = free_text(full_personal_data)  # numbers in typed text masked unless in full
    items = {c.code: c for c in columns}
    try:
        write_sheet(
            "inspections",
            INSPECTION_COLUMNS,
            inspection_pages(_inspection_condition(f), page),
            lambda chunk: inspection_rows(chunk, columns, labels, names, said, titles),
            extra=[(c.header(labels.lang), ITEM_WIDTH) for c in columns],
        )
        write_sheet(
            "findings",
            FINDING_COLUMNS,
            finding_pages(_finding_condition(f), page),
            lambda chunk: finding_rows(chunk, labels, names, items, wordings, said),
        )
        write_sheet(
            "events",
            EVENT_COLUMNS,
            event_pages(_event_condition(f), page),
            lambda chunk: event_rows(chunk, labels, names, said),
        )
        people = 0
        if Household.select().exists():
            people = write_people_sheets(sink.sheet, sink.row, labels, grids,
                                         full=full_personal_data, days=(f.first, f.last))  # fmt: skip
        write_patrol_sheet(sink.sheet, sink.row, labels, grids, f.first, f.last)
        if Incident.select().exists():
            write_incident_sheet(sink.sheet, sink.row, labels, grids, _bounds(f), names,
                                 full=full_personal_data)  # fmt: skip
        if Activity.select().exists():
            write_activity_sheet(sink.sheet, sink.row, labels, grids, (f.first, f.last), names,
                                 full=full_personal_data)  # fmt: skip
    finally:
        paths = sink.close()
    seconds = time.perf_counter() - began
    result = ExportResult(
        paths, n_inspections, n_findings, n_events, seconds, people,
        sheets=tuple((name, count) for name, count in sink.sheets), earlier_findings=n_earlier,
    )  # fmt: skip
    _record_export(f, fmt, result, full=full_personal_data and people > 0, purpose=purpose)
    return result


class _CountingSink:
    """A sink that counts the rows of each sheet as they go: the summary names every sheet
    the file holds."""

    def __init__(self, sink: LedgerSink) -> None:
        self._sink = sink
        self.sheets: list[list[Any]] = []  # [name, rows]

    def sheet(self, name: str, headers: Sequence[str], widths: Sequence[int] = ()) -> None:
        self._sink.sheet(name, headers, widths)
        self.sheets.append([name, 0])

    def row(self, values: Sequence[object]) -> None:
        self._sink.row(values)
        self.sheets[-1][1] += 1

    def close(self) -> list[Path]:
        return self._sink.close()


def _record_export(
    f: ExportFilter, fmt: str, result: ExportResult, *, full: bool, purpose: tuple[str, str]
) -> None:
    """Tell the server, with the next sync, that this person exported the ledger: it keeps
    every export of hazard and personal data in its audit trail, one entry per export
    (with the people written, masked or in full)."""
    filters = {
        "from": f.first.isoformat() if f.first else None,
        "to": f.last.isoformat() if f.last else None,
        "grid": f.grid,
        "kind": f.kind,
    }
    payload = {
        "id": new_id(),
        "at": now_iso(),
        "what": "ledger",
        "format": fmt,
        "filters": {key: value for key, value in filters.items() if value},
        "records": result.inspections + result.findings + result.events,
        "file": ", ".join(path.name for path in result.paths),
        "people": result.people,
        "full": full,
        **({"purpose": purpose[0], "purpose_note": purpose[1]} if full else {}),
    }
    with write_transaction():
        enqueue("export.recorded", payload)  # sync.protocol.OP_EXPORT_RECORDED
