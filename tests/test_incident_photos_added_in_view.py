"""Functional: the inspector who reported an incident adds a photo taken after the
report from its view (F3 → Enter → f). The key is in the footer; the photo dialog takes
one or more paths; the photo is stored and queued as an `evidence_added` event, and the
incident's evidence lists it at once, named by its file, and the list of my incidents
counts it. A file that is no image is refused in the dialog as a photo is everywhere,
which stays open with the path to fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from incident_time_support import incident_at
from incident_view_support import own_incident_view
from PIL import Image
from pilot_support import screen_text, settle
from textual.widgets import Input, Static

from fieldapp.domain.incidents import EVIDENCE_ADDED
from fieldapp.services.incidents import reporting
from fieldapp.store.models import Outbox
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.incident_photos import IncidentPhotosDialog
from fieldapp.tui.widgets.key_footer import KeyFooter


@pytest.mark.parametrize(
    ("lang", "key", "refused", "counted"),
    [
        ("zh", "f 补充照片", "照片未附加：说明.txt 不是本程序能读取的图片", "证据 照片 1"),
        ("en", "f Add photos", "Photo not attached: 说明.txt is not an image", "Photos 1"),
    ],
)
async def test_the_reporter_adds_a_photo_and_sees_it_in_the_evidence(
    demo_home: Path, tmp_path: Path, lang: str, key: str, refused: str, counted: str
) -> None:
    incident = reporting.report_incident(
        reporting.IncidentReport("fireworks_sale", incident_at(), "摆摊", address="村口")
    )
    photo = tmp_path / "摊位近景.png"
    Image.new("RGB", (64, 48), (200, 30, 30)).save(photo)
    text = tmp_path / "说明.txt"
    text.write_text("不是照片")
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        record = await own_incident_view(app, pilot)
        assert key in record.query_one(KeyFooter).text
        await pilot.press("f")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, IncidentPhotosDialog)

        field = dialog.query_one("#photo-path", Input)
        field.value = str(text)
        await pilot.press("enter")
        await settle(app, pilot, rounds=2)
        assert app.screen is dialog  # refused: still open, the path kept to fix
        assert refused in str(dialog.query_one("#photo-message", Static).render())

        field.value = str(photo)
        await pilot.press("enter")
        await settle(app, pilot, rounds=3)
        assert app.screen is record
        assert record.record is not None  # read again: the photo is in its evidence
        photos = [f for f in record.record.evidence if f.kind == "photo"]
        assert [f.name for f in photos] == ["摊位近景.png"] and photos[0].on_device
        assert "摊位近景.png" in screen_text(app)  # on screen, under its evidence
        await pilot.press("escape")  # back to my incidents: its line counts the photo
        await settle(app, pilot, rounds=2)
        assert counted in screen_text(app)
    queued = [json.loads(o.payload) for o in Outbox.select() if o.type == "incident.event"]
    added = [p["event"] for p in queued if p["event"]["type"] == EVIDENCE_ADDED]
    assert [(p["photos"], p["actor"]) for p in added] == [([photos[0].sha256], incident.created_by)]
