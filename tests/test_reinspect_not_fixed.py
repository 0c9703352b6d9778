"""Functional: a "fixed" given at a re-inspection is taken back. The inspector records the
open hazard fixed, looks again and records it not fixed: the hazard is open again (待整改),
by an appended `reopened` event queued after the report, and the toast says so."""

from __future__ import annotations

from pathlib import Path

from inspect_support import seed_store, settle, submitted_with_one_finding

from fieldapp.store.models import Finding, FindingEvent, Outbox
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.reinspect import ReinspectDialog

SIZE = (120, 36)


async def test_a_fixed_taken_back_opens_the_hazard_again_and_says_so(home: Path) -> None:
    seed_store()
    finding_id = submitted_with_one_finding()
    results: list[bool | None] = []
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.push_screen(ReinspectDialog(finding_id), results.append)
        await pilot.pause()
        await pilot.press("enter", "f10")  # 已整改
        await settle(app, pilot)
        assert Finding.get_by_id(finding_id).state == "rectification_reported"

        app.push_screen(ReinspectDialog(finding_id), results.append)
        await pilot.pause()
        await pilot.press("tab", *"仍有堆物")  # 未整改: the one answer, chosen already
        await pilot.press("f10")
        await settle(app, pilot)
        assert results == [True, True]
        said = [n.message for n in app._notifications]
        assert said[-1] == "隐患 COM-03 复查未整改，恢复为待整改"
    events = list(FindingEvent.select().where(FindingEvent.finding == finding_id))
    assert [e.type for e in events] == ["opened", "rectification_reported", "reopened"]
    assert events[2].note == "仍有堆物" and events[2].base_event == events[1].id
    assert Finding.get_by_id(finding_id).state == "open"
    queued = Outbox.select().where(Outbox.type == "finding.event").order_by(Outbox.seq)
    assert [op.state for op in queued] == ["pending", "pending"]  # the report stays queued


async def test_not_fixed_on_an_open_hazard_is_still_a_note(home: Path) -> None:
    seed_store()
    finding_id = submitted_with_one_finding()
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.push_screen(ReinspectDialog(finding_id))
        await pilot.pause()
        await pilot.press("down", "enter", "f10")  # Not fixed
        await settle(app, pilot)
        assert [n.message for n in app._notifications][-1] == "Re-inspection recorded"
    events = list(FindingEvent.select().where(FindingEvent.finding == finding_id))
    assert [(e.type, e.data) for e in events][1:] == [("note", {"still_open": True})]
    assert Finding.get_by_id(finding_id).state == "open"


async def test_a_hazard_reported_fixed_is_offered_only_not_fixed_chosen_already(
    home: Path,
) -> None:
    """已整改 on a hazard already reported fixed was offered, and refused when chosen
    (不能执行“报告已整改”): the table allows only 未整改 (reopened) there."""
    from textual.widgets import RadioButton, RadioSet

    seed_store()
    finding_id = submitted_with_one_finding()
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.push_screen(ReinspectDialog(finding_id))
        await pilot.pause()
        offered = [str(b.label) for b in app.screen.query(RadioButton)]
        assert offered == ["已整改", "未整改"]
        assert app.screen.query_one("#reinspect-fixed", RadioSet).pressed_button is None
        await pilot.press("enter", "f10")  # 已整改
        await settle(app, pilot)

        app.push_screen(ReinspectDialog(finding_id))
        await pilot.pause()
        offered = [str(b.label) for b in app.screen.query(RadioButton)]
        pressed = app.screen.query_one("#reinspect-fixed", RadioSet).pressed_button
        assert offered == ["未整改"]
        assert pressed is not None and str(pressed.label) == "未整改"
        await pilot.press("f10")
        await settle(app, pilot)
        assert not isinstance(app.screen, ReinspectDialog)
    assert Finding.get_by_id(finding_id).state == "open"
