"""Applying pulled changes to the local store (inside the caller's page transaction).

Records of this device's own work already exist locally and stay as they are (an
inspection is immutable after submit); what the server decides (an event's place in its
finding's server order, kept as `server_seq`) is taken from the server. A finding's
cached state is then the domain fold of its local events — the same fold the server runs,
so once the device holds the server's events and numbers it shows the server's state,
with this device's own unsent events folded after them. A record whose parent is missing
here is skipped with a warning rather than failing the whole page.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any

from fieldapp.domain import findings as machine
from fieldapp.domain.clock import now_iso, utc_moment, wall_clock
from fieldapp.domain.returns import ReturnedInspection
from fieldapp.domain.romanized import spelled
from fieldapp.store.db import db
from fieldapp.store.models import (
    Checklist,
    DailyReport,
    Finding,
    Grid,
    Person,
    PersonGrid,
    PlacardKey,
    Venue,
)
from sync.client.activity_rows import apply_activity
from sync.client.base import Replaced, Verdict
from sync.client.campaigns import store_campaign
from sync.client.followup_rows import apply_followup, remove_followup
from sync.client.incident_rows import (
    apply_incident_events,
    apply_incidents,
    forget_incident_seqs,
    record_incident_seqs,
    refold_incidents,
)
from sync.client.inspection_rows import apply_finding_events, apply_findings, apply_inspections
from sync.client.office_rows import store_kind, store_level, store_setting
from sync.client.patrol_rows import apply_checkpoints, apply_routes, apply_runs
from sync.client.people_rows import apply_household, remove_household
from sync.client.reviews import apply_reviews
from sync.client.rows import RowWriter, as_date, existing, rows_in
from sync.client.verdicts import apply_verdicts
from sync.protocol import Change

VENUE_UPDATED = (
    "code", "name", "kind", "address", "contact", "phone", "risk_level", "grid",
    "placard_key_id", "updated_at", "lat", "lon", "attributes", "romanized",
)  # fmt: skip


def _local_date(stamp: Any) -> dt.date | None:
    """The local date of a UTC stamp, as this device dates its own inspections (None for
    no stamp or one that is not a time)."""
    if not stamp:
        return None
    try:
        return wall_clock(utc_moment(str(stamp))).date()
    except ValueError:
        return None


def refold_findings(finding_ids: set[str]) -> None:
    """Recompute the cached state of these findings (those on this device) from their
    events: one read of all their events (rows, not models), one fold per finding — none
    for a finding whose one event is its opening — and one executemany."""
    if not finding_ids:
        return
    deadlines = dict(rows_in("SELECT id, deadline FROM finding WHERE id IN ({})", finding_ids))
    events: dict[str, list[dict[str, Any]]] = {fid: [] for fid in deadlines}
    sql = (
        "SELECT finding_id, id, type, actor, role, device_id, base_event, at, note, data,"
        " server_seq FROM finding_event WHERE finding_id IN ({})"
    )
    for row in rows_in(sql, deadlines):
        events[row[0]].append(dict(zip(_EVENT_KEYS, row[1:], strict=True)))
    updates = []
    for finding_id, deadline in deadlines.items():
        if not events[finding_id]:
            continue  # its events are not here yet (a later page): the server's state stands
        folded = _fold(events[finding_id])
        current = Finding.current_deadline.db_value(folded.deadline) or deadline
        updates.append((folded.state, current, bool(folded.unresolved_conflicts), finding_id))
    db.cursor().executemany(
        "UPDATE finding SET state = ?, current_deadline = ?, conflict = ? WHERE id = ?", updates
    )


_EVENT_KEYS = (
    "id", "type", "actor", "role", "device_id", "base_event", "at", "note", "data", "server_seq",
)  # fmt: skip


def _fold(events: list[dict[str, Any]]) -> machine.FindingState:
    for event in events:
        event["data"] = json.loads(event["data"]) if event["data"] else {}
    if len(events) == 1 and events[0]["type"] == machine.HAZARD.opening:
        opened = events[0]
        quick = machine.fold_opening(
            opened["id"], opened["role"], opened["data"], at=str(opened["at"])
        )
        if quick is not None:
            return quick
    return machine.fold(events)


def record_server_seqs(event_seqs: dict[str, int]) -> None:
    """Keep the server's numbers of this device's own events (from push answers)."""
    if not event_seqs:
        return
    db.cursor().executemany(
        "UPDATE finding_event SET server_seq = ? WHERE id = ?",
        [(seq, event_id) for event_id, seq in event_seqs.items()],
    )
    sql = "SELECT DISTINCT finding_id FROM finding_event WHERE id IN ({})"
    refold_findings(existing(sql, event_seqs))
    record_incident_seqs(event_seqs)  # event ids are unique across both kinds


def forget_server_seqs() -> None:
    """A restored server (new epoch) numbers events afresh: drop every number from the
    old epoch and refold the findings they belonged to (inside the caller's transaction)."""
    findings = {
        row[0]
        for row in db.execute_sql(
            "SELECT DISTINCT finding_id FROM finding_event WHERE server_seq IS NOT NULL"
        ).fetchall()
    }
    db.execute_sql("UPDATE finding_event SET server_seq = NULL WHERE server_seq IS NOT NULL")
    refold_findings(findings)
    forget_incident_seqs()


# The order a page is applied in: every record after the records it refers to.
APPLY_ORDER = (
    "setting", "kind", "grid_level", "grid", "person", "placard_key", "checklist", "campaign",
    "venue",
    "inspection_verdict",  # before the inspection records: a supervisor's own are news too
    "inspection",
    "inspection_review",  # after the inspection records: a supervisor's new ones take theirs
    "finding",
    "finding.event", "daily_report", "incident", "incident.event", "household", "followup",
    "activity",
    "checkpoint", "patrol_route", "patrol_run",
)  # fmt: skip


class PageApplier:
    """Upserts one page of changes; `warnings` collects what was skipped and why."""

    def __init__(self, changes: Sequence[Change]) -> None:
        self.changes = changes
        self.warnings: list[str] = []
        self.verdicts: list[Verdict] = []  # on this device's own claims of presence
        self.replaced: list[Replaced] = []  # my last edits of people, replaced
        self.returns: list[ReturnedInspection] = []  # my inspections returned
        self.page_grids = {c.id for c in changes if c.type == "grid"}
        self.touched_findings: set[str] = set()
        self.touched_incidents: set[str] = set()
        self.known_grids: dict[str, bool] = {}

    def apply(self) -> int:
        """Apply the page type by type in `APPLY_ORDER` (each type in feed order), so a
        record's parent is in place first even when it came later in the page."""
        by_type: dict[str, list[Change]] = {t: [] for t in APPLY_ORDER}
        for change in self.changes:
            if change.type in by_type:
                by_type[change.type].append(change)
            else:
                self.warnings.append(f"ignored a change of unknown type {change.type!r}")
        # Made here, not kept on self: bound methods held by self would make a cycle that
        # keeps the whole page alive until the collector finds it.
        handlers: dict[str, Callable[[Change], None]] = {
            "grid": self._grid,
            "person": self._person,
            "checklist": self._checklist,
            "campaign": self._campaign,
            "kind": lambda change: store_kind(change.record),
            "grid_level": lambda change: store_level(change.record),
            "setting": lambda change: store_setting(change.record, self.warnings),
            "placard_key": self._placard_key,
            "daily_report": self._daily_report,
            "household": self._household,
            "followup": self._followup,
            "activity": self._activity,
        }
        bulk = {"venue": self._venues, "inspection": self._inspections,
                "inspection_verdict": self._verdicts,
                "inspection_review": self._reviews,
                "finding": self._findings, "finding.event": self._events,
                "incident": self._incidents, "incident.event": self._incident_events,
                "checkpoint": lambda c: apply_checkpoints(c, self._grid_known, self.warnings),
                "patrol_route": lambda c: apply_routes(c, self._grid_known, self.warnings),
                "patrol_run": lambda c: apply_runs(c, self.warnings)}  # fmt: skip
        applied = 0
        for type_, changes in by_type.items():
            if type_ in bulk:
                bulk[type_](changes)
            else:
                for change in changes:
                    handlers[type_](change)
            applied += len(changes)
        refold_findings(self.touched_findings)
        refold_incidents(self.touched_incidents)
        return applied

    def _inspections(self, changes: list[Change]) -> None:
        apply_inspections(changes, self.warnings)

    def _findings(self, changes: list[Change]) -> None:
        self.touched_findings |= apply_findings(changes, self.warnings)

    def _events(self, changes: list[Change]) -> None:
        self.touched_findings |= apply_finding_events(changes, self.warnings)

    def _incidents(self, changes: list[Change]) -> None:
        self.touched_incidents |= apply_incidents(changes, self._grid_known, self.warnings)

    def _incident_events(self, changes: list[Change]) -> None:
        self.touched_incidents |= apply_incident_events(changes, self.warnings)

    def _grid_known(self, code: str | None) -> bool:
        if not code:
            return False
        if code not in self.known_grids:
            known = code in self.page_grids or Grid.get_or_none(Grid.code == code) is not None
            self.known_grids[code] = known
        return self.known_grids[code]

    def _grid(self, change: Change) -> None:
        r = change.record
        parent = r.get("parent") if self._grid_known(r.get("parent")) else None
        values = {"name": r["name"], "level": r["level"], "parent": parent}
        Grid.insert(code=r["code"], **values).on_conflict(
            conflict_target=[Grid.code], update=values
        ).execute()

    def _person(self, change: Change) -> None:
        r = change.record
        values = {"name": r["name"], "role": r["role"], "phone": r.get("phone", "")}
        Person.insert(id=r["id"], **values).on_conflict(
            conflict_target=[Person.id], update=values
        ).execute()
        PersonGrid.delete().where(PersonGrid.person == r["id"]).execute()
        links = [{"person": r["id"], "grid": g} for g in r.get("grids", []) if self._grid_known(g)]
        if links:
            PersonGrid.insert_many(links).execute()

    def _venues(self, changes: list[Change]) -> None:
        records = [c.record for c in changes]
        sql = "SELECT id, code FROM venue WHERE {} IN ({{}})"
        held = rows_in(sql.format("code"), [r["code"] for r in records])
        held += rows_in(sql.format("id"), [r["id"] for r in records])
        owner = {code: venue_id for venue_id, code in held}  # code -> venue holding it
        code_of = {venue_id: code for venue_id, code in held}
        writer = RowWriter(
            Venue,
            conflict=["id"],
            update=VENUE_UPDATED,
            latest=["last_inspected_on", "server_inspected_on"],
            skip_unchanged=True,  # a first pull sends again the venues the device holds
        )
        fields = ("code", "name", "kind", "address", "contact", "phone", "risk_level")
        for r in records:
            if not self._grid_known(r.get("grid")):
                self.warnings.append(
                    f"venue {r.get('code')} skipped: its grid is not on this device"
                )
                continue
            if owner.get(r["code"], r["id"]) != r["id"]:
                self.warnings.append(
                    f"venue {r['code']} skipped: this device has that code on another venue"
                )
                continue
            if owner.get(code_of.get(r["id"], "")) == r["id"]:
                del owner[code_of[r["id"]]]  # its old code is free again
            owner[r["code"]], code_of[r["id"]] = r["id"], r["code"]
            values = {f: r.get(f) or "" for f in fields}
            values.update(
                id=r["id"],
                grid=r["grid"],
                placard_key_id=r.get("placard_key_id"),
                updated_at=r.get("updated_at", ""),
                lat=r.get("lat"),
                lon=r.get("lon"),
                attributes=r.get("attributes") or {},
                risk_level=r.get("risk_level") or "normal",
                romanized=spelled(values["name"]),  # what the search finds it by in pinyin
                # The server's last inspection of the venue, whoever made it: the due date
                # is recomputed from it after the pull (services.syncing.after_sync).
                last_inspected_on=_local_date(r.get("last_inspected_at")),
                # Kept apart: a refused inspection of this device moves the venue back to it.
                server_inspected_on=_local_date(r.get("last_inspected_at")),
            )
            writer.add(values)
        writer.write()

    def _checklist(self, change: Change) -> None:
        """A published version never changes: one this device already holds (loaded from
        its shipped files, with their sha256 and source) is kept as it is."""
        r = change.record
        values = {
            "kinds": r["kinds"],
            "title_zh": r["title_zh"],
            "title_en": r["title_en"],
            "body": r["body"],
            "sha256": r["sha256"],
            "source": r.get("source", ""),
            "loaded_at": now_iso(),
        }
        Checklist.insert(
            checklist_id=r["checklist_id"], version=r["version"], **values
        ).on_conflict_ignore().execute()

    def _campaign(self, change: Change) -> None:
        store_campaign(change.record)

    def _placard_key(self, change: Change) -> None:
        r = change.record
        values = {
            "public_key": r["public_key"],
            "revoked": bool(r.get("revoked")),
            "revoked_at": r.get("revoked_at"),
        }
        PlacardKey.insert(
            key_id=r["key_id"], created_at=r.get("created_at", ""), **values
        ).on_conflict(conflict_target=[PlacardKey.key_id], update=values).execute()

    def _reviews(self, changes: list[Change]) -> None:
        self.returns += apply_reviews(changes, self.warnings)

    def _verdicts(self, changes: list[Change]) -> None:
        self.verdicts += apply_verdicts(changes)

    def _daily_report(self, change: Change) -> None:
        r = change.record
        if not self._grid_known(r.get("grid_code")):
            self.warnings.append(f"daily report {r['id']} skipped: its grid is not on this device")
            return
        values = {
            "grid": r["grid_code"],
            "date": as_date(r["date"]),
            "reporter": r["reporter"],
            "counts": r.get("counts", {}),
            "zero_report": bool(r.get("zero_report")),
            "remarks": r.get("remarks", ""),
            "submitted_at": r["submitted_at"],
        }
        DailyReport.insert(id=r["id"], **values).on_conflict(
            conflict_target=[DailyReport.id], update=values
        ).execute()

    def _household(self, change: Change) -> None:
        if change.deleted:
            remove_household(change.id)
            return
        if not self._grid_known(change.record.get("grid_code")):
            self.warnings.append(f"household {change.id} skipped: its grid is not on this device")
            return
        self.replaced += apply_household(change.record)

    def _activity(self, change: Change) -> None:
        if not self._grid_known(change.record.get("grid_code")):
            self.warnings.append(f"activity {change.id} skipped: its grid is not on this device")
            return
        apply_activity(change.record)

    def _followup(self, change: Change) -> None:
        if change.deleted:  # retention on the server
            remove_followup(change.id)
            return
        warning = apply_followup(change.record)
        if warning:
            self.warnings.append(warning)
