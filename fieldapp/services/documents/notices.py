"""Build the printed documents from the store: rectification notice, hand-over letter.

The renderers in `fieldapp.reports.notices` take the plain dataclasses made here. An ID
number or phone typed into a hazard's description or an event's note (the note typed with
the hand-over) is masked on the hand-over letter as on the incident letter and every
screen (`domain.personal.mask_numbers_in_text`): data minimisation under PIPL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from peewee import fn

from fieldapp.domain import findings as machine
from fieldapp.domain.clock import today
from fieldapp.domain.personal import mask_numbers_in_text
from fieldapp.domain.placard import looks_like_payload
from fieldapp.i18n import listed, t, written_in
from fieldapp.reports import LETTER_LANGUAGE
from fieldapp.reports.notices import (
    HandOverLetter,
    LetterFinding,
    NoticeItem,
    RectificationNotice,
    VenueBlock,
)
from fieldapp.services.common.identity import me
from fieldapp.services.common.periods import local_date_of
from fieldapp.services.inspection import findings
from fieldapp.services.inspection.descriptions import item_text, shown
from fieldapp.services.inspection.venues import by_code
from fieldapp.services.review.detail import describe_event, person_names
from fieldapp.services.review.queues import finding_label
from fieldapp.store.db import fk
from fieldapp.store.models import Finding, FindingEvent, Grid, Inspection, Venue


class DocumentError(LookupError):
    """The document cannot be made from what was asked; str() is for a person."""


class NothingToRectify(DocumentError):
    """The venue has no hazard left to rectify: a notice would contradict itself.

    `units` names the units its hazards were handed over to (none: nothing is open and
    nothing handed over); the hand-over letter is the document for those."""

    def __init__(self, venue: str, units: tuple[str, ...]) -> None:
        self.venue = venue
        self.units = units
        if units:
            text = t("review.notice.handed_over", venue=venue, units=unit_names(units))
        else:
            text = t("review.notice.nothing_open", venue=venue)
        super().__init__(text)


def unit_names(units: Iterable[str]) -> str:
    return listed([t(f"review.unit.{unit}") for unit in units])


def venue_block(venue: Venue) -> VenueBlock:
    grid = Grid.get_or_none(Grid.code == fk(venue, "grid"))
    return VenueBlock(
        code=venue.code,
        name=venue.name,
        address=venue.address,
        contact=venue.contact,
        phone=venue.phone,
        grid_name=grid.name if grid else str(fk(venue, "grid")),
    )


def venue_qr_payload(venue: Venue) -> str:
    """The venue's placard text as last scanned on this device, else its code.

    A field device holds no placard signing key, so it cannot sign a new payload; a
    scanned one is the genuine placard's text.
    """
    row = (
        Inspection.select(Inspection.presence_payload)
        .where(
            (Inspection.venue == venue.id)
            & (Inspection.presence == "scanned")
            & (Inspection.presence_payload != "")
        )
        .order_by(Inspection.presence_at.desc())
        .first()
    )
    if row is not None and looks_like_payload(row.presence_payload):
        return str(row.presence_payload).upper()
    return str(venue.code)


def _date_of(stamp: str | None) -> dt.date | None:
    """The office's date of a stored UTC stamp (found at 02:59 in Beijing is 18:59Z the
    day before); None for none or one that is not a time."""
    try:
        return local_date_of(stamp)
    except ValueError:
        return None


def notice_for_venue(venue_code: str, *, day: dt.date | None = None) -> RectificationNotice:
    """The rectification notice for a venue: every hazard of it still to be rectified,
    signed by the inspectors who found them. None left to rectify: `NothingToRectify`."""
    venue = by_code(venue_code)
    if venue is None:
        raise DocumentError(t("review.cli.no_venue", code=venue_code))
    day = day or today()
    rows = list(
        Finding.select()
        .where((Finding.venue == venue.id) & (Finding.state == machine.OPEN))
        .order_by(Finding.current_deadline, Finding.item_code)
    )
    if not rows:
        raise NothingToRectify(f"{venue.code} {venue.name}", _handed_over_units(venue))
    items = []
    for finding in rows:
        deadline = finding.current_deadline or finding.deadline
        found = _date_of(finding.created_at)
        zh, _ = item_text(finding, venue)
        items.append(
            NoticeItem(
                code=finding.item_code,
                text=zh,
                description=shown(finding, venue, LETTER_LANGUAGE),
                severity=finding.severity,
                deadline=deadline,
                on_the_spot=found is not None and deadline is not None and deadline <= found,
            )
        )
    finders = list(dict.fromkeys(f.created_by for f in sorted(rows, key=lambda f: f.created_at)))
    names = person_names(finders)
    inspector = "、".join(names.get(p, "") for p in finders if names.get(p))
    return RectificationNotice(
        number=f"{venue.code}-{day:%Y%m%d}",
        venue=venue_block(venue),
        items=tuple(items),
        inspector=inspector,
        issued_on=day,
        qr_payload=venue_qr_payload(venue),
    )


def _handed_over_units(venue: Venue) -> tuple[str, ...]:
    """The units this venue's hazards still in their hands were handed over to."""
    handed = Finding.select(Finding.id).where(
        (Finding.venue == venue.id) & (Finding.state == machine.HANDED_OVER)
    )
    units = (findings.fold_of(f.id).handed_over_to for f in handed)
    return tuple(sorted({unit for unit in units if unit}))


