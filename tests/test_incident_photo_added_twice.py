"""Adding a photo the incident already holds (F3 → Enter → f, the same file again) said
已给事件补充 1 张照片 and wrote a history line, while the evidence stayed at one photo.
Now the dialog says the photo is in the evidence already and stays open; no event is
stored or queued and the history gains no line."""

from __future__ import annotations

from pathlib import Path

import pytest
from incident_time_support import incident_at
from incident_view_support import own_incident_view
from PIL import Image
from pilot_support import settle
from textual.widgets import Input, Static

from fieldapp.domain.incidents import EVIDENCE_ADDED
from fieldapp.services.incidents import reporting
from fieldapp.store.incident_models import IncidentEvent
from fieldapp.store.models import Outbox
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.incident_photos import IncidentPhotosDialog

SAID = {
    "zh": "这些照片已在事件的证据里，没有补充；请选择其他照片。",
    "en": "This photo is in the incident's evidence already; nothing was added.",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_photo_added_again_is_said_to_be_there_and_nothing_is_logged(
    demo_home: Path, tmp_path: Path, lang: str
) -> None:
    photo = tmp_path / "摊位近景.png"
    Image.new("RGB", (64, 48), (200, 30, 30)).save(photo)
    incident = reporting.report_incident(
        reporting.IncidentReport(
            "fireworks_sale", incident_at(), "摆摊", address="村口", files=[str(photo)]
        )
    )
    ops = Outbox.select().count()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        record = await own_incident_view(app, pilot)
        await pilot.press("f")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, IncidentPhotosDialog)
        dialog.query_one("#photo-path", Input).value = str(photo)
        await pilot.press("enter")
        await settle(app, pilot, rounds=3)
        assert app.screen is dialog  # said there, the dialog open to choose another
        assert SAID[lang] in str(dialog.query_one("#photo-message", Static).render())
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is record
    added = IncidentEvent.select().where(
        (IncidentEvent.incident == incident.id) & (IncidentEvent.type == EVIDENCE_ADDED)
    )
    assert added.count() == 0 and Outbox.select().count() == ops
