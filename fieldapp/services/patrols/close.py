"""A supervisor closes a patrol run of their grids left open on another device (lost or
broken, its person with no other device to take it over on), from their own device.

The close is an op (`patrol_run.close`) queued with the reason in one transaction: it
works offline and goes with the next sync. The server checks the supervisor's role and
grid and closes the run as the office's `fieldapp admin patrol-close` does (the visits it
holds count; what the lost device sends later is refused with the reason); the pull then
brings the run finished, closed by the supervisor (`closed_by`). Until then the run stays
open here, its close waiting (`closing`), and is not closed twice.
"""

from __future__ import annotations

from fieldapp.domain.free_text import text_problem
from fieldapp.i18n import t
from fieldapp.services.common.identity import me
from fieldapp.services.common.outbox import enqueue
from fieldapp.store.db import db, write_transaction
from fieldapp.store.patrol_models import (
    CLOSED_BY_OFFICE,
    CLOSED_BY_SUPERVISOR,
    PatrolRun,
    started_here,
)

OP_PATROL_RUN_CLOSE = "patrol_run.close"  # sync.protocol.OP_PATROL_RUN_CLOSE


class CloseRefused(ValueError):
    """The run cannot be closed from here; str() is for a person."""


def closable(run: PatrolRun, device_id: str) -> bool:
    """A run open on another device than this one (a run walked here is finished here)."""
    return run.status == "open" and run.device_id not in ("", device_id)


def close_run(run_id: str, reason: str) -> PatrolRun:
    """Queue the close of a run open on another device, with why; the run changes when the
    server has closed it (the next pull)."""
    who = me()
    if not who.is_supervisor:
        raise CloseRefused(t("patrol.close_run.refused.role"))
    problem = text_problem("close_reason", reason)
    if problem is not None:
        raise CloseRefused(problem)
    with write_transaction():
        run = PatrolRun.get_or_none(PatrolRun.id == run_id)
        if run is None or not closable(run, who.device_id):
            raise CloseRefused(t("patrol.close_run.refused.not_open"))
        if run.id in closing([run.id]):
            raise CloseRefused(t("patrol.close_run.refused.waiting"))
        enqueue(
            OP_PATROL_RUN_CLOSE,
            {"run_id": run.id, "route_id": run.route_id, "person": run.person,
             "day": run.day, "window": run.window, "closed_by": who.person_id,
             "reason": reason.strip()},
        )  # fmt: skip
    return run


def closing(run_ids: list[str]) -> set[str]:
    """Of these runs, those whose close is queued and not yet answered by the server."""
    if not run_ids:
        return set()
    marks = ", ".join("?" for _ in run_ids)
    rows = db.execute_sql(
        "SELECT json_extract(payload, '$.run_id') FROM outbox"  # noqa: S608 - fixed names
        f" WHERE type = ? AND state = 'pending' AND json_extract(payload, '$.run_id') IN ({marks})",
        [OP_PATROL_RUN_CLOSE, *run_ids],
    )
    return {str(run_id) for (run_id,) in rows}


def supervisor_name(run: PatrolRun) -> str:
    """The name of the supervisor who closed the run ("" when none did)."""
    from fieldapp.store.models import Person

    person_id = closed_by(run)
    if person_id in (None, CLOSED_BY_OFFICE):
        return ""
    person = Person.get_or_none(Person.id == person_id)
    return person.name if person is not None else str(person_id)


def closed_by(run: PatrolRun) -> str | None:
    """Who closed the run as abandoned: "office", a supervisor's person id, or None (open,
    or finished by its walker)."""
    if run.device_id == CLOSED_BY_OFFICE:
        return CLOSED_BY_OFFICE
    if run.device_id.startswith(CLOSED_BY_SUPERVISOR):
        return run.device_id.removeprefix(CLOSED_BY_SUPERVISOR)
    return None


def window_runs(
    first: str, last: str
) -> tuple[dict[tuple[str, str, str], str], dict[tuple[str, str, str], str]]:
    """Per (route, day, window) from `first` to `last` (ISO dates): a run open on another
    device whose close is not waiting here (its id: one a supervisor may close), and what
    a run closed as abandoned reads as (by whom; or its close waiting to sync)."""
    within = (PatrolRun.day >= first) & (PatrolRun.day <= last)
    open_ = list(PatrolRun.select().where(within & (PatrolRun.status == "open") & ~started_here()))
    waiting = closing([run.id for run in open_])
    closable_runs: dict[tuple[str, str, str], str] = {}
    said: dict[tuple[str, str, str], str] = {}
    for run in open_:
        key = (run.route_id, run.day, run.window)
        if run.id in waiting:
            said[key] = t("patrol.close_run.waiting")
        else:
            closable_runs[key] = run.id
    marks = (PatrolRun.device_id == CLOSED_BY_OFFICE) | PatrolRun.device_id.startswith(
        CLOSED_BY_SUPERVISOR
    )
    for run in PatrolRun.select().where(within & marks):
        supervisor = supervisor_name(run)
        said[(run.route_id, run.day, run.window)] = (
            t("patrol.close_run.by_supervisor", supervisor=supervisor)
            if supervisor
            else t("patrol.close_run.by_office")
        )
    return closable_runs, said
