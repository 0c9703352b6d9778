"""The footer is one row: the screen's own keys first, then the app's most used ones, and
always F1, whose panel lists every key the row had no room for — at 80×24 as at 200×50."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import SIZE, at_home, footer_cells, footer_keys_seen, settle
from textual.screen import Screen

from fieldapp.i18n import set_language, t
from fieldapp.services.demo import workspace as demo
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.inspect import InspectScreen
from fieldapp.tui.widgets.key_choice import Entry, choose
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.keys_panel import KeysPanel
from fieldapp.tui.widgets.offered_keys import offered, typed_character


def visible_actions(screen: Screen[object]) -> list[str]:
    """The actions of the footer keys shown whole, left to right."""
    return footer_keys_seen(screen)


def footer_actions(screen: Screen[object]) -> set[str]:
    """The actions the footer offers: shown, or left to F1 for want of room."""
    footer = screen.query_one(KeyFooter)
    return {s.action for s in footer.spots} | {b.action for b in footer.hidden}


def shown_bindings(screen: Screen[object]) -> dict[str, str]:
    """action → description of every binding the screen offers in its footer."""
    return {b.action: b.description for _, b, _, _ in offered(screen).values() if b.show}


async def check_footer(app: FieldApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """One row; F1 shown; the screen's first key shown; F1's panel lists the rest."""
    screen = app.screen
    footer = screen.query_one(KeyFooter)
    assert footer.size.height == 1
    visible = visible_actions(screen)
    assert "toggle_keys" in visible
    own = [
        b.action
        for namespace, b, _, _ in screen.active_bindings.values()
        if b.show and namespace is not app
    ]
    if own:
        assert own[0] in visible
    hidden = {a: d for a, d in shown_bindings(screen).items() if a not in visible}
    assert {b.action for b in footer.hidden} == set(hidden)
    await pilot.press("f1")
    await settle(app, pilot)
    listed = {description for _keys, description in app.screen.query_one(KeysPanel).rows()}
    assert set(hidden.values()) <= listed
    await pilot.press("escape")  # closes it (F1 again would page through a long one)
    await settle(app, pilot)
    assert not app.screen.query(KeysPanel)


def entry(id: str, width: int) -> Entry:
    from textual.binding import Binding

    return Entry(((Binding("x", id, id, id=id), True, ""),), None, width)


def test_choose_keeps_the_order_and_always_f1() -> None:
    entries = [entry("a", 10), entry("b", 30), entry("c", 5), entry("app.help", 8)]
    assert [e.id for e in choose(entries, 60)] == ["a", "b", "c", "app.help"]
    # "b" does not fit: neither does anything after it, and F1 is kept.
    assert [e.id for e in choose(entries, 30)] == ["a", "app.help"]
    assert [e.id for e in choose(entries, 5)] == ["app.help"]
    # A pinned entry is shown whatever the width, in its place; the others fit around it.
    assert [e.id for e in choose(entries, 30, {"c"})] == ["a", "c", "app.help"]
    assert [e.id for e in choose(entries, 5, {"b"})] == ["b", "app.help"]


@pytest.mark.parametrize(("lang", "size"), [("zh", (80, 24)), ("en", (80, 24)), ("zh", SIZE)])
@pytest.mark.parametrize("role", ["inspector", "supervisor"])
async def test_home_and_inspect_footer_is_one_row(
    demo_home: Path, lang: str, role: str, size: tuple[int, int]
) -> None:
    set_language(lang)
    demo.act_as(role)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, HomeScreen)
        assert app.person_role == role
        await check_footer(app, pilot)
        due = app.screen.home_view.due  # type: ignore[union-attr]
        app.open_venue(due[0].venue_id, presence="manual", reason="placard_missing")
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, InspectScreen)
        await check_footer(app, pilot)
        await pilot.press("right")  # a yes/no item: pass and fail are offered too
        await settle(app, pilot, rounds=3)
        await check_footer(app, pilot)
    set_language("zh")


async def test_a_click_runs_the_key_under_the_pointer(demo_home: Path) -> None:
    """The row is one widget: a click on F1's place runs F1 (its panel opens), on a blank
    column nothing; the key under the pointer is highlighted and gives its tooltip."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot)
        footer = app.screen.query_one(KeyFooter)
        help_key = next(s for s in footer.spots if s.action == "toggle_keys")
        assert footer_cells(footer.text, help_key.start, help_key.end) == "f1 更多"
        blank = footer.spots[-1].start - 1  # the column before the palette key's border
        assert footer_cells(footer.text, blank, blank + 1) == " "
        await pilot.click(KeyFooter, offset=(blank, 0))
        await settle(app, pilot)
        assert not app.screen.query(KeysPanel)
        await pilot.hover(KeyFooter, offset=(help_key.start + 1, 0))
        await settle(app, pilot)
        assert footer.tooltip == help_key.tooltip and footer.has_class("-over-key")
        row = footer.render()
        hover = footer.get_component_rich_style("key-footer--hover").bgcolor
        at = row.plain.index("f1 更多")
        lit = {s.style.bgcolor for s in row.divide([at, at + len("f1 更多")])[1].spans}
        assert lit == {hover}
        await pilot.click(KeyFooter, offset=(help_key.start + 1, 0))
        await settle(app, pilot)
        assert app.screen.query(KeysPanel)


