"""The dashboard's overdue trend says, for each past day, what the overdue queue's rule
(`lifecycle.is_overdue` on the hazard's state that day) said then: verifying a fix today
does not make the days after it was reported fixed overdue after the fact."""

from __future__ import annotations

import datetime as dt

from rounds_support import (
    CHINA,
    INSPECTOR_A11,
    SUPERVISOR,
    Clock,
    act_as,
    add_venue,
    china,
    inspect,
)

from fieldapp.domain import findings as machine
from fieldapp.services.dashboard import figures as dashboard
from fieldapp.services.inspection import findings
from fieldapp.services.review.bulk import bulk_apply
from fieldapp.services.review.queues import ReviewFilters, queue_count
from fieldapp.store.models import Finding, FindingEvent
from fieldapp.store.payloads import folded_event

D = dt.date
DEADLINE = D(2026, 6, 3)


def _hazards(tree: Clock) -> list[str]:
    """Six hazards found on 1 June, each with the deadline of the 3rd."""
    for code in ("S1", "S2", "S3"):
        inspect(tree, add_venue(code, "small_shop", "A11"), china(2026, 6, 1, 9),
                fail=("COM-03", "SHP-02"))  # fmt: skip
    ids = [f.id for f in Finding.select().order_by(Finding.id)]
    for event in FindingEvent.select().where(FindingEvent.type == "opened"):
        event.data = {**event.data, "deadline": DEADLINE.isoformat()}
        event.save()
    Finding.update(deadline=DEADLINE, current_deadline=DEADLINE).execute()
    return ids


def _as_of(finding_id: str, day: D) -> machine.FindingState:
    """The hazard's fold from its events up to the end of local `day`."""
    events = findings.events_of(finding_id)
    return machine.fold(folded_event(e) for e in events if _local_day(e.at) <= day)


def _local_day(at: str) -> D:
    return dt.datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone(CHINA).date()


def _step(tree: Clock, at: dt.datetime, who: str, finding_id: str, event: str, **data: str) -> None:
    tree.set(at)
    act_as(who)
    if event == "rectification_reported":
        findings.report_rectification(finding_id, fixed=True, note="已整改", photos=[])
    else:
        result = bulk_apply([finding_id], event, note="复查", data=data)
        assert result[0].applied, result[0]


def test_each_day_of_the_trend_is_what_the_queue_said_that_day(tree: Clock) -> None:
    verified, rejected, extended, handed, fixed_late, left = _hazards(tree)
    # Reported fixed on the 4th at 15:00, waiting for review (DM-0007's case) ...
    _step(tree, china(2026, 6, 4, 15), INSPECTOR_A11, verified, "rectification_reported")
    # ... rejected on the 6th with a new deadline of the 7th: overdue again from the 8th.
    _step(tree, china(2026, 6, 5, 9), INSPECTOR_A11, rejected, "rectification_reported")
    _step(tree, china(2026, 6, 6, 9), SUPERVISOR, rejected, "rejected", deadline="2026-06-07")
    _step(tree, china(2026, 6, 6, 10), SUPERVISOR, extended, "deadline_extended",
          deadline="2026-06-08")  # fmt: skip
    _step(tree, china(2026, 6, 7, 10), SUPERVISOR, handed, "handed_over",
          unit="fire_brigade", reference="消移〔2026〕3号", date="2026-06-07")  # fmt: skip
    _step(tree, china(2026, 6, 9, 16), INSPECTOR_A11, fixed_late, "rectification_reported")
    act_as(SUPERVISOR)
    tree.set(china(2026, 6, 10, 11))
    overdue_now = queue_count(ReviewFilters(queue="overdue"))
    # Verified today: no day before today changes, and today it is not overdue either.
    _step(tree, china(2026, 6, 10, 11), SUPERVISOR, verified, "verified")
    assert queue_count(ReviewFilters(queue="overdue")) == overdue_now

    first, last = D(2026, 6, 2), D(2026, 6, 10)
    trend = dashboard.overdue_trend(first, last)
    hazards = (verified, rejected, extended, handed, fixed_late, left)
    said = [sum(_as_of(f, d.day).is_overdue(d.day) for f in hazards) for d in trend]
    assert [d.count for d in trend] == said
    # What that is, day by day (2nd..10th), so the rule above is not vacuous.
    assert said == [0, 0, 5, 4, 3, 2, 3, 3, 3]
    assert trend[-1].count == overdue_now
