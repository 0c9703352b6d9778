"""F2 (扫码 / 查找场所) with a venue's name typed (宾馆) said 这不是本系统的场所二维码，请扫描
场所墙上的消防安全标牌, as of a stranger's QR code: text that reads as a name is told where
names are found (Esc, then /); a QR code of someone else's is still said as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle

from fieldapp.domain.placard import typed_search
from fieldapp.i18n import t
from fieldapp.store.models import Inspection
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.scan import ScanDialog


@pytest.mark.parametrize("text", ["宾馆", "红星 超市", "hongxing", "Li"])
def test_a_name_typed_reads_as_a_search(text: str) -> None:
    assert typed_search(text)


@pytest.mark.parametrize(
    "text", ["https://u.wechat.com/x", "WIFI:S:home;T:WPA;;", "/tmp/a.jpg", "1234", "。"]
)
def test_another_qr_code_or_a_path_does_not(text: str) -> None:
    assert not typed_search(text)


@pytest.mark.parametrize(
    ("lang", "how"), [("zh", "请按 Esc 后再按 /"), ("en", "press Esc, then /")]
)
async def test_a_name_typed_into_the_scan_dialog_is_told_where_names_are_found(
    demo_home: Path, lang: str, how: str
) -> None:
    before = Inspection.select().count()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2")
        await settle(app, pilot)
        assert isinstance(app.screen, ScanDialog)
        await pilot.press(*"宾馆", "enter")
        await settle(app, pilot)
        said = str(app.screen.query_one("#scan-message").render())
        assert said == t("scan.name_in_dialog", code="宾馆") and how in said, said
        await pilot.press("ctrl+a", *"https://u.wechat.com/x", "enter")
        await settle(app, pilot)
        said = str(app.screen.query_one("#scan-message").render())
        assert said == t("placard.check.not_fieldapp"), said
    assert Inspection.select().count() == before
