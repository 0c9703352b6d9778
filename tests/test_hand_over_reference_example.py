"""The hand-over dialog shows one example of a reference number (文号): the one its
placeholder gives is the one its refusal of a reference that is no number gives (they
were 鼎网移〔2026〕7号 / DW-2026-7 beside 公移〔2026〕12号 / GY-2026-12), in both languages.
A reference longer than a 文号 is refused there too, with the cursor in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle
from test_review_dialog_refusals import SIZE, error, open_dialog
from textual.widgets import Input

from fieldapp.i18n import set_language
from fieldapp.tui.app import make_app


@pytest.mark.parametrize(("lang", "said"), [("zh", "例如 "), ("en", "e.g. ")])
async def test_the_reference_s_placeholder_and_its_refusal_give_one_example(
    demo_supervisor: Path, lang: str, said: str
) -> None:
    set_language(lang)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot, "2", "h")  # overdue: hand over
        dialog.choose("#bulk-unit", "police_station")
        reference = dialog.query_one("#bulk-reference", Input)
        placeholder = str(reference.placeholder)
        assert placeholder.startswith(said)
        example = placeholder.removeprefix(said)
        reference.focus()
        await pilot.press("Q")  # one letter: no reference number
        await pilot.press("f10")
        await settle(app, pilot)
        refusal = error(dialog)
        assert example in refusal, (example, refusal)
        assert app.focused is reference
        # A reference of a paragraph (450 characters) was taken, and its letter could not
        # be written (File name too long): refused here, with what was typed kept.
        long = example + "补充" * 220
        reference.value = long
        await pilot.press("f10")
        await settle(app, pilot)
        assert f"{'最多' if lang == 'zh' else 'at most'} 50" in error(dialog)
        assert reference.value == long and app.focused is reference
