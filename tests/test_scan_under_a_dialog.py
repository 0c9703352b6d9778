"""A scanner's burst while a dialog is on top does nothing there but say to close the
dialog first (dropped unsaid, a checkpoint seemed checked in), as the app's keys that go
somewhere do nothing (557b534): it opened the scanned venue's dialog over a
confirmation, and over a form that saves with ctrl+s its keys were typed into the field. The dialogs that expect a scan take it: why a venue was chosen by hand closes, and
the scanned venue is offered."""

from __future__ import annotations

from people_support import key_behind_pin
from pilot_support import code_typed_into_scan, open_screen
from test_wedge_scan import Keys, burst, keys, messages, my_venues, scanning_app, settle
from textual.widgets import Input

from fieldapp.i18n import t
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.dialogs.person import PersonDialog
from fieldapp.tui.dialogs.presence import PresenceDialog
from fieldapp.tui.dialogs.scanned import ScannedVenueDialog
from fieldapp.tui.screens.daily_report import DailyReportScreen
from fieldapp.tui.screens.people import PeopleScreen

__all__ = ["keys"]  # the placard-key fixture


async def test_a_scan_over_a_confirmation_does_nothing(keys: Keys) -> None:
    payload = keys.placard(my_venues(1)[0].code)
    app, _ = scanning_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f8", DailyReportScreen)
        screen.query_one("#report-remarks", Input).focus()
        await pilot.press(*"无", "escape")  # slow keys: typing (the clock moves on)
        await settle(app, pilot)
        confirm = app.screen
        assert isinstance(confirm, ConfirmDialog)
        await burst(app, pilot, payload)
        assert app.screen is confirm
        assert not any(isinstance(s, ScannedVenueDialog) for s in app.screen_stack)
        assert messages(app) == [t("scan.close_dialog_first")]  # said, not dropped unsaid


async def test_a_scan_over_a_form_is_not_typed_into_its_field(keys: Keys) -> None:
    key_behind_pin()
    payload = keys.placard(my_venues(1)[0].code)
    app, _ = scanning_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        await pilot.press("n")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, PersonDialog)
        name = form.query_one("#person-name", Input)
        name.focus()
        await burst(app, pilot, payload)
        assert app.screen is form and name.value == ""
        assert messages(app) == [t("scan.close_dialog_first")]  # said, not dropped unsaid


async def test_a_placard_scanned_while_asked_why_by_hand_answers_it(keys: Keys) -> None:
    venue = my_venues(1)[0]
    app, _ = scanning_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await code_typed_into_scan(app, pilot, venue.code)
        assert isinstance(app.screen, PresenceDialog)
        await burst(app, pilot, keys.placard(venue.code))
        assert isinstance(app.screen, ScannedVenueDialog)
        assert not any(isinstance(s, PresenceDialog) for s in app.screen_stack)
