"""A toast's Chinese breaks where a phrase ends (fieldapp.tui.toasts): 36 cells wide at
80 columns, F5's refusal read "隐患复查只对网格长和管理员开放；您负" / "责的隐患在…", and the
sync's failure "…所有记录都" / "保存在本机，…". Every toast is broken so, however it was raised
(a screen's `explain`, the app's `notify`), at the width it is drawn at; English words
stay whole."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pilot_support import at_home, settle
from rich.cells import cell_len

from fieldapp.i18n import t
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.phrases import PHRASE_ENDS

CLOSING_AFTER = "”’）」』》"  # may follow a phrase's end on the same line


def toast_lines(app: FieldApp) -> list[str]:
    """The lines the last toast shows, as drawn on the screen."""
    from textual.widgets._toast import Toast

    region = list(app.screen.query(Toast))[-1].content_region
    strips = app.screen._compositor.render_strips()[region.y : region.bottom]
    return [strip.crop(region.x, region.right).text.strip() for strip in strips]


def assert_phrases_whole(lines: list[str], message: str, width: int) -> None:
    assert "".join(lines).replace(" ", "") == message.replace(" ", ""), lines  # all of it
    for line in lines[:-1]:
        assert line.rstrip(CLOSING_AFTER)[-1] in PHRASE_ENDS, lines  # ends a phrase
        assert cell_len(line) <= width, lines


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_a_refusal_breaks_between_its_phrases(demo_home: Path, size: tuple[int, int]) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=size, notifications=True) as pilot:
        await at_home(app, pilot)
        await pilot.press("f5")  # an inspector: a supervisor's key, explained
        await settle(app, pilot)
        lines = toast_lines(app)
    message = t("app.supervisors_only.review")
    assert lines == ["隐患复查只对网格长和管理员开放；", "您负责的隐患在首页“我负责的隐患”中。"]
    assert_phrases_whole(lines, message, size[0] // 2)


async def test_every_notice_breaks_between_its_phrases(demo_home: Path) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await at_home(app, pilot)
        message = t("sync_ui.failed", error="服务器拒绝了请求")
        app.notify(message, severity="error")
        await settle(app, pilot)
        lines = toast_lines(app)
    assert not lines[1].startswith("保存在本机"), lines  # "…所有记录都" / "保存在本机，…"
    assert_phrases_whole(lines, message, 40)


async def test_english_words_stay_whole(demo_home: Path) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await at_home(app, pilot)
        await pilot.press("f5")
        await settle(app, pilot)
        lines = toast_lines(app)
    message = t("app.supervisors_only.review")
    assert len(lines) > 1 and " ".join(lines) == message, lines
    assert all(re.fullmatch(r"\S+( \S+)*", line) for line in lines), lines
