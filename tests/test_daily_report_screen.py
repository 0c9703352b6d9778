"""The daily report screen (F8) and the deadline reminder, against the real app on the demo
workspace with fieldapp's clock stopped at local times of 10 June 2026."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pilot_support import SIZE, open_screen, screen_lines, settle
from textual.widgets import DataTable, Input, Label, OptionList, Static, TabbedContent

from fieldapp.domain import clock
from fieldapp.services.common.identity import grid_codes_under
from fieldapp.services.daily_report import reports as daily_reports
from fieldapp.services.demo.workspace import act_as
from fieldapp.services.inspection import inspections
from fieldapp.store.models import DailyReport, Outbox, Venue
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.daily_report import DailyReportScreen

DAY = dt.date(2026, 6, 10)

pytestmark = [pytest.mark.usefixtures("chinese"), pytest.mark.reminders]


@pytest.fixture
def local_clock(monkeypatch: pytest.MonkeyPatch) -> list[dt.datetime]:
    """fieldapp's clock at a local time on DAY (10:00 until the test moves it): where the
    device is, the office's zone once the demo set it."""
    cell = [dt.datetime.combine(DAY, dt.time(10, 0))]
    monkeypatch.setattr(clock, "_now", lambda: clock.wall_clock(cell[0]).astimezone(dt.UTC))
    return cell


def local(hour: int, minute: int) -> dt.datetime:
    return clock.wall_clock(dt.datetime.combine(DAY, dt.time(hour, minute)))


async def open_report(app: FieldApp, pilot) -> DailyReportScreen:  # type: ignore[no-untyped-def]
    return await open_screen(app, pilot, "f8", DailyReportScreen)


def messages(app: FieldApp) -> list[str]:
    return [n.message for n in app._notifications]


def find_hazard_today(grid: str) -> None:
    """An inspection in `grid` today that fails one item (a hazard found)."""
    venue = Venue.select().where(Venue.grid.in_(grid_codes_under([grid]))).first()
    inspection_id = inspections.start_inspection(
        venue.id, presence="manual", reason="other", note="门卫未开门"
    )
    view = inspections.load(inspection_id)
    failed = False
    for item in view.checklist.items:
        if not failed and item.answer == "yesno" and item.can_fail:
            inspections.record_answer(inspection_id, item, "fail")
            failed = True
            continue
        value = {"number": "2", "text": "记录", "date": DAY.isoformat()}.get(item.answer, "")
        if item.answer == "choice":
            value = item.choices[0]
        outcome = "value" if item.answer in ("number", "text", "date", "choice") else "pass"
        inspections.record_answer(inspection_id, item, outcome, value)
    inspections.submit(inspection_id, "店主")


