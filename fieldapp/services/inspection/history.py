"""Submitted inspections, to look at again: a venue's list, and one inspection whole.

A submitted inspection never changes, so what is read here is what was sent: its answers
in checklist order with their notes and photos, the findings opened on its items (with
their state now, from the fold), and how presence was confirmed. Drafts are not shown:
they are the inspector's work in progress, opened on the inspect screen. One the server
refused is shown with its refusal (`services.common.refused_records`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldapp.domain.checklist import (
    INSTANCE_MARK,
    Checklist,
    Item,
    Section,
    base_code,
    instance_of,
)
from fieldapp.domain.finding_text import shown_description
from fieldapp.services.common.checklists import get_checklist
from fieldapp.services.common.photos import blob_path
from fieldapp.services.common.refused_records import RecordRefusal, inspection_refusals
from fieldapp.services.inspection.findings import fold_of
from fieldapp.services.inspection.scan_proof import read_from_photo
from fieldapp.services.inspection.supersession import Supersession, replaces, superseded_by
from fieldapp.store.models import Answer, Finding, Inspection, Person, Venue
from fieldapp.store.refused_records import REFUSED

SENT = ("submitted", REFUSED)  # submitted, and ones the server refused (shown marked)


@dataclass(frozen=True, slots=True)
class PastInspection:
    inspection_id: str
    submitted_at: str
    inspector_name: str
    presence: str  # scanned | manual
    failures: int
    review_state: str  # "" awaiting review | reviewed | returned
    refusal: RecordRefusal | None = None  # the server refused it: it is not on record
    from_photo: bool = False  # scanned from a placard's photo only (scan_proof.read_from_photo)


@dataclass(frozen=True, slots=True)
class RecordedFinding:
    severity: str
    state: str
    deadline: str  # ISO date, the current one (extensions included)
    description: str
    photos: tuple[Path, ...]
    # The supervisor's latest review (FindingState.review) and what it said: its note,
    # and the receiving unit and reference of a hand-over.
    review: str = ""
    review_note: str = ""
    handed_over_to: str = ""
    reference: str = ""


@dataclass(frozen=True, slots=True)
class RecordedItem:
    section_zh: str
    section_en: str
    code: str
    zh: str
    en: str
    answer_type: str
    outcome: str  # pass | fail | na | value | note | "" (not answered)
    value: str
    value_en: str  # a choice's value by its options' English labels ("" when none)
    note: str
    photos: tuple[Path, ...]  # the answer's photos, then its finding's
    finding: RecordedFinding | None
    can_fail: bool = False  # judged: a value within its limits ("value") passed


@dataclass(frozen=True, slots=True)
class InspectionRecord:
    inspection_id: str
    venue_id: str
    venue_code: str
    venue_name: str
    venue_kind: str
    checklist_zh: str
    checklist_en: str
    checklist_version: int
    inspector_name: str
    started_at: str
    submitted_at: str
    presence: str
    presence_reason: str
    presence_note: str
    representative: str
    review_state: str
    review_comment: str
    items: tuple[RecordedItem, ...]
    presence_check: str = ""  # the server's verdict on a claimed scan: verified | unverified
    presence_check_reason: str = ""
    supersedes: Supersession | None = None  # the returned inspection this one replaces
    superseded_by: Supersession | None = None  # the re-inspection that replaces this one
    refusal: RecordRefusal | None = None  # the server refused it: it is not on record
    presence_from_photo: bool = False  # a placard's photo, no scan on site (read_from_photo)

    @property
    def photo_count(self) -> int:
        return sum(len(item.photos) for item in self.items)


def venue_inspections(venue_id: str, limit: int = 100) -> list[PastInspection]:
    """The venue's submitted inspections, newest first."""
    query = (
        Inspection.select(
            Inspection.id,
            Inspection.submitted_at,
            Person.name,
            Inspection.presence,
            Inspection.proof,
            Inspection.summary,
            Inspection.review_state,
            Inspection.status,
        )
        .join(Person)
        .where((Inspection.venue == venue_id) & Inspection.status.in_(SENT))
        .order_by(Inspection.submitted_at.desc(), Inspection.id.desc())
        .limit(limit)
        .tuples()
    )
    rows: list[tuple[Any, ...]] = list(query)  # type: ignore[arg-type]
    refused = inspection_refusals([row[0] for row in rows if row[-1] == REFUSED])
    result = []
    for iid, at, inspector, presence, proof, summary, review_state, _status in rows:
        failures = summary.get("failures", {}) if isinstance(summary, dict) else {}
        result.append(
            PastInspection(
                inspection_id=iid,
                submitted_at=at or "",
                inspector_name=inspector,
                presence=presence,
                failures=sum(int(n) for n in failures.values()),
                review_state=review_state,
                refusal=refused.get(iid),
                from_photo=read_from_photo(presence, proof),
            )
        )
    return result


