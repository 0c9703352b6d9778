"""Reading QR codes from a photo of a placard (zxing-cpp)."""

from __future__ import annotations

from pathlib import Path

from fieldapp.i18n import t


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
            image = opened.convert("L")  # also forces the decode: a broken file fails here
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError) as exc:
        raise QrDecodeError("not_image", path) from exc
    barcodes = zxingcpp.read_barcodes(
        image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    )
    texts = list(dict.fromkeys(b.text for b in barcodes if b.text))
    if not texts:
        raise QrDecodeError("no_qr", path)
    return texts
