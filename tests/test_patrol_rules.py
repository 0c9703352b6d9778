"""The patrol rules: schedules as the office writes them, and attendance per window."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain import checkpoint_forms, patrols
from fieldapp.domain.patrols import Schedule, ScheduleError, Visit, Window, assess

KEY_DAY = dt.date(2026, 2, 4)  # a Wednesday, a fireworks key day
MORNING = Window.parse("06:30-09:00")
POINTS = ("cp1", "cp2", "cp3", "cp4")


def at(hhmm: str) -> dt.datetime:
    return dt.datetime.combine(KEY_DAY, dt.time.fromisoformat(hhmm))


def test_schedules_read_weekdays_dates_and_windows_as_written() -> None:
    schedule = Schedule.parse("周一;2026-02-04 fri", "18:00-20:00；06:30～09:00")
    assert schedule.days == ("mon", "2026-02-04", "fri")
    assert [w.label for w in schedule.windows] == ["06:30-09:00", "18:00-20:00"]
    assert schedule.runs_on(KEY_DAY) and schedule.runs_on(dt.date(2026, 2, 6))
    assert not schedule.runs_on(dt.date(2026, 2, 5))
    assert Schedule.from_dict(schedule.to_dict()) == schedule
    for days, windows in (("someday", "06:30-09:00"), ("daily", "09:00-06:30"),
                          ("daily", "06:30-09:00;08:00-10:00"), ("daily", "25:00-26:00")):  # fmt: skip
        with pytest.raises(ScheduleError):
            Schedule.parse(days, windows)


def test_a_run_belongs_to_the_window_open_now_or_opening_within_half_an_hour() -> None:
    schedule = Schedule.parse("daily", "06:30-09:00;18:00-20:00")
    assert patrols.window_for_start(schedule, at("06:05")) == MORNING
    assert patrols.window_for_start(schedule, at("06:40")) == MORNING
    assert patrols.window_for_start(schedule, at("12:00")) is None


def test_one_missed_checkpoint_and_one_late_scan_make_a_partial_patrol() -> None:
    visits = [Visit("cp1", at("06:40")), Visit("cp2", at("06:52")),
              Visit("cp4", at("09:20"), manual=True), Visit("cp1", at("07:30"))]  # fmt: skip
    result = assess(POINTS, KEY_DAY, MORNING, visits, at("10:00"), ordered=True)
    assert result.status == patrols.PARTIAL and result.missed_post
    assert result.missed == ("cp3",)
    assert result.late == ("cp4",) and result.manual == ("cp4",)
    assert result.done == ("cp1", "cp2", "cp4") and not result.out_of_order
    assert (result.first_at, result.last_at) == (at("06:40"), at("09:20"))


def test_every_checkpoint_visited_is_on_time_or_late_and_nothing_is_open_before_the_end() -> None:
    on_time = [Visit(c, at(f"07:0{i}")) for i, c in enumerate(POINTS)]
    assert assess(POINTS, KEY_DAY, MORNING, on_time, at("07:10")).status == patrols.ON_TIME
    late = [*on_time[:3], Visit("cp4", at("09:01"))]
    assert assess(POINTS, KEY_DAY, MORNING, late, at("10:00")).status == patrols.LATE
    backwards = [Visit(c, at(f"07:0{3 - i}")) for i, c in enumerate(POINTS)]
    walked = assess(POINTS, KEY_DAY, MORNING, backwards, at("10:00"), ordered=True)
    assert walked.out_of_order and walked.status == patrols.ON_TIME
    # Before the window ends an unfinished patrol is open, with what is left.
    opened = assess(POINTS, KEY_DAY, MORNING, on_time[:1], at("08:59"))
    assert (opened.status, opened.left, opened.missed) == (patrols.OPEN, POINTS[1:], ())
    later = assess(POINTS, KEY_DAY, MORNING, [], at("06:00"))
    assert later.status == patrols.UPCOMING and not later.missed_post
    nothing = assess(POINTS, KEY_DAY, MORNING, [], at("09:01"))
    assert (nothing.status, nothing.missed) == (patrols.NOT_DONE, POINTS)
    ranked = sorted([patrols.ON_TIME, patrols.OPEN, patrols.NOT_DONE, patrols.LATE, patrols.PARTIAL],
                    key=patrols.sort_key)  # fmt: skip
    assert ranked[:2] == [patrols.NOT_DONE, patrols.PARTIAL]


def test_a_campaign_route_patrols_only_while_the_office_runs_the_campaign() -> None:
    assert patrols.in_campaign(KEY_DAY, "", False, "", "")
    assert patrols.in_campaign(KEY_DAY, "FW2026", True, "2026-02-04", "2026-02-26")
    assert not patrols.in_campaign(KEY_DAY, "FW2026", True, "2026-02-05", "")
    assert not patrols.in_campaign(KEY_DAY, "FW2026", False, "", "")


def test_a_yes_to_a_sale_seen_is_the_problem_and_old_answers_keep_their_meaning() -> None:
    """The fireworks point asks 是否发现违规销售烟花爆竹？ (是 = problem) under a new code;
    answers stored under 未发现违规销售 (no_sale_seen, 否 = problem) read as they did."""
    assert checkpoint_forms.FORMS["fireworks_point"] == (("sale_seen", "yesno"),)
    assert checkpoint_forms.is_problem("sale_seen", "yes") and not checkpoint_forms.is_problem(
        "sale_seen", "no"
    )
    assert checkpoint_forms.is_problem("no_sale_seen", "no") and not checkpoint_forms.is_problem(
        "no_sale_seen", "yes"
    )
    assert checkpoint_forms.is_problem("cap_intact", "no") and not checkpoint_forms.is_problem(
        "cap_intact", "yes"
    )
