"""An incident's evidence as its view says it: "Evidence (1) Photo · 6017578d1304… · on
this device" named a photo by its hash, said "on this device" whether or not sync had
sent it, and gave no way to see it. A photo is named as every photo is (照片 1, or the
file attached this session), says whether it waits for the next sync or is on the
server (`Blob.uploaded`, set when sync sends it), and p opens it in the system viewer as
the inspection record's o does.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from incident_time_support import incident_at
from inspect_support import make_png
from pilot_support import footer_keys_seen, open_first_incident, open_screen, screen_text, settle

from fieldapp.i18n import set_language, t
from fieldapp.services.common import photos
from fieldapp.services.common.photos import blob_path
from fieldapp.services.demo import workspace as demo
from fieldapp.services.incidents import reporting
from fieldapp.store.incident_models import Incident
from fieldapp.store.models import Blob
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.incidents import IncidentsScreen

SMALL = (80, 24)


@pytest.fixture
def opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An xdg-open that writes down what it was asked to open (a display is said to be
    there): the file it writes."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    said = tmp_path / "opened.txt"
    opener = bin_dir / "xdg-open"
    opener.write_text(f'#!/bin/sh\nprintf "%s" "$1" > "{said}"\nexit 0\n')
    opener.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/usr/bin:/bin")
    monkeypatch.setenv("DISPLAY", ":99")
    return said


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_photo_is_named_says_where_it_is_and_p_opens_it(
    demo_home: Path, tmp_path: Path, opened: Path, lang: str
) -> None:
    picture = make_png(tmp_path / "stall.png")
    report = reporting.IncidentReport(
        "fireworks_sale", incident_at(), "摆摊销售烟花爆竹", address="鼎美村村口",
        files=[str(picture)],
    )  # fmt: skip
    incident = reporting.report_incident(report)
    (sha,) = Incident.get_by_id(incident.id).photos
    photos._source_names.clear()  # attached in an earlier session: no file name known
    demo.act_as("supervisor")
    set_language(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=SMALL) as pilot:
        await open_first_incident(app, pilot)
        shown = screen_text(app)
        numbered = t("photo_view.numbered", number=1)
        assert f"{numbered} · " in shown and sha[:12] not in shown, shown
        assert t("incident.record.on_device") in shown, shown  # not sent yet
        assert "open_photo" in footer_keys_seen(app.screen)
        await pilot.press("p")
        await settle(app, pilot, rounds=2)
        assert opened.read_text() == str(blob_path(sha))
        assert [n.message for n in app._notifications][-1] == t("photo_view.opened", label=numbered)
        await pilot.press("escape")
        await settle(app, pilot)

        Blob.update(uploaded=True).where(Blob.sha256 == sha).execute()  # as sync sends it
        await pilot.press("enter")
        await settle(app, pilot, rounds=2)
        shown = screen_text(app)
        assert t("incident.record.sent") in shown, shown
        assert t("incident.record.on_device") not in shown, shown


async def test_an_incident_without_a_photo_here_offers_no_key_to_open_one(
    demo_home: Path,
) -> None:
    reporting.report_incident(
        reporting.IncidentReport("fireworks_sale", incident_at(), "摆摊", address="村口")
    )
    demo.act_as("supervisor")
    app = make_app(lang="zh")
    async with app.run_test(size=SMALL) as pilot:
        await open_first_incident(app, pilot)
        assert "open_photo" not in footer_keys_seen(app.screen)


async def test_a_photo_under_1_kb_is_said_in_bytes_not_0_kb(
    demo_home: Path, tmp_path: Path
) -> None:
    from PIL import Image

    tiny = tmp_path / "tiny.png"
    Image.new("RGB", (4, 4), (200, 40, 30)).save(tiny)
    report = reporting.IncidentReport(
        "fireworks_sale", incident_at(), "摆摊", address="村口", files=[str(tiny)]
    )
    (sha,) = Incident.get_by_id(reporting.report_incident(report).id).photos
    size = blob_path(sha).stat().st_size
    assert size < 1024
    demo.act_as("supervisor")
    app = make_app(lang="zh")
    async with app.run_test(size=SMALL) as pilot:
        await open_screen(app, pilot, "f3", IncidentsScreen)
        await pilot.press("enter")
        await settle(app, pilot, rounds=2)
        shown = screen_text(app)
        assert f" · {size} B · " in shown and "0 KB" not in shown, shown


def test_a_size_is_said_in_bytes_under_1_kb_and_in_kb_or_mb_above() -> None:
    from fieldapp.services.incidents.evidence import human_size

    assert [human_size(n) for n in (0, 693, 1023)] == ["0 B", "693 B", "1023 B"]
    assert [human_size(n) for n in (1024, 120 * 1024, 3 * 1024 * 1024)] == [
        "1 KB", "120 KB", "3.0 MB"
    ]  # fmt: skip
