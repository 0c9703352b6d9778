"""At 80×24 the answer field of an item is always on screen, whatever the length of what
the item says: a tester typed blind into a choice field of a small internet café (COM-17,
NET-07 in English) pushed under the card's bottom edge, and after a long note on COM-01.
What the item says scrolls above the field, by the keyboard too."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pilot_support
import pytest
from pilot_support import screen_lines
from textual.widget import Widget

from fieldapp.i18n import t
from fieldapp.store.models import Venue
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.inspect import InspectScreen, item_state
from fieldapp.tui.widgets.keys_panel import KeysPanel

SMALL = (80, 24)


def field_seen(app: FieldApp, shows: str) -> bool:
    """The answer field is whole inside the card's border, and the screen's line at its
    middle shows `shows` (what was typed, or the placeholder)."""
    screen = app.screen
    assert isinstance(screen, InspectScreen)
    field: Widget = screen.card.answer_input
    inside = screen.card.content_region
    whole = (
        field.region.height == 3
        and inside.contains_region(field.region)
        and screen.region.contains_region(field.region)
    )
    return whole and shows in screen_lines(app)[field.region.y + 1]


async def open_internet_cafe(app: FieldApp, pilot) -> InspectScreen:  # type: ignore[no-untyped-def]
    await pilot_support.settle(app, pilot, rounds=3)
    venue = Venue.select().where(Venue.kind == "internet_cafe").order_by(Venue.code).first()
    app.open_venue(str(venue.id), presence="manual", reason="placard_missing")
    await pilot_support.settle(app, pilot, rounds=2)
    screen = app.screen
    assert isinstance(screen, InspectScreen)
    return screen


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("code", ["COM-17", "NET-07"])
async def test_a_choice_field_is_typed_into_in_sight(demo_home: Path, lang: str, code: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_internet_cafe(app, pilot)
        screen.go_to(code)
        await pilot_support.settle(app, pilot)
        assert field_seen(app, t("inspect.input_placeholder")), "\n".join(screen_lines(app))
        await pilot.press("7")
        assert field_seen(app, "7"), "\n".join(screen_lines(app))


async def test_the_field_stays_in_sight_after_a_long_note(demo_home: Path) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_internet_cafe(app, pilot)
        screen.go_to("COM-01")
        await pilot_support.settle(app, pilot)
        note = "Two extinguishers behind the counter, one expired in March; " * 4
        await pilot.press("ctrl+n", *note, "enter")
        await pilot_support.settle(app, pilot)
        assert app.screen is screen
        await pilot.press("3")
        assert field_seen(app, "3"), "\n".join(screen_lines(app))


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_field_stays_in_sight_under_a_500_character_item(
    demo_home: Path, lang: str
) -> None:
    """500 characters: the longest item text an imported checklist may have."""
    app = make_app(lang=lang)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_internet_cafe(app, pilot)
        screen.go_to("COM-17")
        await pilot_support.settle(app, pilot)
        state = item_state(screen.view, screen.item)
        long_item = dataclasses.replace(state.item, zh="灭" * 500, en="Extinguisher " * 38)
        screen.card.show(dataclasses.replace(state, item=long_item))
        await pilot_support.settle(app, pilot)
        await pilot.press("2")
        assert field_seen(app, "2"), "\n".join(screen_lines(app))


def end_in_sight(screen: InspectScreen) -> bool:
    """The last line of what the item says (its basis, or what a failure means) is inside
    the room the card gives it."""
    body = screen.card.body
    last = [line for line in body.children if line.display][-1]
    return body.region.y <= last.region.y and last.region.bottom <= body.region.bottom


def scroll_keys_offered(screen: InspectScreen) -> list[str]:
    """The ids of the keys that scroll what the item says, among those the screen offers
    now (what F1 and the palette list)."""
    return [
        binding.id
        for _node, binding, enabled, _tip in screen.active_bindings.values()
        if enabled and binding.id in ("inspect.scroll_up", "inspect.scroll_down")
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_keyboard_reads_a_500_character_item_to_its_end(
    demo_home: Path, lang: str
) -> None:
    """What the item says scrolls above its docked field: shift+down and shift+up scroll
    it from the field or the card, offered (F1) only while it does not fit."""
    app = make_app(lang=lang)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_internet_cafe(app, pilot)
        screen.go_to("NET-07")  # fits whole, its reason for being asked too
        await pilot_support.settle(app, pilot)
        assert end_in_sight(screen), "\n".join(screen_lines(app))
        assert scroll_keys_offered(screen) == []  # it fits: no key to scroll it
        state = item_state(screen.view, screen.item)
        text = ("灭" * 500) if lang == "zh" else ("Extinguisher " * 40)[:500]
        long_item = dataclasses.replace(state.item, zh=text, en=text)
        screen.card.show(dataclasses.replace(state, item=long_item))
        await pilot_support.settle(app, pilot)
        assert screen.card.answer_input.has_focus
        assert not end_in_sight(screen), "\n".join(screen_lines(app))
        for _ in range(5):
            await pilot.press("shift+down")
        await pilot_support.settle(app, pilot)
        assert end_in_sight(screen), "\n".join(screen_lines(app))
        assert field_seen(app, t("inspect.input_placeholder"))  # nothing typed
        await pilot.press("tab")
        assert screen.card.has_focus
        for _ in range(5):
            await pilot.press("shift+up")
        await pilot_support.settle(app, pilot)
        assert long_item.code in screen_lines(app)[screen.card.body.region.y]
        await pilot.press("f1")
        await pilot_support.settle(app, pilot)
        rows = [description for _keys, description in app.screen.query_one(KeysPanel).rows()]
        assert t("binding.inspect.scroll_up") in rows and t("binding.inspect.scroll_down") in rows