def history_lines(finding_id: str) -> list[str]:
    """The finding's events in fold order, one line each, in words (numbers in notes
    masked)."""
    events = {e.id: e for e in findings.events_of(finding_id)}
    folded = findings.fold_of(finding_id)
    names = person_names(e.actor for e in events.values())
    conflicted = {c.event_id for c in folded.conflicts}
    lines = []
    for event_id in folded.order:
        e = events[event_id]
        detail = describe_event(e.type, e.data)
        if e.note:
            detail += f"（{mask_numbers_in_text(e.note)}）"
        if event_id in conflicted:
            detail += f" [{t('review.queue.conflicts')}]"
        lines.append(
            t(
                "review.history.line",
                date=_date_of(e.at),
                who=names.get(e.actor, e.actor),
                event=t(f"review.event.{e.type}"),
                detail=f" {detail}" if detail else "",
            )
        )
    return lines


def _in_letter_language(lines: Callable[[str], list[str]], record_id: str) -> tuple[str, ...]:
    with written_in(LETTER_LANGUAGE):
        return tuple(lines(record_id))


def handed_over_together(finding_id: str) -> list[str]:
    """The hazards handed over under the same receiving unit and 文号 as this one (this one
    among them), by venue code and item: the letter of that hand-over. Just this one when
    it is not handed over, and the letter then says so."""
    state = findings.fold_of(finding_id)
    if not state.handed_over_to:
        return [finding_id]
    unit = fn.json_extract(FindingEvent.data, "$.unit")
    reference = fn.json_extract(FindingEvent.data, "$.reference")
    candidates = (
        FindingEvent.select(FindingEvent.finding)
        .where(
            (FindingEvent.type == "handed_over")
            & (unit == state.handed_over_to)
            & (reference == state.reference)
        )
        .distinct()
    )
    ids = {finding_id} | {
        other.finding_id
        for other in candidates
        if (folded := findings.fold_of(other.finding_id)).handed_over_to == state.handed_over_to
        and folded.reference == state.reference
    }
    order = Finding.select(Finding.id).join(Venue).where(Finding.id.in_(list(ids)))
    return [row.id for row in order.order_by(Venue.code, Finding.item_code, Finding.id)]


def handover_letter(finding_ids: Iterable[str]) -> HandOverLetter:
    """The hand-over letter for findings handed over together (same unit and reference)."""
    ids = list(dict.fromkeys(finding_ids))
    if not ids:
        raise DocumentError(t("review.letter.none"))
    entries: list[LetterFinding] = []
    venues: dict[str, VenueBlock] = {}
    handovers: set[tuple[str, str]] = set()
    handed_on: dt.date | None = None
    handler_id = ""
    for finding_id in ids:
        finding = Finding.get_or_none(Finding.id == finding_id)
        if finding is None:
            raise DocumentError(t("review.letter.not_found", id=finding_id))
        venue = Venue.get_by_id(fk(finding, "venue"))
        folded = findings.fold_of(finding_id)
        if not folded.handed_over_to:
            name = finding_label(venue.code, venue.name, finding.item_code)
            raise DocumentError(t("review.letter.not_handed_over", finding=name))
        handovers.add((folded.handed_over_to, folded.reference))
        handed_on = folded.handed_over_on or handed_on
        for event in findings.events_of(finding_id):
            if event.type == "handed_over" and event.id not in {
                c.event_id for c in folded.conflicts
            }:
                handler_id = event.actor
        venues.setdefault(venue.id, venue_block(venue))
        zh, _ = item_text(finding, venue)
        entries.append(
            LetterFinding(
                venue_code=venue.code,
                venue_name=venue.name,
                item_code=finding.item_code,
                item_text=zh,
                severity=finding.severity,
                description=mask_numbers_in_text(shown(finding, venue, LETTER_LANGUAGE)),
                found_on=_date_of(finding.created_at),
                deadline=finding.current_deadline or finding.deadline,
                history=_in_letter_language(history_lines, finding_id),
            )
        )
    if len(handovers) > 1:
        raise DocumentError(t("review.letter.mixed"))
    unit, reference = handovers.pop()
    return HandOverLetter(
        unit=unit,
        reference=reference,
        handed_over_on=handed_on or today(),
        venues=tuple(venues.values()),
        findings=tuple(entries),
        handler=person_names([handler_id]).get(handler_id, "") if handler_id else me().name,
    )
