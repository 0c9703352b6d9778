"""The check that tells a person their zero report no longer holds reads the day's people
figures, which are sealed while the device is locked: a locked device skips that check
(it is made again the next minute) and keeps the daily-report reminders due then for the
moment the lock screen is gone. It used to give up the whole minute after marking that
minute's reminder as shown, so the reminder was never shown at all."""

from __future__ import annotations

import datetime as dt

import pytest
from people_support import CHEAP_KDF, PIN, returnee_family
from pilot_support import settle
from rounds_support import INSPECTOR_A11, Clock, china

from fieldapp.domain.personal import PersonalDataLocked, new_key
from fieldapp.services.daily_report import reports
from fieldapp.services.daily_report.day_reports import my_contradicted_zero_reports
from fieldapp.services.people import registry
from fieldapp.store import keyring
from fieldapp.store.models import PersonGrid
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.lock import LockScreen

pytestmark = [pytest.mark.usefixtures("chinese"), pytest.mark.reminders]
DAY = dt.date(2026, 6, 10)


async def test_a_locked_device_still_reminds_of_a_daily_report_due(tree: Clock) -> None:
    PersonGrid.create(person=INSPECTOR_A11, grid="A12")  # a second grid, not reported yet
    keyring.save_key(new_key())
    keyring.set_pin(PIN, params=CHEAP_KDF)  # the people registered are sealed at rest
    tree.set(china(2026, 6, 10, 9, 0))
    reports.file_zero_report("A11", day=DAY)
    tree.set(china(2026, 6, 10, 10, 0))
    registry.save_household(returnee_family("A11"))  # registered since: the zero is wrong
    assert [c.grid for c in my_contradicted_zero_reports(DAY)] == ["A11"]
    keyring.lock()
    with pytest.raises(PersonalDataLocked):
        my_contradicted_zero_reports(DAY)  # the people registered that day are sealed
    tree.set(china(2026, 6, 10, 16, 30))  # A12's report is due by 17:00
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)  # the lock screen comes over home once it is up
        assert isinstance(app.screen, LockScreen)
        app.check_reports_now()  # while locked: nothing shown over the lock screen
        await settle(app, pilot, rounds=3)
        assert not app._notifications
        await pilot.press(*PIN, "enter")
        await settle(app, pilot, rounds=3)
        assert not isinstance(app.screen, LockScreen)
        app.check_reports_now()
        await settle(app, pilot, rounds=3)
        titles = [n.title for n in app._notifications]
        assert "日报提醒" in titles, [(n.title, n.message) for n in app._notifications]
        assert "零报告已不成立" in titles
