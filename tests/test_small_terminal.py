"""An 80×24 terminal, the smallest a field laptop's console is set to: home shows venues,
the review queue ten findings, every state and mark whole, dialogs their buttons."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import footer_keys_seen, settle
from rich.cells import cell_len
from textual.widgets import Button, DataTable

from fieldapp.i18n import set_language
from fieldapp.services.demo import workspace as demo
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.dialogs import PresenceDialog
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.review import ReviewScreen
from fieldapp.tui.widgets.key_footer import KeyFooter
from fieldapp.tui.widgets.offered_keys import offered

SMALL = (80, 24)


@pytest.fixture(params=["zh", "en"])
def lang(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    set_language(request.param)
    yield request.param
    set_language("zh")


def visible_rows(table: DataTable[str]) -> int:
    """Rows of `table` a person sees at once (below its header, above any scrollbar)."""
    room = table.scrollable_content_region.height - (
        table.header_height if table.show_header else 0
    )
    return min(table.row_count, room)


def cut_cells(table: DataTable[str], column: str) -> list[str]:
    """The cells of `column` wider than the column shows."""
    index = table.get_column_index(column)
    width = table.ordered_columns[index].get_render_width(table) - 2 * table.cell_padding
    cells = [str(table.get_cell_at((n, index))) for n in range(table.row_count)]
    return [cell for cell in cells if cell_len(cell) > width]


def buttons_on_screen(app: FieldApp) -> list[str]:
    """The labels of the buttons a person sees (the widget under each button's middle)."""
    seen = []
    for button in app.screen.query(Button):
        region = button.region
        if not region.width:
            continue
        try:
            under, _ = app.screen.get_widget_at(
                region.x + region.width // 2, region.y + region.height // 2
            )
        except Exception:  # noqa: BLE001 - outside the screen: not seen
            continue
        if under is button:
            seen.append(str(button.label))
    return seen


async def test_home_shows_venues(demo_home: Path, lang: str) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, HomeScreen)
        assert visible_rows(app.screen.query_one("#due", DataTable)) >= 5


async def test_review_queue_shows_ten_findings_whole(demo_home: Path, lang: str) -> None:
    demo.act_as("supervisor")
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot, rounds=3)
        await pilot.press("f5")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("6")  # every finding not closed
        await settle(app, pilot, rounds=2)
        table = app.screen.query_one("#review-table", DataTable)
        assert table.row_count >= 10
        assert visible_rows(table) >= 10
        cells = [str(table.get_cell_at((n, 1))) for n in range(table.row_count)]
        assert any(cell.endswith(("逾期", "late")) for cell in cells)  # the mark, whole
        for column in ("deadline", "severity", "state"):
            assert cut_cells(table, column) == [], column
        # ...and in sight without scrolling sideways, in 80 columns.
        upto = table.get_column_index("severity") + 1
        right = sum(c.get_render_width(table) for c in table.ordered_columns[:upto])
        assert right <= table.scrollable_content_region.width


async def test_presence_dialog_buttons_are_visible(demo_home: Path, lang: str) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot, rounds=3)
        await pilot.press("enter")  # the first due venue: why no placard was scanned
        await settle(app, pilot)
        assert isinstance(app.screen, PresenceDialog)
        assert len(buttons_on_screen(app)) == 2


def footer_misses(app: FieldApp) -> list[str]:
    """What a person cannot see on the screen on top at 80×24: a key the footer must show
    (Esc, F1, the screen's FOOTER_PINNED) that is not shown whole, a button outside it."""
    screen = app.screen
    missing = [
        f"button {label}" for label in buttons_laid_out(app) if label not in buttons_on_screen(app)
    ]
    footers = list(screen.query(KeyFooter))
    if not footers:
        return [*missing, "no footer of its own"]
    whole = set(footer_keys_seen(screen))
    must = set(getattr(screen, "FOOTER_PINNED", ()))
    for _node, binding, _enabled, _tip in offered(screen).values():
        needed = binding.key == "escape" or binding.id in must | {"app.help"}
        if binding.show and needed and binding.action not in whole:
            missing.append(f"{binding.key} {binding.description}")
    return missing


def buttons_laid_out(app: FieldApp) -> list[str]:
    return [str(b.label) for b in app.screen.query(Button) if b.display and b.region.width]


# Each step: the keys pressed from the place before it (Home after the last Esc).
WALK = [
    ("enter",),  # the presence dialog
    ("enter", "enter"),  # the first reason, no note: the inspection at its first item
    ("f10",),  # the summary
    ("escape",),
    ("ctrl+n",),  # the note dialog, from the field
    ("escape",),
    ("escape", "f2"),  # Home, the scan dialog
    ("escape", "f4"),  # the incident form
    ("escape", "slash"),
    ("f7",),
    ("f8",),
    ("f6",),
    ("ctrl+e",),
    ("ctrl+f12",),
    ("f11",),
    ("ctrl+t",),
    ("f3",),
    ("f5",),
    ("6", "i"),  # the review's inspections
    ("escape", "escape", "i"),  # a venue's inspections, from Home
]


async def test_every_place_shows_its_keys_and_buttons_at_80x24(demo_home: Path, lang: str) -> None:
    """Walked as a supervisor (who has every section): on each screen and dialog the
    footer shows Esc, F1 and the screen's pinned keys whole, and every button is seen."""
    demo.act_as("supervisor")
    app = make_app()
    seen: dict[str, list[str]] = {}
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot, rounds=3)
        for keys in WALK:
            for key in keys:
                await pilot.press(key)
                await settle(app, pilot, rounds=2)
            seen[f"{' '.join(keys)} → {type(app.screen).__name__}"] = footer_misses(app)
    assert len({place.split(" → ")[1] for place in seen}) >= 18, list(seen)
    assert {place: misses for place, misses in seen.items() if misses} == {}