async def test_a_wider_terminal_shows_more_keys(demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=3)
        narrow = visible_actions(app.screen)
        await pilot.resize_terminal(200, 50)
        await settle(app, pilot, rounds=3)
        wide = visible_actions(app.screen)
        assert set(narrow) < set(wide)
        assert app.screen.query_one(KeyFooter).size.height == 1


async def test_a_choice_of_keys_checks_the_screens_bindings_once(
    demo_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The screen's active bindings (each binding's check, ~0.5 ms at home) are computed
    once for a choice of keys, not once for the keys, again for the room and for the
    palette key."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await at_home(app, pilot)
        footer = app.screen.query_one(KeyFooter)
        computed: list[Screen[object]] = []
        every = Screen.active_bindings
        counted = property(lambda screen: computed.append(screen) or every.fget(screen))
        monkeypatch.setattr(Screen, "active_bindings", counted)
        assert not footer.choose_again()  # the keys shown are still those to show
        assert computed == [app.screen]


def test_typed_characters_of_the_key_names_textual_has_none_for() -> None:
    assert [typed_character(k) for k in ("slash", "minus", "at", "a", "space")] == list("/-@a ")
    assert typed_character("ctrl+s") is None and typed_character("f4") is None


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_keys_the_focused_field_types_are_not_offered(demo_home: Path, lang: str) -> None:
    """In the search field `/` types a `/`: neither the footer nor F1 offers it there (the
    find-venue key); from the results it is offered, and goes back to the field."""
    from textual.widgets import Input

    from fieldapp.tui.screens.find_venue import FindVenueScreen

    set_language(lang)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=3)
        await pilot.press("slash")
        await settle(app, pilot, rounds=2)
        screen = app.screen
        assert isinstance(screen, FindVenueScreen)
        assert screen.query_one("#query", Input).has_focus
        assert "find_venue" not in footer_actions(screen)
        assert "screen.focus_results" in visible_actions(screen)  # Down: to the results
        await pilot.press("f1")
        await settle(app, pilot)
        listed = {d for _keys, d in app.screen.query_one(KeysPanel).rows()}
        assert t("binding.app.find_venue") not in listed
        await pilot.press("f1", "down")
        await settle(app, pilot)
        assert "find_venue" in footer_actions(screen)  # shown, or listed by F1 if no room
    set_language("zh")


def test_group_labels_follow_the_language() -> None:
    """The queue keys' one label (1…6 队列) is in the language, on the review and the
    incident queue alike (the incident queue said "Queues" in Chinese)."""
    from fieldapp.tui.screens.incidents import IncidentsScreen
    from fieldapp.tui.screens.review import ReviewScreen

    for lang, label in (("zh", "队列"), ("en", "Queues")):
        set_language(lang)
        for screen in (IncidentsScreen(), ReviewScreen()):
            table = screen._bindings.key_to_bindings
            groups = {b.group.description for bs in table.values() for b in bs if b.group}
            assert groups == {label}, (lang, type(screen).__name__)
    set_language("zh")


async def test_esc_hides_the_keys_panel_before_it_leaves_the_screen(demo_home: Path) -> None:
    """With F1's panel open in an inspection (a value field focused), Esc hides the panel
    and the inspection stays; the next Esc goes back home. On home, Esc only hides it."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=3)
        due = app.screen.home_view.due  # type: ignore[union-attr]
        app.open_venue(due[0].venue_id, presence="manual", reason="placard_missing")
        await settle(app, pilot, rounds=3)
        for _ in range(2):  # open it and hide it twice
            await pilot.press("f1")
            await settle(app, pilot)
            assert app.screen.query(KeysPanel)
            await pilot.press("escape")
            await settle(app, pilot)
            assert isinstance(app.screen, InspectScreen) and not app.screen.query(KeysPanel)
        await pilot.press("escape")
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f1")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen) and not app.screen.query(KeysPanel)


async def test_f1_pages_through_every_key_at_80x24_then_closes(demo_home: Path) -> None:
    """At 80x24 home's keys do not fit the panel; it takes no focus, so F1 again shows
    the next page (the app's F12 sync is on the last), and at the end closes it."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=3)
        await pilot.press("f1")
        await settle(app, pilot)
        panel = app.screen.query_one(KeysPanel)
        assert panel.max_scroll_y > 0  # more keys than rows
        seen: list[float] = []
        while app.screen.query(KeysPanel):
            seen.append(panel.scroll_y)
            await pilot.press("f1")
            await settle(app, pilot)
            assert len(seen) < 10
        assert seen[0] == 0 and seen[-1] == panel.max_scroll_y and len(seen) >= 2
        assert isinstance(app.screen, HomeScreen)
