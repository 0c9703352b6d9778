"""A date in a Chinese message stands apart from the Chinese before it, so where the
message wraps the date moves to the next line whole instead of being cut in two ("2026" /
"-12-07"): Textual breaks a line only at a space."""

from __future__ import annotations

import pytest
from pilot_support import settle
from textual.app import App, ComposeResult
from textual.widgets import Static

from fieldapp.i18n import t

pytestmark = pytest.mark.usefixtures("chinese")

DAY, MOMENT = "2026-12-07", "2026-12-07 06:40"
MESSAGES = {
    "sync_ui.verdicts.verified": dict(venue="鼎美村·福顺小旅馆(示例)", at=MOMENT),
    "sync_ui.verdicts.unverified": dict(
        venue="鼎美村·福顺小旅馆(示例)", at=MOMENT, reason="服务器不认识的签名密钥"
    ),
    "review_ui.filter.reversed": dict(first=DAY, last="2026-12-01"),
}


class Narrow(App[None]):
    def __init__(self, text: str, width: int) -> None:
        super().__init__()
        self.text, self.width = text, width

    def compose(self) -> ComposeResult:
        yield Static(self.text, markup=False, id="said")

    def on_mount(self) -> None:
        self.query_one("#said").styles.width = self.width


@pytest.mark.parametrize("key", MESSAGES)
async def test_a_date_in_a_wrapped_chinese_message_is_never_cut(key: str) -> None:
    text = t(key, **MESSAGES[key])
    for width in range(14, 41, 2):
        app = Narrow(text, width)
        async with app.run_test(size=(60, 12)) as pilot:
            await settle(app, pilot)
            screen = "\n".join(s.text for s in app.screen._compositor.render_strips())
            assert DAY in screen, (width, screen)
