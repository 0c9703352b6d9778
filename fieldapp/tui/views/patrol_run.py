"""A patrol run's lines as its screen shows them: the status under the title (window,
time left or finished, what is left or missed) and each checkpoint's state. A run before
its route's start counts neither as due nor as missed: what it did not visit is said as
not visited, never as missed posts (漏岗)."""

from __future__ import annotations

from fieldapp.i18n import listed, t
from fieldapp.services.patrols.due import CheckpointLine, RunView


def named(line: CheckpointLine) -> str:
    return f"{line.name} {line.code}"


def why_ended(view: RunView) -> str:
    """Why a finished run is not changed: closed by the office or a supervisor, or done."""
    if view.closed_by_office:
        return t("patrol.refused.closed", route=view.route_name)
    if view.closed_by_supervisor:
        return t("patrol.refused.closed_by_supervisor", route=view.route_name,
                 supervisor=view.closed_by_supervisor)  # fmt: skip
    return t("patrol.refused.finished")


def window_clock(minutes_left: int) -> str:
    """The time left in a window, or since it closed, as the due list and a run's header
    both say it. `minutes_left` is floored (`due`): -1 is the window's first minute after
    its end (刚过), -2 its second (已过 1 分钟)."""
    if minutes_left >= 0:
        return t("patrol.run.time_left", minutes=minutes_left)
    over = -minutes_left - 1
    return t("patrol.run.time_over", minutes=over) if over else t("patrol.run.just_closed")


def run_status(view: RunView) -> str:
    """'2026-02-04 时段 06:30-09:00 · 剩余 30 分钟 · 还剩 2/4 个点位'; a finished run names
    its missed posts, as the office sees them."""
    when = t("patrol.run.window", day=view.day, window=view.window)
    if view.taken_over:  # walked here, then taken over on another device of mine
        clock = t("patrol.run.taken_over")
    elif view.closed_by_office:  # walked here, this device lost: closed by the office
        clock = t("patrol.run.closed_by_office")
    elif view.closed_by_supervisor:  # or by a supervisor of its grid
        clock = t("patrol.close_run.by_supervisor", supervisor=view.closed_by_supervisor)
    elif view.finished:
        clock = t("patrol.run.ended")
    else:
        clock = window_clock(view.minutes_left)
        # closed with checkpoints left: one reached now is late (all reached: none is)
        if view.minutes_left < 0 and view.left:
            clock += t("patrol.run.late_now")
    total = len(view.lines)
    if not view.left:
        progress = t("patrol.run.all_done", count=total)
    elif view.finished:  # missed posts; of a run before the route's start, only not visited
        missed = listed(named(line) for line in view.lines if not line.done)
        key = "patrol.run.not_visited" if view.starts_later else "patrol.run.missed"
        progress = t(key, left=view.left, total=total, points=missed)
    else:
        progress = t("patrol.run.left", left=view.left, count=total)
    status = f"{when} · {clock} · {progress}"
    if view.starts_later:
        status += "\n" + t("patrol.run.before_start", day=view.starts_later)
    return status


def finish_question(view: RunView) -> str:
    """Finish with checkpoints left? They are missed posts, unless the run is before the
    route's start (not counted: neither due nor missed)."""
    key = "patrol.run.finish_confirm_early" if view.starts_later else "patrol.run.finish_confirm"
    return t(key, count=view.left)


def point_state(line: CheckpointLine, view: RunView) -> str:
    if line.done:
        if line.manual and line.late:  # one short mark: both marks ran past the column
            return t("patrol.run.done_manual_late")
        state = t("patrol.run.done_manual" if line.manual else "patrol.run.done")
        return state + (t("patrol.run.late_mark") if line.late else "")
    if line.not_counted:  # visited here after the run was taken over or closed elsewhere
        return t("patrol.run.not_counted")
    if not view.finished:
        return t("patrol.run.left_mark")
    return t("patrol.run.not_visited_mark" if view.starts_later else "patrol.run.missed_mark")
