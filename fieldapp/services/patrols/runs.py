"""Patrol runs on the device: start, scan each checkpoint, notes and photos, finish.

Every step is its own transaction, committed before it returns: a scan is on disk the
moment the inspector sees it accepted, so a program killed mid-run (kill -9, a flat
battery) resumes with every scan it had (`mine.open_run`). Each visit is queued as its own
`patrol_run.visit` op in the transaction that records it, so the next sync sends the
visits of a run still being walked (a lost laptop loses none it synced, and the grid sees
the run open); a note, photos, answers or an incident added to a visit queue it again
(`annotate`), so the grid sees them while the run is walked too. Finishing writes the
run's final state and one `patrol_run.submit` op in one transaction; that op carries the
whole run, the visits sent before included: the server keeps each visit once, by its id.

A scan is checked as a venue's is (`services.placards.printing.verify_scan`, offline,
against the keys this device pulled), looking the code up among the checkpoints; a code
typed by hand proves nothing and is recorded only as a manual visit with a reason.

A route is not due before the day it starts (`starts_on`), but a run of it may still be
made then (the inspector walks it the day before, or scans one of its placards): it is
kept, sent and listed as early — neither due nor missed — and the run says so
(`starts_later`) while it is walked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from fieldapp.domain import patrols
from fieldapp.domain.checkpoint_forms import FORMS
from fieldapp.domain.clock import local_now, now_iso
from fieldapp.domain.ids import new_id
from fieldapp.domain.placard import DAMAGED, FORGED, REVOKED, UNKNOWN_KEY, UNKNOWN_VENUE
from fieldapp.domain.presence import manual_note_problem
from fieldapp.domain.scan_sources import CAMERA, TYPED
from fieldapp.i18n import listed, t
from fieldapp.services.common.identity import me
from fieldapp.services.common.outbox import enqueue
from fieldapp.services.patrols.close import supervisor_name
from fieldapp.services.patrols.mine import open_elsewhere, open_run
from fieldapp.services.patrols.run_payloads import (
    OP_PATROL_RUN_SUBMIT,
    OP_PATROL_RUN_VISIT,
    run_payload,
    scan_payload,
    visit_payload,
)
from fieldapp.services.patrols.take_over import made_here
from fieldapp.services.placards.printing import ScanResult, is_venue, verify_scan
from fieldapp.store.db import write_transaction
from fieldapp.store.patrol_models import (
    CLOSED_BY_OFFICE,
    Checkpoint,
    PatrolRoute,
    PatrolRun,
    PatrolScan,
    started_here,
)
from fieldapp.store.refused_records import walked_here

# Placard refusals whose message sends the person to find the venue by hand (an unknown
# key only once a recent sync said the server lacks it too): said for a checkpoint.
UNKNOWN_KEY_SYNCED = "unknown_key_synced"
BY_HAND_REFUSALS = (DAMAGED, FORGED, REVOKED, UNKNOWN_KEY_SYNCED)


class PatrolRefused(ValueError):
    """A step the run cannot take; str() is for a person."""


class OpenElsewhere(PatrolRefused):
    """The run is mine, open on another device of mine: walked there, or taken over here
    (`take_over.take_over`, asked first)."""

    def __init__(self, run: PatrolRun) -> None:
        super().__init__(t("patrol.refused.open_elsewhere", route=run.route.name))
        self.run_id = run.id
        self.route = run.route.name


class TakenOver(PatrolRefused):
    """The run was walked here, then taken over on another device of mine (this one
    lost, then found): it is walked and finished there, not continued here."""

    def __init__(self, run: PatrolRun) -> None:
        super().__init__(t("patrol.refused.taken_over", route=run.route.name))


def _elsewhere(run: PatrolRun) -> PatrolRefused:
    """Open on another device of mine: to take over, unless it was taken over from here."""
    return TakenOver(run) if walked_here(run.id) else OpenElsewhere(run)


@dataclass(frozen=True, slots=True)
class ScanOutcome:
    """What a scanned text did to the run."""

    accepted: bool
    message: str
    checkpoint_id: str = ""
    scan_id: str = ""
    typed_code: bool = False  # a code typed by hand: ask why, record a manual visit
    again: bool = False  # the checkpoint was already visited in this run


def _utc_offset() -> int:
    offset = local_now().utcoffset() or dt.timedelta(0)
    return int(offset.total_seconds() // 60)


def schedule_of(route: PatrolRoute) -> patrols.Schedule:
    return patrols.Schedule.from_dict(route.schedule or {})


def window_due(route: PatrolRoute, moment: dt.datetime) -> patrols.Window | None:
    """The route's window due at local time `moment`; None when none is near or the
    route has not begun (its `starts_on` is later)."""
    if not patrols.began(moment.date(), route.starts_on):
        return None
    return window_near(route, moment)


def window_near(route: PatrolRoute, moment: dt.datetime) -> patrols.Window | None:
    """The route's window a run started at local time `moment` is for, due or not (a
    run before the route starts is kept as early); None when no window is near."""
    return patrols.window_for_start(schedule_of(route), moment)


def starts_later(run: PatrolRun) -> str:
    """The day the run's route starts, when the run is for a day before it ("" when it
    is not): such a run is kept and listed as early, neither due nor missed."""
    starts_on = str(run.route.starts_on or "")
    return starts_on if run.day < starts_on else ""


def start_run(route_id: str, *, now: dt.datetime | None = None) -> PatrolRun:
    """Start the person's run of a route for the window open now, or resume their open
    run of it (whatever its window). A window whose run they finished gives that run,
    finished (shown, not changed): finishing closes the window, its missed posts stay
    missed, and a second run would count them visited after all."""
    who = me()
    route = PatrolRoute.get_or_none(PatrolRoute.id == route_id)
    if route is None:
        raise PatrolRefused(t("patrol.refused.no_route"))
    current = open_run(who.person_id)
    if current is not None and current.route_id == route.id:
        return current  # resumed, even once its window is over: it must still be finished
    moment = (now or local_now()).replace(tzinfo=None)
    window = window_near(route, moment)
    if window is None:
        raise PatrolRefused(t("patrol.refused.not_due", route=route.name))
    day = moment.date().isoformat()
    with write_transaction():
        done = finished_run(who.person_id, route.id, day, window.label)
        if done is not None:
            return done
        for run in open_elsewhere(who.person_id):
            if (run.route_id, run.day, run.window) == (route.id, day, window.label):
                raise _elsewhere(run)  # walked and finished there, not twice
        current = open_run(who.person_id)
        if current is not None:
            if (current.route_id, current.day, current.window) == (route.id, day, window.label):
                return current
            raise PatrolRefused(t("patrol.refused.other_open"))
        return PatrolRun.create(
            id=new_id(), route=route.id, person=who.person_id, device_id=who.device_id,
            day=day, window=window.label, utc_offset=_utc_offset(), started_at=now_iso(),
        )  # fmt: skip


def finished_run(person: str, route_id: str, day: str, window: str) -> PatrolRun | None:
    """The person's finished run of the route's window that day, if any: the window is
    walked, not to be started again (`start_run` gives that run)."""
    return PatrolRun.get_or_none(
        (PatrolRun.person == person) & (PatrolRun.route == route_id)
        & (PatrolRun.day == day) & (PatrolRun.window == window) & (PatrolRun.status != "open")
    )  # fmt: skip


def _run(run_id: str) -> PatrolRun:
    run = PatrolRun.get_or_none(PatrolRun.id == run_id)
    if run is None:
        raise PatrolRefused(t("patrol.refused.no_run"))
    if run.device_id == CLOSED_BY_OFFICE:  # this device lost: the office closed the run
        raise PatrolRefused(t("patrol.refused.closed", route=run.route.name))
    if supervisor := supervisor_name(run):  # or a supervisor of its grid did
        raise PatrolRefused(t("patrol.refused.closed_by_supervisor", route=run.route.name,
                              supervisor=supervisor))  # fmt: skip
    if run.status != "open":
        raise PatrolRefused(t("patrol.refused.finished"))
    if not PatrolRun.select().where((PatrolRun.id == run.id) & started_here()).exists():
        raise _elsewhere(run)
    return run


def _visited(run_id: str) -> dict[str, bool]:
    """The checkpoints this run visited: True for those visited by hand only."""
    visited: dict[str, bool] = {}
    for scan in PatrolScan.select().where(PatrolScan.run == run_id):
        visited[scan.checkpoint] = visited.get(scan.checkpoint, True) and scan.source == "manual"
    return visited


def _checkpoint_by_code(code: str) -> Checkpoint | None:
    return Checkpoint.get_or_none(Checkpoint.code == code)


def is_checkpoint(code: str) -> bool:
    """Is this placard code a patrol checkpoint's on this device (not a venue's)?"""
    return bool(code) and _checkpoint_by_code(code.strip().upper()) is not None


def record_scan(run_id: str, text: str, source: str) -> ScanOutcome:
    """A placard scanned (wedge) or a code typed during the run. A signed placard read
    from a photo (camera) or its text typed or pasted proves no visit: like a typed
    code, it asks why the checkpoint was not scanned (`typed_code`), as a venue does."""
    run = _run(run_id)
    result = verify_scan(text, _checkpoint_by_code)
    if result.venue_id is None:
        if result.kind == UNKNOWN_VENUE and is_venue(result.check.venue_code):
            # Not a checkpoint, but a venue this device has: say which, not "sync".
            return ScanOutcome(False, t("patrol.scan.venue_placard", code=result.check.venue_code))
        return ScanOutcome(False, _refused(result))
    checkpoint = Checkpoint.get_by_id(result.venue_id)
    label = f"{checkpoint.name} {checkpoint.code}"
    if checkpoint.id not in run.route.checkpoints:
        return ScanOutcome(False, t("patrol.scan.not_on_route", checkpoint=label))
    if result.plain_code:
        return ScanOutcome(False, t("patrol.scan.typed", checkpoint=label), checkpoint.id,
                           typed_code=True)  # fmt: skip
    if source in (CAMERA, TYPED):  # a photo, or the text pasted: had anywhere, no visit
        key = "patrol.scan.photo" if source == CAMERA else "patrol.scan.pasted"
        return ScanOutcome(False, t(key, checkpoint=label), checkpoint.id, typed_code=True)
    by_hand = _visited(run.id).get(checkpoint.id)  # None: not visited yet in this run
    scan = _add_scan(run, checkpoint.id, source=source, payload=result.payload)
    # after a visit by hand this scan is the checkpoint's proof (`patrols.assess`): both
    # visits are kept and sent, each once by its id, and the log says which one counts
    again = by_hand is not None
    key = "patrol.scan.replaces_manual" if by_hand else "patrol.scan.again"
    key = key if again else "patrol.scan.ok"
    said = t(key, checkpoint=label)
    if not again and run.route.ordered and (skipped := _skipped(run, checkpoint.id)):
        said += t("patrol.scan.out_of_order", points=listed(skipped))  # recorded all the same
    return ScanOutcome(True, said, checkpoint.id, scan.id, again=again)


def _skipped(run: PatrolRun, checkpoint_id: str) -> list[str]:
    """The codes of the checkpoints before `checkpoint_id` on the run's route that the run
    has not visited: reached now, it is walked out of order (`patrols.assess`)."""
    route, visited = run.route.checkpoints, _visited(run.id)
    before = [c for c in route[: route.index(checkpoint_id)] if c not in visited]
    codes = {c.id: c.code for c in Checkpoint.select().where(Checkpoint.id.in_(before))}
    return [codes.get(c, c) for c in before]


def _refused(result: ScanResult) -> str:
    """Why a placard scanned during the run is refused. Those the placard's message says
    to find the venue by hand with say instead the run's key for a checkpoint by hand."""
    kind = UNKNOWN_KEY_SYNCED if result.kind == UNKNOWN_KEY and result.synced_at else result.kind
    if kind in BY_HAND_REFUSALS:
        return t(f"patrol.scan.{kind}", at=result.synced_at, key_id=result.check.key_id)
    return result.message()


