"""A photo of a placard, its path typed into the scan dialog: its QR read as a scan from
the camera (`read_photo`).

A big photo takes seconds to read, in a thread worker; meanwhile the dialog says it is
being read, and the person may try something else. Every scan counts a request
(`photo_request`, counted by `scan_text`): what a photo read says is dropped when a later
scan came meanwhile, so an old read never replaces the answer to the latest one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from fieldapp.i18n import t
from fieldapp.services.inspection.scan_proof import CAMERA, TYPED
from fieldapp.tui.parts.scan_dialogs import ScanDialogs


class ScanPhotos(ScanDialogs):
    """Mixed into the scanning app, which provides `scan_text`."""

    photo_request = 0  # scans so far; a photo's read answers only while it is the last

    if TYPE_CHECKING:

        def scan_text(self, text: str, source: str = TYPED) -> None: ...  # ScanningApp's

    def read_photo(self, path: str) -> None:
        """Read the QR of the photo at `path` (the request counted by `scan_text`)."""
        self.say_about_scan(t("scan.reading_photo", name=Path(path).name), "information")
        self._read_photo(path, self.photo_request)

    @work(thread=True, exit_on_error=False, group="scan-photo")
    def _read_photo(self, path: str, request: int) -> None:
        from fieldapp.services.placards.photo_scan import (
            QrDecodeError,
            decode_qr_texts,
            the_placard,
        )

        try:
            text = the_placard(decode_qr_texts(Path(path).expanduser()), path)
        except QrDecodeError as refused:
            self.call_from_thread(self._photo_read, request, str(refused), "")
            return
        self.call_from_thread(self._photo_read, request, "", text)

    def _photo_read(self, request: int, refusal: str, text: str) -> None:
        if request != self.photo_request:
            self.log.info("a photo read after a later scan: dropped")
        elif refusal:
            self.say_about_scan(refusal)
        else:
            self.scan_text(text, CAMERA)
