"""Another venue's placard scanned over the dialog asking why venue A has no scan.

It was offered as that other venue (after asking, where a note was typed), so a person at
A's door who scanned B's placard switched venue without being told why. Most likely they
are at the wrong door: the dialog says plainly, in its message line, that the placard is
B's (name and code), not A's, and stays open with its note. Opening B instead is a choice:
Esc, and the same placard again (read at once, not ignored as a double read)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from test_presence_dialog_scans import app_in, chosen_by_hand, said_in
from test_wedge_scan import Keys, burst, keys, my_venues, settle
from textual.widgets import Input

from fieldapp.i18n import set_language, t
from fieldapp.tui.dialogs.presence import PresenceDialog
from fieldapp.tui.dialogs.scanned import ScannedVenueDialog
from fieldapp.tui.screens.home import HomeScreen

__all__ = ["keys"]  # a fixture, used by name


@pytest.fixture(autouse=True)
def chinese_after() -> Iterator[None]:
    yield
    set_language("zh")


@pytest.mark.parametrize(("lang", "note"), [("zh", "门卫未开门"), ("en", ""), ("zh", "")])
async def test_another_venues_placard_is_said_not_followed(
    keys: Keys, lang: str, note: str
) -> None:
    here, other = my_venues(2)
    app = app_in(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await chosen_by_hand(app, pilot, here.code)
        typed = dialog.query_one("#presence-note", Input)
        typed.value = note
        shown = list(app._notifications)
        await burst(app, pilot, keys.placard(other.code))
        assert app.screen is dialog, type(app.screen).__name__
        assert typed.value == note
        said = said_in(dialog)
        assert said == t(
            "presence.other_placard",
            venue=t("venue.label", name=other.name, code=other.code),
            chosen=dialog.venue_label,
            code=other.code,
        ), said
        assert other.code in said and here.code in said
        assert list(app._notifications) == shown  # said in the dialog, no toast over it
        # Opening B instead is a choice: Esc (the note asked about), then B's placard.
        await pilot.press("escape")
        await settle(app, pilot)
        if note:  # the typed note is not thrown away unasked
            await pilot.press("y")
            await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        await burst(app, pilot, keys.placard(other.code))  # at once: read, not ignored
        assert isinstance(app.screen, ScannedVenueDialog)
        assert app.screen.venue_id == str(other.id)


async def test_the_venues_own_placard_still_answers(keys: Keys) -> None:
    here, _other = my_venues(2)
    app = app_in("zh")
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await chosen_by_hand(app, pilot, here.code)
        assert isinstance(dialog, PresenceDialog) and dialog.venue_id == str(here.id)
        await burst(app, pilot, keys.placard(here.code))
        assert isinstance(app.screen, ScannedVenueDialog)
        assert app.screen.venue_id == str(here.id)
