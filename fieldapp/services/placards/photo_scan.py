"""Reading QR codes from a photo of a placard (zxing-cpp)."""

from __future__ import annotations

import warnings
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
    """The file is missing, not an image, holds no QR code, or several placards; str()
    is for a person."""

    def __init__(self, kind: str, path: Path, codes: str = "") -> None:
        self.kind = kind  # missing | not_image | no_qr | several_placards
        self.path = path
        # A file that is no picture is said as the photo fields say it (photo_error).
        key = "photo_error.not_an_image" if kind == "not_image" else f"placard.photo.{kind}"
        super().__init__(t(key, path=str(path), name=Path(path).name, codes=codes))


def placard_code(text: str) -> str:
    """The venue (or checkpoint) code a QR text names as a placard of ours, signed
    (FA1:CODE:KEY:SIG) or bare (an unsigned placard: the code alone); "" for any other
    QR (a payment link)."""
    from fieldapp.domain.placard import VENUE_CODE_RE, looks_like_payload

    canon = text.strip().upper()
    if looks_like_payload(canon):
        return canon.partition(":")[2].partition(":")[0]
    return canon if VENUE_CODE_RE.fullmatch(canon) else ""


def the_placard(texts: list[str], path: Path | str) -> str:
    """The placard among a photo's QR texts (a payment QR beside it is passed over; with
    none of ours, the first, which is refused as such). Two different placards: refused,
    to ask for a photo of one (which of them was meant is not the photo's to say)."""
    placards = [text for text in texts if placard_code(text)]
    codes = list(dict.fromkeys(placard_code(text) for text in placards))
    if len(codes) > 1:
        raise QrDecodeError("several_placards", Path(path), t("placard.photo.sep").join(codes))
    return (placards or texts)[0]


def decode_qr_texts(path: Path | str) -> list[str]:
    """The texts of the QR codes in an image file, in the decoder's order, without repeats."""
    import zxingcpp
    from PIL import Image, UnidentifiedImageError

    path = Path(path)
    if not path.is_file():
        raise QrDecodeError("missing", path)
    try:
        with warnings.catch_warnings():
            # Pillow warns of a "decompression bomb" past ~89 Mpx: it is scaled down here
            # (a 12000x12000 photo reads), and one past twice that is refused below.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
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
