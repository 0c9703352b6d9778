"""`inspection.submit` ops, checked one by one and written together.

`InspectionWriter.add` authorises and checks one op against what the database held when
the writer was prepared plus what earlier ops of the same batch added, and collects its
rows and feed entries; nothing is written for a refused op. `flush` writes the rows of
every accepted op with executemany (ledger first, so a concurrent push of the same op
blocks on its primary key and then fails the batch, which is applied again op by op).
Venues, grid scopes and existing ids are read once per batch, not once per op; the feed
records are built from the payload already in hand, never by reading the rows back; each
new finding is folded once, over the events it arrives with.

An inspection moves its venue's `last_inspected_at` forward (to its `submitted_at`, never
past the server's clock), and the venue goes out on the feed again with it, so every device
of the grid — not only the supervisors who pull inspections — computes the same due date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from operator import itemgetter
from typing import Any

from pydantic import ValidationError

from fieldapp.domain.findings import HAZARD, FindingState, fold_opening
from fieldapp.domain.presence import check_presence, not_on_site
from sync.protocol import InspectionSubmit, Op, answer_record, canonical_json, refusals
from sync.protocol.payloads import ProofPayload
from sync.server import db as server_db
from sync.server.bulk import DRIVER_ERRORS, execute_many, ids_held
from sync.server.feed import NewChange, verdict_change
from sync.server.findings import fold_events
from sync.server.inspection_rows import (
    EVENT_COLUMNS,
    EVENT_KEYS,
    FINDING_COLUMNS,
    FINDING_KEYS,
    INSPECTION_COLUMNS,
    INSPECTION_KEYS,
    LEDGER_COLUMNS,
    row_of,
)
from sync.server.models import (
    AppliedOp,
    Finding,
    FindingEvent,
    Inspection,
)
from sync.server.op_checks import (
    check_event,
    check_extension_note,
    check_hazard_description,
    check_inspection_head,
    invalid_payload,
)
from sync.server.placard_keys import PublishedKeys
from sync.server.published_items import published_item
from sync.server.records import (
    VenueRecord,
    venue_record_change,
    venue_records_for,
)
from sync.server.scope import (
    DeviceContext,
    may_write_grid,
    outside_grid_reason,
    payload_date,
    require_own,
)
from sync.server.supersedes import check_supersedes
from sync.server.venue_moves import move_inspected
from sync.server.venues_ahead import VenuesRead


@dataclass
class Accepted:
    """What one accepted op adds: its feed entries and its events' server numbers."""

    changes: list[NewChange]
    event_seqs: dict[str, int] = field(default_factory=dict)


class AlreadyStored(ValueError):
    """A record of the op is in the database already: perhaps this very op, committed by a
    concurrent push since the ledger was read (the caller reads the ledger again)."""


