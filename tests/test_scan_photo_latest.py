"""Only the latest scan's answer shows in the scan dialog: a big photo read for seconds
(a 12000x12000 PNG took ~7 s) said 没有找到二维码 over the refusal of a photo entered
after it. While a photo is read, the dialog says so. Real app and store, Pilot, 80x24;
the big photo's read is held until the test lets it finish."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import qrcode
from PIL import Image
from test_wedge_scan import scanning_app, settle
from textual.widgets import Input, Static

from fieldapp.i18n import set_language, t
from fieldapp.services.placards import photo_scan
from fieldapp.tui.dialogs.scan import ScanDialog


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
async def test_a_slow_photo_read_does_not_replace_a_later_answer(
    demo_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    set_language(lang)
    big, other = tmp_path / "big.png", tmp_path / "wechat.png"
    Image.new("L", (400, 400), 255).save(big)  # no QR code in it
    qrcode.make("https://weixin.qq.com/abc").save(other)
    release = threading.Event()
    decode = photo_scan.decode_qr_texts

    def slow_for_big(path: Path | str) -> list[str]:
        if Path(path).name == big.name:
            release.wait(30)  # as long as a huge photo takes
        return decode(path)

    monkeypatch.setattr(photo_scan, "decode_qr_texts", slow_for_big)
    app, _ = scanning_app(pace=0.5)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ScanDialog)
        field = dialog.query_one("#scan-input", Input)

        def said() -> str:
            return str(dialog.query_one("#scan-message", Static).render())

        field.value = str(big)
        await pilot.press("enter")
        await pilot.pause()
        assert said() == t("scan.reading_photo", name="big.png")
        field.value = str(other)
        await pilot.press("enter")
        for _ in range(200):  # the other photo is read while the big one still is
            await pilot.pause(0.02)
            if said() == t("placard.check.not_fieldapp"):
                break
        assert said() == t("placard.check.not_fieldapp")
        release.set()  # the big photo's read ends now, after the answer shown
        await settle(app, pilot)
        assert said() == t("placard.check.not_fieldapp")
        assert app.screen is dialog
    set_language("zh")
