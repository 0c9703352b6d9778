"""Inspections: start, answer item by item (each answer committed at once), submit.

A draft can be resumed at the item it was on. Submit writes the inspection, opens its
findings and queues one `inspection.submit` operation, all in one transaction; after that
the inspection is read-only (a correction is a new inspection that supersedes it).
"""

from __future__ import annotations

import datetime as dt

from fieldapp.domain import cadence, finding_text
from fieldapp.domain import proof as visit_proof
from fieldapp.domain.answers import default_deadline, failure_severity
from fieldapp.domain.campaigns import with_campaigns
from fieldapp.domain.checklist import Checklist, Item
from fieldapp.domain.clock import now_iso, today
from fieldapp.domain.conditions import form_state
from fieldapp.domain.free_text import text_problem
from fieldapp.domain.ids import new_id
from fieldapp.domain.presence import manual_note_problem
from fieldapp.services.common import campaigns, outbox, settings
from fieldapp.services.common import photos as photo_store
from fieldapp.services.common.campaigns import Applied
from fieldapp.services.common.identity import me
from fieldapp.services.common.refusals import FormRefused
from fieldapp.services.inspection import scan_proof, supersession

# `load` stays importable from here too: most callers read a draft through this module.
from fieldapp.services.inspection.inspection_view import (
    InspectionView,
    context_for,
    load,
    summary_of,
    with_answer,
)
from fieldapp.services.inspection.payloads import finding_payload, inspection_payload
from fieldapp.services.inspection.scan_proof import ScanMark
from fieldapp.services.inspection.startable import start_checklist
from fieldapp.store.db import rows, write_transaction
from fieldapp.store.models import Answer, Finding, FindingEvent, Inspection, Venue

PRESENCE_REASONS = ("placard_missing", "placard_damaged", "scanner_broken", "venue_closed", "other")


class ReadOnly(RuntimeError):
    """The inspection was submitted; it cannot change."""


class RepresentativeRefused(ValueError):
    """The representative's name typed says no name; str() is for a person."""


class SubmitBlocked(ValueError):
    """Required items are not answered yet."""

    def __init__(self, missing: list[str]):
        super().__init__(", ".join(missing))
        self.missing = missing


def start_inspection(
    venue_id: str,
    *,
    presence: str = "manual",
    payload: str = "",
    reason: str = "",
    note: str = "",
    scan: ScanMark | None = None,
) -> str:
    """Begin an inspection of a venue with the newest checklist for its kind; `scan` is
    the placard scan that opened it (kept as proof); it supersedes my returned inspection
    of the venue that waits, if any (`b` `n` on Home, or a scan). FormRefused ("note") when
    chosen by hand for "other" with a note that says nothing (`manual_note_problem`);
    StartRefused, before anything is written, where no checklist covers the venue's kind."""
    if presence == "manual" and (problem := manual_note_problem(reason, note)) is not None:
        raise FormRefused(problem, "note")
    venue = Venue.get_by_id(venue_id)
    base = start_checklist(venue.kind)  # StartRefused, worded, where there is none
    applied = campaigns.applying(campaigns.grid_path(venue.grid_code), today())
    checklist = with_campaigns(base, venue.kind, [a.campaign for a in applied])
    who = me()
    stamp = now_iso()
    inspection = Inspection.create(
        id=new_id(),
        venue=venue,
        checklist_id=checklist.id,
        checklist_version=checklist.version,
        summary={"campaigns": campaigns.pin(applied)} if applied else {},
        inspector=who.person_id,
        device_id=who.device_id,
        started_at=stamp,
        presence=presence,
        presence_payload=payload,
        presence_reason=reason,
        presence_note=note,
        presence_at=stamp,
        current_item=_first_asked(venue, checklist, applied),
        proof=scan_proof.start_proof(scan),
        supersedes=supersession.pending_return(venue_id),  # a returned one done again
    )
    return str(inspection.id)


def _first_asked(venue: Venue, checklist: Checklist, applied: list[Applied]) -> str:
    asked = form_state(checklist, {}, context_for(venue, checklist, applied)).visible
    return asked[0] if asked else checklist.items[0].code


