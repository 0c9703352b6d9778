"""Photos: resized with Pillow to at most 1600 px, stored as JPEG by sha256."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

from fieldapp.domain.clock import now_iso
from fieldapp.paths import blobs_dir
from fieldapp.store.models import Blob

MAX_EDGE = 1600
JPEG_QUALITY = 85


class PhotoError(ValueError):
    """A photo that could not be read or stored; the message says what to do."""


def blob_path(sha256: str) -> Path:
    return blobs_dir() / f"{sha256}.jpg"


def import_photo(source: str | Path) -> str:
    """Resize and store the image at `source`; returns its sha256."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    path = Path(source).expanduser()
    if not path.is_file():
        raise PhotoError(f"no file at {path}")
    try:
        with Image.open(path) as original:
            image = ImageOps.exif_transpose(original)
            image.thumbnail((MAX_EDGE, MAX_EDGE))
            buffer = io.BytesIO()
            image.convert("RGB").save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    except (UnidentifiedImageError, OSError) as error:
        raise PhotoError(f"{path.name} is not an image this program can read ({error})") from None
    data = buffer.getvalue()
    sha = hashlib.sha256(data).hexdigest()
    target = blob_path(sha)
    if not target.exists():
        temp = target.with_suffix(".part")
        try:
            with open(temp, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            temp.replace(target)
        except OSError as error:
            temp.unlink(missing_ok=True)
            raise PhotoError(
                f"could not store the photo: {error.strerror}; free some disk space"
            ) from None
    Blob.insert(
        sha256=sha, mime="image/jpeg", size=len(data), created_at=now_iso()
    ).on_conflict_ignore().execute()
    return sha