def record_manual(run_id: str, checkpoint_id: str, reason: str, note: str = "") -> PatrolScan:
    """A checkpoint visited without a placard scan: a reason is required, as for venues."""
    run = _run(run_id)
    if checkpoint_id not in run.route.checkpoints:
        raise PatrolRefused(t("patrol.refused.not_on_route"))
    if reason not in patrols.MANUAL_REASONS:
        raise PatrolRefused(t("presence.choose_reason"))
    if (problem := manual_note_problem(reason, note)) is not None:
        raise PatrolRefused(problem)
    return _add_scan(run, checkpoint_id, source="manual", reason=reason, note=note.strip())


def _add_scan(run: PatrolRun, checkpoint_id: str, **values: Any) -> PatrolScan:
    """The visit and its `patrol_run.visit` op, in one transaction."""
    with write_transaction():
        scan = PatrolScan.create(
            id=new_id(), run=run.id, checkpoint=checkpoint_id, at=now_iso(), **values
        )
        enqueue(OP_PATROL_RUN_VISIT, visit_payload(run, scan))
    return scan


def scan_for(run_id: str, checkpoint_id: str) -> PatrolScan | None:
    """The run's latest visit of a checkpoint (what a note, photo or form is added to)."""
    return (
        PatrolScan.select()
        .where((PatrolScan.run == run_id) & (PatrolScan.checkpoint == checkpoint_id))
        .order_by(PatrolScan.at.desc())
        .first()
    )


