"""Whether any patrol concerns me, asked without the patrol rules: the home screen asks it
at start-up, and most devices have no patrol at all (their routes come from the office),
so `due.due_now` and what it imports (the schedule and window rules, attendance, runs,
the placard check) wait until one does."""

from __future__ import annotations

from fieldapp.services.common.identity import me
from fieldapp.store.patrol_models import PatrolRoute, PatrolRun, started_here


def open_run(person_id: str | None = None) -> PatrolRun | None:
    """The person's unfinished run started on this device, if any (the one to resume
    after a restart, the one a scan adds a visit to)."""
    person = person_id or me().person_id
    return (
        PatrolRun.select()
        .where((PatrolRun.person == person) & (PatrolRun.status == "open") & started_here())
        .order_by(PatrolRun.started_at.desc())
        .first()
    )


def open_elsewhere(person_id: str | None = None) -> list[PatrolRun]:
    """The person's runs pulled while still open from another device of theirs: shown as
    in progress there, never resumed here (its finish would come from both devices, and
    the server takes one)."""
    person = person_id or me().person_id
    return list(
        PatrolRun.select().where(
            (PatrolRun.person == person) & (PatrolRun.status == "open") & ~started_here()
        )
    )


def any_for_me() -> bool:
    """Whether `due.due_now` could list anything: an active route names me, or a run of
    mine is still open."""
    person = me().person_id
    routes = PatrolRoute.select(PatrolRoute.people).where(PatrolRoute.active == True)  # noqa: E712
    return any(person in (route.people or []) for route in routes) or open_run(person) is not None
