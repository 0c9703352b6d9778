"""The ledger's inspections and findings sheets: their columns, the keyset pages read from
the store and the cells of each row (the finding events' sheet is `event_sheet`).

Pages are keyed on the primary key (ids are time-ordered UUIDv7), so each page is an
index range and memory stays flat however many rows there are. Free text a person typed
(a representative, a hazard's description, an event's note) is written through `said`:
ID numbers and phones masked as on every screen, unless the export is in full.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from functools import cache, partial
from typing import Any

import msgspec
from peewee import JOIN, fn

from fieldapp.domain.checklist import base_code
from fieldapp.domain.clock import today, wall_clock
from fieldapp.domain.finding_dates import as_date
from fieldapp.domain.finding_text import requirement, shown_among
from fieldapp.domain.lifecycle import is_overdue
from fieldapp.domain.personal import mask_numbers_in_text
from fieldapp.i18n import written_in
from fieldapp.reports.ledger import ItemColumn, ItemWordings, Labels
from fieldapp.services.common.periods import local_date_of, parse_utc
from fieldapp.services.common.presence_words import manual_presence, presence_said
from fieldapp.services.export.item_cells import ItemCells
from fieldapp.store.db import db, rows
from fieldapp.store.models import Answer, Finding, Grid, Inspection, Person, Venue

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
    # Added last, so that columns read by position keep theirs: overdue as the review
    # queue says it (`lifecycle.is_overdue`) on the day of the export, and by how many days.
    ("overdue", 8),
    ("days_overdue", 8),
)
# An event's own date puts it in an export, whenever its hazard was found: the hazard is
# named on its row (id, found on, venue, item) as it may not be on the hazards sheet.
ITEM_WIDTH = 12


def raw_rows(query: Any) -> list[tuple[Any, ...]]:
    """A query's rows straight from the cursor, without peewee's per-row conversion (the
    hot path: ~20 answers per inspection). Values come back as SQLite stores them."""
    sql, params = query.sql()
    return list(db.execute_sql(sql, params).fetchall())


def keyset_pages(
    query: Any, key: Any, condition: Any, size: int, *, by: Any, by_at: int, raw: bool = False
) -> Iterator[list[tuple[Any, ...]]]:
    """Keyset pages of `query` where `condition` holds, `size` rows each, in the order of
    the date `by` (selected at position `by_at`), then of `key` (the id, selected first),
    as a ledger is read: each page starts after the last (date, id) of the one before."""
    date = fn.COALESCE(by, "")  # a row without one comes first rather than never
    after: tuple[str, str] | None = None
    while True:
        where = condition
        if after is not None:
            where &= (date > after[0]) | ((date == after[0]) & (key > after[1]))
        page_query = query.where(where).order_by(date, key).limit(size)
        page = raw_rows(page_query) if raw else rows(page_query)
        if not page:
            return
        yield page
        after = (page[-1][by_at] or "", page[-1][0])


Said = Callable[[str], str]


def _as_typed(text: str) -> str:
    return text or ""


def free_text(full: bool) -> Said:
    """How the export writes free text a person typed: as typed in a full-personal-data
    export, else with its ID numbers and phones masked (`mask_numbers_in_text`)."""
    return _as_typed if full else mask_numbers_in_text


def person_names() -> dict[str, str]:
    return dict(rows(Person.select(Person.id, Person.name)))


def local_moment(stamp: str | None) -> dt.datetime | None:
    """A stored UTC stamp as the local moment it was, to the second and without a zone
    (an Excel date has none): every moment in the ledger is written this one way."""
    if not stamp:
        return None
    return wall_clock(parse_utc(stamp)).replace(tzinfo=None, microsecond=0)


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
            presence_said(Inspection.presence, Inspection.proof),  # "photo": read_from_photo
            Inspection.presence_reason,
            Inspection.presence_note,
            Inspection.representative,
            Inspection.summary,
            Inspection.checklist_id,
            Inspection.checklist_version,
        )
        .join(Venue)
        .join(Grid)
    )
    return keyset_pages(
        query, Inspection.id, condition, size, by=Inspection.submitted_at, by_at=1, raw=True
    )


# Each answer packed as "code␟outcome␟value" (char(31) is item_cells.UNIT).
_ANSWERS_SQL = (
    "SELECT inspection_id, json_group_array(item_code || char(31) || outcome || char(31) || value)"
    ' FROM "{table}" WHERE inspection_id IN ({marks}) GROUP BY inspection_id'
)
_decode = msgspec.json.Decoder().decode  # keeps big integers exact, like json


def _answers(ids: list[str]) -> dict[str, str]:
    """Each inspection's answers as one JSON list of packed answers, grouped by SQLite:
    a row an inspection instead of a row an answer (~20 an inspection), and each packed
    answer is the key its cell is looked up by."""
    sql = _ANSWERS_SQL.format(table=Answer._meta.table_name, marks=", ".join("?" * len(ids)))
    return dict(db.execute_sql(sql, ids).fetchall())


def _presence(presence: str, reason: str, note: str, labels: Labels) -> str:
    """How the inspector arrived; a scan, or a placard read from a photo (`presence_said`);
    by hand in the record's words (`manual_presence`), with the note as `said` gives it."""
    if presence in ("scanned", "photo"):  # each key named, so an unused one is seen
        return labels("ledger.presence.photo" if presence == "photo" else "ledger.presence.scanned")
    with written_in(labels.lang):
        how = manual_presence(reason or "other", note)
    return how[:1].upper() + how[1:]  # a cell of its own: "Confirmed by hand (…)"


