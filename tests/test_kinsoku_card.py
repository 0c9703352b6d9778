"""At 80×24 an item's wording on the inspection card never starts a line with "，" (nor
ends one with "（"): Textual cut a run of Chinese at any character, and the comma after
the card's 19th character began the second line (fieldapp.tui.kinsoku)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pilot_support
from rich._wrap import divide_line
from test_item_card_field_in_sight import SMALL, open_internet_cafe
from textual.widgets import Static

from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.kinsoku import CLOSING, OPENING
from fieldapp.tui.screens.inspect import item_state


def shown_lines(app: FieldApp, widget: Static) -> list[str]:
    """The widget's lines as the screen shows them."""
    strips = app.screen._compositor.render_strips()
    region = widget.content_region
    return [strips[y].crop(region.x, region.right).text.rstrip() for y in region.line_range]


def assert_kept(app: FieldApp, widget: Static, text: str) -> None:
    lines = shown_lines(app, widget)
    screen = "\n".join(s.text for s in app.screen._compositor.render_strips())
    assert "".join(lines) == text, screen
    assert not [line for line in lines[1:] if line[:1] in CLOSING], screen
    assert not [line for line in lines[:-1] if line[-1:] in OPENING], screen


async def test_an_item_s_wording_starts_no_line_with_a_comma(demo_home: Path) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_internet_cafe(app, pilot)
        screen.go_to("COM-17")
        await pilot_support.settle(app, pilot)
        state = item_state(screen.view, screen.item)
        hint = shown_lines(app, screen.card.query_one("#item-hint", Static))
        assert [line for line in hint if "（可输入序号）" in line], hint  # "（可输入序" / "号）"

        async def show(text: str) -> None:
            screen.card.show(
                dataclasses.replace(state, item=dataclasses.replace(state.item, zh=text))
            )
            await pilot_support.settle(app, pilot)

        wording = screen.card.query_one("#item-text", Static)
        tail = "，请保持通道畅通（不少于1.5米），压力表指针在绿区。" * 4
        await show("灭" * 40 + tail)  # as long: the card's scrollbar takes its column now
        per_line = wording.content_region.width // 2  # Chinese characters a line holds
        text = "灭火器" * (per_line // 3) + "器" * (per_line % 3) + tail
        assert text[divide_line(text, wording.content_region.width)[0]] == "，"  # as it was
        await show(text)
        assert_kept(app, wording, text)
        await pilot.resize_terminal(100, 30)  # wrapped again for the new width
        await pilot_support.settle(app, pilot)
        assert_kept(app, wording, text)


async def test_a_confirm_dialog_s_message_starts_no_line_with_a_comma(demo_home: Path) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=SMALL) as pilot:
        await pilot_support.at_home(app, pilot)
        app.push_screen(ConfirmDialog("离开检查？", "…"))
        await pilot_support.settle(app, pilot)
        message = app.screen.query_one(".dialog-body", Static)
        per_line = message.content_region.width // 2  # Chinese characters a line holds
        body = "未" * per_line + "，未保存的答案将丢失（可稍后继续）。" * 3
        assert body[divide_line(body, message.content_region.width)[0]] == "，"  # as it was
        message.update(body)
        await pilot_support.settle(app, pilot)
        assert_kept(app, message, body)