class InspectionWriter:
    """Checks and collects `inspection.submit` ops of one batch; `flush` writes them."""

    def __init__(
        self,
        who: DeviceContext,
        payloads: Iterable[dict[str, Any]] = (),
        *,
        floats: bool = True,
        trust_keys: bool = False,
        venues: VenuesRead | None = None,
    ) -> None:
        """`trust_keys`: the rows wait for the group's end, where the primary keys refuse
        ids the database holds (and the group runs again, looking: `bulk.HeldRowsRefused`);
        looking first was a push's costliest statement on a fresh PostgreSQL (~1 ms).
        `venues`: those the payloads name, read already (`venues_ahead`)."""
        self.who = who
        self.trust_keys = trust_keys
        self.floats = floats  # False: the payloads hold no float (records need not look)
        self.now = server_db.now_iso()
        # Venue id -> its feed record, None if not held: read as rows, not model objects.
        self.venues: dict[str, VenueRecord | None] = {}
        self.inspected: dict[str, NewChange] = {}  # venue id -> its feed entry, moved
        self.writable: dict[str, bool] = {}  # grid -> may write (read with its venues)
        if venues is not None:
            self.venues, self.writable = venues.copied()
        self.inspection_ids: set[str] = set()
        self.finding_ids: set[str] = set()
        self.event_ids: set[str] = set()
        self._rows: dict[str, list[tuple[Any, ...]]] = {k: [] for k in "life"}
        self.placard_keys = PublishedKeys()
        self.prepare(payloads)

    # --- reading once per batch ----------------------------------------------------------

    def prepare(self, payloads: Iterable[dict[str, Any]]) -> None:
        """Read the venues and the existing ids the raw payloads name (a hint: `add`
        reads what is missing, and the primary keys catch anything that changes)."""
        venue_ids: set[str] = set()
        inspections: set[str] = set()
        findings: set[str] = set()
        events: set[str] = set()
        for payload in payloads:
            try:
                inspection = payload.get("inspection") or {}
                venue_ids.add(str(inspection.get("venue_id")))
                inspections.add(str(inspection.get("id")))
                for f in payload.get("findings") or ():
                    findings.add(str(f.get("id")))
                    events.update(str(e.get("id")) for e in f.get("events") or ())
            except (AttributeError, TypeError):
                continue  # validation will say what is wrong with it
        self._load_venues(venue_ids - set(self.venues))
        self._checked = (inspections, findings, events)
        if self.trust_keys:
            return
        held = ids_held(("inspection", "finding", "finding_event"), (inspections, findings, events))
        self.inspection_ids |= held[0]
        self.finding_ids |= held[1]
        self.event_ids |= held[2]

    def _load_venues(self, venue_ids: set[str]) -> None:
        if not venue_ids:
            return
        for venue, writable in venue_records_for(self.who, sorted(venue_ids)):
            self.venues[venue["id"]] = venue
            self.writable.setdefault(venue["grid"], writable)
        for venue_id in venue_ids:
            self.venues.setdefault(venue_id, None)

    def _venue_in_scope(self, venue_id: str) -> VenueRecord:
        if venue_id not in self.venues:
            self._load_venues({venue_id})
        venue = self.venues[venue_id]
        if venue is None:
            raise refusals.unknown_venue(venue_id)
        grid = venue["grid"]
        if grid not in self.writable:
            self.writable[grid] = may_write_grid(self.who, grid)
        if not self.writable[grid]:
            raise ValueError(
                outside_grid_reason(self.who, grid, f"venue {venue['code']} {venue['name']}")
            )
        return venue

    def _exists(self, kind: int, table: str, known: set[str], record_id: str) -> bool:
        if self.trust_keys:
            return record_id in known  # this batch's own (the keys see to the database's)
        if record_id not in known and record_id not in self._checked[kind]:
            known |= ids_held((table,), ({record_id},))[0]
        return record_id in known

    # --- one op --------------------------------------------------------------------------

    def add(self, op: Op, digest: str) -> Accepted:
        """Check one op and collect its rows; ValueError (nothing collected) if refused."""
        try:
            sub = InspectionSubmit.model_validate(op.payload)
        except ValidationError as error:
            raise invalid_payload(op.type, error) from None
        who, i = self.who, sub.inspection
        check_inspection_head(who, i)  # its inspector's own; its representative named
        venue = self._venue_in_scope(i.venue_id)
        venue_id, grid = venue["id"], venue["grid"]
        if self._exists(0, "inspection", self.inspection_ids, i.id):
            raise AlreadyStored(refusals.inspection_already_submitted(i.id))
        answers = sorted(map(answer_record, sub.answers), key=_ITEM_CODE)
        if len(answers) != len({a["item_code"] for a in answers}):
            raise refusals.answered_twice(i.id)
        # A claimed scan is checked here; one that fails is kept as manual presence,
        # unverified, with the reason (never upgraded, never dropped).
        # A placard's text typed or pasted (an older device claims a scan for it) is not.
        verdict = check_presence(
            i.presence, i.presence_payload, venue["code"], self.placard_keys,
            i.presence_at or i.started_at, not_on_site([s.source for s in i.proof.scans]),
        )  # fmt: skip
        record: dict[str, Any] = {
            **i.__dict__,  # the validated fields (venue, inspector, device replaced below)
            "proof": _proof_record(i.proof),
            "venue_id": venue_id,
            "inspector_id": who.person_id,
            "device_id": who.device_id,
            "received_at": self.now,
            "presence": verdict.presence,
            "presence_check": verdict.check,
            "presence_check_reason": verdict.reason,
        }
        record["answers"] = answers  # validated into dicts of their five keys
        accepted = Accepted([NewChange("inspection", i.id, record, grid, "supervisor",
                                       may_hold_floats=self.floats)])  # fmt: skip
        if verdict.check:  # a scan was claimed: the inspector's device learns the verdict
            accepted.changes.append(verdict_change(record, grid))
        check_supersedes(record, self._rows["i"])  # a re-inspection names what it replaces
        findings, events = self._findings(sub, venue, accepted)
        # Accepted: only now does anything of this op go into the rows to write.
        self._rows["l"].append(self._ledger_row(op, digest, accepted.event_seqs))
        answers_text = canonical_json(record["answers"], may_hold_floats=False)  # only text
        self._rows["i"].append((*row_of(record, INSPECTION_KEYS, not self.floats), answers_text))
        self._rows["f"] += findings
        self._rows["e"] += events
        self.inspection_ids.add(i.id)
        self._mark_inspected(venue, i.submitted_at, accepted)
        self.finding_ids.update(f[0] for f in findings)
        self.event_ids.update(e[0] for e in events)
        return accepted

    def _findings(
        self, sub: InspectionSubmit, venue: VenueRecord, accepted: Accepted
    ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        who, i = self.who, sub.inspection
        inspection_id = i.id
        venue_id, grid = venue["id"], venue["grid"]
        finding_rows: list[tuple[Any, ...]] = []
        event_rows: list[tuple[Any, ...]] = []
        seen_findings: set[str] = set()
        seen_events: set[str] = set()
        for f in sub.findings:
            if f.venue_id != venue_id:
                raise refusals.finding_other_venue(f.id)
            require_own(who, f.created_by, f"finding {f.id}")
            if f.id in seen_findings or self._exists(1, "finding", self.finding_ids, f.id):
                raise AlreadyStored(refusals.finding_already_submitted(f.id))
            seen_findings.add(f.id)
            # The item a long generated description names is looked up only then.
            check_hazard_description(f.id, f.description, partial(
                published_item, i.checklist_id, i.checklist_version, i.summary, f.item_code
            ))  # fmt: skip
            what = f"the deadline of finding {f.id}"
            deadline = payload_date(f.deadline, "finding_deadline", what)
            events: list[dict[str, Any]] = []
            for event in f.events:
                check_event(who, event.actor, event.type, event.id)
                if event.type == "deadline_extended":
                    check_extension_note(f"event {event.id}", f.severity, event.note)
                seen = event.id in seen_events
                if seen or self._exists(2, "finding_event", self.event_ids, event.id):
                    raise AlreadyStored(refusals.event_already_submitted(event.id))
                seen_events.add(event.id)
                events.append({
                    "id": event.id, "finding_id": f.id, "type": event.type,
                    "actor": event.actor, "role": who.role, "device_id": who.device_id,
                    "base_event": event.base_event, "at": event.at, "note": event.note,
                    "photos": event.photos, "data": event.data, "received_at": self.now,
                    "server_order": len(events), "conflict": False, "conflict_reason": "",
                })  # fmt: skip
                accepted.event_seqs[event.id] = len(events) - 1
            folded = _fold_arriving(events, who.role)
            record = {
                "id": f.id, "inspection_id": inspection_id, "venue_id": venue_id,
                "item_code": f.item_code, "severity": f.severity,
                "description": f.description, "deadline": deadline, "photos": f.photos,
                "created_at": f.created_at, "created_by": f.created_by,
                "state": folded.state,
                "current_deadline": folded.deadline.isoformat() if folded.deadline else deadline,
                "conflict": bool(folded.conflicts),
            }  # fmt: skip
            # Built from the payload and the server's own text: floats only if the body had.
            plain = not self.floats
            finding_rows.append(row_of(record, FINDING_KEYS, plain))
            accepted.changes.append(
                NewChange("finding", f.id, record, grid, may_hold_floats=self.floats)
            )
            for row in events:
                event_rows.append(row_of(row, EVENT_KEYS, plain))
                accepted.changes.append(
                    NewChange("finding.event", str(row["id"]), row, grid,
                              may_hold_floats=self.floats)
                )  # fmt: skip
        return finding_rows, event_rows

    def _mark_inspected(
        self, venue: VenueRecord, submitted_at: str | None, accepted: Accepted
    ) -> None:
        """Move the venue's last inspection forward and send the venue out again with it
        (a device's clock is information only: never later than the server's now)."""
        stamp = min(submitted_at or self.now, self.now)
        held = venue["last_inspected_at"]
        if held is not None and held >= stamp:
            return
        venue["last_inspected_at"] = stamp
        change = venue_record_change(dict(venue))  # read back as held once written
        self.inspected[venue["id"]] = change
        accepted.changes.append(change)

    def _ledger_row(self, op: Op, digest: str, event_seqs: dict[str, int]) -> tuple[Any, ...]:
        result: dict[str, Any] = {"status": "applied"}
        if event_seqs:
            result["event_seqs"] = event_seqs
        return (op.op_id, self.who.device_id, op.seq, op.type, digest,
                canonical_json(result, may_hold_floats=False), self.now)  # fmt: skip

    # --- writing -------------------------------------------------------------------------

    def flush(self, *, others_follow: bool = False, hold: bool = False) -> None:
        """Write what the accepted ops collected (ledger first), in the open transaction.
        `others_follow`: an op of another type runs next, which may change venue rows, so
        the venues read so far are read again when an inspection names them. `hold`:
        nothing of this work reads the rows back (its batch ends here), so a group commit
        may write them at its end (`bulk.rows_held`)."""
        rows = self._rows
        execute_many(AppliedOp, LEDGER_COLUMNS, rows["l"], may_hold=hold)
        execute_many(Inspection, INSPECTION_COLUMNS, rows["i"], may_hold=hold)
        execute_many(Finding, FINDING_COLUMNS, rows["f"], may_hold=hold)
        execute_many(FindingEvent, EVENT_COLUMNS, rows["e"], may_hold=hold)
        self._rows = {k: [] for k in "life"}
        self._write_inspected()
        if others_follow:
            self.venues = {}

    def _write_inspected(self) -> None:
        """Write the venues' new last inspection, only forward (a concurrent push may have
        moved it further), and give their feed entries the venue as it is now held (on
        PostgreSQL in a group commit, at the group's end: `venue_moves`)."""
        if not self.inspected:
            return
        if server_db.is_postgres():
            move_inspected(self.inspected)
        else:
            moved = {
                venue_id: change.record["last_inspected_at"]
                for venue_id, change in self.inspected.items()
            }
            db = server_db.current()
            p = db.param
            sql = (
                f"UPDATE venue SET last_inspected_at = {p} WHERE id = {p}"
                f" AND (last_inspected_at IS NULL OR last_inspected_at < {p})"
            )
            with DRIVER_ERRORS:  # in one order (the venues' ids) for every writer
                db.cursor().executemany(sql, [(moved[v], v, moved[v]) for v in sorted(moved)])
            # SQLite has one writer, whose lock was taken before the venues were read (and
            # `flush(others_follow=True)` forgets them when another op may change them):
            # each feed record already says what its row now holds. Reading the venues
            # back was ~7 % of a push.
        self.inspected = {}


_ITEM_CODE = itemgetter("item_code")


def _proof_record(proof: ProofPayload) -> dict[str, Any]:
    """The proof as its record holds it. Most inspections carry none: their record is
    made here, ~1.3 µs less than `model_dump` an op."""
    if not proof.scans and not proof.photos:
        return {"scans": [], "photos": []}
    return proof.model_dump()


def _fold_arriving(events: list[dict[str, Any]], role: str) -> FindingState:
    """The new finding's state, and each event's conflict as it landed (set on the rows).

    A finding that arrives with only its opening event (nearly all) needs no fold; with
    more, each event is checked against the fold of those before it, as it lands."""
    if len(events) == 1 and events[0]["type"] == HAZARD.opening:
        quick = fold_opening(events[0]["id"], role, events[0]["data"], at=str(events[0]["at"]))
        if quick is not None:
            return quick
    folded = fold_events([])
    for n, row in enumerate(events):
        folded = fold_events(events[: n + 1])  # the fold as this event lands
        conflict = next((c.reason for c in folded.conflicts if c.event_id == row["id"]), None)
        row["conflict"], row["conflict_reason"] = conflict is not None, conflict or ""
    return folded
