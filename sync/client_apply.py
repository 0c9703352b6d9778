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
from collections.abc import Callable, Sequence
from typing import Any

from fieldapp.domain.clock import now_iso
from fieldapp.services.findings import refresh
from fieldapp.store.models import (
    Answer,
    Checklist,
    DailyReport,
    Finding,
    FindingEvent,
    Grid,
    Inspection,
    Person,
    PersonGrid,
    PlacardKey,
    Venue,
)
from sync.protocol import Change


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    return dt.date.fromisoformat(str(value)[:10])


def refold_findings(finding_ids: set[str]) -> None:
    """Recompute the cached state of these findings (those on this device) from events."""
    for finding in Finding.select().where(Finding.id.in_(sorted(finding_ids))):
        refresh(finding)


def record_server_seqs(event_seqs: dict[str, int]) -> None:
    """Keep the server's numbers of this device's own events (from a push answer)."""
    findings: set[str] = set()
    for event_id, seq in event_seqs.items():
        event = FindingEvent.get_or_none(FindingEvent.id == event_id)
        if event is not None:
            FindingEvent.update(server_seq=seq).where(FindingEvent.id == event_id).execute()
            findings.add(event.finding_id)
    refold_findings(findings)


class PageApplier:
    """Upserts one page of changes; `warnings` collects what was skipped and why."""

    def __init__(self, changes: Sequence[Change]) -> None:
        self.changes = changes
        self.warnings: list[str] = []
        self.page_grids = {c.id for c in changes if c.type == "grid"}
        self.touched_findings: set[str] = set()
        self.handlers: dict[str, Callable[[Change], None]] = {
            "grid": self._grid,
            "person": self._person,
            "venue": self._venue,
            "checklist": self._checklist,
            "placard_key": self._placard_key,
            "finding": self._finding,
            "finding.event": self._event,
            "inspection": self._inspection,
            "daily_report": self._daily_report,
        }

    def apply(self) -> int:
        applied = 0
        for change in self.changes:
            handler = self.handlers.get(change.type)
            if handler is None:
                self.warnings.append(f"ignored a change of unknown type {change.type!r}")
                continue
            handler(change)
            applied += 1
        refold_findings(self.touched_findings)
        return applied

    def _grid_known(self, code: str | None) -> bool:
        return bool(code) and (
            code in self.page_grids or Grid.get_or_none(Grid.code == code) is not None
        )

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

    def _venue(self, change: Change) -> None:
        r = change.record
        if not self._grid_known(r.get("grid")):
            self.warnings.append(f"venue {r.get('code')} skipped: its grid is not on this device")
            return
        clash = Venue.get_or_none((Venue.code == r["code"]) & (Venue.id != r["id"]))
        if clash is not None:
            self.warnings.append(
                f"venue {r['code']} skipped: this device has that code on another venue"
            )
            return
        fields = ("code", "name", "kind", "address", "contact", "phone", "risk_level")
        values = {f: r.get(f) or "" for f in fields}
        values.update(
            grid=r["grid"],
            placard_key_id=r.get("placard_key_id"),
            updated_at=r.get("updated_at", ""),
            risk_level=r.get("risk_level") or "normal",
        )
        Venue.insert(id=r["id"], **values).on_conflict(
            conflict_target=[Venue.id], update=values
        ).execute()

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

    def _placard_key(self, change: Change) -> None:
        r = change.record
        values = {"public_key": r["public_key"], "revoked": bool(r.get("revoked"))}
        PlacardKey.insert(
            key_id=r["key_id"], created_at=r.get("created_at", ""), **values
        ).on_conflict(conflict_target=[PlacardKey.key_id], update=values).execute()

    def _ensure_person(self, person_id: str) -> None:
        """A placeholder until the person's own record arrives (it corrects the name)."""
        if person_id and Person.get_or_none(Person.id == person_id) is None:
            Person.insert(
                id=person_id, name=person_id, role="inspector"
            ).on_conflict_ignore().execute()

    def _finding(self, change: Change) -> None:
        r = change.record
        server_view = {
            "state": r["state"],
            "current_deadline": _date(r.get("current_deadline")) or _date(r["deadline"]),
            "conflict": bool(r.get("conflict")),
        }
        self.touched_findings.add(r["id"])
        if Finding.get_or_none(Finding.id == r["id"]) is not None:
            Finding.update(**server_view).where(Finding.id == r["id"]).execute()
            return
        if Venue.get_or_none(Venue.id == r["venue_id"]) is None:
            self.warnings.append(f"finding {r['id']} skipped: its venue is not on this device")
            return
        inspection = r.get("inspection_id")
        if inspection and Inspection.get_or_none(Inspection.id == inspection) is None:
            inspection = None
        Finding.insert(
            id=r["id"],
            inspection=inspection,
            venue=r["venue_id"],
            item_code=r["item_code"],
            severity=r["severity"],
            description=r.get("description", ""),
            deadline=_date(r["deadline"]),
            photos=r.get("photos", []),
            created_at=r["created_at"],
            created_by=r["created_by"],
            **server_view,
        ).execute()

    def _event(self, change: Change) -> None:
        r = change.record
        server_seq = r.get("server_order")
        self.touched_findings.add(r["finding_id"])
        if FindingEvent.get_or_none(FindingEvent.id == r["id"]) is not None:
            FindingEvent.update(server_seq=server_seq).where(FindingEvent.id == r["id"]).execute()
            return
        if Finding.get_or_none(Finding.id == r["finding_id"]) is None:
            self.warnings.append(f"event {r['id']} skipped: its finding is not on this device")
            return
        data = dict(r.get("data") or {})
        if r.get("conflict"):
            data["conflict"] = r.get("conflict_reason") or "conflict"
        FindingEvent.insert(
            id=r["id"],
            finding=r["finding_id"],
            type=r["type"],
            actor=r["actor"],
            role=r["role"],
            device_id=r.get("device_id", ""),
            base_event=r.get("base_event"),
            at=r["at"],
            note=r.get("note", ""),
            photos=r.get("photos", []),
            data=data,
            server_seq=server_seq,
        ).execute()

    def _inspection(self, change: Change) -> None:
        r = change.record
        if Inspection.get_or_none(Inspection.id == r["id"]) is not None:
            return  # immutable after submit; this device's own copy is the same
        if Venue.get_or_none(Venue.id == r["venue_id"]) is None:
            self.warnings.append(f"inspection {r['id']} skipped: its venue is not on this device")
            return
        self._ensure_person(r["inspector_id"])
        copied = (
            "checklist_id", "checklist_version", "device_id", "started_at", "finished_at",
            "submitted_at", "presence", "presence_payload", "presence_reason", "presence_note",
            "presence_at", "representative", "summary", "supersedes",
        )  # fmt: skip
        values = {k: r[k] for k in copied if r.get(k) is not None}
        Inspection.insert(
            id=r["id"],
            venue=r["venue_id"],
            inspector=r["inspector_id"],
            status="submitted",
            **values,
        ).execute()
        answered_at = r.get("submitted_at") or r.get("received_at") or now_iso()
        rows = [
            {
                "inspection": r["id"],
                "item_code": a["item_code"],
                "outcome": a["outcome"],
                "value": a.get("value", ""),
                "note": a.get("note", ""),
                "photos": a.get("photos", []),
                "answered_at": answered_at,
            }
            for a in r.get("answers", [])
        ]
        if rows:
            Answer.insert_many(rows).execute()

    def _daily_report(self, change: Change) -> None:
        r = change.record
        if not self._grid_known(r.get("grid_code")):
            self.warnings.append(f"daily report {r['id']} skipped: its grid is not on this device")
            return
        values = {
            "grid": r["grid_code"],
            "date": _date(r["date"]),
            "reporter": r["reporter"],
            "counts": r.get("counts", {}),
            "zero_report": bool(r.get("zero_report")),
            "remarks": r.get("remarks", ""),
            "submitted_at": r["submitted_at"],
        }
        DailyReport.insert(id=r["id"], **values).on_conflict(
            conflict_target=[DailyReport.id], update=values
        ).execute()
