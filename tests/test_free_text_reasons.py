"""Every reason a supervisor must give is held to the reject reason's rule
(`fieldapp.domain.free_text`): returning an inspection (F5 → i → t), closing a hazard
never reported fixed and an outcome of 其他处理 refuse "😀。" or "ok", in the dialog (which
stays open with the cursor in the field) and in the service behind it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pilot_support import open_inspection_review, settle
from test_review_dialog_refusals import error, handed_over_one, open_dialog
from textual.widgets import Input, Static

from fieldapp.domain import findings as machine
from fieldapp.domain.clock import today
from fieldapp.i18n import set_language
from fieldapp.services.review import ActionRefused, bulk_apply
from fieldapp.services.review.inspections import return_inspection
from fieldapp.store.models import Finding, Inspection
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.review_comment import CommentDialog

SAYS_WHY = {"zh": ("退回检查记录须用文字写明原因", "表情符号、标点和空格不算"),
            "en": ("Returning an inspection needs the reason in words", "emoji")}  # fmt: skip


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_an_inspection_returned_with_an_emoji_is_refused_in_the_dialog(
    demo_supervisor: Path, lang: str
) -> None:
    set_language(lang)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_inspection_review(app, pilot, rounds=3)
        await pilot.press("t")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, CommentDialog)
        comment = dialog.query_one("#comment-text", Input)
        comment.value = "😀。"
        await pilot.press("f10")
        await settle(app, pilot)
        said = str(dialog.query_one("#comment-error", Static).render())
        assert all(part in said for part in SAYS_WHY[lang]), said
        assert app.screen is dialog and app.focused is comment
    assert not Inspection.select().where(Inspection.review_state == "returned").exists()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_service_refuses_reasons_that_say_nothing(demo_supervisor: Path, lang: str) -> None:
    set_language(lang)
    inspection = Inspection.select().where(Inspection.status == "submitted").first()
    with pytest.raises(ValueError, match="退回检查记录须|Returning an inspection needs"):
        return_inspection(inspection.id, "😀。")
    unreported = Finding.select().where(Finding.state == machine.OPEN).first()
    results = bulk_apply([unreported.id], "closed", "ok")
    assert not results[0].applied
    assert "已当场整改" in results[0].reason or "fixed on the spot" in results[0].reason
    with pytest.raises(ActionRefused, match="其他处理|Other action"):
        bulk_apply([unreported.id], "outcome_recorded", "ok", {"outcome": "other"})
    # A note an extension of a general hazard may leave out says something when typed.
    general = Finding.select().where(Finding.state == machine.OPEN, Finding.severity == "general")
    later = {"deadline": (today() + dt.timedelta(days=30)).isoformat()}
    [extended] = bulk_apply([general.first().id], "deadline_extended", "😀", later)
    assert not extended.applied and ("备注" in extended.reason or "note" in extended.reason)
    [extended] = bulk_apply([general.first().id], "deadline_extended", "", later)
    assert extended.applied, extended.reason  # left empty, it is taken
    assert Finding.get_by_id(unreported.id).state == machine.OPEN
    assert return_inspection(inspection.id, "照片不清楚").review_state == "returned"


OUTCOME_SAYS = {
    "zh": "须在备注中用文字写明接收单位做了什么处理",
    "en": "saying what the receiving unit did",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_an_other_outcome_noted_ok_is_refused_in_the_dialog(
    demo_supervisor: Path, lang: str
) -> None:
    fid = handed_over_one()
    set_language(lang)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(app, pilot, "4", "o")  # handed over: record outcome
        dialog.choose("#bulk-outcome", "other")
        note = dialog.query_one("#bulk-note", Input)
        note.value = "ok"
        await pilot.press("f10")
        await settle(app, pilot)
        assert OUTCOME_SAYS[lang] in error(dialog), error(dialog)
        assert app.screen is dialog and app.focused is note
    assert Finding.get_by_id(fid).state == machine.HANDED_OVER
