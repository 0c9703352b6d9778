"""Driving the real app with Pilot: the terminal size the screen tests use, and `settle`,
which waits on messages and workers instead of sleeping."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from textual._xterm_parser import XTermParser
from textual.app import App
from textual.geometry import Region
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Select
from textual.widgets._select import SelectOverlay
from textual.worker import WorkerCancelled

if TYPE_CHECKING:
    from fieldapp.tui.screens.incident_record import IncidentRecordScreen
    from fieldapp.tui.screens.inspection_review import InspectionReviewScreen

S = TypeVar("S", bound=Screen[object])

SIZE = (120, 36)

# Workers that run as long as their widget is shown: a DirectoryTree's loader (the photo
# dialog's file tree). Waiting for them would wait for ever.
LONG_LIVED_GROUPS = ("_loader",)


async def workers_done(app: App[object]) -> None:
    """Every worker finished, apart from the long-lived ones. A worker cancelled while
    waited for (an exclusive worker replaced by a newer one) is no failure: the rest, and
    its replacement, are waited for again."""
    for _ in range(20):
        workers = [w for w in app.workers if w.group not in LONG_LIVED_GROUPS and not w.is_finished]
        if not workers:
            return
        try:
            await app.workers.wait_for_complete(workers)
            return
        except WorkerCancelled:
            continue


async def settle(app: App[object], pilot, rounds: int = 1) -> None:  # type: ignore[no-untyped-def]
    """Let pending messages run and the workers they start finish, `rounds` times (a
    worker whose message starts another worker needs two), then one more frame."""
    for _ in range(rounds):
        await pilot.pause()
        await workers_done(app)
    await pilot.pause()


async def at_home(app: App[object], pilot, rounds: int = 2) -> None:  # type: ignore[no-untyped-def]
    """From the start to home: past the offer to resume a draft (no), if it is made."""
    await settle(app, pilot, rounds=rounds)
    if type(app.screen).__name__ == "ResumeDialog":
        await pilot.press("n")
        await settle(app, pilot, rounds=rounds)


async def open_screen(app: App[object], pilot, key: str, kind: type[S], rounds: int = 2) -> S:  # type: ignore[no-untyped-def]
    """From the start: past the offer to resume a draft (no), press `key`, and return the
    screen it opened (a `kind`)."""
    await at_home(app, pilot, rounds)
    await pilot.press(key)
    await settle(app, pilot, rounds=rounds)
    screen = app.screen
    assert isinstance(screen, kind)
    return screen


async def open_first_incident(
    app: App[object], pilot: Any, queue: type[Screen[object]] | None = None
) -> IncidentRecordScreen:
    """From the start: F3, then Enter on the incident highlighted in the list F3 opens
    (`queue`: the supervisor's IncidentsScreen unless said, a reporter's MyIncidentsScreen);
    its record, returned."""
    from fieldapp.tui.screens.incident_record import IncidentRecordScreen
    from fieldapp.tui.screens.incidents import IncidentsScreen

    await open_screen(app, pilot, "f3", queue or IncidentsScreen)
    await pilot.press("enter")
    await settle(app, pilot, rounds=2)
    record = app.screen
    assert isinstance(record, IncidentRecordScreen)
    return record


async def presence_asked_by_hand(app: App[object], pilot: Any) -> Screen[object]:
    """From the start to home, then Enter on the venue under the cursor (chosen by hand,
    no placard scanned): the presence dialog that asks why, returned."""
    await at_home(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)
    dialog = app.screen
    assert type(dialog).__name__ == "PresenceDialog"
    return dialog


async def code_typed_into_scan(app: App[object], pilot: Any, code: str) -> Screen[object]:
    """From home: F2, a venue's code typed as a person types it and Enter; the screen that
    answers (the presence question, or the outside-grid warning), returned."""
    await settle(app, pilot)
    await pilot.press("f2")
    await pilot.pause()
    await pilot.press(*code, "enter")
    await settle(app, pilot)
    return app.screen


async def open_inspection_review(
    app: App[object], pilot: Any, rounds: int = 2
) -> InspectionReviewScreen:
    """From the start (no draft offered): review (F5), then its list of inspections (i);
    the inspections' screen, its workers done (`rounds` before F5 and after i)."""
    from fieldapp.tui.screens.inspection_review import InspectionReviewScreen

    await settle(app, pilot, rounds=rounds)
    await pilot.press("f5")
    await settle(app, pilot, rounds=2)
    await pilot.press("i")
    await settle(app, pilot, rounds=rounds)
    screen = app.screen
    assert isinstance(screen, InspectionReviewScreen)
    return screen


