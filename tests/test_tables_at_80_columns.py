"""Lists read whole at 80×24 in English, the narrowest terminal the app is used in: no
column cut so its meaning is lost, none pushed off the right edge. Chinese lines up in
the same columns (a CJK character takes two cells)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from incident_time_support import incident_at
from people_support import id_number, key_behind_pin, returnee_family
from pilot_support import open_screen, screen_lines, settle
from rich.cells import cell_len
from textual.widgets import DataTable

from fieldapp.i18n import set_language
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.people import PeopleScreen


def line_with(lines: list[str], text: str) -> str:
    found = [line for line in lines if text in line]
    assert found, f"{text!r} is nowhere on the screen:\n" + "\n".join(lines)
    return found[0]


def column_of(line: str, text: str) -> int:
    """The terminal column `text` starts at in `line` (CJK characters take two)."""
    return cell_len(line[: line.index(text)])


@pytest.fixture
def back_to_chinese() -> Iterator[None]:
    """`make_app(lang=...)` sets the language for the process: Chinese again after."""
    yield
    set_language("zh")


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_people_list_shows_every_group_and_date_whole_at_80_columns(
    demo_home: Path, back_to_chinese: None, lang: str
) -> None:
    from fieldapp.services.common.identity import me
    from fieldapp.services.people.registry import HouseholdForm, MemberForm, save_household

    key_behind_pin()
    save_household(returnee_family(me().grids[0][0]))  # three people listed before her
    save_household(
        HouseholdForm(
            grid_code=me().grids[0][0],
            code="DM-031",
            address="鼎美村五组3号",
            members=[
                MemberForm(
                    "黄阿婆",
                    sex="female",
                    id_number=id_number("450102", "19500312", "124"),  # a woman
                    phone="13800138000",
                    tags=("elderly_alone",),
                    arrived_on="2026-06-09",
                ),  # fmt: skip
            ],
        )
    )
    group, heading = (
        ("Elderly living alone", "Arrived") if lang == "en" else ("独居老人", "到达日期")
    )
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f11", PeopleScreen)
        lines = screen_lines(app)
        row = line_with(lines, "黄阿婆")
        header = line_with(lines, heading)
        assert group in row and "2026-06-09" in row, row
        assert column_of(row, "2026-06-09") == column_of(header, heading), (header, row)
        table = app.screen.query_one("#people-table", DataTable)
        assert "household" not in [c.key.value for c in table.ordered_columns]
        table.move_cursor(
            row=next(r for r in range(table.row_count) if table.get_row_at(r)[0] == "黄阿婆")
        )
        await pilot.resize_terminal(120, 36)  # wide enough: the household has its column
        await settle(app, pilot)
        assert "household" in [c.key.value for c in table.ordered_columns]
        assert table.get_row_at(table.cursor_row)[0] == "黄阿婆"  # the cursor stays on her
        assert any("黄阿婆" in line and "DM-031" in line for line in screen_lines(app))


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_incident_queue_shows_what_where_and_who_at_80_columns(
    demo_home: Path, back_to_chinese: None, lang: str
) -> None:
    from fieldapp.services.demo import workspace as demo
    from fieldapp.services.incidents import reporting
    from fieldapp.tui.screens.incidents import IncidentsScreen

    reporting.report_incident(
        reporting.IncidentReport(
            "fireworks_discharge", incident_at(), "燃放烟花", address="鼎美村村口"
        )
    )
    demo.act_as("supervisor")
    category, state, place, reporter = (
        ("Fireworks set off", "Reported", "Place", "reported by 陈晓明")
        if lang == "en"
        else ("违规燃放烟花爆竹", "已上报", "地点", "上报人 陈晓明")
    )
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f3", IncidentsScreen)
        lines = screen_lines(app)
        row = line_with(lines, incident_at())
        header = line_with(lines, place)
        assert category in row and state in row and "鼎美村村口" in row, row
        assert column_of(row, "鼎美村村口") == column_of(header, place), (header, row)
        assert any(reporter in line for line in lines)  # the highlighted one's, below
        await pilot.resize_terminal(120, 36)  # wide enough: every column
        await settle(app, pilot)
        table = app.screen.query_one("#incident-table", DataTable)
        assert [c.key.value for c in table.ordered_columns][-3:] == [
            "evidence",
            "reporter",
            "place",
        ]


@pytest.mark.parametrize(
    ("lang", "severity", "state"), [("en", "General", "To rectify"), ("zh", "一般", "待整改")]
)
async def test_home_hazards_show_severity_and_state_whole_beside_the_drafts(
    demo_home: Path, back_to_chinese: None, lang: str, severity: str, state: str
) -> None:
    """Home's hazards pane shares the width with the unfinished inspections: the venue
    name, the one column a narrow pane may cut, gives its room up to the severity and
    state (and the codes after them come only where it keeps enough)."""
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        pane = app.screen.query_one("#findings").region
        lines = screen_lines(app)[pane.y : pane.bottom]
        general = [f for f in app.screen.home_view.findings if f.severity == "general"]
        assert general
        rows = [line for line in lines if f" {general[0].deadline_brief} " in line]
        # the venue's code and the item's: a venue may hold another hazard due that day
        row = line_with([r for r in rows if f" {general[0].item_code}" in r], general[0].code)
        assert f" {severity} " in row and f" {state} " in row, row