def record_presence(
    inspection_id: str,
    *,
    presence: str,
    payload: str = "",
    reason: str = "",
    scan: ScanMark | None = None,
) -> None:
    """A placard scanned during a draft upgrades its presence to scanned."""
    inspection = _draft(inspection_id)
    inspection.presence = presence
    inspection.presence_payload = payload
    inspection.presence_reason = reason
    inspection.presence_at = now_iso()
    if scan is not None:
        inspection.proof = scan_proof.add_scan(inspection.proof or {}, scan)
    inspection.save()


def _draft(inspection_id: str) -> Inspection:
    inspection = Inspection.get_by_id(inspection_id)
    if inspection.status != "draft":
        raise ReadOnly(inspection_id)
    return inspection


def not_met(item: Item) -> str:
    """A failed item's hazard description: its requirement, said not met ("未达标：…").
    Every hazard a failure opens starts with it, whether the form is then filled in or not
    (a value out of range kept on quit), so none reads like a pass."""
    return finding_text.not_met(item.zh, item.en)


def record_answer(
    inspection_id: str,
    item: Item,
    outcome: str,
    value: str = "",
    *,
    next_item: str | None = None,
) -> Finding | None:
    """Save one answer the moment it is given. A failure opens a prefilled draft finding.

    Returns the finding for a failed item (new or existing), else None.
    """
    return _save_answer(inspection_id, item, outcome, value, next_item)[1]


def answer_in_view(
    view: InspectionView,
    item: Item,
    outcome: str,
    value: str = "",
    *,
    next_item: str | None = None,
) -> tuple[InspectionView, Finding | None]:
    """`record_answer`, and `view` as the store holds it once the answer is committed:
    built from the rows just written (the answer, its finding, the draft's current item)
    instead of read back, so the inspect screen shows the next item sooner."""
    inspection_id = str(view.inspection.id)
    answer, finding = _save_answer(inspection_id, item, outcome, value, next_item)
    return with_answer(view, answer, finding, next_item or item.code), finding


def _save_answer(
    inspection_id: str, item: Item, outcome: str, value: str, next_item: str | None
) -> tuple[Answer, Finding | None]:
    """One transaction: the draft moves to `next_item` (a submitted inspection refuses,
    `ReadOnly`), the answer replaces the item's answer (keeping its note and photos), and
    the item's draft finding is opened or dropped. Returns the answer row and the finding."""
    with write_transaction():
        moved = (
            Inspection.update(current_item=next_item or item.code)
            .where((Inspection.id == inspection_id) & (Inspection.status == "draft"))
            .execute()
        )
        if not moved:
            Inspection.get_by_id(inspection_id)  # DoesNotExist when there is none
            raise ReadOnly(inspection_id)
        stamp = now_iso()
        # One statement: a new answer, or the item's answer replaced with its note and
        # photos kept; the row as stored comes back.
        (answer,) = (
            Answer.insert(
                inspection=inspection_id,
                item_code=item.code,
                outcome=outcome,
                value=value,
                note="",
                photos=[],
                answered_at=stamp,
            )
            .on_conflict(
                conflict_target=[Answer.inspection, Answer.item_code],
                update={Answer.outcome: outcome, Answer.value: value, Answer.answered_at: stamp},
            )
            .returning(Answer)
            .objects()
            .execute()
        )
        of_item = (Finding.inspection == inspection_id) & (Finding.item_code == item.code)
        if outcome != "fail":
            Finding.delete().where(of_item).execute()
            return answer, None
        finding = Finding.get_or_none(of_item)
        if finding is None and item.can_fail:
            ((venue_id, inspector_id),) = rows(
                Inspection.select(Inspection.venue, Inspection.inspector).where(
                    Inspection.id == inspection_id
                )
            )
            finding = Finding.create(
                id=new_id(),
                inspection=inspection_id,
                venue=venue_id,
                item_code=item.code,
                severity=failure_severity(item, value),
                description=not_met(item),
                deadline=default_deadline(item, today()),
                photos=[],
                created_at=stamp,
                created_by=inspector_id,
                state="draft",
            )
    return answer, finding


def set_note(inspection_id: str, item_code: str, note: str) -> None:
    with write_transaction():
        _draft(inspection_id)
        updated = (
            Answer.update(note=note)
            .where((Answer.inspection == inspection_id) & (Answer.item_code == item_code))
            .execute()
        )
        if not updated:
            Answer.create(
                inspection=inspection_id,
                item_code=item_code,
                outcome="note",
                note=note,
                answered_at=now_iso(),
            )


