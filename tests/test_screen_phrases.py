"""A screen's status line breaks its Chinese where a phrase ends, as toasts do
(`fieldapp.tui.widgets.phrase_static`): at 80 columns the sync screen's offline state read
"…所有记录都保存在本机，联网后" / "会自动上报。"."""

from __future__ import annotations

from test_sync_ui import (
    chinese,
    demo_server_running,
    press_f12_and_wait,
    until_probed,
)
from test_toast_phrases import CLOSING_AFTER
from textual.widgets import Static

from fieldapp.services.demo import server as demo_server
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.phrases import PHRASE_ENDS

__all__ = ["chinese", "demo_server_running"]  # fixtures


def drawn_lines(app: FieldApp, selector: str) -> list[str]:
    """The lines the widget shows, as drawn on the screen."""
    region = app.screen.query_one(selector).content_region
    strips = app.screen._compositor.render_strips()[region.y : region.bottom]
    return [strip.crop(region.x, region.right).text.rstrip() for strip in strips]


async def test_the_offline_state_breaks_between_its_phrases(
    demo_server_running: demo_server.DemoServer,
) -> None:
    demo_server_running.stop()
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await until_probed(app, pilot)
        screen = await press_f12_and_wait(app, pilot)
        assert "离线" in str(screen.query_one("#sync-state", Static).render())
        lines = [line for line in drawn_lines(app, "#sync-state") if line]
    assert "".join(lines).endswith("联网后会自动上报。"), lines
    assert len(lines) > 1, lines  # the message is wider than the screen
    for line in lines[:-1]:
        assert line.rstrip(CLOSING_AFTER)[-1] in PHRASE_ENDS, lines
