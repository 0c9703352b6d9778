"""The photo dialog's label (f on one's own incident: 照片文件的路径…，多个用 ； 分隔，回车添加)
was cut at the box's edge at 60x20, losing 回车添加, the key that adds the photos. It
wraps now and is read whole, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import screen_lines, settle

from fieldapp.i18n import set_language, t
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.incident_photos import IncidentPhotosDialog


@pytest.mark.parametrize(("lang", "end"), [("zh", "回车添加"), ("en", "Enter adds")])
async def test_the_photo_path_label_is_read_whole_at_60x20(
    demo_home: Path, lang: str, end: str
) -> None:
    app = make_app(lang=lang)
    try:
        async with app.run_test(size=(60, 20)) as pilot:
            await app.push_screen(IncidentPhotosDialog("i1", "事件 i1"))
            await settle(app, pilot)
            label = t("incident.photos.path")
            assert end in label
            read = "".join(line.strip(" ┃▌▐█│") for line in screen_lines(app))
            assert "".join(label.split()) in "".join(read.split()), screen_lines(app)
    finally:
        set_language("zh")
