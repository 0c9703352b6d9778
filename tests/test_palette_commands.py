"""The command palette (ctrl+p) says what each command on the screen does, and finds a
command by its English label in the Chinese UI too (`ledger` for 导出台账), and by its
pinyin (`tongbu`, `tb` for 同步)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import at_home, open_screen, settle
from textual.command import CommandList, CommandPalette
from textual.screen import Screen

from fieldapp.domain.romanized import pinyin_match
from fieldapp.tui.app import make_app
from fieldapp.tui.commands import FieldCommands
from fieldapp.tui.screens.activities import ActivitiesScreen
from fieldapp.tui.screens.patrols import PatrolsScreen
from fieldapp.tui.screens.sync import SyncScreen

pytestmark = pytest.mark.usefixtures("chinese")


def without_help(screen: Screen[object]) -> list[str]:
    return [label for label, help_text, *_ in FieldCommands(screen)._commands() if not help_text]


def prompts_listed(screen: Screen[object]) -> list[str]:
    listed = screen.query_one(CommandList)
    return [str(listed.get_option_at_index(n).prompt) for n in range(listed.option_count)]


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
        prompts = prompts_listed(app.screen)
        assert any("导出台账" in prompt for prompt in prompts), prompts


@pytest.mark.parametrize("typed", ["tongbu", "tb"])
async def test_home_finds_sync_by_its_pinyin_and_runs_it_on_enter(
    demo_home: Path, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    app = make_app()
    requested: list[bool] = []
    monkeypatch.setattr(app, "request_sync", lambda *, manual=False: requested.append(manual))
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot)
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        await pilot.press(*typed)  # 同步 typed without switching the input method
        await settle(app, pilot)
        prompts = prompts_listed(app.screen)
        # 同步 first: 同步情况 is spelt by it only in part.
        assert prompts and prompts[0].startswith("同步（f12）"), prompts
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, SyncScreen)
        assert requested == [True]


@pytest.mark.parametrize(
    ("typed", "label", "found"),
    [
        ("Tong Bu", "同步（f12）", True),  # spaces and capitals are let go; the key is no pinyin
        ("zg", "整改通知书", True),
        ("zhenggai", "整改通知书", True),
        ("zhg", "整改", True),  # zh, ch, sh as an initial
        ("tongzhi", "整改通知书", True),  # a run inside the label
        ("zhengga", "整改", True),  # the last syllable still being typed
        ("chongxin", "重新", True),  # 重 read either way
        ("zhongxin", "重新", True),
        ("lv", "绿色", True),
        ("lu", "绿色", True),
        ("tbx", "同步", False),
        ("gaizheng", "整改", False),
        ("sync", "Sync (f12)", False),
    ],
)
def test_pinyin_spells_a_run_of_the_label(typed: str, label: str, found: bool) -> None:
    assert (pinyin_match(typed, label) > 0) is found


def test_a_label_spelt_whole_by_pinyin_scores_above_one_spelt_in_part() -> None:
    assert pinyin_match("tb", "同步（f12）") > pinyin_match("tb", "同步情况（^f12）") > 0


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
        assert "退出（^q）" in prompts and "按键（f1）" in prompts, prompts
        # Textual's Quit and Keys beside ours, and commands with no key (截图, 放大): gone.
        assert [p for p in prompts if not p.endswith("）")] == [], prompts


async def test_a_chinese_command_names_its_key_in_full_width_brackets(demo_home: Path) -> None:
    """同步（F9）, as Chinese brackets an aside, where it read 同步 (F9)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot)
        labels = [label for label, *_ in FieldCommands(app.screen)._commands()]
    assert labels and all(label.endswith("）") and " (" not in label for label in labels), labels
