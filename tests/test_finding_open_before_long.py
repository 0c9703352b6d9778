"""A hazard already open on the item is quoted in the hazard form's note, and its
description can be 300 characters: quoted whole, broken mid-word, it pushed 整改期限 below
the screen at 80x24. The note cuts it with "…" so that the note takes three lines, wrapped
as the app wraps Chinese (`kinsoku`), and the fields stay in sight."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import open_inspection, seed_store, settle, submitted_with_one_finding
from textual.widgets import Static

from fieldapp.i18n import t
from fieldapp.store.models import Finding
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.finding import NOTE_LINES, FindingDialog
from fieldapp.tui.kinsoku import wrap_cjk

SIZE = (80, 24)
LONG = {
    "zh": "疏散通道堆放大量纸箱和货架，" * 21,  # 294 characters
    "en": "Boxes and shelving stacked across the escape route near the back door. " * 4,
}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_long_description_is_cut_and_the_fields_stay_in_sight(
    home: Path, lang: str
) -> None:
    seed_store()
    hazard = Finding.get_by_id(submitted_with_one_finding())  # COM-03, still open
    Finding.update(description=LONG[lang]).where(Finding.id == hazard.id).execute()
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await open_inspection(app, pilot)
        app.screen.go_to("COM-03")
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, FindingDialog), dialog
        note = dialog.query_one("#finding-open-before", Static)
        said = str(note.render())
        width = note.content_size.width
        empty = t(
            "finding.open_before",
            code="COM-03",
            count=1,
            deadline=hazard.deadline.isoformat(),
            description="",
        )
        assert "…" in said and LONG[lang][:10] in said, said
        assert len(wrap_cjk(said, width)) <= max(NOTE_LINES, len(wrap_cjk(empty, width)))
        assert note.region.height == len(wrap_cjk(said, width))
        drawn = [strip.text for strip in app.screen._compositor.render_strips()]
        severity = t("inspect.severity.general")
        assert any(severity in line and "▼" in line for line in drawn), "\n".join(drawn)
        assert any(hazard.deadline.isoformat() in line and "▊" in line for line in drawn)
