"""The supervisor's review of submitted inspections: list, mark reviewed, return.

A submitted inspection never changes (a correction is a new record); the review is the
supervisor's note about it, kept on `Inspection.review_state` / `review_comment` and sent
as an `inspection.review` outbox op so the comment reaches the inspector after sync.
A returned inspection done again (superseded by the re-inspection) leaves the queues of
inspections awaiting review and returned; the re-inspection awaits review in its place.
Manual-presence inspections (no placard scanned) are flagged in the list, and so are
scans the server could not verify (kept as manual presence with the reason) and photos
whose EXIF says they were taken before the inspection or away from the venue; the list
filters by that proof (`InspectionFilters.proof`, one of `domain.proof.STRENGTHS`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from peewee import Expression

from fieldapp.domain import proof as visit_proof
from fieldapp.domain.clock import now_iso
from fieldapp.domain.free_text import return_problem
from fieldapp.domain.presence import UNVERIFIED
from fieldapp.i18n import t
from fieldapp.services.common import outbox
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.services.review.bulk import NotPermitted
from fieldapp.services.review.queues import my_scope
from fieldapp.store.db import write_transaction
from fieldapp.store.models import Finding, Inspection, Person, Venue
from fieldapp.store.superseded import not_superseded

REVIEW_STATES = ("", "reviewed", "returned")  # "" = awaiting review
OUTBOX_TYPE = "inspection.review"


@dataclass(frozen=True)
class InspectionFilters:
    grids: tuple[str, ...] = ()  # descendants included; () = all my grids
    kinds: tuple[str, ...] = ()
    inspector: str | None = None  # person id
    submitted_from: dt.date | None = None
    submitted_to: dt.date | None = None  # inclusive
    review_state: str | None = ""  # "" awaiting review, reviewed, returned; None = any
    manual_only: bool = False
    proof: str | None = None  # one of domain.proof.STRENGTHS; None = any


@dataclass(frozen=True, slots=True)
class SubmittedRow:
    inspection_id: str
    venue_id: str
    venue_code: str
    venue_name: str
    inspector_name: str
    submitted_at: str
    presence: str  # scanned | manual
    manual: bool  # flagged: presence confirmed by hand, no placard scanned
    presence_reason: str
    failures: int  # findings recorded
    review_state: str
    review_comment: str
    presence_check: str = ""  # the server's verdict: verified | unverified | ""
    presence_check_reason: str = ""  # why a claimed scan did not verify
    proof_flags: str = ""  # comma-separated photo flags (domain.proof.PHOTO_FLAGS)
    presence_note: str = ""  # what the inspector wrote of a presence confirmed by hand
    proof: dict[str, Any] = field(default_factory=dict)
    started_at: str = ""
    venue_lat: float | None = None
    venue_lon: float | None = None

    @property
    def strength(self) -> str:
        """verified, unverified or manual (domain.proof.strength)."""
        return visit_proof.strength(self.presence, self.presence_check)

    @property
    def unverified(self) -> bool:
        return self.presence_check == UNVERIFIED


def _conditions(filters: InspectionFilters) -> list[Expression]:
    conds: list[Expression] = [Inspection.status == "submitted"]
    scope = my_scope()
    if filters.grids:
        chosen = grid_codes_under(list(filters.grids))
        scope = chosen if scope is None else [c for c in chosen if c in set(scope)]
    if scope is not None:
        conds.append(Venue.grid.in_(scope))
    if filters.kinds:
        conds.append(Venue.kind.in_(list(filters.kinds)))
    if filters.inspector:
        conds.append(Inspection.inspector == filters.inspector)
    if filters.submitted_from:
        conds.append(Inspection.submitted_at >= filters.submitted_from.isoformat())
    if filters.submitted_to:
        end = filters.submitted_to + dt.timedelta(days=1)
        conds.append(Inspection.submitted_at < end.isoformat())
    if filters.review_state is not None:
        conds.append(Inspection.review_state == filters.review_state)
    if filters.review_state in ("", "returned"):  # one done again is no longer to review
        conds.append(not_superseded())
    if filters.manual_only:
        conds.append(Inspection.presence == "manual")
    if filters.proof == visit_proof.STRENGTH_VERIFIED:
        conds.append(Inspection.presence == "scanned")
    elif filters.proof == visit_proof.STRENGTH_UNVERIFIED:
        conds.append(Inspection.presence_check == UNVERIFIED)
    elif filters.proof == visit_proof.STRENGTH_MANUAL:
        conds.append((Inspection.presence == "manual") & (Inspection.presence_check != UNVERIFIED))
    elif filters.proof == visit_proof.STRENGTH_PHOTO_FLAGS:
        conds.append(Inspection.proof_flags != "")
    return conds


def _and(conds: Iterable[Expression]) -> Expression:
    items = list(conds)
    result = items[0]
    for cond in items[1:]:
        result = result & cond
    return result


def list_submitted(
    filters: InspectionFilters | None = None, limit: int = 50, offset: int = 0
) -> list[SubmittedRow]:
    """Submitted inspections in my grids, newest first."""
    filters = filters or InspectionFilters()
    query = (
        Inspection.select(
            Inspection.id,
            Venue.id,
            Venue.code,
            Venue.name,
            Person.name,
            Inspection.submitted_at,
            Inspection.presence,
            Inspection.presence_reason,
            Inspection.presence_note,
            Inspection.summary,
            Inspection.review_state,
            Inspection.review_comment,
            Inspection.presence_check,
            Inspection.presence_check_reason,
            Inspection.proof_flags,
            Inspection.proof,
            Inspection.started_at,
            Venue.lat,
            Venue.lon,
        )
        .join(Venue)
        .switch(Inspection)
        .join(Person)
        .where(_and(_conditions(filters)))
        .order_by(Inspection.submitted_at.desc(), Inspection.id.desc())
        .limit(limit)
        .offset(offset)
        .tuples()
    )
    raw: Iterable[tuple[Any, ...]] = query  # type: ignore[assignment]
    rows = []
    for (
        iid, vid, code, name, inspector, at, presence, reason, note, summary, state, comment,
        check, check_reason, flags, proof, started_at, lat, lon,
    ) in raw:  # fmt: skip
        failures = (summary or {}).get("failures", {}) if isinstance(summary, dict) else {}
        rows.append(
            SubmittedRow(
                inspection_id=iid,
                venue_id=vid,
                venue_code=code,
                venue_name=name,
                inspector_name=inspector,
                submitted_at=at or "",
                presence=presence,
                manual=presence != "scanned",
                presence_reason=reason,
                presence_note=note or "",
                failures=sum(int(n) for n in failures.values()),
                review_state=state,
                review_comment=comment,
                presence_check=check or "",
                presence_check_reason=check_reason or "",
                proof_flags=flags or "",
                proof=proof if isinstance(proof, dict) else {},
                started_at=started_at or "",
                venue_lat=lat,
                venue_lon=lon,
            )
        )
    return rows


def count_submitted(filters: InspectionFilters | None = None) -> int:
    filters = filters or InspectionFilters()
    query = Inspection.select(Inspection.id).join(Venue).where(_and(_conditions(filters)))
    return int(query.count())


def position_submitted(inspection_id: str, filters: InspectionFilters | None = None) -> int | None:
    """Where the inspection stands in `list_submitted(filters)` (0 = first), or None when
    the filters leave it out (reviewed already, not submitted, not in my grids)."""
    filters = filters or InspectionFilters()
    conds = _conditions(filters)
    found = (
        Inspection.select(Inspection.submitted_at)
        .join(Venue)
        .where(_and([*conds, Inspection.id == inspection_id]))
        .tuples()
        .first()
    )
    if found is None:
        return None
    (at,) = found
    before = (Inspection.submitted_at > at) | (
        (Inspection.submitted_at == at) & (Inspection.id > inspection_id)
    )
    query = Inspection.select(Inspection.id).join(Venue).where(_and([*conds, before]))
    return int(query.count())


def finding_inspection(finding_id: str) -> str | None:
    """The inspection that recorded the finding, if one did."""
    found = Finding.select(Finding.inspection).where(Finding.id == finding_id).tuples().first()
    return found[0] if found else None


def _review(inspection_id: str, state: str, comment: str) -> Inspection:
    who = me()
    if not who.is_supervisor:
        raise NotPermitted(t("review.refused.supervisor_only"))
    with write_transaction():
        inspection = Inspection.get_by_id(inspection_id)
        if inspection.status != "submitted":
            raise ValueError(t("review.refused.not_submitted"))
        stamp = now_iso()
        inspection.review_state = state
        inspection.review_comment = comment
        inspection.save()
        outbox.enqueue(
            OUTBOX_TYPE,
            {
                "inspection_id": inspection_id,
                "state": state,
                "comment": comment,
                "reviewer": who.person_id,
                "at": stamp,
            },
        )
    return inspection


def mark_reviewed(inspection_id: str, comment: str = "") -> Inspection:
    """The supervisor has read this inspection and accepts it."""
    return _review(inspection_id, "reviewed", comment.strip())


def return_inspection(inspection_id: str, comment: str) -> Inspection:
    """Send the inspection back to its inspector with a comment saying why."""
    comment = comment.strip()
    if (said := return_problem(comment)) is not None:
        raise ValueError(said)
    return _review(inspection_id, "returned", comment)