def _scan(scan_id: str) -> tuple[PatrolRun, PatrolScan]:
    scan = PatrolScan.get_or_none(PatrolScan.id == scan_id)
    if scan is None:
        raise PatrolRefused(t("patrol.refused.no_scan"))
    return _run(scan.run_id), scan  # a finished run's scans are sent: they no longer change


def annotate(
    scan_id: str,
    *,
    note: str | None = None,
    photos: list[str] | None = None,
    answers: dict[str, str] | None = None,
    incident: str | None = None,
) -> PatrolScan:
    """Add to a checkpoint's visit: a note, photos (blobs already imported, by sha256, or
    files to import), the short form's answers, the incident raised there. The visit was
    queued when it was recorded; what changes it goes as another `patrol_run.visit` op of
    the visit as it is now, in the same transaction, so the grid sees it while the run is
    walked (the server updates the visit it holds; a waiting op is never rewritten: it may
    be on its way)."""
    from fieldapp.services.common.photos import import_photo

    run, scan = _scan(scan_id)
    shas = [p if _is_sha(p) else import_photo(p) for p in photos or ()]
    with write_transaction():
        before = scan_payload(scan)
        if note is not None:
            scan.note = note.strip()[:2000]
        if shas:
            scan.photos = [*scan.photos, *(s for s in shas if s not in scan.photos)]
        if answers is not None:
            scan.answers = check_answers(scan.checkpoint, answers)
        if incident:
            scan.incident = incident
        scan.save()
        if scan_payload(scan) != before:
            enqueue(OP_PATROL_RUN_VISIT, visit_payload(run, scan))
    return scan


