"""Plain values the review screens show, made from the services in a worker thread.

Model rows load lazily (a foreign key read is a query), so the worker turns everything a
widget shows into strings and dates here; the UI thread never touches the store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from fieldapp.domain.clock import local_minute
from fieldapp.domain.lifecycle import CLOSED_UNREPORTED
from fieldapp.i18n import pick, t

# Data keys `describe_event` already says in words; any other key is shown as it is.
# The close's flag of a hazard never reported fixed is for the server: its note says why.
DESCRIBED = frozenset(
    {"deadline", "severity", "unit", "reference", "date", "outcome", CLOSED_UNREPORTED}
)


def local_stamp(stamp: str | None) -> str:
    """A stored UTC timestamp as local `YYYY-MM-DD HH:MM` for people."""
    return local_minute(stamp) if stamp else ""


def device_words(device_id: str, person: str, this_device: str) -> str:
    """The device an event was recorded on, as a person knows it: this device (本机), or
    the device of the person who recorded it; a raw id ('device 525f432efa30') said
    nothing to whoever read it."""
    if not device_id:
        return ""
    if device_id == this_device:
        return t("review_ui.device.this")
    return t("review_ui.device.of", person=person)


@dataclass(frozen=True)
class EventView:
    at: str
    who: str
    role: str
    label: str
    device: str
    note: str
    detail: str
    extra: str  # data not said in words, as key=value
    conflict: bool
    photos: tuple[str, ...]


@dataclass(frozen=True)
class ConflictView:
    message: str
    actor_name: str
    other_name: str
    resolved: bool


@dataclass(frozen=True)
class PastView:
    submitted: str
    inspector: str
    manual: bool
    failures: int
    review_state: str


@dataclass(frozen=True)
class DetailView:
    finding_id: str
    venue_code: str
    venue_name: str
    venue_kind: str
    grid_name: str
    address: str
    item_code: str
    item_text: str
    severity: str
    state: str
    deadline: dt.date | None
    overdue: bool
    description: str
    handed_over_to: str
    reference: str
    photos: tuple[str, ...]
    events: tuple[EventView, ...]
    conflicts: tuple[ConflictView, ...]
    past: tuple[PastView, ...]
    # How a person names each photo (照片 1, taken when), in the order of `photos`.
    photo_labels: tuple[str, ...] = ()
    # Its deadline passed while it was still the town's: handed over, it no longer counts
    # as overdue (the receiving unit handles it), and the pane says so.
    handed_over_late: bool = False

    @property
    def open_conflicts(self) -> int:
        return sum(1 for c in self.conflicts if not c.resolved)


def build_detail_view(finding_id: str) -> DetailView:
    """Read everything the detail pane shows (call in a worker: it queries the store)."""
    from fieldapp.domain.clock import today
    from fieldapp.services.review import finding_detail

    d = finding_detail(finding_id, past=10)
    deadline = d.state.deadline or d.finding.current_deadline or d.finding.deadline
    handed_on = d.state.handed_over_on or today()
    from fieldapp.services.common.identity import me
    from fieldapp.services.common.photos import photo_labels

    this_device = me().device_id

    events = tuple(
        EventView(
            at=local_stamp(e.at),
            who=e.actor_name,
            role=t(f"role.{e.role}") if e.role else "",
            label=e.label,
            device=device_words(e.device_id, e.actor_name, this_device),
            note=e.note,
            detail=e.detail,
            extra=", ".join(f"{k}={v}" for k, v in e.data.items() if k not in DESCRIBED),
            conflict=e.conflict is not None,
            photos=tuple(str(p) for p in e.photos),
        )
        for e in d.events
    )
    photos = tuple(
        dict.fromkeys([*(str(p) for p in d.photos), *(p for e in events for p in e.photos)])
    )
    return DetailView(
        finding_id=finding_id,
        venue_code=d.venue.code,
        venue_name=d.venue.name,
        venue_kind=d.venue.kind,
        grid_name=d.grid_name,
        address=d.venue.address or "",
        item_code=d.finding.item_code,
        item_text=pick(d.item_zh, d.item_en),
        severity=d.finding.severity,
        state=d.state.state,
        deadline=deadline,
        overdue=d.overdue,
        handed_over_late=bool(
            d.state.handed_over_to
            and d.state.state in ("handed_over", "outcome_recorded")
            and deadline is not None
            and deadline < handed_on
        ),
        description=d.description,
        handed_over_to=d.state.handed_over_to,
        reference=d.state.reference,
        photos=photos,
        photo_labels=tuple(photo_labels(Path(p).stem for p in photos)),
        events=events,
        conflicts=tuple(
            ConflictView(c.message, c.actor_name, c.other_name, c.resolved) for c in d.conflicts
        ),
        past=tuple(
            PastView(
                submitted=local_stamp(p.submitted_at),
                inspector=p.inspector_name,
                manual=p.presence != "scanned",
                failures=sum(int(n) for n in p.failures.values()),
                review_state=p.review_state,
            )
            for p in d.past_inspections
        ),
    )
