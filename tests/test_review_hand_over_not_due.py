"""A hand-over (F5, `h`) of general hazards still before their deadline is said at once,
not after the form is filled: when none of the chosen may go, the screen says why and no
dialog opens; when some may, the dialog counts those and names the ones left out. The
refusals listed after a bulk action read as one paragraph each, indented alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle
from textual.widgets import Static

from fieldapp.domain.clock import today
from fieldapp.i18n import set_language, t
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.dialogs.bulk_action import BulkActionDialog
from fieldapp.tui.dialogs.reasons import ReasonsDialog
from fieldapp.tui.screens.review import ReviewScreen

pytestmark = pytest.mark.usefixtures("chinese")

SIZE = (80, 24)


def not_due(row) -> bool:  # type: ignore[no-untyped-def]
    return (
        row.severity != "major"
        and row.state == "open"
        and row.deadline is not None
        and row.deadline >= today()
    )


async def all_active(app: FieldApp, pilot) -> ReviewScreen:  # type: ignore[no-untyped-def]
    await settle(app, pilot, rounds=2)
    await pilot.press("f5")
    await settle(app, pilot, rounds=2)
    await pilot.press("6")
    await settle(app, pilot, rounds=2)
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    return screen


async def cursor_to(app: FieldApp, pilot, screen: ReviewScreen, want) -> None:  # type: ignore[no-untyped-def]
    for _ in range(len(screen.rows)):
        row = screen.highlighted
        if row is not None and want(row):
            return
        await pilot.press("down")
        await pilot.pause()
    raise AssertionError("no such row in the queue")


def toasts(app: FieldApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_hazard_before_its_deadline_is_refused_before_the_form(
    demo_supervisor: Path,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await all_active(app, pilot)
        await cursor_to(app, pilot, screen, not_due)
        row = screen.highlighted
        assert row is not None and row.deadline is not None
        await pilot.press("h")
        await settle(app, pilot)
        assert app.screen is screen  # no form to fill in for nothing
        said = toasts(app)[-1]
        assert said.startswith(f"{row.label} 还不能移交")
        assert row.deadline.isoformat() in said


async def test_a_hand_over_names_those_it_leaves_out(demo_supervisor: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await all_active(app, pilot)
        await cursor_to(app, pilot, screen, lambda r: r.state == "open" and not not_due(r))
        due = screen.highlighted  # overdue, above those still before their deadline
        assert due is not None
        await pilot.press("space")
        await cursor_to(app, pilot, screen, not_due)
        early = screen.highlighted
        assert early is not None
        await pilot.press("space", "h")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, BulkActionDialog)
        assert dialog.targets == [due.label]  # the one that will be handed over
        title = str(dialog.query_one(".dialog-title").render())
        assert "1 条" in title
        aside = str(dialog.query_one("#bulk-aside", Static).render())
        assert "另有 1 条一般隐患未过整改期限" in aside
        assert early.label in aside
        assert dialog.query_one("#bulk-aside").region.height >= 2  # in sight at 80×24


async def test_each_refusal_is_one_paragraph_indented_alike(demo_supervisor: Path) -> None:
    set_language("en")  # the longer reasons, wrapped at 80 columns
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await all_active(app, pilot)
        await pilot.press("asterisk", "v")  # verify: the open ones are refused
        await settle(app, pilot)
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert type(app.screen).__name__ == "ReasonsDialog"
        what = app.screen.query(".reason-what").first()
        why = list(app.screen.query(".reason-why").results(Static))
        for reason in why:
            # Every line of the reason starts two columns in from its finding's line.
            assert reason.content_region.x == what.content_region.x + 2
            assert reason.content_region.right <= app.size.width
        # The longest reason, as the tester saw it: wrapped, and indented on every line.
        long = t("review.refused.not_due", deadline="2026-12-15")
        await pilot.press("escape")
        await settle(app, pilot)
        await app.push_screen(ReasonsDialog("Hand over", [("YM-0001 · COM-09", long)]))
        await settle(app, pilot)
        what = app.screen.query(".reason-what").first()
        reason = app.screen.query(".reason-why").results(Static).__next__()
        assert reason.region.height >= 2  # wrapped …
        assert reason.content_region.x == what.content_region.x + 2  # … under its indent