def set_current_item(inspection_id: str, item_code: str) -> None:
    with write_transaction():  # a full disk is `StorageFull`, said to the person
        Inspection.update(current_item=item_code).where(
            (Inspection.id == inspection_id) & (Inspection.status == "draft")
        ).execute()


# The venue representative's name as typed on the summary: a person's name with a title
# ("王建国（店长）"). At 30 characters "· 场所负责人：<name>" still fits one line of the
# record's header at 80 columns; far inside the wire's `Name` bound (sync.protocol),
# so the server never refuses it.
REPRESENTATIVE_MAX = 30


def set_representative(inspection_id: str, name: str) -> None:
    """Keep the representative's name typed on the summary with the draft, so a refused
    submit (or going back to answer an item) does not lose it; `submit` sets it for good."""
    with write_transaction():  # a full disk is `StorageFull`, said to the person
        Inspection.update(representative=name.strip()).where(
            (Inspection.id == inspection_id) & (Inspection.status == "draft")
        ).execute()


def save_finding(
    finding_id: str,
    *,
    severity: str,
    description: str,
    deadline: dt.date,
    photos: list[str],
) -> None:
    with write_transaction():
        finding = Finding.get_by_id(finding_id)
        if finding.state != "draft":
            raise ReadOnly(finding_id)
        finding.severity = severity
        finding.description = description
        finding.deadline = deadline
        finding.photos = photos
        finding.save()


def add_answer_photo(inspection_id: str, item_code: str, sha256: str) -> None:
    with write_transaction():
        _draft(inspection_id)
        answer = Answer.get_or_none(inspection=inspection_id, item_code=item_code)
        if answer is None:
            answer = Answer.create(
                inspection=inspection_id, item_code=item_code, outcome="note", answered_at=now_iso()
            )
        answer.photos = [*answer.photos, sha256]
        answer.save()


def submit(inspection_id: str, representative: str) -> None:
    """Finish the inspection: findings opened, venue due date moved, one outbox op."""
    with write_transaction():
        view = load(inspection_id)
        inspection = view.inspection
        if view.read_only:
            raise ReadOnly(inspection_id)
        summary = summary_of(view)
        if summary.missing_required:
            raise SubmitBlocked(summary.missing_required)
        if (said := text_problem("representative", representative)) is not None:
            raise RepresentativeRefused(said)
        stamp = now_iso()
        inspection.status = "submitted"
        inspection.finished_at = inspection.finished_at or stamp
        inspection.submitted_at = stamp
        inspection.representative = representative.strip()
        inspection.summary = {
            **(inspection.summary or {}),
            "total": summary.total,
            "answered": summary.answered,
            "failures": summary.failures,
        }
        shas = [sha for a in view.answers.values() for sha in a.photos]
        shas += [sha for f in view.findings.values() for sha in f.photos]
        photo_meta = photo_store.photo_proofs(shas)
        inspection.proof = {**(inspection.proof or {}), "photos": photo_meta}
        flags = visit_proof.photo_flags(
            photo_meta, inspection.started_at, view.venue.lat, view.venue.lon
        )
        inspection.proof_flags = visit_proof.flags_text(flags)
        hidden = sorted(code for code in view.answers if not view.state.is_visible(code))
        if hidden:
            inspection.summary["hidden"] = hidden  # answered, then hidden by a later answer
        inspection.save()
        who = me()
        finding_payloads = []
        for finding in list(view.findings.values()):
            if not view.state.is_visible(finding.item_code):
                finding.delete_instance()  # its item is not asked: no hazard
                continue
            event = FindingEvent.create(
                id=new_id(),
                finding=finding.id,
                type="opened",
                actor=who.person_id,
                role=who.role,
                device_id=who.device_id,
                at=stamp,
                data={"deadline": finding.deadline.isoformat(), "severity": finding.severity},
            )
            finding.state = "open"
            finding.current_deadline = finding.deadline
            finding.save()
            finding_payloads.append(finding_payload(finding, [event]))
        _mark_inspected(view.venue)
        payload = inspection_payload(inspection, view.answers.values(), finding_payloads)
        outbox.enqueue("inspection.submit", payload)


def _mark_inspected(venue: Venue) -> None:
    day = today()
    if venue.last_inspected_on is None or venue.last_inspected_on < day:
        venue.last_inspected_on = day
    venue.due_on = cadence.due_on(
        venue.kind, venue.risk_level, venue.last_inspected_on, settings.cadence()
    )
    venue.save()
