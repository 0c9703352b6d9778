"""`patrol_run.close` on the server: a supervisor closes, from their device, a run of
their grids left open on a device that was lost or broken, its person with no other
device to take it over on (`patrol_run.take_over`).

It is closed exactly as the office's `fieldapp admin patrol-close` closes one
(`sync.server.patrols.close_run`): finished as it stands, the visits the server holds
counted, what the lost device sends of it later refused (`patrol_run_closed_by_supervisor`,
naming the supervisor), an entry in the audit trail with the supervisor acting and their
reason. Who may: a supervisor (or an admin) whose grids hold the run's route; anyone else
is refused with the reason. A close sent again, or of a run the office or another
supervisor closed already, changes nothing; a run its walker finished before the close
arrived is refused (`patrol_run_finished`): its finish stands.
"""

from __future__ import annotations

from sync.protocol import PatrolClose, refusals
from sync.server.op_checks import check_text
from sync.server.patrol_models import PatrolRoute
from sync.server.patrols import CLOSED_BY_SUPERVISOR, close_run, held_run, is_closed
from sync.server.scope import DeviceContext, may_write_grid, outside_grid_reason, require_own
from sync.server.submit import Applied


def apply_patrol_close(who: DeviceContext, sub: PatrolClose) -> Applied:
    what = f"the close of patrol run {sub.run_id}"
    require_own(who, sub.closed_by, what)
    if not who.is_supervisor:
        text = (
            f"{who.person_name} ({who.person_id}) is an {who.role}; only a supervisor of its "
            f"grid may close patrol run {sub.run_id}"
        )
        raise refusals.wrong_role(who.role, "patrol_close", text)
    check_text(f"the reason of {what}", "close_reason", sub.reason)
    route = PatrolRoute.get_or_none(PatrolRoute.id == sub.route_id)
    if route is None:
        text = f"patrol route {sub.route_id} is not known to the server"
        raise refusals.unknown_record("patrol_route", sub.route_id, text)
    if not may_write_grid(who, route.grid_code):
        raise ValueError(outside_grid_reason(who, route.grid_code, what))
    held = held_run(sub)
    if held.finished_at is not None:
        if is_closed(held):  # sent again, or closed by the office or another supervisor
            return Applied([])
        text = f"patrol run {sub.run_id} was finished by the device that walked it"
        raise refusals.refused(text, refusals.PATROL_RUN_FINISHED, route=route.name)
    change = close_run(
        held, route, CLOSED_BY_SUPERVISOR + who.person_id, actor=who.person_id,
        device=who.device_id, reason=sub.reason.strip(),
    )  # fmt: skip
    return Applied([change])
