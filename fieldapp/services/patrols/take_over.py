"""Taking over my patrol run open on another device of mine (lost, broken, left at home).

A run is walked and finished from one device (`mine.open_run`: the one it was started
on), so it is finished once. When that device is gone, the run would stay open there for
ever and its window could not be walked here. Taking it over makes it this device's, in
one transaction with its `patrol_run.take_over` op: the next sync tells the server, which
from then on refuses what the other device sends of the run (a late visit, its finish)
and keeps the visits it already holds, as the run's. The run stays one run: the window is
counted once, by the visits the server holds, and finished here.

The other device's visits not yet sent do not count: the person is told so before. Its
finish (`runs.finish_run`) carries only the visits made here; those the other device sent
are on record already, as the server holds them (a note added to one there after this
device pulled it is not overwritten by the copy pulled here).
"""

from __future__ import annotations

from peewee import fn

from fieldapp.i18n import t
from fieldapp.services.common.identity import me
from fieldapp.services.common.outbox import enqueue
from fieldapp.services.patrols.mine import open_run
from fieldapp.services.patrols.run_payloads import OP_PATROL_RUN_VISIT
from fieldapp.store.db import db, write_transaction
from fieldapp.store.models import Outbox
from fieldapp.store.patrol_models import PatrolRun, PatrolScan

OP_PATROL_RUN_TAKE_OVER = "patrol_run.take_over"  # sync.protocol.OP_PATROL_RUN_TAKE_OVER


class TakeOverRefused(ValueError):
    """The run cannot be taken over; str() is for a person."""


def take_over(run_id: str) -> PatrolRun:
    """My run open on my other device becomes this device's to walk and finish."""
    who = me()
    with write_transaction():
        run = PatrolRun.get_or_none(PatrolRun.id == run_id)
        if run is None or run.person != who.person_id:
            raise TakeOverRefused(t("patrol.refused.no_run"))
        if run.status != "open":
            raise TakeOverRefused(t("patrol.refused.finished"))
        if run.device_id in ("", who.device_id):
            return run  # this device's already
        current = open_run(who.person_id)
        if current is not None:
            raise TakeOverRefused(t("patrol.refused.other_open"))
        run.device_id = who.device_id
        run.save()
        enqueue(
            OP_PATROL_RUN_TAKE_OVER,
            {"run_id": run.id, "route_id": run.route_id, "person": run.person,
             "day": run.day, "window": run.window},
        )  # fmt: skip
    return run


def taken_over(run_id: str) -> bool:
    """Whether this device took the run over from another device of its person."""
    return (
        Outbox.select()
        .where(
            (Outbox.type == OP_PATROL_RUN_TAKE_OVER)
            & (fn.json_extract(Outbox.payload, "$.run_id") == run_id)
        )
        .exists()
    )


def made_here(run: PatrolRun, scans: list[PatrolScan]) -> list[PatrolScan]:
    """The visits a run's finish carries: all of them, or of a run taken over, those
    made here (each queued a visit op here; the other device's are on record as the
    server holds them)."""
    if not taken_over(run.id):
        return scans
    rows = db.execute_sql(
        "SELECT json_extract(payload, '$.scan.id') FROM outbox"
        " WHERE type = ? AND json_extract(payload, '$.run_id') = ?",
        (OP_PATROL_RUN_VISIT, run.id),
    )
    queued = {str(scan_id) for (scan_id,) in rows}
    return [scan for scan in scans if scan.id in queued]