async def test_zero_report_with_one_key(local_clock: list[dt.datetime], demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_report(app, pilot)
        grids = screen.query_one("#report-grids", OptionList)
        assert grids.has_focus
        code = str(grids.get_option_at_index(grids.highlighted or 0).id)
        assert code == "T01-DM"
        counts = str(screen.query_one("#report-counts", Static).render())
        assert "今日检查场所：0 家" in counts
        await pilot.press("z", "y")  # the zero report, confirmed
        await settle(app, pilot, rounds=2)
        report = DailyReport.get(DailyReport.grid == code)
        assert report.zero_report and report.date == DAY
        op = Outbox.get(Outbox.type == "daily_report.submit")
        assert json.loads(op.payload)["id"] == report.id
        said = str(screen.query_one("#report-state", Label).render())
        assert "零报告" in said and "提交" in said  # said there, with no toast over it


async def test_zero_report_refused_when_hazards_were_found(
    local_clock: list[dt.datetime], demo_home: Path
) -> None:
    find_hazard_today("T01-DM")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_report(app, pilot)
        assert "发现隐患：1 处" in str(screen.query_one("#report-counts", Static).render())
        await pilot.press("z", "y")  # the zero report, confirmed
        await settle(app, pilot, rounds=2)
        assert any("不能报零报告" in m for m in messages(app))
        assert DailyReport.select().count() == 0
        remarks = screen.query_one("#report-remarks", Input)
        remarks.focus()
        await pilot.press("z", "enter")  # remarks may be empty; typed, they say something
        await settle(app, pilot, rounds=2)
        assert any("请用文字写明备注" in m for m in messages(app))
        assert DailyReport.select().count() == 0 and remarks.value == "z"
        # The full report with remarks goes through.
        remarks.value = ""
        await pilot.press(*"已督促整改", "enter")
        await settle(app, pilot, rounds=2)
        report = DailyReport.get(DailyReport.grid == "T01-DM")
        assert not report.zero_report and report.remarks == "已督促整改"
        assert report.counts["hazards_found"] == 1


async def test_reminder_before_a_17_00_deadline(
    local_clock: list[dt.datetime], demo_home: Path
) -> None:
    daily_reports.set_deadline("T01-DM", "17:00")
    local_clock[0] = local(15, 0)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=2)
        assert not any("日报将于" in m for m in messages(app))
    local_clock[0] = local(16, 10)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=2)
        reminders = [m for m in messages(app) if "日报将于 17:00 截止" in m]
        assert len(reminders) == 1 and "鼎美村" in reminders[0]
        # The minute timer asks again: no second notice for the same grid and day.
        assert app.report_reminders is not None
        app.report_reminders.check()
        await settle(app, pilot, rounds=2)
        assert len([m for m in messages(app) if "日报将于" in m]) == 1


async def test_grids_late_together_get_one_reminder_naming_them_all(
    local_clock: list[dt.datetime], demo_home: Path
) -> None:
    """Past 18:00 with two grids unfiled: one notice naming both, not one toast each
    stacked over the screen for half a minute."""
    local_clock[0] = local(19, 0)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=2)
        late = [m for m in messages(app) if "截止时间仍未填报" in m]
        assert len(late) == 1, late
        assert "鼎美村" in late[0] and "、" in late[0], late


async def test_a_reminder_waits_while_a_dialog_is_open(
    local_clock: list[dt.datetime], demo_home: Path
) -> None:
    # The toast would stand over the dialog's buttons at 80x24 (the PIN asked at start-up).
    daily_reports.set_deadline("T01-DM", "17:00")
    local_clock[0] = local(15, 0)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("f2")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ScanDialog"
        local_clock[0] = local(16, 10)
        assert app.report_reminders is not None
        app.report_reminders.check()
        await settle(app, pilot, rounds=2)
        assert not any("日报将于" in m for m in messages(app))
        await pilot.press("escape")
        await settle(app, pilot)
        app.report_reminders.check()  # the next minute, the dialog closed
        await settle(app, pilot, rounds=2)
        assert len([m for m in messages(app) if "日报将于 17:00 截止" in m]) == 1


async def test_supervisor_sees_filed_zero_and_late_grids(
    local_clock: list[dt.datetime], demo_home: Path
) -> None:
    local_clock[0] = local(17, 20)
    daily_reports.file_report("T01-DM", remarks="正常")
    daily_reports.file_zero_report("T01-LDK")
    act_as("supervisor")
    local_clock[0] = local(18, 30)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_report(app, pilot)
        tabs = screen.query_one(TabbedContent)
        assert tabs.get_tab("tab-status").display is not False
        tabs.active = "tab-status"
        await settle(app, pilot, rounds=2)
        table = screen.query_one("#report-status", DataTable)
        state = {
            str(table.get_row_at(i)[1]): str(table.get_row_at(i)[3]) for i in range(table.row_count)
        }
        assert state["T01-DM"] == "已报"
        assert state["T01-LDK"] == "零报告"
        assert state["T01-YM"] == "逾期未报"
        title = str(screen.query_one("#report-status-title", Label).render())
        assert "已报 2（零报告 1，" in title  # filed, of which zero: as the dashboard counts


