"""The command palette (ctrl+p) says what each command on the screen does, and finds a
command by its English label in the Chinese UI too (`ledger` for 导出台账)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import at_home, open_screen, settle
from textual.command import CommandList, CommandPalette
from textual.screen import Screen

from fieldapp.tui.app import make_app
from fieldapp.tui.commands import FieldCommands
from fieldapp.tui.screens.activities import ActivitiesScreen
from fieldapp.tui.screens.patrols import PatrolsScreen

pytestmark = pytest.mark.usefixtures("chinese")


def without_help(screen: Screen[object]) -> list[str]:
    return [label for label, help_text, *_ in FieldCommands(screen)._commands() if not help_text]


@pytest.mark.parametrize(("key", "kind"), [("ctrl+y", ActivitiesScreen), ("ctrl+g", PatrolsScreen)])
async def test_every_command_of_a_section_says_what_it_does(
    demo_home: Path, key: str, kind: type[Screen[object]]
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, key, kind)
        assert without_help(screen) == []  # 记录 (e) had none


async def test_home_says_what_each_command_does_and_finds_one_by_its_english_label(
    demo_home: Path,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot)
        assert without_help(app.screen) == []  # 检查记录 (i) had none
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"ledger")  # 导出台账: neither its Chinese label nor its action
        await settle(app, pilot)
        found = app.screen.query_one(CommandList)
        prompts = [str(found.get_option_at_index(n).prompt) for n in range(found.option_count)]
        assert any("导出台账" in prompt for prompt in prompts), prompts


async def test_with_an_empty_search_each_command_is_listed_once_with_its_key(
    demo_home: Path,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot)
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await pilot.press("down")  # an empty search: the whole list
        await settle(app, pilot)
        listed = palette.query_one(CommandList)
        prompts = [
            str(listed.get_option_at_index(n).prompt).splitlines()[0]
            for n in range(listed.option_count)
        ]
        assert "退出 (^q)" in prompts and "按键 (f1)" in prompts, prompts
        # Textual's Quit and Keys beside ours, and commands with no key (截图, 放大): gone.
        assert [p for p in prompts if not p.endswith(")")] == [], prompts
