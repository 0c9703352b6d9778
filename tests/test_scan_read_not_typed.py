"""A placard read (a scanner, a photo) is kept and said as read, not as typed.

A scanner used in the scan dialog (F2, then the placard as a fast burst and Enter, as a
USB wedge scanner types it) is a scanner's scan in the visit's proof, as the same burst
on the home screen is; the placard typed there at a person's pace stays typed. A photo of
an unsigned placard is said to be unsigned, not a venue code typed by hand. Real app,
real store, Pilot; the wedge timing as in test_wedge_scan."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_scan_sources import server_keys  # noqa: F401  (a fixture)
from test_wedge_scan import Keys, burst, drafts_of, my_venues, scanning_app, settle
from textual import events
from textual.widgets import Input, Static

from fieldapp.i18n import set_language, t
from fieldapp.reports.placards import render_png
from fieldapp.services.placards import printing as placards
from fieldapp.tui.app import FieldApp
from fieldapp.tui.dialogs.presence import PresenceDialog
from fieldapp.tui.dialogs.scan import ScanDialog
from fieldapp.tui.dialogs.scanned import ScannedVenueDialog


async def open_scan_dialog(app: FieldApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(app, pilot)
    await pilot.press("f2")
    await settle(app, pilot)
    assert isinstance(app.screen, ScanDialog)


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
async def test_a_scanners_burst_into_the_scan_dialog_is_a_scan(
    server_keys: Keys,  # noqa: F811
    lang: str,
) -> None:
    set_language(lang)
    venue = my_venues(1)[0]
    app, _ = scanning_app(pace=0.004)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_scan_dialog(app, pilot)
        await burst(app, pilot, server_keys.placard(venue.code))
        assert isinstance(app.screen, ScannedVenueDialog), app.screen
        await pilot.press("enter")
        await settle(app, pilot)
    [draft] = drafts_of(venue)
    assert draft.presence == "scanned"
    assert [s["source"] for s in draft.proof["scans"]] == ["wedge"]


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
@pytest.mark.parametrize("how", ["typed", "pasted"])
async def test_a_placards_text_typed_or_pasted_into_the_scan_dialog_proves_no_visit(
    server_keys: Keys,  # noqa: F811
    lang: str,
    how: str,
) -> None:
    """A placard's text a colleague sent by chat, pasted into F2 (the terminal's paste)
    or typed at a person's pace: not "Placard scanned and verified", but the question
    asked of a venue taken without a scan, saying why; nothing opens as scanned."""
    set_language(lang)
    venue = my_venues(1)[0]
    app, _ = scanning_app(pace=0.3)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_scan_dialog(app, pilot)
        payload = server_keys.placard(venue.code)
        if how == "pasted":
            app.post_message(events.Paste(payload))
            await settle(app, pilot)
            assert app.screen.query_one("#scan-input", Input).value == payload
            await pilot.press("enter")
        else:
            await burst(app, pilot, payload)
        await settle(app, pilot)
        assert isinstance(app.screen, PresenceDialog), app.screen
        said = str(app.screen.query_one("#presence-error", Static).render())
    assert said == t("placard.check.typed_placard", code=venue.code)
    assert drafts_of(venue) == []


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
@pytest.mark.parametrize("pace", [0.5, 0.004])  # typed, or pasted as fast as a scanner
async def test_a_photo_of_an_unsigned_placard_is_said_to_be_unsigned_not_typed(
    demo_home: Path, tmp_path: Path, lang: str, pace: float
) -> None:
    """This device prints unsigned placards (the QR is the bare venue code): one read
    from a photo is an unsigned placard, not 手动输入的场所编号. Its path is a photo's
    however fast it came into the field."""
    set_language(lang)
    venue = my_venues(1)[0]
    photo = render_png(placards.placard_info(venue, "网格"), tmp_path / "p.png", size="A5")
    app, _ = scanning_app(pace=pace)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_scan_dialog(app, pilot)
        if pace < 0.1:
            await burst(app, pilot, str(photo))
        else:
            app.screen.query_one("#scan-input", Input).value = str(photo)
            await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PresenceDialog), app.screen
        said = str(app.screen.query_one("#presence-error", Static).render())
    assert said == t("placard.check.unsigned_placard", code=venue.code)
    assert said != t("placard.check.plain_code", code=venue.code)
