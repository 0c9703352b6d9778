"""What printed documents share: a font that renders Chinese, and a QR code's module matrix.

Placards, rectification notices and hand-over letters all need both.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import qrcode
from qrcode.constants import ERROR_CORRECT_Q

from fieldapp.i18n import t

# Error correction Q (25 %) rather than M: placards hang in kitchens and markets. A 120-char
# payload is then version 7 (45 modules + quiet zone). A fixed mask skips the eight-way mask
# evaluation (about 3x faster); every mask decodes.
QR_ERROR_CORRECTION = ERROR_CORRECT_Q
QR_MASK_PATTERN = 2
QR_QUIET_ZONE = 4

# Tried in order; FIELDAPP_CJK_FONT (a path, optionally "path#index") overrides.
FONT_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", 0),
)


@dataclass(frozen=True, slots=True)
class CjkFont:
    path: str
    index: int = 0  # face number inside a .ttc collection


class FontMissing(RuntimeError):
    """No CJK font on this machine; the message says which package to install."""


def find_cjk_font() -> CjkFont:
    """A font that renders Chinese, or FontMissing naming the Debian package to install."""
    override = os.environ.get("FIELDAPP_CJK_FONT")
    if override:
        file, _, face = override.partition("#")
        if Path(file).is_file():
            return CjkFont(file, int(face or 0))
    for path, index in FONT_CANDIDATES:
        if Path(path).is_file():
            return CjkFont(path, index)
    try:
        listed = subprocess.run(
            ["fc-list", "-f", "%{file}|%{index}\n", ":lang=zh-cn"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        listed = ""
    for line in sorted(listed.splitlines()):
        file, _, face = line.partition("|")
        if file.lower().endswith((".ttf", ".ttc", ".otf")) and Path(file).is_file():
            return CjkFont(file, int(face or 0))
    raise FontMissing(t("placard.render.font_missing"))


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR's modules (True = dark), quiet zone included."""
    qr = qrcode.QRCode(
        error_correction=QR_ERROR_CORRECTION,
        box_size=1,
        border=QR_QUIET_ZONE,
        mask_pattern=QR_MASK_PATTERN,
    )
    qr.add_data(payload)
    qr.make(fit=True)
    return qr.get_matrix()


def draw_qr(pdf, x: float, y: float, size: float, payload: str) -> None:  # type: ignore[no-untyped-def]
    """`payload` as a QR code of side `size` at (x, y) on the fpdf page, in runs of dark
    modules drawn as one rectangle each."""
    matrix = qr_matrix(payload)
    module = size / len(matrix)
    pdf.set_fill_color(0, 0, 0)
    for r, row in enumerate(matrix):
        start = -1
        for c, dark in enumerate([*row, False]):
            if dark and start < 0:
                start = c
            elif not dark and start >= 0:
                pdf.rect(
                    x + start * module, y + r * module, (c - start) * module, module + 0.01, "F"
                )
                start = -1
