"""The export screen (ctrl+e) at 80×24 when its file cannot be written, and after an
export: the reason in the screen's language with what to do, the status says it failed,
another path can be tried, and the whole form stays on screen."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from pilot_support import open_screen, screen_lines, settle
from textual.widgets import Input, ProgressBar, Static

from fieldapp.i18n import set_language
from fieldapp.services.export.unwritable import why_not_written
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.export import ExportScreen

SMALL = (80, 24)


@pytest.mark.usefixtures("chinese")
async def test_a_folder_no_file_can_be_made_in_says_so_and_another_path_is_tried(
    frozen_clock: object, demo_home: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        good = screen.query_one("#export-path", Input).value
        screen.query_one("#export-path", Input).value = "/proc/台账.xlsx"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        status = str(screen.query_one("#export-status", Static).render())
        assert "导出失败" in status and "「/proc」" in status and "换一个文件夹" in status
        assert "Errno" not in status and "正在导出" not in status
        assert not any("出错了" in n.message for n in app._notifications)
        assert not screen.running
        assert screen.query_one("#export-progress", ProgressBar).percentage == 0
        assert app.focused is screen.query_one("#export-path", Input)
        # Another path: the export runs again and says what it wrote.
        screen.query_one("#export-path", Input).value = good
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert screen.written == (Path(good),)
        lines = screen_lines(app)
        box = [n for n, line in enumerate(lines) if "╰" in line]
        assert box and box[0] < len(lines) - 1, "\n".join(lines)
        assert "▇" not in lines[-1] and "▁" not in lines[-1], lines[-1]


@pytest.mark.parametrize(
    ("code", "zh", "en"),
    [
        (errno.ENOSPC, "磁盘已满", "disk is full"),
        (errno.EACCES, "没有权限", "no permission"),
        (errno.EROFS, "只读", "read-only"),
        (errno.ENOENT, "不存在", "does not exist"),
    ],
)
def test_each_reason_is_said_with_what_to_do(tmp_path: Path, code: int, zh: str, en: str) -> None:
    missing = tmp_path / "gone" / "ledger.xlsx"
    error = OSError(code, "raw")
    try:
        set_language("zh")
        text = why_not_written(error, missing)
        assert zh in text and "raw" not in text and f"「{missing.parent}」" in text
        set_language("en")
        assert en in why_not_written(error, missing)
    finally:
        set_language("zh")


@pytest.mark.usefixtures("chinese")
async def test_the_failure_is_said_once_on_the_screen_and_goes_when_it_is_left(
    frozen_clock: object, demo_home: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        screen.query_one("#export-path", Input).value = "/proc/x.xlsx"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        status = str(screen.query_one("#export-status", Static).render())
        assert status.startswith("导出失败：无法写入「/proc」") and status.endswith("。"), status
        assert not any("无法写入" in n.message for n in app._notifications)  # said once
        await pilot.press("escape")  # the path typed: asked first (放弃已填写的内容？)
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        assert app.screen is not screen
        assert not any("无法写入" in n.message for n in app._notifications)
        assert not any("无法写入" in line for line in screen_lines(app))


@pytest.mark.usefixtures("chinese")
async def test_a_missing_folder_is_refused_not_made_as_the_command_line_refuses_it(
    frozen_clock: object, demo_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ctrl+e made /tmp/nonexist/deeper for q.xlsx where `fieldapp export` refuses; a
    device or a pipe typed is not replaced by a file; a relative name is written in the
    exports folder and shown as the file it wrote, in full."""
    os.mkfifo(tmp_path / "pipe")
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        field = screen.query_one("#export-path", Input)
        for typed, said in (
            (tmp_path / "nonexist" / "deeper" / "q.xlsx", "这个文件夹不存在"),
            (tmp_path / "pipe", "这不是普通文件"),
        ):
            field.value = str(typed)
            await pilot.press("f10")
            await settle(app, pilot, rounds=2)
            status = str(screen.query_one("#export-status", Static).render())
            assert "无法写入" in status and said in status, status
            assert screen.written == () and not screen.running
        assert not (tmp_path / "nonexist").exists() and (tmp_path / "pipe").is_fifo()
        field.value = "q"
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        assert screen.written == (demo_home / "exports" / "q.xlsx",)  # not where started
        assert field.value == str(demo_home / "exports" / "q.xlsx")