class NotSubmitted(LookupError):
    """Only submitted inspections are shown read-only; a draft opens on the inspect screen."""


def inspection_record(inspection_id: str) -> InspectionRecord:
    """One submitted inspection whole, in its checklist's order."""
    inspection = Inspection.get_by_id(inspection_id)
    if inspection.status not in SENT:
        raise NotSubmitted(inspection_id)
    venue = Venue.get_by_id(inspection.venue_id)
    checklist = get_checklist(inspection.checklist_id, inspection.checklist_version)
    answers = {a.item_code: a for a in Answer.select().where(Answer.inspection == inspection_id)}
    findings = {f.item_code: f for f in Finding.select().where(Finding.inspection == inspection_id)}
    return InspectionRecord(
        inspection_id=inspection.id,
        venue_id=venue.id,
        venue_code=venue.code,
        venue_name=venue.name,
        venue_kind=venue.kind,
        checklist_zh=checklist.title_zh,
        checklist_en=checklist.title_en,
        checklist_version=checklist.version,
        inspector_name=Person.get_by_id(inspection.inspector_id).name,
        started_at=inspection.started_at,
        submitted_at=inspection.submitted_at or "",
        presence=inspection.presence,
        presence_reason=inspection.presence_reason,
        presence_note=inspection.presence_note,
        representative=inspection.representative,
        review_state=inspection.review_state,
        review_comment=inspection.review_comment,
        items=_items(checklist, answers, findings),
        presence_check=inspection.presence_check,
        presence_check_reason=inspection.presence_check_reason,
        supersedes=replaces(inspection_id) if inspection.supersedes else None,
        superseded_by=superseded_by(inspection_id),
        refusal=inspection_refusals([inspection_id]).get(inspection_id),
        presence_from_photo=read_from_photo(inspection.presence, inspection.proof),
    )


def _items(
    checklist: Checklist, answers: dict[str, Answer], findings: dict[str, Finding]
) -> tuple[RecordedItem, ...]:
    items = []
    for section in checklist.sections:
        for code, item in _asked(section, answers.keys() | findings.keys()):
            answer = answers.get(code)
            finding = findings.get(code)
            recorded = None
            if finding is not None:
                deadline = finding.current_deadline or finding.deadline
                folded = fold_of(finding.id)
                recorded = RecordedFinding(
                    severity=finding.severity,
                    state=finding.state,
                    deadline=deadline.isoformat() if deadline else "",
                    description=shown_description(finding.description, item.zh, item.en),
                    photos=tuple(blob_path(sha) for sha in finding.photos),
                    review=folded.review,
                    review_note=folded.review_note,
                    handed_over_to=folded.handed_over_to,
                    reference=folded.reference,
                )
            answer_photos = tuple(blob_path(sha) for sha in answer.photos) if answer else ()
            finding_photos = recorded.photos if recorded else ()
            items.append(
                RecordedItem(
                    section_zh=section.zh,
                    section_en=section.en,
                    code=code,
                    zh=item.zh,
                    en=item.en,
                    answer_type=item.answer,
                    outcome=answer.outcome if answer else "",
                    value=answer.value if answer else "",
                    value_en=item.value_en(answer.value) if answer else "",
                    note=answer.note if answer else "",
                    photos=answer_photos
                    + tuple(p for p in finding_photos if p not in answer_photos),
                    finding=recorded,
                    can_fail=item.can_fail,
                )
            )
    return tuple(items)


def _asked(section: Section, recorded: set[str]) -> list[tuple[str, Item]]:
    """The codes the section's items were answered under, in the order they were asked: a
    repeated section room by room (RNT-02#1, RNT-04#1, RNT-02#2 …, the codes the ledger
    joins in its item's column), an item asked once under its own code. A repeated section
    with no room answered shows its items once, unanswered."""
    own = {item.code for item in section.items}
    rooms = sorted({instance_of(code) for code in recorded if base_code(code) in own} - {0})
    plain = recorded & own
    asked = [(item.code, item) for item in section.items if not rooms or item.code in plain]
    for room in rooms:
        asked += [(f"{item.code}{INSTANCE_MARK}{room}", item) for item in section.items]
    return asked
