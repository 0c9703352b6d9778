"""While inspecting, the item card's hazard line says how many photos the hazard has
(· 照片 2 张 / · 2 photos): they were attached and then never shown. The same photo
chosen again in the hazard form is kept once and said to be attached already, where the
form said 已附加 x.png as if it had been added. Real app, real store, Pilot, 80x24."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import inspecting, settle
from PIL import Image
from textual.widgets import Static

from fieldapp.i18n import set_language
from fieldapp.tui.dialogs.finding import FindingDialog
from fieldapp.tui.dialogs.photo import PhotoDialog

SAID = {
    "zh": ("已附加 two.png", "one.png 已经附加过了，没有重复附加。", " · 照片 2 张"),
    "en": (
        "Attached two.png",
        "one.png is already attached; it was not added twice.",
        " · 2 photos",
    ),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_hazard_photos_are_counted_on_the_card_and_attached_once(
    home: Path, tmp_path: Path, lang: str
) -> None:
    set_language(lang)
    attached, again, counted = SAID[lang]
    one, two = tmp_path / "one.png", tmp_path / "two.png"
    Image.new("RGB", (800, 600), (200, 40, 30)).save(one)
    Image.new("RGB", (800, 600), (30, 40, 200)).save(two)  # another photo
    async with inspecting(lang, (80, 24)) as (app, pilot, screen):
        await pilot.press("3", "enter", "n")  # COM-02 fails: the hazard form
        form = app.screen
        assert isinstance(form, FindingDialog)
        for photo in (one, two, one):
            await pilot.press("ctrl+o")
            assert isinstance(app.screen, PhotoDialog)
            await pilot.press(*str(photo), "enter")
            await settle(app, pilot)
            assert app.screen is form
            said = str(form.query_one("#finding-message", Static).render())
            if photo == two:
                assert said == attached
        assert said == again
        assert len(form.photos) == 2
        await pilot.press("f10")  # save the hazard
        await pilot.press("left")  # back to COM-02
        await settle(app, pilot)
        assert screen.item.code == "COM-02"
        line = str(screen.query_one("#item-finding", Static).render())
    set_language("zh")
    assert line.endswith(counted), line
