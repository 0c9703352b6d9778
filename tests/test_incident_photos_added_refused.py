"""Photos added to an incident after its report are refused as the app refuses a photo
elsewhere, said in the person's language, and a refused file stores nothing (no event,
nothing queued): no file at the path, a folder, a video or a text file (not a photo), a
file named .jpg that is no image, a file over the evidence limit, and an image with more
pixels than Pillow opens. Two good photos are one event."""

from __future__ import annotations

from pathlib import Path

import pytest
from incident_time_support import incident_at
from PIL import Image

from fieldapp.domain.incidents import EVIDENCE_ADDED
from fieldapp.services.incidents.added_photos import add_photos
from fieldapp.services.incidents.evidence import EvidenceError
from fieldapp.services.incidents.reporting import IncidentReport, report_incident
from fieldapp.store.incident_models import IncidentEvent
from fieldapp.store.models import Outbox


def _photo(folder: Path, name: str, size: tuple[int, int] = (40, 30)) -> Path:
    path = folder / name
    Image.new("RGB", size, (30, 120, 200)).save(path)
    return path


def _added(incident_id: str) -> list[IncidentEvent]:
    return list(
        IncidentEvent.select().where(
            (IncidentEvent.incident == incident_id) & (IncidentEvent.type == EVIDENCE_ADDED)
        )
    )


@pytest.fixture
def incident_id(demo_home: Path) -> str:
    report = IncidentReport("complaint", incident_at("07:00"), "噪音扰民", address="鼎美村口")
    return report_incident(report).id


@pytest.mark.usefixtures("english")
def test_each_file_that_is_no_photo_is_refused_and_stores_nothing(
    incident_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    video = tmp_path / "现场.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42")
    text = tmp_path / "notes.txt"
    text.write_text("not a photo")
    fake = tmp_path / "fake.jpg"
    fake.write_bytes(b"this is no jpeg")
    ops = Outbox.select().count()
    refused = {
        str(tmp_path / "gone.jpg"): f"there is no file at {tmp_path / 'gone.jpg'}; check the path.",
        str(tmp_path): f"{tmp_path} is a folder, not a photo file; give the photo file's path.",
        str(video): "现场.mp4 is not an image this program can read (use JPEG or PNG).",
        str(text): "notes.txt is not an image this program can read (use JPEG or PNG).",
        str(fake): "fake.jpg is not an image this program can read (use JPEG or PNG).",
    }
    good = str(_photo(tmp_path, "good.png"))
    for path, said in refused.items():
        with pytest.raises(EvidenceError) as error:
            add_photos(incident_id, [good, path])  # a good one beside it is not kept either
        assert str(error.value).startswith(said), str(error.value)
    with pytest.raises(EvidenceError, match="^Enter the path of a photo file"):
        add_photos(incident_id, ["  "])
    big = _photo(tmp_path, "big.png", (100, 100))
    monkeypatch.setattr("fieldapp.domain.incidents.MEDIA_LIMIT_BYTES", 100)
    with pytest.raises(
        EvidenceError,
        match=r"^the photo big.png is \d+ B, over the limit of 100 B; choose a smaller photo",
    ):
        add_photos(incident_id, [str(big)])
    monkeypatch.undo()
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)  # 100x100 is over twice that
    with pytest.raises(EvidenceError, match="^big.png is too large an image to open"):
        add_photos(incident_id, [str(big)])
    assert _added(incident_id) == [] and Outbox.select().count() == ops


@pytest.mark.usefixtures("chinese")
def test_a_refusal_is_said_in_chinese(incident_id: str, tmp_path: Path) -> None:
    text = tmp_path / "说明.txt"
    text.write_text("文字")
    with pytest.raises(
        EvidenceError, match="^说明.txt 不是本程序能读取的图片（请用 JPEG 或 PNG）。$"
    ):
        add_photos(incident_id, [str(text)])


@pytest.mark.usefixtures("english")
def test_two_photos_are_one_event_queued_once(incident_id: str, tmp_path: Path) -> None:
    first, second = _photo(tmp_path, "a.png"), _photo(tmp_path, "b.png", (30, 40))
    event = add_photos(incident_id, [str(first), str(second), str(first)])
    assert len(event.photos) == 2 and [e.id for e in _added(incident_id)] == [event.id]
    queued = [o for o in Outbox.select() if event.id in o.payload]
    assert len(queued) == 1 and queued[0].type == "incident.event"
