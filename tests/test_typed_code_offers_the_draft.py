"""A venue with an unfinished inspection chosen again by hand (its code typed in F2, its
row chosen on Home) offers to continue it (继续未完成的检查？) and asks no reason for not
scanning: the draft holds its presence already. It asked 没有扫码时，请说明原因, then resumed
the draft silently, the reason given thrown away. A venue without a draft still asks."""

from __future__ import annotations

import pytest
from pilot_support import settle
from test_scan_sources import server_keys  # noqa: F401 (a fixture)
from test_wedge_scan import Keys, burst, drafts_of, my_venues, scanning_app

from fieldapp.i18n import set_language, t
from fieldapp.tui.dialogs.presence import PresenceDialog
from fieldapp.tui.dialogs.resume import ResumeDialog
from fieldapp.tui.dialogs.scanned import ScannedVenueDialog
from fieldapp.tui.screens import VenueChosen
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.inspect import InspectScreen


def shown(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(s.text for s in app.screen._compositor.render_strips())


async def typed_in_f2(app, pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("f2")
    await settle(app, pilot)
    app.screen.query_one("#scan-input").value = text
    await pilot.press("enter")
    await settle(app, pilot, rounds=3)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_code_of_a_venue_with_a_scanned_draft_offers_it(
    server_keys: Keys,  # noqa: F811
    lang: str,
) -> None:
    set_language(lang)
    venue, other = my_venues(2)
    app, _ = scanning_app(pace=0.5)  # typed at a person's pace
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("f2")  # started from a scan: a scanner's burst into F2
        await settle(app, pilot)
        app.wedge.clock.step = 0.004  # type: ignore[attr-defined]
        await burst(app, pilot, server_keys.placard(venue.code))
        app.wedge.clock.step = 0.5  # type: ignore[attr-defined]
        assert isinstance(app.screen, ScannedVenueDialog)
        await pilot.press("enter")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, InspectScreen)
        await pilot.press("escape")  # home; the inspection is left as a draft
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, HomeScreen)

        await typed_in_f2(app, pilot, venue.code.lower())
        offer = app.screen
        assert isinstance(offer, ResumeDialog), type(offer).__name__
        assert t("resume.title") in shown(app) and venue.code in shown(app)
        await pilot.press("enter")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, InspectScreen)
        [draft] = drafts_of(venue)
        assert app.screen.inspection_id == str(draft.id)
        assert draft.presence == "scanned" and draft.presence_reason == ""

        await pilot.press("escape")  # home again; chosen there by hand: offered too
        await settle(app, pilot, rounds=2)
        app.post_message(VenueChosen(str(venue.id), venue.name))
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, ResumeDialog), type(app.screen).__name__
        await pilot.press("escape")  # later: stays home, the draft kept
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen) and len(drafts_of(venue)) == 1

        await typed_in_f2(app, pilot, other.code)  # no draft: the reason is asked, as before
        assert isinstance(app.screen, PresenceDialog), type(app.screen).__name__
