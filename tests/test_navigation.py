"""Where keys take a person: no screen twice on the stack, an open inspection is returned
to, Esc goes back one level and says where. The first tests are crashes people found
(`DuplicateIds`), kept as the paths that found them."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from incident_time_support import incident_at
from pilot_support import SIZE, settle
from textual.widgets import Input

from fieldapp.services.demo import workspace as demo
from fieldapp.services.inspection import inspections
from fieldapp.store.models import Inspection, Venue
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.dialogs import PresenceDialog
from fieldapp.tui.screens.daily_report import DailyReportScreen
from fieldapp.tui.screens.dashboard import DashboardScreen
from fieldapp.tui.screens.find_venue import FindVenueScreen
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.inspect import InspectScreen
from fieldapp.tui.screens.review import ReviewScreen
from fieldapp.tui.screens.rounds import RoundsScreen
from fieldapp.tui.screens.venue_history import VenueHistoryScreen
from fieldapp.tui.widgets import PagedTable

pytestmark = pytest.mark.usefixtures("chinese")


def stack(app: FieldApp) -> list[str]:
    return [type(screen).__name__ for screen in app.screen_stack]


def assert_each_once(app: FieldApp) -> None:
    ids = Counter(screen.id for screen in app.screen_stack if screen.id)
    assert all(n == 1 for n in ids.values()), stack(app)


async def start(app: FieldApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Past the offer to resume a draft, on Home."""
    await settle(app, pilot, rounds=2)
    if type(app.screen).__name__ == "ResumeDialog":
        await pilot.press("n")
        await settle(app, pilot, rounds=2)
    assert isinstance(app.screen, HomeScreen)


