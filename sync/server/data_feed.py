"""The data feed for the city's BI: inspections, answers, hazards, hazard events and daily
reports, read-only, paged and filterable, as JSON or CSV (`sync.server.routes.data`).

Pages follow the change log (`sync.server.feed`): the cursor is its seq, which is commit
order, so a reader that follows `cursor` while `more` is true sees every record that reached
the server, once per change, late syncs included — the habit of ODK Central's OData
`$skiptoken`. A hazard appears again each time its state changes (its newest state), so
keep the last row per `id`. `from`/`to` filter by the date the server received the record
(UTC); `grid` narrows to a grid and the grids below it, within the key's grids.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from sync.server import db as server_db
from sync.server.feed import answers_json
from sync.server.grid_tree import grids_under
from sync.server.models import ChangeLog
from sync.server.reader_keys import Reader

# kind -> (change type, CSV columns)
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "inspections": ("inspection", (
        "id", "venue_id", "checklist_id", "checklist_version", "inspector_id", "device_id",
        "started_at", "finished_at", "submitted_at", "received_at", "presence",
        "presence_reason", "presence_note", "representative", "summary", "supersedes",
    )),
    "answers": ("inspection", (
        "inspection_id", "venue_id", "item_code", "outcome", "value", "note", "photos",
    )),
    "hazards": ("finding", (
        "id", "inspection_id", "venue_id", "item_code", "severity", "description", "deadline",
        "current_deadline", "state", "conflict", "created_at", "created_by", "photos",
    )),
    "hazard_events": ("finding.event", (
        "id", "finding_id", "type", "actor", "role", "device_id", "base_event", "at",
        "received_at", "server_order", "conflict", "conflict_reason", "note", "data", "photos",
    )),
    "daily_reports": ("daily_report", (
        "id", "grid_code", "date", "reporter", "zero_report", "counts", "remarks",
        "submitted_at",
    )),
}  # fmt: skip


class OutOfScope(ValueError):
    """The reader asked for a grid its key does not cover."""


@dataclass(frozen=True)
class Page:
    kind: str
    items: list[dict[str, Any]]
    cursor: int
    more: bool


def read_page(
    reader: Reader,
    kind: str,
    *,
    cursor: int = 0,
    limit: int = 500,
    grid: str | None = None,
    first: str | None = None,  # YYYY-MM-DD, received on or after
    last: str | None = None,  # YYYY-MM-DD, received on or before
) -> Page:
    """One page of `kind` after `cursor`. Needs a connection."""
    change_type, _columns = KINDS[kind]
    grids = set(reader.grids)
    if grid is not None:
        if grid not in reader.grids:
            raise OutOfScope(f"this key may not read grid {grid}; it reads {_list(reader)}")
        grids &= grids_under(grid)
    query = ChangeLog.select(ChangeLog.seq, ChangeLog.grid_code, ChangeLog.payload).where(
        (ChangeLog.type == change_type)
        & (ChangeLog.seq > cursor)
        & (ChangeLog.deleted == False)  # noqa: E712
        & (ChangeLog.grid_code.in_(sorted(grids)))
    )
    if first:
        query = query.where(ChangeLog.at >= first)
    if last:
        query = query.where(ChangeLog.at < last + "T99")  # every time of that day sorts below
    rows = server_db.rows(query.order_by(ChangeLog.seq).limit(limit + 1))
    more = len(rows) > limit
    rows = rows[:limit]
    items: list[dict[str, Any]] = []
    records = [(grid_code, json.loads(payload)) for _seq, grid_code, payload in rows]
    # The feed keeps an inspection's answers in its row (older feed rows in the record).
    held = answers_json(r["id"] for _, r in records) if kind == "answers" else {}
    for grid_code, record in records:
        if kind == "answers":
            answers = record.get("answers") or json.loads(held.get(record["id"], "[]"))
            items += [
                {"inspection_id": record["id"], "venue_id": record["venue_id"], **answer}
                for answer in answers
            ]
        else:
            record.pop("answers", None)
            record.setdefault("grid_code", grid_code)
            items.append(record)
    next_cursor = rows[-1][0] if rows else cursor
    return Page(kind, items, int(next_cursor), more)


def as_csv(page: Page) -> str:
    """The page as CSV with a header row; nested values (photos, counts) as JSON."""
    columns = ("grid_code", *KINDS[page.kind][1]) if page.kind != "answers" else KINDS[page.kind][1]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for item in page.items:
        writer.writerow([_cell(item.get(column)) for column in columns])
    return out.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if value is None:
        return ""
    return value


def _list(reader: Reader) -> str:
    return ", ".join(sorted(reader.grids)) or "no grid"
