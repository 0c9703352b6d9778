"""Which typed paths are photos of a placard is one list (`photo_scan.IMAGE_SUFFIXES`):
the scan dialog says a missing image file by it and the app reads a photo's QR by it. Two
copies were kept in step by hand; an extension added to one only would have a photo of
that kind read by one and taken for a placard text by the other."""

from __future__ import annotations

from fieldapp.services.placards import photo_scan
from fieldapp.tui.dialogs import scan
from fieldapp.tui.parts import scanning


def test_the_scan_dialog_and_the_scan_routing_read_one_list_of_image_files() -> None:
    assert scan.IMAGE_SUFFIXES is photo_scan.IMAGE_SUFFIXES
    assert scanning.IMAGE_SUFFIXES is photo_scan.IMAGE_SUFFIXES
    assert not hasattr(scanning, "PHOTO_SUFFIXES")
