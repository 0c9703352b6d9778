"""Functional: the inspect screen's footer offers the keys that act on what has focus. In
a value field the letters type, so it offers their F-key, alt and ctrl twins and neither
Pass nor Fail, and PgUp/PgDn for Previous/Next (the field takes ←/→; the field's own page
scroll, which has nothing to scroll on one line, no longer hides them; [ and ] move too,
but "[ Previous ] Next" read as a word in brackets); on a yes/no item it offers the letters. The row is read as the screen draws
it, and is what a footer composed afresh shows; the footer draws its keys itself, one
widget with no key widgets to compose anew (which cost ~30 ms of CPU at each move into or
out of a value field, bench_answer's p90)."""

from __future__ import annotations

from pathlib import Path

from inspect_support import inspect_screen, seed_store
from pilot_support import press_as_terminal

from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.inspect import InspectScreen
from fieldapp.tui.widgets.key_footer import KeyFooter

SIZE = (120, 36)
VALUE_KEYS = (
    "^f Mark failed",
    "alt+x N/A",
    "^n Note",
    "^o Photo",
    "pgup Previous",
    "pgdn Next",
    "f10 Finish",
    "esc Back",
)
YESNO_KEYS = ("y Pass", "n Fail", "f Mark failed", "x N/A", "m Note", "a Photo", "s Finish")


def footer_row(app: FieldApp) -> str:
    """The footer's line as the screen draws it now."""
    return app.screen._compositor.render_strips()[-1].text


def check_value_row(row: str) -> None:
    assert all(key in row for key in VALUE_KEYS), row
    assert "Pass" not in row and "Fail" not in row and " m Note" not in row, row


def check_yesno_row(row: str) -> None:
    assert all(key in row for key in YESNO_KEYS), row
    assert "^f" not in row and "^n" not in row and "f10" not in row, row


async def test_the_footer_offers_the_keys_of_the_focused_field(home: Path) -> None:
    seed_store()
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen: InspectScreen = await inspect_screen(app, pilot)
        footer = screen.query_one(KeyFooter)
        assert screen.item.answer == "number" and screen.card.answer_input.has_focus
        check_value_row(footer_row(app))

        await pilot.press("3", "enter")  # COM-01 answered: COM-02 is a yes/no item
        await pilot.pause()
        assert screen.item.answer == "yesno" and screen.card.has_focus
        yesno_row = footer_row(app)
        check_yesno_row(yesno_row)
        assert "← Previous" in yesno_row and "→ Next" in yesno_row
        assert screen.query_one(KeyFooter) is footer and not footer.children  # drawn in place

        await pilot.press("left_square_bracket")  # back to the value field
        await pilot.pause()
        assert screen.item.answer == "number" and screen.card.answer_input.has_focus
        value_row = footer_row(app)
        check_value_row(value_row)

        await footer.recompose()  # a footer composed afresh shows the same keys
        await pilot.pause()
        assert footer_row(app) == value_row
        await pilot.press("tab")  # from the field to the card: the letters act again,
        await pilot.pause()  # but a number is not passed or failed with a key
        assert screen.card.has_focus
        row = footer_row(app)
        assert all(key in row for key in YESNO_KEYS[2:]) and "Pass" not in row, row


async def test_the_page_keys_a_value_field_offers_move_between_items(home: Path) -> None:
    seed_store()
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen: InspectScreen = await inspect_screen(app, pilot)
        assert screen.index == 0 and screen.card.answer_input.has_focus
        await pilot.press("pagedown")  # COM-01's number field → COM-02
        await pilot.pause()
        assert screen.index == 1 and screen.card.has_focus
        await pilot.press("pageup")
        await pilot.pause()
        assert screen.index == 0 and screen.card.answer_input.has_focus
        await pilot.press("4", "pagedown")  # typed, then moved on unanswered
        await pilot.pause()
        assert screen.index == 1 and "COM-01" not in screen.view.answers


async def test_the_keys_a_value_field_offers_act_as_a_terminal_sends_them(home: Path) -> None:
    """M-x in tmux arrives as alt+x with the character "x", which the field took as typing
    (refused by a number field), so N/A never acted; M-f arrives as ctrl+right (ESC f,
    emacs-style), so Mark failed is ctrl+f there, and the footer says so."""
    from fieldapp.store.models import Answer
    from fieldapp.tui.dialogs.finding import FindingDialog

    seed_store()
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen: InspectScreen = await inspect_screen(app, pilot)
        field = screen.card.answer_input
        assert screen.item.code == "COM-01" and field.has_focus
        row = footer_row(app)
        assert "alt+x N/A" in row and "^f Mark failed" in row and "alt+f" not in row, row

        await press_as_terminal(app, pilot, "\x1bx")  # M-x
        assert screen.item.code == "COM-02", "N/A did not act"
        answer = Answer.get(inspection=screen.inspection_id, item_code="COM-01")
        assert answer.outcome == "na" and field.value == ""

        await pilot.press("left_square_bracket")  # back to COM-01's number field
        assert screen.item.code == "COM-01" and field.has_focus
        await pilot.press("1")
        await press_as_terminal(app, pilot, "\x06")  # C-f
        assert isinstance(app.screen, FindingDialog), "Mark failed did not act"
        answer = Answer.get(inspection=screen.inspection_id, item_code="COM-01")
        assert (answer.outcome, answer.value) == ("fail", "1")
