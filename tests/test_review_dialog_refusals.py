"""The review screen's action dialog (F5, then v r e h o c) as the demo supervisor: a
refusal puts the cursor in the field it names, so what is typed next goes there and not
over a prefilled deadline; every problem is said at once, the cursor in the first, and a
line goes once its field is mended; an outcome of 其他处理 says what was done."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle
from textual.widgets import Input, RadioSet, Static

from fieldapp.domain.clock import today
from fieldapp.services import review
from fieldapp.services.inspection import findings
from fieldapp.store.models import Finding
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.dialogs.bulk_action import BulkActionDialog
from fieldapp.tui.screens.review import ReviewScreen

pytestmark = pytest.mark.usefixtures("chinese")

SIZE = (80, 24)


async def open_dialog(app: FieldApp, pilot, queue: str, key: str) -> BulkActionDialog:  # type: ignore[no-untyped-def]
    await settle(app, pilot, rounds=2)
    await pilot.press("f5")
    await settle(app, pilot, rounds=2)
    await pilot.press(queue)
    await settle(app, pilot, rounds=2)
    assert isinstance(app.screen, ReviewScreen)
    await pilot.press(key)
    await settle(app, pilot)
    dialog = app.screen
    assert isinstance(dialog, BulkActionDialog)
    return dialog


def error(dialog: BulkActionDialog) -> str:
    return str(dialog.query_one("#bulk-error", Static).render())


async def test_a_reject_without_a_note_puts_the_cursor_in_the_note(demo_supervisor: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot, "1", "r")  # awaiting re-check: reject
        deadline = dialog.query_one("#bulk-deadline", Input)
        prefilled = deadline.value
        assert app.focused is deadline  # the first field
        await pilot.press("f10")
        await pilot.pause()
        assert error(dialog).startswith("复查不通过须在备注中写明")
        assert app.focused is dialog.query_one("#bulk-note", Input)
        await pilot.press(*"灭火器仍过期")
        assert deadline.value == prefilled
        note = dialog.query_one("#bulk-note", Input)
        assert note.value == "灭火器仍过期"
        # Every problem at once, each naming its field, the cursor in the first: the
        # note's alone left the deadline's unsaid until the note was written.
        deadline.value, note.value = "1999-01-01", ""
        await pilot.press("f10")
        await pilot.pause()
        said = error(dialog).split("\n")
        assert len(said) == 2 and "整改期限" in said[0] and "今天" in said[0], said
        assert said[1].startswith("复查不通过须在备注中写明")
        assert app.focused is deadline
        deadline.value = prefilled  # mended: its line goes, the note's stays
        await pilot.pause()
        assert error(dialog) == said[1]


async def test_a_hand_over_without_a_reference_puts_the_cursor_in_the_reference(
    demo_supervisor: Path,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot, "2", "h")  # overdue: hand over
        await pilot.press("f10")
        await pilot.pause()
        # Both at once (the 文号 was asked for only after a unit), each a line naming its
        # field, the cursor in the first.
        said = ("请选择接收单位：派出所、消防大队或执法检查股。", "请填写移交文号。")
        assert error(dialog) == "\n".join(said)
        assert app.focused is dialog.query_one("#bulk-unit", RadioSet)
        dialog.choose("#bulk-unit", "police_station")
        await pilot.press("f10")
        await pilot.pause()
        assert error(dialog) == "请填写移交文号。"
        assert app.focused is dialog.query_one("#bulk-reference", Input)


def handed_over_one() -> str:
    overdue = next(
        f
        for f in Finding.select().where(Finding.state == "open")
        if f.severity == "major" or f.current_deadline < today()
    )
    data = {"unit": "fire_brigade", "reference": "示网移〔2026〕9号"}
    [done] = review.bulk_apply([overdue.id], "handed_over", "", data)
    assert done.applied, done.reason
    return str(overdue.id)


async def test_an_outcome_of_other_action_needs_a_note_saying_what_was_done(
    demo_supervisor: Path,
) -> None:
    fid = handed_over_one()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot, "4", "o")  # handed over: record outcome
        dialog.choose("#bulk-outcome", "other")
        await pilot.pause()
        note = dialog.query_one("#bulk-note", Input)
        assert note.placeholder == "必填：接收单位做了什么处理"
        await pilot.press("f10")
        await pilot.pause()
        assert app.screen is dialog  # not accepted
        assert error(dialog) == "处理结果为“其他处理”时须在备注中写明接收单位做了什么处理。"
        assert app.focused is note
        await pilot.press(*"责令停业整顿")
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert app.screen is not dialog
    assert findings.fold_of(fid).outcome == "other"
    [event] = [e for e in findings.events_of(fid) if e.type == "outcome_recorded"]
    assert event.note == "责令停业整顿"


def test_other_action_without_a_note_is_refused_on_the_device_but_folds_on_the_server(
    demo_supervisor: Path,
) -> None:
    from fieldapp.domain.finding_checks import check_event_data

    fid = handed_over_one()
    with pytest.raises(review.ActionRefused, match="其他处理"):
        review.bulk_apply([fid], "outcome_recorded", "", {"outcome": "other"})
    # An older device's event without a note is still a valid one for the domain.
    assert check_event_data("outcome_recorded", {"outcome": "other"}) is None


async def test_a_filter_date_that_is_no_date_puts_the_cursor_in_it(demo_supervisor: Path) -> None:
    from fieldapp.tui.dialogs.review_filters import ReviewFiltersDialog

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("f5")
        await settle(app, pilot, rounds=2)
        await pilot.press("g")
        await settle(app, pilot, rounds=2)
        dialog = app.screen
        assert isinstance(dialog, ReviewFiltersDialog)
        dialog.query_one("#filter-to", Input).value = "2026-13-01"
        await pilot.press("f10")
        await pilot.pause()
        assert "没有 13 月" in str(dialog.query_one("#filter-error", Static).render())
        assert app.focused is dialog.query_one("#filter-to", Input)
