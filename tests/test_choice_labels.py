"""A choice's options in the UI's language: an English inspector reads "Installed and
working", not "已安装且有效", in the item's hint, in the answer recorded and in a refusal;
the value stored stays the option itself, whichever language chose it. A checklist gives
every option an English label or none."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from inspect_support import seed_store, settle
from textual.widgets import Static

from fieldapp.domain.answers import BadAnswer, normalize_value
from fieldapp.domain.checklist import MULTIPLE_SEPARATOR, Item
from fieldapp.domain.checklist_toml import load_checklist_text
from fieldapp.store.models import Answer, Venue
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.inspect import InspectScreen

GAS_SHOP_ID = "0190a000-0000-7000-8000-000000000003"


def _text(screen: InspectScreen, widget_id: str) -> str:
    return str(screen.query_one(f"#{widget_id}", Static).render())


def gas_shop() -> None:
    """A store with a shop that uses gas, so its gas-alarm item COM-17 is asked."""
    seed_store()
    Venue.create(
        id=GAS_SHOP_ID, code="XC-0003", name="燃气小店", kind="small_shop", grid="T01",
        attributes={"has_gas": True},
    )  # fmt: skip


async def gas_alarm_in_english(app: FieldApp, pilot: Any) -> InspectScreen:
    """The gas shop (`gas_shop`) inspected, at its gas-alarm item COM-17."""
    await settle(app, pilot)
    app.open_venue(GAS_SHOP_ID, presence="manual", reason="placard_missing")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, InspectScreen)
    screen.go_to("COM-17")
    await settle(app, pilot)
    return screen


async def test_an_english_inspector_reads_and_picks_the_options_in_english(home: Path) -> None:
    gas_shop()
    app = make_app(lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await gas_alarm_in_english(app, pilot)
        hint = _text(screen, "item-hint")
        assert "1=Installed and working" in hint and "Not installed" in hint
        assert "已安装" not in hint
        await pilot.press("7", "enter")  # no such option: the refusal lists them in English
        await settle(app, pilot)
        assert "Installed but not working" in _text(screen, "item-message")
        await pilot.press("backspace", "1", "enter")
        await settle(app, pilot)
        stored = Answer.get(Answer.inspection == screen.inspection_id, Answer.item_code == "COM-17")
        assert stored.value == "已安装且有效"  # the option itself, as a Chinese device stores it
        screen.go_to("COM-17")
        await settle(app, pilot)
        assert "Installed and working" in _text(screen, "item-answer")


def test_english_labels_for_some_options_only_are_refused() -> None:
    from fieldapp.i18n import set_language

    set_language("en")  # the problems in English (pinned; the Chinese: test_checklist_validation)
    text = (Path(__file__).parents[1] / "assets/checklists/small_shop.toml").read_text("utf-8")
    half = text.replace('{ value = "未安装", en = "Not installed", ', '{ value = "未安装", ', 1)
    try:
        load_checklist_text(half, "small_shop.toml")
    except Exception as error:  # ChecklistInvalid lists what to fix
        assert "give every option its en label, or none" in str(error)
    else:
        raise AssertionError("a checklist with one option unlabelled was accepted")


SPRINKLERS = Item(
    code="HTL-05", zh="自动喷水", en="Sprinklers", answer="choice",
    choices=("已设置且有效", "未设置", "已设置但损坏、停用"),
    choices_en=("In place and working", "Not in place", "In place but broken or shut off"),
)  # fmt: skip
HAZARDS = Item(
    code="X-01", zh="隐患", en="Hazards", answer="choice", multiple=True,
    choices=("电线老化", "堵塞通道"), choices_en=("Old wiring", "Blocked exit"),
)  # fmt: skip


def test_an_option_is_taken_by_its_english_label_in_any_letter_case() -> None:
    """The hint offers "1=In place and working": typing that text chooses it, as typing
    the number or the Chinese option does; the value stored is the option itself."""
    assert normalize_value(SPRINKLERS, "In place and working") == "已设置且有效"
    assert normalize_value(SPRINKLERS, "  in place AND  working ") == "已设置且有效"
    assert normalize_value(SPRINKLERS, "已设置且有效") == "已设置且有效"
    assert normalize_value(SPRINKLERS, "2") == "未设置"
    both = MULTIPLE_SEPARATOR.join(HAZARDS.choices)
    assert normalize_value(HAZARDS, "blocked exit, Old wiring") == both
    assert normalize_value(HAZARDS, "Blocked exit") == "堵塞通道"
    with pytest.raises(BadAnswer):
        normalize_value(SPRINKLERS, "In place")


async def test_an_english_inspector_types_the_option_the_hint_offers(home: Path) -> None:
    gas_shop()
    app = make_app(lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await gas_alarm_in_english(app, pilot)
        await pilot.press(*" installed and WORKING", "enter")
        await settle(app, pilot)
        assert _text(screen, "item-message") == ""
        stored = Answer.get(Answer.inspection == screen.inspection_id, Answer.item_code == "COM-17")
        assert stored.value == "已安装且有效"


@pytest.mark.parametrize(
    ("lang", "shown"), [("en", "Installed and working"), ("zh", "已安装且有效")]
)
async def test_a_chosen_option_is_shown_in_its_field_in_the_ui_language(
    home: Path, lang: str, shown: str
) -> None:
    """Back at an answered choice item, its field shows the option as the card names it
    ("Installed and working" in English); Enter on it keeps the answer as it was."""
    gas_shop()
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await gas_alarm_in_english(app, pilot)
        await pilot.press("1", "enter")
        await settle(app, pilot)
        screen.go_to("COM-17")
        await settle(app, pilot)
        assert screen.card.answer_input.value == shown
        assert screen.typed_value() is None  # nothing typed that the answer does not hold
        await pilot.press("enter")
        await settle(app, pilot)
        stored = Answer.get(Answer.inspection == screen.inspection_id, Answer.item_code == "COM-17")
        assert stored.value == "已安装且有效"
