"""Which files are still images is one list (`common.photos.IMAGE_SUFFIXES`): the scan
routing takes typed or scanned text for a photo's path by it (the scan dialog asks the
routing since 0957df1), and an incident's evidence re-encodes a photo by it. The scan lists were two copies kept in step
by hand, and the evidence kept a third (with .gif, without .tif): a TIFF was read as a
placard's photo but refused as evidence."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from fieldapp.services.common import photos
from fieldapp.services.incidents import evidence
from fieldapp.store.models import Blob
from fieldapp.tui.dialogs import scan
from fieldapp.tui.parts import scanning


def test_the_scan_dialog_the_scan_routing_and_evidence_read_one_list_of_image_files() -> None:
    assert not hasattr(scan, "IMAGE_SUFFIXES")  # the dialog keeps no list of its own
    assert scanning.IMAGE_SUFFIXES is photos.IMAGE_SUFFIXES
    assert evidence.IMAGE_SUFFIXES is photos.IMAGE_SUFFIXES
    assert not hasattr(scanning, "PHOTO_SUFFIXES")
    assert not hasattr(evidence, "PHOTO_SUFFIXES")


def test_a_tiff_and_a_gif_are_attached_as_photos(home: Path, tmp_path: Path) -> None:
    """A scanned TIFF was refused as evidence ("not a photo, video or recording") although
    the placard scan reads the same file as a photo."""
    tiff, gif = tmp_path / "scan.tif", tmp_path / "sign.gif"
    Image.new("RGB", (40, 30), "red").save(tiff, "TIFF")
    Image.new("RGB", (40, 30), "blue").save(gif, "GIF")
    stored = evidence.import_evidence([str(tiff), str(gif)])
    assert stored.media == []
    assert len(stored.photos) == 2
    assert all(Blob.get_by_id(sha).mime == "image/jpeg" for sha in stored.photos)