async def shown_from_start(app: App[object], pilot, screen: S) -> S:  # type: ignore[no-untyped-def]
    """From the start, `screen` pushed over what the app opened with and shown (its
    workers done): the screen."""
    await settle(app, pilot, rounds=2)
    app.push_screen(screen)
    await settle(app, pilot, rounds=3)
    assert app.screen is screen
    return screen


async def open_choice_list(app: App[Any], pilot, dialog: ModalScreen[Any]) -> tuple[Region, Region]:  # type: ignore[no-untyped-def]
    """Show `dialog` (a form in a `.person-box`), open its choice list by Enter on the
    choice, and return (the box inside its border, the open list) as drawn."""
    await settle(app, pilot, rounds=2)
    app.push_screen(dialog)
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, ModalScreen)
    choice = screen.query_one(Select)
    choice.focus()
    await pilot.press("enter")
    await settle(app, pilot)
    overlay = choice.query_one(SelectOverlay)
    assert choice.expanded and overlay.display
    return screen.query_one(".person-box").region.shrink((1, 1, 1, 1)), overlay.region


async def press_as_terminal(app: App[Any], pilot, sequence: str) -> None:  # type: ignore[no-untyped-def]
    """Send `sequence` as a terminal sends it (tmux sends M-x as ESC x), through Textual's
    own parser: the keys then carry what a real terminal gives. `pilot.press("alt+x")`
    gives no character, where the terminal's alt+x types "x" (a field takes it), and no
    legacy terminal sends alt+f at all (ESC f is ctrl+right to Textual)."""
    parser = XTermParser()
    for event in [*parser.feed(sequence), *parser.feed("")]:
        app.post_message(event)
        await pilot.pause()


def screen_lines(app: App[Any]) -> list[str]:
    """The current screen's lines as drawn, top to bottom."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def screen_text(app: App[Any]) -> str:
    """The current screen as drawn, its lines joined: for what a person reads anywhere on it."""
    return "\n".join(screen_lines(app))


def footer_keys_seen(screen: Screen[object]) -> list[str]:
    """The actions of the screen's footer keys shown whole, left to right: the row the user
    reads has each key and its description at the key's place, inside the footer."""
    from fieldapp.tui.widgets.key_footer import KeyFooter

    footer = screen.query_one(KeyFooter)
    row = footer.text
    return [
        spot.action
        for spot in footer.spots
        if spot.end <= footer.size.width and footer_cells(row, spot.start, spot.end) == seen(spot)
    ]


def seen(spot: Any) -> str:
    """What a footer key should read: its key, a space and its description (the palette key
    after its border)."""
    text = f"{spot.display} {spot.description}" if spot.description else spot.display
    return "▏" + text if spot.palette else text


def footer_cells(row: str, start: int, end: int) -> str:
    """The characters of `row` in cells [start, end) (a Chinese character takes two)."""
    from rich.cells import cell_len

    out, x = [], 0
    for char in row:
        if start <= x and x + cell_len(char) <= end:
            out.append(char)
        x += cell_len(char)
    return "".join(out)


def a_stall_selling_fireworks(form: Screen[Any]) -> None:
    """On the incident form with no venue (F4 from home): a fireworks sale at 鼎美村村口, in
    the first of the grids it asks to choose from (asserting it asks)."""
    form.query_one("#incident-category", Select).value = "fireworks_sale"
    form.query_one("#incident-address", Input).value = "鼎美村村口"
    grid = form.query_one("#incident-grid", Select)
    grid.value = str(next(code for _, code in grid._options if code is not Select.NULL))


def choose_a_grid(form: Screen[Any]) -> None:
    """On the incident form of someone with several grids (without a venue it asks which,
    68b2f30): the first of them. With one grid the form asks nothing, and this does too."""
    from textual.widgets import Select

    for grid in form.query("#incident-grid").results(Select):
        grid.value = next(code for _, code in grid._options if code is not Select.NULL)
