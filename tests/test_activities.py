"""Scheduled activities: cadences the office writes as data, what is due in my grids,
recording one held (form, photos, op), and the daily report counting it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PIL import Image
from rounds_support import INSPECTOR_V2, SUPERVISOR, Clock, act_as, china

from fieldapp.domain.activities import ActivityTypeInvalid, Cadence, activity_type_from
from fieldapp.services.activities import due, records, types
from fieldapp.services.common import settings
from fieldapp.services.daily_report import reports
from fieldapp.store.activity_models import Activity
from fieldapp.store.models import Outbox

D = dt.date


def test_cadences_give_the_due_day_and_the_last_day_on_time() -> None:
    first_monday = Cadence("month", weekday=0, nth=1, within_days=6)
    window = first_monday.window(D(2026, 12, 20))
    assert (window.due_on, window.due_by) == (D(2026, 12, 7), D(2026, 12, 13))
    assert first_monday.window(D(2026, 6, 10)).due_on == D(2026, 6, 1)  # a Monday itself
    assert [w.status(d) for w, d in ((window, D(2026, 12, 6)), (window, D(2026, 12, 13)),
                                      (window, D(2026, 12, 14)))] == ["upcoming", "due", "overdue"]  # fmt: skip
    nov_9 = Cadence("year", month=11, day=9, within_days=6).window(D(2026, 3, 1))
    assert (nov_9.period_start, nov_9.due_on, nov_9.due_by) == (
        D(2026, 1, 1),
        D(2026, 11, 9),
        D(2026, 11, 15),
    )
    drill = Cadence("quarter").window(D(2026, 8, 15))
    assert (drill.period_start, drill.due_on, drill.due_by) == (
        D(2026, 7, 1),
        D(2026, 7, 1),
        D(2026, 9, 30),
    )
    assert len(Cadence("quarter").windows(D(2026, 1, 1), D(2026, 12, 31))) == 4


def test_an_office_type_with_a_mistake_is_refused_with_where() -> None:
    good = {"code": "hydrant_check", "zh": "消火栓检查", "en": "Hydrant check",
            "cadence": {"every": "month", "day": 15}}  # fmt: skip
    assert activity_type_from(good).cadence.day == 15
    with pytest.raises(ActivityTypeInvalid, match=r"type\.cadence\.every"):
        activity_type_from({**good, "cadence": {"every": "fortnight"}})
    with pytest.raises(ActivityTypeInvalid, match=r"required"):
        activity_type_from({**good, "required": ["signature"]})


def photo(tmp_path: Path) -> str:
    path = tmp_path / "drill.png"
    Image.new("RGB", (40, 30), "red").save(path)
    return str(path)


def test_due_then_done_then_counted_and_the_zero_report_refused(
    tree: Clock, tmp_path: Path
) -> None:
    act_as(INSPECTOR_V2)  # the inspector of village V2
    tree.set(china(2026, 12, 7, 9))  # the first Monday of December
    due_now = {(d.kind.code, d.grid_code): d.status for d in due.due_activities()}
    assert due_now[("fire_publicity_day", "V2")] == "due"
    assert due_now[("facility_check", "V2")] == "due"
    assert ("joint_meeting", "T1") not in due_now  # a town's meeting, not the village's
    assert not any(grid == "V1" for _, grid in due_now)  # not my grid

    form = records.ActivityForm("fire_publicity_day", "V2", place="西村文化广场", attendees="35")
    form.held_on = "12月7日"  # the first field, wrong, and no photo: the date is said first
    with pytest.raises(records.ActivityRefused, match="12月7日"):
        records.record_activity(form)
    form.held_on = ""  # today
    with pytest.raises(records.ActivityRefused, match="照片"):
        records.record_activity(form)  # the publicity day needs a photo
    assert Activity.select().count() == 0 and Outbox.select().count() == 0
    form.photo_files = [photo(tmp_path)]
    row = records.record_activity(form)
    op = Outbox.get(Outbox.type == "activity.record")
    payload = json.loads(op.payload)
    assert payload["type_code"] == "fire_publicity_day" and payload["attendees"] == 35
    assert payload["held_on"] == "2026-12-07" and payload["photos"] == row.photos

    due_now = {(d.kind.code, d.grid_code) for d in due.due_activities()}
    assert ("fire_publicity_day", "V2") not in due_now and ("facility_check", "V2") in due_now

    counts = reports.report_counts("V2", D(2026, 12, 7))
    assert counts["activities"] == 1
    assert counts["activities_by_type"] == {"fire_publicity_day": 1}
    assert reports.report_counts("T1", D(2026, 12, 7))["activities"] == 1  # the town covers it
    with pytest.raises(reports.ZeroReportRefused) as refused:
        reports.file_zero_report("V2")
    assert "定期活动" in refused.value.text()
    filed = reports.file_report("V2", remarks="宣传日已开展")
    assert filed.counts["activities"] == 1


def test_periods_on_time_late_and_missed(tree: Clock, tmp_path: Path) -> None:
    act_as(INSPECTOR_V2)
    tree.set(china(2026, 12, 15, 9))  # the publicity day of the 7th passed on the 13th
    records.record_activity(records.ActivityForm(
        "facility_check", "V2", held_on="2026-12-02", place="西村消防室", minutes="水带完好"))  # fmt: skip
    act_as(SUPERVISOR)
    outcomes = {(o.kind.code, o.grid_code): o.state
                for o in due.period_outcomes(D(2026, 12, 1), D(2026, 12, 31), grids=["T1"])}  # fmt: skip
    assert outcomes[("facility_check", "V2")] == "on_time"
    assert outcomes[("facility_check", "V1")] == "open"  # on time until the 31st
    assert outcomes[("fire_publicity_day", "V1")] == "missed"
    assert outcomes[("brigade_drill", "V2")] == "open"  # the quarter ends on the 31st
    assert outcomes[("joint_meeting", "T1")] == "open"
    assert outcomes[("fire_publicity_day", "V2")] == "missed"
    act_as(INSPECTOR_V2)  # held a day after the last day on time: late, not missed
    records.record_activity(records.ActivityForm(
        "brigade_drill", "V2", held_on="2026-12-14", place="西村", attendees="9",
        minutes="演练灭火器使用", photo_files=[photo(tmp_path)]))  # fmt: skip
    tree.set(china(2026, 12, 14, 9))
    records.record_activity(
        records.ActivityForm(
            "fire_publicity_day",
            "V2",
            place="西村",
            attendees="12",
            photo_files=[photo(tmp_path)],
            late_reason="村委会换届，推迟一天",
        )
    )
    outcomes = {(o.kind.code, o.grid_code): o.state
                for o in due.period_outcomes(D(2026, 12, 1), D(2026, 12, 31), grids=["V2"])}  # fmt: skip
    assert outcomes[("fire_publicity_day", "V2")] == "late"
    assert outcomes[("brigade_drill", "V2")] == "on_time"


def test_the_office_replaces_the_types(tree: Clock) -> None:
    act_as(INSPECTOR_V2)
    tree.set(china(2026, 12, 7, 9))
    settings.put(types.SETTING_KEY, [{
        "code": "hydrant_check", "zh": "消火栓检查", "en": "Hydrant check",
        "cadence": {"every": "month", "day": 5, "within_days": 3}, "levels": ["village"],
        "required": ["place"], "record": "report"}])  # fmt: skip
    (only,) = due.due_activities()
    assert (only.kind.code, only.grid_code, only.status) == ("hydrant_check", "V2", "due")


def test_an_activity_must_be_held_within_its_duty_s_days(tree: Clock, tmp_path: Path) -> None:
    """A publicity day due 12-07 (on time to 12-13) dated the Saturday before was taken
    and counted for December; the 11·9 day, overdue since 11-15, was taken on 12-05 with
    nothing said. Before the due day it is refused, cursor on the date; after the
    on-time days only with a reason why, which the record carries."""
    act_as(INSPECTOR_V2)
    tree.set(china(2026, 12, 5, 9))
    early = records.ActivityForm(
        "fire_publicity_day",
        "V2",
        held_on="2026-12-05",
        place="西村",
        attendees="12",
        photo_files=[photo(tmp_path)],
        for_day="2026-12-05",
    )
    with pytest.raises(records.ActivityRefused) as refused:
        records.record_activity(early)
    assert refused.value.field == "held_on"
    assert "2026-12-07" in str(refused.value) and "2026-12-13" in str(refused.value)
    late = records.ActivityForm(
        "fire_day_119",
        "V2",
        held_on="2026-12-05",
        place="西村",
        attendees="20",
        photo_files=[photo(tmp_path)],
        late_reason="。。",
    )
    with pytest.raises(records.ActivityRefused) as refused:
        records.record_activity(late)
    assert refused.value.field == "late_reason" and "迟报原因" in str(refused.value)
    assert "2026-11-15" in str(refused.value)
    late.late_reason = "11月9日全村抗旱，改期"
    row = records.record_activity(late)
    assert "迟报原因：11月9日全村抗旱，改期" in row.minutes
    assert Activity.select().count() == 1
    outcomes = {(o.kind.code, o.grid_code): o.state
                for o in due.period_outcomes(D(2026, 11, 1), D(2026, 12, 31), grids=["V2"])}  # fmt: skip
    assert outcomes[("fire_day_119", "V2")] == "late"
    assert outcomes[("fire_publicity_day", "V2")] == "open"  # the 12-05 one did not count


def test_a_date_not_read_is_shown_an_example_that_is_not_in_the_future(tree: Clock) -> None:
    """The example in the refusal is a day the form takes: today, never a fixed day that
    has not come yet (2026-12-07 was tomorrow on 12-06, refused as future)."""
    act_as(INSPECTOR_V2)
    tree.set(china(2026, 12, 6, 9))
    form = records.ActivityForm("facility_check", "V2", held_on="soon", place="西村消防室",
                                minutes="水带完好")  # fmt: skip
    with pytest.raises(records.ActivityRefused) as refused:
        records.record_activity(form)
    said = str(refused.value)
    assert refused.value.field == "held_on" and "“soon”" in said, said
    assert "2026-12-06" in said and "2026-12-07" not in said, said
    form.held_on = "2026-12-06"
    assert records.record_activity(form).held_on == D(2026, 12, 6)


def test_a_late_reason_of_two_latin_letters_in_punctuation_says_nothing(
    tree: Clock, tmp_path: Path
) -> None:
    act_as(INSPECTOR_V2)
    tree.set(china(2026, 12, 5, 9))
    late = records.ActivityForm("fire_day_119", "V2", held_on="2026-12-05", place="西村",
                                attendees="20", photo_files=[photo(tmp_path)],
                                late_reason="。。 ,, ab")  # fmt: skip
    with pytest.raises(records.ActivityRefused) as refused:
        records.record_activity(late)
    assert refused.value.field == "late_reason"
    late.late_reason = "抗旱改期"
    assert "抗旱改期" in records.record_activity(late).minutes
