"""Functional: 复查不通过 (F5, `r`) does not move a deadline earlier unread. Its new
deadline was today + 7 whatever the deadline was, so a hazard due in twelve days came
back due in seven. The default is now never before the current deadline; a date typed before
it is allowed (a reject may set a shorter one) but the dialog says so."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pilot_support import SIZE, settle
from textual.widgets import Input, Static

from fieldapp.domain.clock import today
from fieldapp.i18n import t
from fieldapp.services.demo import workspace as demo
from fieldapp.services.inspection import findings
from fieldapp.store.models import Finding
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.review import ReviewScreen
from fieldapp.tui.widgets import PagedTable

pytestmark = pytest.mark.usefixtures("chinese")


def reported_fixed_due_after_a_week() -> tuple[str, dt.date]:
    """A demo hazard reported fixed, whose deadline a supervisor set beyond today + 7."""
    demo.act_as("inspector")
    finding = (
        Finding.select()
        .where((Finding.state == "open") & (Finding.severity == "general"))
        .order_by(Finding.current_deadline.desc())
        .first()
    )
    findings.append_event(finding.id, "rectification_reported", note="已整改")
    demo.act_as("supervisor")
    later = max(finding.current_deadline, today() + dt.timedelta(days=7)) + dt.timedelta(days=5)
    findings.append_event(finding.id, "deadline_extended", data={"deadline": later.isoformat()})
    return finding.id, later


async def test_reject_keeps_a_later_deadline_and_says_when_one_typed_is_earlier(
    demo_home: Path,
) -> None:
    fid, current = reported_fixed_due_after_a_week()
    week = today() + dt.timedelta(days=7)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("f5")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("1")  # awaiting re-check
        await settle(app, pilot, rounds=2)
        table = app.screen.query_one("#review-table", PagedTable)
        table.move_cursor(row=table.get_row_index(fid))
        await settle(app, pilot)
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        assert type(dialog).__name__ == "BulkActionDialog"
        deadline = dialog.query_one("#bulk-deadline", Input)
        earlier = dialog.query_one("#bulk-deadline-earlier", Static)
        assert deadline.value == current.isoformat()
        assert not earlier.display

        deadline.value = week.isoformat()
        await pilot.pause()
        said = str(earlier.render())
        assert earlier.display and "早于现在的整改期限" in said and current.isoformat() in said
        dialog.query_one("#bulk-note", Input).value = "灭火器仍过期"
        await pilot.press("f10")  # still allowed: the rules take any day from today on
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, ReviewScreen)
    state = findings.fold_of(fid)
    assert state.state == "open" and state.deadline == week


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_an_extension_not_after_the_deadline_is_refused_in_the_dialog(
    demo_home: Path, lang: str
) -> None:
    """延期 to a day before the current deadline was refused only after the dialog closed
    ("1 not applied"), the typed date lost; it is said in the dialog, which stays open,
    naming the hazard whose deadline it is (of all those chosen). Once done, the toast
    says how many were done, and no "could not be done for 0"."""
    fid, current = reported_fixed_due_after_a_week()
    finding = Finding.get_by_id(fid)
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("f5")
        await settle(app, pilot, rounds=2)
        await pilot.press("1")
        await settle(app, pilot, rounds=2)
        table = app.screen.query_one("#review-table", PagedTable)
        table.move_cursor(row=table.get_row_index(fid))
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert type(dialog).__name__ == "BulkActionDialog"
        earlier = (current - dt.timedelta(days=3)).isoformat()
        dialog.query_one("#bulk-deadline", Input).value = earlier
        dialog.query_one("#bulk-note", Input).value = "商户申请"
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is dialog  # kept open, the date still there to mend
        said = str(dialog.query_one("#bulk-error", Static).render())
        hazard = f"{finding.venue.code} {finding.item_code}"
        assert said == t("review.refused.not_later_of", deadline=current, hazard=hazard)
        assert hazard in said and current.isoformat() in said
        assert not dialog.query_one("#bulk-deadline-earlier", Static).display
        later = (current + dt.timedelta(days=3)).isoformat()
        dialog.query_one("#bulk-deadline", Input).value = later
        await pilot.press("f10")
        await app.workers.wait_for_complete()
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, ReviewScreen)
        toast = list(app._notifications)[-1].message
    action = t("review_ui.action.deadline_extended")
    assert toast == {"zh": f"{action}：已执行 1 条。", "en": f"{action}: done for 1."}[lang]
    assert findings.fold_of(fid).deadline == current + dt.timedelta(days=3)
