"""The rounds screen (F7) against the real app on the demo workspace: planning a round from
the due list, progress after an inspection, reordering and removing, the supervisor's
views, and enter on a stop opening the venue through the presence dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import answer_every_item
from pilot_support import SIZE, open_screen, settle
from textual.widget import Widget
from textual.widgets import DataTable, Label, ProgressBar, TabbedContent, Tree

from fieldapp.services import rounds
from fieldapp.services.demo.workspace import act_as
from fieldapp.services.inspection import inspections
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.rounds import RoundsScreen
from fieldapp.tui.widgets import PagedTable

pytestmark = pytest.mark.usefixtures("chinese")


def inspect_through_services(venue_id: str) -> None:
    """Start, pass every item and submit, as the inspect screen would."""
    inspection_id = inspections.start_inspection(
        venue_id, presence="manual", reason="other", note="门卫未开门"
    )
    view = inspections.load(inspection_id)
    for item in view.checklist.items:
        value = {"number": "2", "text": "记录", "date": "2026-06-10", "choice": ""}.get(
            item.answer, ""
        )
        if item.answer == "choice" and item.choices:
            value = item.choices[0]
        outcome = "value" if item.answer in ("number", "text", "date", "choice") else "pass"
        inspections.record_answer(inspection_id, item, outcome, value)
    inspections.submit(inspection_id, "店主")


async def open_rounds(app: FieldApp, pilot) -> RoundsScreen:  # type: ignore[no-untyped-def]
    return await open_screen(app, pilot, "f7", RoundsScreen)


MOVES_ON = {"zh": "（空格加入路线并下移）", "en": "(space adds and moves down)"}


def part_text(app: FieldApp, widget: Widget) -> str:
    """What the screen shows of `widget`, as drawn."""
    strips = app.screen._compositor.render_strips()
    r = widget.region
    return "\n".join(strips[y].crop(r.x, r.right).text for y in range(r.y, r.bottom))


def label(screen: RoundsScreen, selector: str) -> str:
    return str(screen.query_one(selector, Label).render())


async def test_plan_a_round_from_the_due_list_and_see_progress(
    frozen_clock: object, demo_home: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_rounds(app, pilot)
        due = screen.query_one("#rounds-due", PagedTable)
        assert due.has_focus and due.row_count > 2
        first, second = (str(due.get_row_at(i)[3]) for i in (0, 1))  # venue codes
        await pilot.press("space")  # picks the first, the cursor moves on
        await settle(app, pilot, rounds=2)
        await pilot.press("space")
        await settle(app, pilot, rounds=2)

        round_id = rounds.round_for()
        assert round_id is not None
        progress = rounds.round_progress(round_id)
        assert [s.code for s in progress.stops] == [first, second]
        assert (progress.done, progress.total) == (0, 2)
        assert label(screen, "#round-progress-label") == "已完成 0/2"
        assert first in label(screen, "#round-next")
        assert [str(due.get_row_at(i)[0]) for i in (0, 1)] == ["✓", "✓"]

        inspect_through_services(progress.stops[0].venue_id)
        await pilot.press("r")
        await settle(app, pilot, rounds=2)
        assert label(screen, "#round-progress-label") == "已完成 1/2"
        bar = screen.query_one("#round-progress", ProgressBar)
        assert (bar.progress, bar.total) == (1, 2)
        assert second in label(screen, "#round-next")


async def test_reorder_remove_and_open_a_stop(frozen_clock: object, demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_rounds(app, pilot)
        for _ in range(3):
            await pilot.press("space")
            await settle(app, pilot, rounds=2)
        round_id = rounds.round_for()
        assert round_id is not None
        codes = [s.code for s in rounds.round_progress(round_id).stops]
        stops = screen.query_one("#round-stops", DataTable)
        stops.focus()
        await pilot.pause()
        await pilot.press("ctrl+down")  # the first stop becomes the second
        await settle(app, pilot, rounds=2)
        assert [s.code for s in rounds.round_progress(round_id).stops] == [
            codes[1],
            codes[0],
            codes[2],
        ]
        assert stops.cursor_row == 1
        await pilot.press("K")  # and back up
        await settle(app, pilot, rounds=2)
        assert [s.code for s in rounds.round_progress(round_id).stops] == codes
        await pilot.press("delete")
        await settle(app, pilot, rounds=2)
        assert [s.code for s in rounds.round_progress(round_id).stops] == codes[1:]
        assert label(screen, "#round-progress-label") == "已完成 0/2"
        await pilot.press("enter")
        await settle(app, pilot, rounds=2)
        assert type(app.screen).__name__ == "PresenceDialog"


async def test_supervisor_sees_inspectors_and_completion_tree(
    frozen_clock: object, demo_home: Path
) -> None:
    act_as("supervisor")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_rounds(app, pilot)
        tabs = screen.query_one(TabbedContent)
        tabs.active = "tab-inspectors"
        await settle(app, pilot, rounds=2)
        people = screen.query_one("#by-inspector", DataTable)
        names = {str(people.get_row_at(i)[0]) for i in range(people.row_count)}
        assert {"陈晓明", "林秀英", "王建国"} <= names
        tabs.active = "tab-completion"
        await settle(app, pilot, rounds=2)
        tree = screen.query_one("#completion-tree", Tree)
        town = tree.root.children[0]
        assert "示例镇" in str(town.label) and "完成率" in str(town.label)
        assert any("芸美村" in str(child.label) for child in town.children)


async def test_inspector_does_not_see_the_supervisor_tabs(
    frozen_clock: object, demo_home: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_rounds(app, pilot)
        tabs = screen.query_one(TabbedContent)
        assert tabs.get_tab("tab-inspectors").display is False
        assert tabs.get_tab("tab-completion").display is False


async def submit_the_open_inspection(app: FieldApp, pilot) -> str:  # type: ignore[no-untyped-def]
    from fieldapp.tui.screens.inspect import InspectScreen
    from fieldapp.tui.screens.summary import SummaryScreen

    screen = app.screen
    assert isinstance(screen, InspectScreen), screen
    answer_every_item(screen.inspection_id)
    screen.reload()
    await pilot.press("f10")
    await settle(app, pilot, rounds=2)
    assert isinstance(app.screen, SummaryScreen)
    await pilot.press(*"店主", "enter")
    await settle(app, pilot, rounds=2)
    return screen.inspection_id


async def test_an_inspection_opened_from_rounds_returns_to_rounds(
    frozen_clock: object, demo_home: Path
) -> None:
    from fieldapp.tui.screens.home import HomeScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_rounds(app, pilot)
        due = screen.query_one("#rounds-due", PagedTable)
        code = str(due.get_row_at(0)[3])
        await pilot.press("space")  # on today's round
        await settle(app, pilot, rounds=2)
        stops = screen.query_one("#round-stops", DataTable)
        stops.focus()
        await pilot.pause()
        await pilot.press("enter")  # the stop: why no scan, then the inspection
        await settle(app, pilot, rounds=2)
        assert type(app.screen).__name__ == "PresenceDialog"
        await pilot.press("enter", "enter")  # the first reason, no note
        await settle(app, pilot, rounds=2)
        inspection_id = await submit_the_open_inspection(app, pilot)
        assert app.screen is screen  # back on the round, not on Home
        assert inspections.load(inspection_id).inspection.status == "submitted"
        assert label(screen, "#round-progress-label") == "已完成 1/1"
        assert code in str(stops.get_row_at(0)[2])

        await pilot.press("escape")  # Rounds → Home; from Home it comes back to Home
        await settle(app, pilot, rounds=2)
        home = app.screen
        assert isinstance(home, HomeScreen)
        app.open_venue(screen.due_lines[1].venue_id, presence="manual")
        await settle(app, pilot, rounds=2)
        await submit_the_open_inspection(app, pilot)
        assert app.screen is home


@pytest.mark.parametrize(("lang", "key"), [("zh", "o 检查所选"), ("en", "o Inspect row")])
async def test_o_says_it_inspects_the_row_under_the_cursor_not_the_next_stop(
    frozen_clock: object, demo_home: Path, lang: str, key: str
) -> None:
    """With three venues on the round (下一站 the first) and the cursor on a fourth in the
    due list, the footer's "o 检查" read as "inspect the next stop", and o opened the row
    under the cursor. The footer now says which: 检查所选 / Inspect row."""
    from fieldapp.tui.widgets.key_footer import KeyFooter

    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_rounds(app, pilot)
        for _ in range(3):
            await pilot.press("space")
            await settle(app, pilot, rounds=2)
        due = screen.query_one("#rounds-due", PagedTable)
        chosen = str(due.get_row_at(due.cursor_row)[3])
        round_id = rounds.round_for()
        assert round_id is not None
        codes = [stop.code for stop in rounds.round_progress(round_id).stops]
        next_stop = codes[0]
        assert next_stop in label(screen, "#round-next") and chosen != next_stop
        # The three stops in sight without scrolling (the round showed one at 80x24).
        seen = part_text(app, screen.query_one("#round-stops", DataTable))
        assert all(code in seen for code in codes), seen
        # The due list's title says that space adds and moves down, whole at 80 columns.
        title = part_text(app, screen.query_one("#rounds-due-title", Label))
        assert MOVES_ON[lang] in title, title
        footer = screen.query_one(KeyFooter).text
        assert key in footer and "del " in footer, footer  # Remove still fits at 80
        await pilot.press("o")
        await settle(app, pilot, rounds=2)
        assert type(app.screen).__name__ == "PresenceDialog"
        title = str(app.screen.query_one(".dialog-title", Label).render())
        assert chosen in title and next_stop not in title, title
