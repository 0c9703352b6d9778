"""Dialogs offer only what can be done: no default presence reason, a cancelled finding
form undoes the fail, a finished checklist says the summary is next, and the review's
actions are not offered for findings whose state refuses them."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import inspecting
from pilot_support import SIZE, settle
from textual.widgets import OptionList, Static

from fieldapp.i18n import t
from fieldapp.services.demo import workspace as demo
from fieldapp.services.inspection import inspections
from fieldapp.store.models import Finding, Inspection
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.finding import FindingDialog
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.inspect import InspectScreen
from fieldapp.tui.screens.review import ReviewScreen

pytestmark = pytest.mark.usefixtures("chinese")


def text(widget: Static) -> str:
    return str(widget.render())


async def home_without_resume(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Settled on home: a resume offer for an unfinished inspection declined."""
    await settle(app, pilot, rounds=2)
    if type(app.screen).__name__ == "ResumeDialog":
        await pilot.press("n")
        await settle(app, pilot)


async def test_presence_takes_the_reason_highlighted(demo_home: Path) -> None:
    """The reason highlighted is the one F10 takes: F10 refused 标牌缺失, shown highlighted
    as the dialog opened, and took 标牌损坏 once ↓ had moved there."""
    before = Inspection.select().count()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await home_without_resume(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")  # the venue under the cursor, chosen by hand
        await settle(app, pilot)
        dialog = app.screen
        assert type(dialog).__name__ == "PresenceDialog"
        reasons = dialog.query_one("#presence-reasons", OptionList)
        assert reasons.highlighted == 0  # 标牌缺失, shown highlighted
        await pilot.press("f10")  # as it is shown: taken
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, InspectScreen)
    assert Inspection.select().count() == before + 1
    assert Inspection.select().order_by(Inspection.started_at.desc()).first().presence_reason == (
        "placard_missing"
    )


async def test_space_picks_the_presence_reason_under_the_cursor(demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await home_without_resume(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "PresenceDialog"
        await pilot.press("down", "space", "enter")  # 标牌损坏、无法扫描; no note
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, InspectScreen)
        inspection_id = app.screen.inspection_id
    assert Inspection.get_by_id(inspection_id).presence_reason == "placard_damaged"


async def test_cancelling_the_finding_form_undoes_the_fail(home: Path) -> None:
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        inspection_id = screen.inspection_id
        await pilot.press("3", "enter")  # COM-01
        await pilot.press("n")  # COM-02 fails: the finding form
        assert isinstance(app.screen, FindingDialog)
        await pilot.press("escape")
        assert app.screen is screen
        assert screen.item.code == "COM-02"  # still here, to be answered again
        assert "COM-02" not in inspections.load(inspection_id).answers
        assert not Finding.select().where(Finding.inspection == inspection_id).exists()
        assert any("COM-02" in n.message for n in app._notifications)


async def test_a_finished_checklist_says_the_summary_is_next(home: Path) -> None:
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        inspection_id = screen.inspection_id
        view = inspections.load(inspection_id)
        *rest, last = view.checklist.items
        for item in rest:  # every item but the last answered already
            outcome = "value" if item.answer in ("number", "date", "text", "choice") else "na"
            value = {"number": "3", "date": "2026-05-20"}.get(item.answer, "")
            inspections.record_answer(inspection_id, item, outcome, value)
        screen.reload()
        screen.go_to(last.code)
        await pilot.pause()
        assert not screen.query_one("#inspect-notice", Static).display
        await pilot.press("y")
        await pilot.pause()
        finished = t("inspect.finished.next", count=len(view.checklist.items))
        assert text(screen.query_one("#inspect-notice", Static)) == finished
        assert any(n.message == finished for n in app._notifications)
        await pilot.press("f10")
        assert type(app.screen).__name__ == "SummaryScreen"
        await pilot.pause()
        assert not any(n.message == finished for n in app._notifications)  # said, then gone


def offered(screen: ReviewScreen, event_type: str) -> bool:
    """The bulk action is offered (its key in the footer, F1 and the palette)."""
    action = f"bulk('{event_type}')"
    return any(b.binding.action == action and b.enabled for b in screen.active_bindings.values())


async def test_review_actions_the_state_refuses_are_not_offered(demo_home: Path) -> None:
    """Verify and reject (复查通过/不通过) where no chosen hazard is reported fixed, and the
    other bulk actions where the state refuses them, are neither in the footer nor in F1's
    list: the footer had them (greyed, which a terminal hardly shows) and pressing them
    did nothing, silently. Pressed anyway, they say why."""
    from pilot_support import footer_keys_seen

    from fieldapp.tui.widgets.keys_panel import KeysPanel

    def listed() -> set[str]:
        return {d for _keys, d in app.screen.query_one(KeysPanel).rows()}

    demo.act_as("supervisor")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("f5")
        await settle(app, pilot, rounds=2)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        await pilot.press("f1")
        await settle(app, pilot)
        await pilot.press("2")  # overdue: open findings, not reported fixed
        await settle(app, pilot, rounds=2)
        row = screen.highlighted
        assert row is not None and row.state == "open"
        assert not offered(screen, "verified") and not offered(screen, "rejected")
        seen = footer_keys_seen(screen)
        assert "bulk('verified')" not in seen and "bulk('rejected')" not in seen
        assert offered(screen, "deadline_extended")  # a deadline can be extended
        assert "复查通过" not in listed() and "复查不通过" not in listed()
        assert "延长期限" in listed() and "销号" in listed()
        await pilot.press("v")  # pressed anyway: told why, and where re-checks are
        await pilot.press("o")
        await settle(app, pilot)
        assert app.screen is screen
        said = [n.message for n in app._notifications][-2:]
        assert said == [
            "只有已报整改的隐患可以复查，所选隐患为“待整改”；按 1 查看待复查的隐患。",
            "隐患当前为“待整改”，不能执行“记录处理结果”。",
        ]
        await pilot.press("6")  # active: the first is open, the queue has one reported
        await settle(app, pilot, rounds=2)
        row = screen.highlighted
        assert row is not None and row.state == "open"
        assert any(r.state == "rectification_reported" for r in screen.rows)
        assert not offered(screen, "verified") and "复查通过" not in listed()
        await pilot.press("5")  # conflicts: none, nothing to act on, so nothing offered
        await settle(app, pilot, rounds=2)
        assert not screen.rows and not offered(screen, "verified")
        await pilot.press("1")  # awaiting verification: reported fixed
        await settle(app, pilot, rounds=2)
        row = screen.highlighted
        assert row is not None and row.state == "rectification_reported"
        assert offered(screen, "verified") and offered(screen, "rejected")
        seen = footer_keys_seen(screen)
        assert "bulk('verified')" in seen and "bulk('rejected')" in seen  # pinned
        assert "复查通过" in listed() and "复查不通过" in listed()
        assert not offered(screen, "outcome_recorded")  # an outcome needs a hand-over
        assert "记录处理结果" not in listed()
