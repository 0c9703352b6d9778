"""Functional: a refused answer does not pile up in the answer field. Typing "5" Enter on a
choice of three options left "5", then "55", "555"… under the refusal; the refused text is
now selected, so the next key typed replaces it, and the refusal stays until then."""

from __future__ import annotations

from pathlib import Path

from inspect_support import inspect_screen, seed_store, settle
from test_choice_labels import gas_alarm_in_english, gas_shop
from textual.widgets import Static

from fieldapp.store.models import Answer
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.inspect import InspectScreen


def _message(screen: InspectScreen) -> str:
    return str(screen.query_one("#item-message", Static).render())


async def test_a_refused_choice_is_replaced_by_the_next_key(home: Path) -> None:
    gas_shop()
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await gas_alarm_in_english(app, pilot)
        field = screen.card.answer_input
        for _ in range(3):
            await pilot.press("5", "enter")
            await settle(app, pilot)
            assert field.value == "5" and field.selected_text == "5", field.value
            assert "Installed and working" in _message(screen)  # the refusal stays
        await pilot.press("1", "enter")  # replaces the refused 5
        await settle(app, pilot)
        stored = Answer.get(Answer.inspection == screen.inspection_id, Answer.item_code == "COM-17")
        assert stored.value == "已安装且有效" and screen.item.code != "COM-17"


async def test_a_refused_number_is_replaced_by_the_next_key(home: Path) -> None:
    seed_store()
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen: InspectScreen = await inspect_screen(app, pilot)
        assert screen.item.answer == "number"
        field = screen.card.answer_input
        await pilot.press("1", "x", "enter")
        await settle(app, pilot)
        assert field.value == "1x" and _message(screen)
        await pilot.press("3", "enter")
        await settle(app, pilot)
        stored = Answer.get(Answer.inspection == screen.inspection_id, Answer.item_code == "COM-01")
        assert stored.value == "3"
