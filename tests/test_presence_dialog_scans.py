"""A placard scanned while the dialog that asks why a venue was chosen by hand is open.

The scan answers the dialog, but a note typed there is not thrown away unasked: it closed
at once and the note was lost. "放弃已填写的内容？" — keeping the note keeps the dialog,
which says the scan was not used, and the same placard scanned again is read at once (not
ignored as a scanner's double read). And what a scan has to say there (a damaged code) is
said in the dialog's message line: it came as a toast over the dialog's buttons."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from pilot_support import code_typed_into_scan
from test_wedge_scan import Clock, Keys, burst, keys, my_venues, settle
from textual.widgets import Input, Static

from fieldapp.i18n import set_language, t
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.dialogs.presence import PresenceDialog
from fieldapp.tui.dialogs.scanned import ScannedVenueDialog
from fieldapp.tui.scanner import RepeatGuard

__all__ = ["keys"]  # a fixture, used by name


@pytest.fixture(autouse=True)
def chinese_after() -> Iterator[None]:
    yield
    set_language("zh")


def app_in(lang: str) -> FieldApp:
    """The app with its wedge detector and repeat guard on clocks (as `scanning_app`)."""
    app = make_app(lang=lang)
    app.wedge.clock = Clock(0.004)
    app.key_time = lambda event: None
    app.scan_repeats = RepeatGuard(window=10.0, clock=Clock(0.0))
    return app


async def chosen_by_hand(app: FieldApp, pilot, code: str) -> PresenceDialog:  # type: ignore[no-untyped-def]
    """F2, the venue's code typed: why was it chosen by hand?"""
    await code_typed_into_scan(app, pilot, code)
    dialog = app.screen
    assert isinstance(dialog, PresenceDialog)
    return dialog


def said_in(dialog: PresenceDialog) -> str:
    return str(dialog.query_one("#presence-error", Static).render())


def asked_to_discard(app: FieldApp) -> bool:
    """放弃已填写的内容？ is on top, saying that the typed note would be lost (whichever
    dialog class asks it: the person sees its words)."""
    title = app.screen.query(".dialog-title")
    body = app.screen.query(".dialog-body")
    return (
        bool(title)
        and t("form.discard.title") in str(title.first().render())
        and bool(body)
        and t("form.discard.body") in str(body.first().render())
    )


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
async def test_a_scan_asks_before_a_typed_note_goes(keys: Keys, lang: str) -> None:
    venue = my_venues(1)[0]
    placard = keys.placard(venue.code)
    app = app_in(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await chosen_by_hand(app, pilot, venue.code)
        note = dialog.query_one("#presence-note", Input)
        note.value = "门卫未开门"
        await burst(app, pilot, placard)
        assert asked_to_discard(app), type(app.screen).__name__
        await pilot.press("n")  # keep the note
        await settle(app, pilot)
        assert app.screen is dialog and note.value == "门卫未开门"
        assert said_in(dialog) == t("presence.scan_not_used")
        await burst(app, pilot, placard)  # at once: read again, not taken for a double read
        assert asked_to_discard(app), type(app.screen).__name__
        await pilot.press("y")  # discard the note: the scan answers
        await settle(app, pilot)
        assert isinstance(app.screen, ScannedVenueDialog)
        assert app.screen.venue_id == str(venue.id)


async def test_without_a_note_the_scan_answers_at_once(keys: Keys) -> None:
    venue = my_venues(1)[0]
    app = app_in("zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await chosen_by_hand(app, pilot, venue.code)
        await burst(app, pilot, keys.placard(venue.code))
        assert isinstance(app.screen, ScannedVenueDialog)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_damaged_code_is_said_in_the_dialog(keys: Keys, lang: str) -> None:
    venue, other = my_venues(2)
    placard = keys.placard(other.code)
    damaged = placard[:-1] + ("A" if placard[-1] != "A" else "B")
    app = app_in(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await chosen_by_hand(app, pilot, venue.code)
        before = said_in(dialog)
        shown = list(app._notifications)
        await burst(app, pilot, damaged)
        assert app.screen is dialog
        said = said_in(dialog)
        assert said and said != before, said
        assert bool(re.search(r"[\u4e00-\u9fff]", said)) == (lang == "zh"), said
        assert list(app._notifications) == shown  # no toast over the dialog
        assert dialog.focused is dialog.query_one("#presence-reasons")
        await pilot.press("down")  # a change: what the dialog said before comes back
        await settle(app, pilot)
        assert said_in(dialog) == before
