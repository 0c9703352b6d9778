"""An inspection's hazard recorded with its description left empty on a Chinese screen
("未达标：…") and read on an English one — the draft resumed in English, a returned
inspection's or an earlier inspection's hazard still open — reads "Not met: …" on the item
card, the summary and the hazard form, which stores nothing new when nothing is typed."""

from __future__ import annotations

from pathlib import Path

from inspect_support import VENUE_ID, seed_store, settle
from textual.widgets import DataTable, Input, Static

from fieldapp.domain.checklist import Item
from fieldapp.i18n import set_language, text_in
from fieldapp.services.inspection import inspections, supersession
from fieldapp.services.inspection.passed_open import passed_with_open_hazards
from fieldapp.store.models import Finding
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.finding import FindingDialog
from fieldapp.tui.dialogs.resume import ResumeDialog
from fieldapp.tui.screens.inspect import InspectScreen

SIZE = (100, 30)
ZH_NOT_MET = text_in("zh", "finding.not_met") or ""
EN_NOT_MET = text_in("en", "finding.not_met") or ""


def _failed_in_chinese() -> tuple[str, Item, Finding]:
    """A draft with its first yes/no item that can fail failed on a Chinese screen."""
    set_language("zh")
    inspection_id = inspections.start_inspection(VENUE_ID, presence="manual",
                                                 reason="placard_missing")  # fmt: skip
    view = inspections.load(inspection_id)
    item = next(i for i in view.checklist.items if i.can_fail and i.answer == "yesno" and i.en)
    finding = inspections.record_answer(inspection_id, item, "fail")
    assert finding is not None and finding.description == ZH_NOT_MET.format(text=item.zh)
    return inspection_id, item, finding


async def test_a_draft_resumed_in_english_says_its_chinese_generated_hazard_in_english(
    home: Path,
) -> None:
    seed_store()
    _, item, finding = _failed_in_chinese()
    english = EN_NOT_MET.format(text=item.en)
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ResumeDialog), app.screen
        await pilot.press("y")  # resume the draft where it stopped
        await settle(app, pilot)
        assert isinstance(app.screen, InspectScreen), app.screen
        app.screen.go_to(item.code)
        await settle(app, pilot)
        card = str(app.screen.query_one("#item-finding", Static).render())
        assert english in card and item.zh not in card
        await pilot.press("n")  # the item failed again: its hazard form
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, FindingDialog), dialog
        field = dialog.query_one("#finding-description", Input)
        hint, shown = f"Left empty: {english}", field.placeholder  # cut with … at its width
        assert field.value == "" and (shown == hint or hint.startswith(shown.removesuffix("…")))
        assert shown.startswith("Left empty: Not met: ") and item.zh not in shown
        await pilot.press("f10")  # saved with nothing typed
        await settle(app, pilot)
        assert not isinstance(app.screen, FindingDialog)
        assert Finding.get_by_id(finding.id).description == finding.description  # as stored
        await pilot.press("s")  # the summary
        await settle(app, pilot)
        table = app.screen.query_one("#summary-findings", DataTable)
        row = "".join(segment.text for segment in table.render_line(1))
        assert "Not met" in row and item.zh[:4] not in row, row


def test_hazards_still_open_from_an_earlier_inspection_read_in_english(home: Path) -> None:
    """The summary's hazards still open on items passed today, and the hazard form's
    warning of one already open on the item, say a Chinese generated one in English."""
    seed_store()
    earlier, item, finding = _failed_in_chinese()
    view = inspections.load(earlier)
    for other in view.checklist.items:
        if other.code != item.code:
            value = {"number": "2", "date": "2026-01-01"}.get(other.answer, "")
            outcome = "pass" if other.answer in ("yesno", "photo") else "value"
            inspections.record_answer(earlier, other, outcome, value or "ok" * (outcome == "value"))
    inspections.submit(earlier, "王老板")
    english = EN_NOT_MET.format(text=item.en)
    set_language("en")
    later = inspections.start_inspection(VENUE_ID, presence="manual", reason="placard_missing")
    inspections.record_answer(later, item, "pass")
    [passed] = passed_with_open_hazards(inspections.load(later))
    assert passed.description == english
    [open_before] = supersession.open_on_item(VENUE_ID, item.code)
    assert open_before.description == english
    assert Finding.get_by_id(finding.id).description == ZH_NOT_MET.format(text=item.zh)
