"""A photo bigger than a phone's is scaled down before its QR is looked for: decoding a
12000x12000 image whole took ~1 GB and 7 s on the device. A placard in a big photo,
turned and blurred as a hand-held photo is, still reads; one of a phone's size is read
whole."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageFilter

from fieldapp.reports.placards import PlacardInfo, render_png
from fieldapp.services.placards.photo_scan import decode_qr_texts

PAYLOAD = "DM-0002"  # an unsigned placard's QR: the venue code


def placard_photo(tmp_path: Path, side: int, suffix: str) -> Path:
    """The placard, turned 8° and blurred, filling a third of a `side`-wide photo."""
    info = PlacardInfo("DM-0002", "鼎美村·示例", "small_shop", "", "", "", "", PAYLOAD)
    placard = Image.open(render_png(info, tmp_path / "placard.png", size="A5")).convert("RGB")
    width = side // 3
    placard = placard.resize((width, width * placard.height // placard.width))
    placard = placard.rotate(8, expand=True, fillcolor=(90, 80, 70))
    photo = Image.new("RGB", (side, side * 3 // 4), (90, 80, 70))
    photo.paste(placard, (side // 3, side // 10))
    path = tmp_path / f"photo{suffix}"
    photo.filter(ImageFilter.GaussianBlur(side / 2000)).save(path)
    return path


@pytest.mark.parametrize(("side", "suffix"), [(4032, ".jpg"), (9000, ".png"), (12000, ".jpg")])
def test_a_turned_blurred_placard_reads_at_any_size(tmp_path: Path, side: int, suffix: str) -> None:
    assert decode_qr_texts(placard_photo(tmp_path, side, suffix)) == [PAYLOAD]


def test_a_huge_photo_is_read_in_a_fraction_of_its_memory(tmp_path: Path) -> None:
    huge = tmp_path / "huge.png"
    Image.new("RGB", (12000, 12000), (240, 240, 240)).save(huge)
    probe = (
        "import re, warnings\n"
        "warnings.simplefilter('ignore')\n"
        "from fieldapp.services.placards.photo_scan import QrDecodeError, decode_qr_texts\n"
        "try:\n"
        f"    decode_qr_texts({str(huge)!r})\n"
        "except QrDecodeError as refused:\n"
        "    assert refused.kind == 'no_qr', refused\n"
        "status = open('/proc/self/status').read()\n"  # this process's peak, not its parent's
        "print(int(re.search(r'VmHWM:\\s+(\\d+)', status).group(1)) // 1024)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    peak_mb = int(done.stdout)
    # The image in RGB is 432 MB; decoded whole, a grey copy and the decoder's own made
    # ~1000 MB. Scaled down to photo_scan.MAX_SIDE, little more than the RGB image remains.
    assert peak_mb < 700, peak_mb


def test_the_cli_says_no_pillow_warning_of_a_huge_photo(tmp_path: Path) -> None:
    """`fieldapp scan huge.jpg` printed Pillow's DecompressionBombWarning, a traceback
    line for a photo it reads whole after scaling it down."""
    huge = tmp_path / "huge.jpg"
    Image.new("RGB", (12000, 12000), (240, 240, 240)).save(huge, quality=50)
    env = {**os.environ, "FIELDAPP_HOME": str(tmp_path / "home"), "PYTHONWARNINGS": "default"}
    done = subprocess.run(
        [sys.executable, "-m", "fieldapp", "--lang", "en", "scan", str(huge)],
        capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert done.returncode == 1
    assert "Warning" not in done.stderr and "Warning" not in done.stdout, done.stderr
    assert f"No QR code found in {huge}." in done.stderr, done.stderr