def inspection_rows(
    chunk: list[tuple[Any, ...]],
    columns: list[ItemColumn],
    labels: Labels,
    names: dict[str, str],
    said: Said = mask_numbers_in_text,
    titles: dict[tuple[str, int], str] | None = None,
) -> Iterator[list[object]]:
    """`titles`: each checklist version's title in the ledger's language, as the record
    names it (the checklist's code where none is stored)."""
    titles = titles or {}
    answers = _answers([r[0] for r in chunk])
    # Within a page the same few kinds, ways of arriving, checklists and answers come back
    # thousands of times: each is worded once a page, not once a row or an answer.
    items = ItemCells(columns, labels, len(INSPECTION_COLUMNS))
    kind_label = cache(partial(labels.maybe, "ledger.kind"))
    presence_label = cache(partial(_presence, labels=labels))
    checklist_label = cache(lambda code, version: f"{titles.get((code, version), code)} v{version}")
    note_said = cache(said)
    representative_said = cache(said)
    blank = [None] * len(columns)
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
        note,
        representative,
        summary,
        checklist_id,
        checklist_version,
    ) in chunk:
        if isinstance(summary, str):
            summary = _decode(summary or "{}")
        failures = (summary or {}).get("failures") or {}
        local = local_moment(submitted_at)
        cells: list[object] = [
            local.date() if local else None,
            grid,
            grid_name,
            venue_code,
            venue_name,
            kind_label(kind),
            names.get(inspector, inspector),
            presence_label(presence, reason, note_said(note or "")),
            representative_said(representative) if representative else representative,
            int(failures.get("general", 0)),
            int(failures.get("major", 0)),
            checklist_label(checklist_id, checklist_version),
            local,
            inspection_id,
            *blank,
        ]
        packed = answers.get(inspection_id)
        if packed:
            items.fill(cells, _decode(packed))
        yield cells


# ---------------------------------------------------------------- findings


def finding_pages(condition: Any, size: int) -> Iterator[list[tuple[Any, ...]]]:
    recorded_under = (Inspection.checklist_id, Inspection.checklist_version)  # none: not held
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
        *recorded_under,
    ).join(Venue)
    query = query.join_from(Finding, Inspection, JOIN.LEFT_OUTER)
    return keyset_pages(query, Finding.id, condition, size, by=Finding.created_at, by_at=1)


def finding_rows(
    chunk: list[tuple[Any, ...]],
    labels: Labels,
    names: dict[str, str],
    items: dict[str, ItemColumn],
    wordings: ItemWordings,
    said: Said = mask_numbers_in_text,
) -> Iterator[list[object]]:
    """A row per finding; its item and a generated description in the ledger's language
    (recognised by the item's wording in the version it was recorded under), whether it is
    overdue today and by how many days (blank when it is not)."""
    lang = labels.lang
    day = today()
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
        checklist_id,
        checklist_version,
    ) in chunk:
        item = items.get(base_code(item_code))
        recorded = wordings.of(base_code(item_code), checklist_id, checklist_version)
        description = shown_among(description, recorded, lang)
        in_force = as_date(current_deadline or deadline)
        overdue = is_overdue(state, in_force, day)
        yield [
            finding_id,
            local_date_of(created_at),
            grid,
            venue_code,
            venue_name,
            item_code,
            requirement(item.zh, item.en, lang) if item is not None else "",
            labels.maybe("ledger.severity", severity),
            said(description),
            deadline,
            current_deadline or deadline,
            labels.maybe("ledger.state", state),
            names.get(created_by, created_by),
            inspection_id or "",
            labels("ledger.overdue.yes" if overdue else "ledger.overdue.no"),
            (day - in_force).days if overdue and in_force else "",
        ]
