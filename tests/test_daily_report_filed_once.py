"""The daily report (F8) is filed once by F10: pressed again, once filed or while filing,
it files nothing and says so (asking whether to file a correction, which the newest
report replaces); the state line under the figures says it was filed, with no toast
over it. A tester's second F10 queued a second `daily_report.submit`. Filed past the
18:00 deadline, it says "Filed late at": the test runs before and after it (`report_hour`),
not at the hour the suite runs."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from pilot_support import open_screen, settle
from report_hours import report_hour  # noqa: F401 (a fixture)
from textual.widgets import Label

from fieldapp.i18n import t
from fieldapp.services.daily_report import reports
from fieldapp.store.models import DailyReport, Outbox
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.screens.daily_report import DailyReportScreen

pytestmark = pytest.mark.usefixtures("chinese")


def submits() -> int:
    return Outbox.select().where(Outbox.type == "daily_report.submit").count()


async def test_f10_again_asks_and_files_only_a_correction(
    report_hour: str,  # noqa: F811
    demo_home: Path,
) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f8", DailyReportScreen)
        state = screen.query_one("#report-state", Label)
        # Not filed yet: the deadline said once ("Past due, due at 18:00" said it twice).
        before = (
            "Not filed (deadline 18:00)" if report_hour == "before" else "Past due (deadline 18:00)"
        )
        assert before in str(state.render())
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert submits() == 1
        said = "Filed at 10:00" if report_hour == "before" else "Filed late at 19:00"
        assert said in str(state.render())
        # Said there, and by no toast: one stood over the line, below taller figures.
        assert not [n for n in app._notifications if "report filed" in n.message]
        await pilot.press("f10")  # again: asked, nothing filed
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert t("report.again.body") in str(app.screen.query_one(".dialog-body").render())
        await pilot.press("f10", "n")
        await settle(app, pilot, rounds=2)
        assert app.screen is screen and submits() == 1
        await pilot.press("f10", "y")  # a correction, asked for: the newer report stands
        await settle(app, pilot, rounds=2)
    assert submits() == 2 and DailyReport.select().count() == 2


async def test_f10_while_the_report_is_being_filed_files_nothing_more(
    demo_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    go = threading.Event()
    file_report = reports.file_report

    def held(*args: Any, **kwargs: Any) -> Any:  # the real filing, once the test lets go
        assert go.wait(10)
        return file_report(*args, **kwargs)

    monkeypatch.setattr(reports, "file_report", held)
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f8", DailyReportScreen)
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("f10", "enter")
        await pilot.pause()
        assert app.screen is screen  # no question yet: nothing is filed so far
        assert t("report.filing") in [n.message for n in app._notifications]
        go.set()
        await settle(app, pilot, rounds=2)
    assert submits() == 1
