"""A hazard's description had no length limit: 360 characters were taken and filled the
rectification notice's page. The form's label says the most (100), a longer one is refused
in words with the cursor left in the field and nothing saved, and 100 are taken; the sync
server refuses a longer one by the same rule (tests/sync/test_free_text_server)."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import inspecting
from pilot_support import screen_text, settle
from textual.widgets import Input

from fieldapp.domain.free_text import HAZARD_DESCRIPTION_MAX
from fieldapp.store.models import Finding
from fieldapp.tui.dialogs.finding import FindingDialog

SAID = {
    "zh": ("隐患描述（最多 100 字）", "隐患描述最多 100 个字，现在有 101 个字"),
    "en": ("Description (at most 100 characters)", "takes at most 100 characters; it has 101."),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_description_longer_than_the_notice_takes_is_refused(home: Path, lang: str) -> None:
    label, refused = SAID[lang]
    text = "二楼楼梯间堆放纸箱杂物" * 10
    async with inspecting(lang, (80, 24)) as (app, pilot, screen):
        await pilot.press("1", "enter")  # COM-01: one extinguisher, fewer than 2
        dialog = app.screen
        assert isinstance(dialog, FindingDialog)
        assert label in screen_text(app)
        field = dialog.query_one("#finding-description", Input)
        field.value = text[: HAZARD_DESCRIPTION_MAX + 1]
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is dialog
        assert refused in screen_text(app)
        assert dialog.focused is field
        finding = Finding.get(inspection=screen.inspection_id, item_code="COM-01")
        assert finding.description == dialog.prefill  # nothing typed was saved

        field.value = text[:HAZARD_DESCRIPTION_MAX]
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is screen
        finding = Finding.get(inspection=screen.inspection_id, item_code="COM-01")
        assert finding.description == text[:HAZARD_DESCRIPTION_MAX]