def _is_sha(text: str) -> bool:
    return len(text) == 64 and all(c in "0123456789abcdef" for c in text)


def form_items(checkpoint_id: str) -> tuple[tuple[str, str], ...]:
    checkpoint = Checkpoint.get_or_none(Checkpoint.id == checkpoint_id)
    return FORMS.get(checkpoint.form if checkpoint else "", ())


def check_answers(checkpoint_id: str, answers: dict[str, str]) -> dict[str, str]:
    """The short form's answers, checked: yes/no items take yes or no, numbers a number."""
    kept: dict[str, str] = {}
    for key, kind in form_items(checkpoint_id):
        value = str(answers.get(key, "")).strip()
        if not value:
            continue
        if kind == "yesno":
            value = {"y": "yes", "是": "yes", "n": "no", "否": "no"}.get(value.lower(), value)
            if value not in ("yes", "no"):
                raise PatrolRefused(t("patrol.form.refused_yesno", item=t(f"patrol.form.{key}")))
        else:
            try:
                float(value)
            except ValueError:
                raise PatrolRefused(
                    t("patrol.form.refused_number", item=t(f"patrol.form.{key}"))
                ) from None
        kept[key] = value
    return kept


def finish_run(run_id: str, note: str = "") -> PatrolRun:
    """The run is over: its final state and its one op, in one transaction."""
    run = _run(run_id)
    scans = list(PatrolScan.select().where(PatrolScan.run == run.id).order_by(PatrolScan.at))
    scans = made_here(run, scans)  # of a run taken over: the other device's are on record
    with write_transaction():
        run.finished_at = now_iso()
        run.note = note.strip()[:2000] or run.note
        run.status = "finished"
        run.save()
        enqueue(OP_PATROL_RUN_SUBMIT, run_payload(run, scans))
    return run