async def test_each_grid_shows_its_report_state_in_english_too(
    local_clock: list[dt.datetime], demo_home: Path
) -> None:
    """'[Not filed]' read as a markup tag and vanished from the English list; the state
    stands first, and the filed line is whole at 80 columns."""
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_report(app, pilot)
        grids = screen.query_one("#report-grids", OptionList)
        prompts = [str(grids.get_option_at_index(i).prompt) for i in range(grids.option_count)]
        assert prompts and all("[Not filed] " in p for p in prompts), prompts
        await pilot.press("z", "y")  # the zero report, confirmed
        await settle(app, pilot, rounds=2)
        state = screen.query_one("#report-state", Label)
        said = str(state.render())
        assert said.endswith("refile to replace") and state.size.height == 1, said  # not cut
        assert str(grids.get_option_at_index(0).prompt).startswith("[Zero report] ")


async def test_a_refused_zero_report_is_not_said_on_the_next_screen_or_filing(
    local_clock: list[dt.datetime], demo_home: Path
) -> None:
    """The refusal is about this grid on this screen: a report filed afterwards, or
    another section opened, does not carry it along."""
    find_hazard_today("T01-DM")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_report(app, pilot)
        await pilot.press("z", "y")  # the zero report, confirmed
        await settle(app, pilot, rounds=2)
        assert any("不能报零报告" in m for m in messages(app))
        screen.query_one("#report-remarks", Input).focus()
        await pilot.press(*"已督促整改", "enter")
        await settle(app, pilot, rounds=2)
        assert not any("不能报零报告" in m for m in messages(app))
        await pilot.press("escape")  # home; a refusal made again is gone with the screen
        screen = await open_report(app, pilot)
        find_hazard_today("T01-DM")
        await pilot.press("z", "y")  # the zero report, confirmed
        await settle(app, pilot, rounds=2)
        assert any("不能报零报告" in m for m in messages(app))
        await pilot.press("escape")
        await settle(app, pilot, rounds=2)
        assert not any("不能报零报告" in m for m in messages(app))


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_at_80_columns_the_deadline_stays_with_its_word_and_each_grid_is_one_line(
    local_clock: list[dt.datetime], demo_home: Path, lang: str
) -> None:
    """The heading read "2026-06-10 日报，截止" / "18:00"; a long English grid line wrapped
    its name to the list's left edge, out of line with the grids around it."""
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_report(app, pilot)
        lines = screen_lines(app)
        deadline = next(g.deadline for g in screen.lines)
        word = {"zh": "截止", "en": "due"}[lang]
        heading = [line for line in lines if f"{word} " in line or f"{word}{deadline}" in line]
        assert heading and all(deadline in line for line in heading), "\n".join(lines)
        grids = screen.query_one("#report-grids", OptionList)
        assert grids.region.height >= grids.option_count + 2
        shown = [line for line in lines if line.startswith("▊ ") and "[" in line]
        assert len(shown) == grids.option_count, "\n".join(lines)
        # Each on its own line, in the list's order, a long one cut with an ellipsis.
        rows = [line[2:].split("▎")[0].rstrip() for line in shown]
        for row, n in zip(rows, range(grids.option_count), strict=True):
            prompt = str(grids.get_option_at_index(n).prompt)
            assert row == prompt or (row.endswith("…") and prompt.startswith(row[:-1])), rows


@pytest.mark.parametrize(("lang", "stop"), [("zh", "。"), ("en", ".")])
async def test_a_refused_zero_report_is_said_in_a_whole_sentence(
    local_clock: list[dt.datetime], demo_home: Path, lang: str, stop: str
) -> None:
    find_hazard_today("T01-DM")
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_report(app, pilot)
        await pilot.press("z", "y")  # the zero report, confirmed
        await settle(app, pilot, rounds=2)
        said = messages(app)
        assert said and said[-1].endswith(stop), said
