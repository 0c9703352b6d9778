"""F5 → `h` with a date before the hazard was found (2020-01-01): the dialog closed and
every hazard was refused afterwards (移交日期 2020-01-01 早于发现隐患的日期), and `h` again
showed empty fields. The dialog now says so itself, as it says a date in the future,
with the unit, the reference and the date still there to mend; the earliest date is taken."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import screen_text, settle
from textual.widgets import Input

from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.bulk_action import BulkActionDialog
from fieldapp.tui.screens.review import ReviewScreen

SAID = {"zh": "早于发现隐患的日期", "en": "before the hazard was found"}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_hand_over_dated_before_the_hazard_stays_in_its_dialog(
    demo_supervisor: Path, lang: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        await pilot.press("f5")
        await settle(app, pilot, rounds=2)
        await pilot.press("2")  # overdue: may be handed over now
        await settle(app, pilot, rounds=2)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        found = min(r.found_on for r in review.rows if r.found_on is not None)
        await pilot.press("h")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, BulkActionDialog)
        dialog.choose("#bulk-unit", "fire_brigade")
        dialog.query_one("#bulk-reference", Input).value = "消移〔2026〕3号"
        date = dialog.query_one("#bulk-date", Input)
        date.value = "2020-01-01"
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.screen is dialog  # still open, with what was typed
        assert SAID[lang] in screen_text(app)
        assert dialog.query_one("#bulk-reference", Input).value == "消移〔2026〕3号"
        assert date.value == "2020-01-01" and app.focused is date
        assert "handed_over" not in {r.state for r in review.rows}  # nothing applied
    assert found.isoformat() > "2020-01-01"