async def press(app: FieldApp, pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    for key in keys:
        await pilot.press(key)
        await settle(app, pilot, rounds=2)
        assert_each_once(app)


async def open_item(app: FieldApp, pilot, code: str) -> InspectScreen:  # type: ignore[no-untyped-def]
    """From Home, a small restaurant's inspection (chosen by hand) on item `code`."""
    await start(app, pilot)
    venue = Venue.select().where(Venue.kind == "small_restaurant").order_by(Venue.code).first()
    app.open_venue(venue.id, presence="manual", reason="placard_missing")
    await settle(app, pilot, rounds=2)
    screen = app.screen
    assert isinstance(screen, InspectScreen)
    screen.go_to(code)
    await settle(app, pilot)
    return screen


async def find_to_presence(app: FieldApp, pilot, text: str) -> PresenceDialog:  # type: ignore[no-untyped-def]
    """`/`, type `text`, Down to the results, Enter: the presence dialog it opens."""
    await press(app, pilot, "slash")
    assert isinstance(app.screen, FindVenueScreen)
    await pilot.press(*text)
    await press(app, pilot, "enter", "down", "enter")
    assert isinstance(app.screen, PresenceDialog)
    return app.screen


async def find_and_open(app: FieldApp, pilot, text: str) -> InspectScreen:  # type: ignore[no-untyped-def]
    """As `find_to_presence`, then Enter on the first presence reason."""
    await find_to_presence(app, pilot, text)
    await press(app, pilot, "enter", "enter")  # and no note
    screen = app.screen
    assert isinstance(screen, InspectScreen), stack(app)
    return screen


async def test_f10_in_the_presence_dialog_starts_with_the_reason_shown(demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        dialog = await find_to_presence(app, pilot, "小吃")
        assert dialog.active_bindings["f10"].binding.description == "开始检查"  # its button
        await press(app, pilot, "down", "f10")  # 标牌损坏, highlighted: what is taken
        assert isinstance(app.screen, InspectScreen), stack(app)
    assert Inspection.select().order_by(Inspection.started_at.desc()).first().presence_reason == (
        "placard_damaged"
    )


async def test_find_venue_during_an_inspection_opens_above_it(demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        inspection = await find_and_open(app, pilot, "小吃")
        # The search the inspection was opened from gave it its place.
        assert stack(app) == ["BaseScreen", "HomeScreen", "InspectScreen"]
        inspection.card.focus()  # not in a value field, where `/` types
        await press(app, pilot, "slash")
        assert isinstance(app.screen, FindVenueScreen)
        assert stack(app)[-2:] == ["InspectScreen", "FindVenueScreen"]
        await press(app, pilot, "escape")
        assert app.screen is inspection


async def test_rounds_daily_report_rounds_returns_to_rounds(demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await press(app, pilot, "f7")
        assert isinstance(app.screen, RoundsScreen)
        await press(app, pilot, "f8")
        assert isinstance(app.screen, DailyReportScreen)
        await press(app, pilot, "f7")  # switched back: sections do not pile up
        assert isinstance(app.screen, RoundsScreen)
        assert stack(app) == ["BaseScreen", "HomeScreen", "RoundsScreen"]
        await press(app, pilot, "escape")
        assert isinstance(app.screen, HomeScreen)


async def test_review_dashboard_review_returns_to_review(demo_home: Path) -> None:
    demo.act_as("supervisor")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await press(app, pilot, "f5")
        assert isinstance(app.screen, ReviewScreen)
        await press(app, pilot, "f6")
        assert isinstance(app.screen, DashboardScreen)
        await press(app, pilot, "f5")
        assert isinstance(app.screen, ReviewScreen)
        assert stack(app) == ["BaseScreen", "HomeScreen", "ReviewScreen"]


async def test_typing_a_date_with_slashes_stays_in_the_field(demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_item(app, pilot, "CAT-05")  # 烟罩、烟道最近清洗日期: a date
        field = screen.card.answer_input
        assert field.has_focus
        await press(app, pilot, *"2026/11/3")
        assert app.screen is screen
        assert field.value == "2026/11/3"
        await press(app, pilot, "enter")
        answer = inspections.load(screen.inspection_id).answers["CAT-05"]
        assert answer.value == "2026-11-03"


async def test_every_section_key_from_every_section_keeps_one_of_each(demo_home: Path) -> None:
    demo.act_as("supervisor")
    keys = ["slash", "f3", "f5", "f6", "f7", "f8", "ctrl+e", "ctrl+f12", "f11", "ctrl+t", "ctrl+y"]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        # The sections one after another in several orders, so each is opened from the
        # others and from above itself.
        for key in [*keys, *reversed(keys), *keys[::2], *keys[1::2], *keys]:
            await press(app, pilot, key)
            assert len(app.screen_stack) == 3, stack(app)  # Home and one section
        while not isinstance(app.screen, HomeScreen):
            await press(app, pilot, "escape")


async def test_every_section_shows_itself_in_the_language_switched_to(demo_home: Path) -> None:
    """F9 on a section: its header and its lists in English, then in Chinese again (the
    incident queue lost its columns and rows; its header and the sync's stayed Chinese)."""
    demo.act_as("supervisor")
    keys = ["slash", "f3", "f5", "f6", "f7", "f8", "ctrl+e", "ctrl+f12", "f11", "ctrl+t", "ctrl+y"]
    chinese = re.compile("[\u4e00-\u9fff]")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        for key in [*keys, "f12"]:
            await press(app, pilot, key)
            screen = app.screen
            header = f"{screen.title} {screen.sub_title}"
            await press(app, pilot, "f9")  # English
            english = f"{screen.title} {screen.sub_title}"
            assert not chinese.search(english), (type(screen).__name__, english)
            await press(app, pilot, "f9")  # 中文
            assert f"{screen.title} {screen.sub_title}" == header, type(screen).__name__
            for table in screen.query(PagedTable):
                assert table.columns, (type(screen).__name__, table.id)
        incidents = await _incident_queue_after_switching(app, pilot)
        assert incidents.row_count == 1


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_every_sections_title_bar_starts_with_the_programs_name(
    demo_home: Path, lang: str
) -> None:
    from textual.widgets._header import HeaderTitle

    from fieldapp.i18n import set_language, t

    demo.act_as("supervisor")
    keys = ["slash", "f3", "f5", "f6", "f7", "f8", "ctrl+e", "ctrl+f12", "f11", "ctrl+t",
            "ctrl+y", "ctrl+g"]  # fmt: skip
    app = make_app(lang=lang)
    titles = {}
    try:
        async with app.run_test(size=SIZE) as pilot:
            await start(app, pilot)
            for key in keys:
                await press(app, pilot, key)
                titles[type(app.screen).__name__] = str(app.screen.query_one(HeaderTitle).render())
            prefix = f"{t('app.title')} — "
    finally:
        set_language("zh")
    assert {name: title for name, title in titles.items() if not title.startswith(prefix)} == {}
    assert titles["IncidentsScreen"] == prefix + ("事件" if lang == "zh" else "Incidents")
    assert titles["PatrolsScreen"] == prefix + (
        "巡逻与考勤" if lang == "zh" else "Patrols and attendance"
    )


async def _incident_queue_after_switching(app: FieldApp, pilot) -> PagedTable:  # type: ignore[no-untyped-def]
    from fieldapp.services.incidents import reporting

    reporting.report_incident(
        reporting.IncidentReport("fire", incident_at(), "后厨起火", address="鼎美村村口")
    )
    await press(app, pilot, "f3", "f9", "f9")
    return app.screen.query_one("#incident-table", PagedTable)


async def test_f9_during_an_inspection_shows_the_item_and_the_summary_in_english(
    demo_home: Path,
) -> None:
    """The item shown and its header switch at once (they stayed Chinese until the next
    item), and the summary keeps the name typed for the signature."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_item(app, pilot, "COM-02")
        await press(app, pilot, "f9")
        assert app.screen is screen and screen.item.code == "COM-02"
        shown = str(screen.query_one("#inspect-progress").render())
        assert shown.startswith("Section 1"), shown
        assert "Yes/no" in str(screen.card.query_one("#item-hint").render())
        await press(app, pilot, "s")  # the summary
        summary = app.screen
        summary.query_one("#representative", Input).value = "张老板"
        await press(app, pilot, "f9")  # 中文
        assert summary.query_one("#representative", Input).value == "张老板"
        assert str(summary.query_one("#summary-answered").render()).startswith("已答")


async def test_esc_says_where_it_goes(demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await press(app, pilot, "f7")
        escape = app.screen.active_bindings["escape"].binding
        assert escape.description == "返回首页"
        await press(app, pilot, "f9")  # English
        escape = app.screen.active_bindings["escape"].binding
        assert escape.description == "Back to Home"


async def test_scan_dialog_is_not_opened_twice(demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await press(app, pilot, "f2", "f2", "ctrl+s")
        assert stack(app).count("ScanDialog") == 1
        assert isinstance(app.screen.focused, Input)


async def test_letters_in_a_number_field_type_and_ctrl_keys_act(demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_item(app, pilot, "COM-01")  # a number
        field = screen.card.answer_input
        assert field.has_focus
        # Not part of a number: typed (Enter refuses it, saying why), and no screen key acts.
        await press(app, pilot, "a", "m", "slash", "s", "y", "space")
        assert app.screen is screen and field.value == "am/sy "
        assert screen.item.code == "COM-01"
        await press(app, pilot, "ctrl+o")  # the photo key's twin acts from the field
        assert type(app.screen).__name__ == "PhotoDialog"
        await press(app, pilot, "escape")
        assert app.screen is screen and field.has_focus


async def test_a_second_venue_history_takes_the_place_of_the_first(demo_home: Path) -> None:
    """The long monkey walk's path: `i` on Home, `/`, Down, `i` on another venue pushed a
    second history over the first (`DuplicateIds 'venue-history'`)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await press(app, pilot, "i")
        first = app.screen
        assert isinstance(first, VenueHistoryScreen)
        await press(app, pilot, "slash")
        assert isinstance(app.screen, FindVenueScreen)
        await pilot.press(*"小吃")
        await press(app, pilot, "enter", "down", "down", "i")
        second = app.screen
        assert isinstance(second, VenueHistoryScreen)
        assert second.venue_id != first.venue_id
        assert stack(app).count("VenueHistoryScreen") == 1
        await press(app, pilot, "escape")  # the first history is not behind it
        assert isinstance(app.screen, HomeScreen)
        # On my hazards, i shows the history of the hazard's venue, not the due list's.
        home = app.screen
        for _ in range(3):  # past the due list (and drafts, if any)
            if home.focused is None or home.focused.id != "findings":
                await press(app, pilot, "tab")
        assert home.focused is not None and home.focused.id == "findings"
        await press(app, pilot, "down")
        assert home.home_view is not None
        hazard = home.home_view.findings[1]
        assert hazard.venue_id != first.venue_id
        await press(app, pilot, "i")
        assert isinstance(app.screen, VenueHistoryScreen)
        assert app.screen.venue_id == hazard.venue_id


async def test_the_same_venue_history_twice_is_returned_to(demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await press(app, pilot, "slash")
        await pilot.press(*"小吃")
        await press(app, pilot, "enter", "down", "i")
        history = app.screen
        assert isinstance(history, VenueHistoryScreen)
        await press(app, pilot, "escape")
        assert isinstance(app.screen, FindVenueScreen)
        await press(app, pilot, "i")
        assert isinstance(app.screen, VenueHistoryScreen)
        assert app.screen.venue_id == history.venue_id
        assert stack(app) == ["BaseScreen", "HomeScreen", "FindVenueScreen", "VenueHistoryScreen"]


async def test_a_highlight_from_a_cleared_review_table_is_ignored(demo_home: Path) -> None:
    """The long monkey walk's other crash: a row highlight that arrives after the review
    table was cleared carries no row key (`AttributeError` on `row_key.value`)."""
    demo.act_as("supervisor")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await press(app, pilot, "f5")
        review = app.screen
        assert isinstance(review, ReviewScreen)
        table = review.query_one("#review-table", PagedTable)
        table.post_message(PagedTable.RowHighlighted(table, 0, None))  # type: ignore[arg-type]
        await press(app, pilot, "down", "up")
        assert app.screen is review and app.is_running
        assert table.row_count > 0
