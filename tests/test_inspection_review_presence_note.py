"""The supervisor's inspection review (F5, then i) said of a visit confirmed by hand for
"other" reasons "其他原因（请在备注中说明）", the form's prompt, and never what the inspector
wrote: the detail says the reason with the inspector's note, as the record does."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import SIZE, open_inspection_review, settle
from textual.widgets import Static

from fieldapp.i18n import set_language
from fieldapp.services.demo import workspace as demo
from fieldapp.store.models import Inspection
from fieldapp.tui.app import make_app
from fieldapp.tui.widgets import PagedTable

NOTE = "标牌被遮挡，店主不在"
SAID = {"zh": ("其他原因：" + NOTE, "请在备注中说明"), "en": ("Other: " + NOTE, "explain in")}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_inspectors_note_is_shown_not_the_options_prompt(
    demo_home: Path, lang: str
) -> None:
    set_language(lang)
    demo.act_as("supervisor")
    newest = (
        Inspection.select()
        .where(Inspection.status == "submitted")
        .order_by(Inspection.submitted_at.desc())
        .first()
    )
    Inspection.update(
        presence="manual", presence_check="", presence_reason="other", presence_note=NOTE
    ).where(Inspection.id == newest.id).execute()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_inspection_review(app, pilot)
        table = screen.query_one("#inspections-table", PagedTable)
        table.move_cursor(row=table.get_row_index(newest.id))
        await settle(app, pilot)
        text = str(screen.query_one("#inspections-detail", Static).render())
        shown, prompt = SAID[lang]
        assert shown in text and prompt not in text, text
