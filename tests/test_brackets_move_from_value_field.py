"""Functional: `[` and `]` (Previous/Next, in README's keys) move between items from a
number, date or choice field too. They were typed into the field (COM-01's count read
"3]"). A free-text answer may hold brackets, so
its field still types them; PgUp/PgDn move from there, and its footer says so."""

from __future__ import annotations

from pathlib import Path

from inspect_support import inspecting
from test_inspect_footer import footer_row

from fieldapp.store.models import Answer
from fieldapp.tui.widgets.item_card import AnswerInput


async def test_brackets_move_from_a_number_and_a_date_field(home: Path) -> None:
    async with inspecting("en", (80, 24)) as (app, pilot, screen):
        field = screen.card.answer_input
        assert screen.item.code == "COM-01" and field.has_focus
        await pilot.press("3", "right_square_bracket")  # typed, then moved on unanswered
        await pilot.pause()
        assert screen.item.code == "COM-02" and "COM-01" not in screen.view.answers
        await pilot.press("left_square_bracket")  # from the yes/no card, as before
        await pilot.pause()
        assert screen.item.code == "COM-01" and field.has_focus and field.value == ""
        await pilot.press("3", "enter")
        await pilot.pause()
        assert Answer.get(inspection=screen.inspection_id, item_code="COM-01").value == "3"

        screen.go_to("CAT-05")  # a date: its field keeps only digits and - / .
        await pilot.pause()
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.item.code != "CAT-05" and screen.index == screen.codes.index("CAT-05") - 1


async def test_a_value_field_footer_shows_page_keys_not_bare_brackets(home: Path) -> None:
    """The field takes ←/→, so the footer showed the next key of Previous/Next, the
    brackets: "[ Previous ] Next" read as a word in brackets. PgUp/PgDn come before them
    now and are shown; [ and ] still move, and F1 lists them."""
    async with inspecting("en", (120, 36)) as (app, pilot, screen):
        assert screen.item.answer == "number" and screen.card.answer_input.has_focus
        row = footer_row(app)
        assert "[ Previous" not in row and "] Next" not in row, row
        assert "pgup Previous" in row and "pgdn Next" in row, row


def test_a_free_text_field_types_brackets() -> None:
    field = AnswerInput()
    field.set_answer_type("text")
    for key, character in (("left_square_bracket", "["), ("right_square_bracket", "]")):
        assert field.check_consume_key(key, character)  # typed: PgUp/PgDn move instead
    for answer_type in ("number", "date", "choice"):
        field.set_answer_type(answer_type)
        assert not field.check_consume_key("right_square_bracket", "]"), answer_type
