"""The hazard form's description reads as a hint, not as text already there: its placeholder
was the generated text itself (未达标：灭火器配置数量达标), which looked filled in, and typing
replaced it unexpectedly. It now says what is recorded when the field is left empty
(留空则记为：未达标：… / Left empty: Not met: …), and left empty that is what is stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import inspecting
from textual.widgets import Input

from fieldapp.store.models import Finding
from fieldapp.tui.dialogs.finding import FindingDialog

SIZE = (80, 24)

HINT = {
    "zh": ("留空则记为：未达标：灭火器配置数量达标", "未达标：灭火器配置数量达标"),
    "en": ("Left empty: Not met: ", "Not met: "),
}


def shown(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(s.text for s in app.screen._compositor.render_strips())


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_description_says_what_is_recorded_if_left_empty(home: Path, lang: str) -> None:
    hint, stored = HINT[lang]
    async with inspecting(lang, SIZE) as (app, pilot, screen):
        await pilot.press("1", "enter")  # COM-01: one extinguisher, fewer than 2
        dialog = app.screen
        assert isinstance(dialog, FindingDialog)
        field = dialog.query_one("#finding-description", Input)
        assert field.value == ""
        assert field.placeholder.startswith(hint), field.placeholder
        assert hint in shown(app)
        await pilot.press("f10")  # saved left empty: the generated text is recorded
        assert app.screen is screen
        finding = Finding.get(inspection=screen.inspection_id, item_code="COM-01")
    assert finding.description.startswith(stored) and finding.description == dialog.prefill
