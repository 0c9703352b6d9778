"""Reading QR codes from a photo of a placard (zxing-cpp)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.i18n import t

if TYPE_CHECKING:
    from PIL import Image


# The longest side a photo is decoded at. A phone's photo (4032x3024) is read whole; a
# bigger one is scaled down first: decoding a 12000x12000 image whole took ~1 GB and
# 7 s, and a placard's QR fills enough of any photo that finds it to stay readable.
MAX_SIDE = 4096


class QrDecodeError(ValueError):
    """The file is missing, not an image, or holds no QR code; str() is for a person."""

    def __init__(self, kind: str, path: Path) -> None:
        self.kind = kind  # missing | not_image | no_qr
        self.path = path
        super().__init__(t(f"placard.photo.{kind}", path=str(path)))


def decode_qr_texts(path: Path | str) -> list[str]:
    """The texts of the QR codes in an image file, in the decoder's order, without repeats."""
    import zxingcpp
    from PIL import Image, UnidentifiedImageError

    path = Path(path)
    if not path.is_file():
        raise QrDecodeError("missing", path)
    try:
        with Image.open(path) as opened:
            image = _grey_within(opened, MAX_SIDE)  # decodes it: a broken file fails here
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError) as exc:
        raise QrDecodeError("not_image", path) from exc
    barcodes = zxingcpp.read_barcodes(
        image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    )
    texts = list(dict.fromkeys(b.text for b in barcodes if b.text))
    if not texts:
        raise QrDecodeError("no_qr", path)
    return texts


def _grey_within(opened: Image.Image, max_side: int) -> Image.Image:
    """The image in grey, scaled down by a whole factor to at most `max_side` pixels a
    side: a JPEG is decoded at that scale (`draft`), anything else decoded then reduced
    before it is turned grey, so the full-size copy is the only big one."""
    factor = -(-max(opened.size) // max_side)  # ceiling division
    if factor > 1:
        opened.draft("L", (opened.width // factor, opened.height // factor))
        factor = -(-max(opened.size) // max_side)  # what the draft left to do
    image = opened.reduce(factor) if factor > 1 else opened
    return image.convert("L")
