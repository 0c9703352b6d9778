"""Photos: resized with Pillow to at most 1600 px, stored as JPEG by sha256.

Re-encoding drops the original's EXIF, so its capture time and GPS position are read
first (`read_exif`) and kept on the Blob row (`Blob.exif`); they travel with the
inspection as proof (`photo_proofs`) and let a supervisor see a photo taken before the
inspection started or far from the venue.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from fieldapp.domain.clock import now_iso, wall_clock
from fieldapp.i18n import t
from fieldapp.paths import blobs_dir
from fieldapp.store.models import Blob

# Still images Pillow opens, by their name: an incident's evidence file so named is
# re-encoded as a photo (`import_photo`), and a path typed into the scan dialog (F2) so
# named is a photo of a placard whose QR is read (`photo_scan`). One list, so a kind of
# picture one of them takes is never refused or taken for text by the other.
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif", ".tif", ".tiff", ".heic")
MAX_EDGE = 1600
JPEG_QUALITY = 85


class PhotoError(ValueError):
    """A photo that could not be read or stored; the message says what to do."""


def blob_path(sha256: str) -> Path:
    return blobs_dir() / f"{sha256}.jpg"


def import_photo(source: str | Path) -> str:
    """Resize and store the image at `source`; returns its sha256."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    from fieldapp.services.common.typed_paths import PHOTO, PathRefused, typed_path

    try:
        path = typed_path(str(source), PHOTO)
    except PathRefused as refused:
        raise PhotoError(str(refused)) from None
    try:
        with Image.open(path) as original:
            exif = read_exif(original)
            image = ImageOps.exif_transpose(original)
            image.thumbnail((MAX_EDGE, MAX_EDGE))
            buffer = io.BytesIO()
            image.convert("RGB").save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    except Image.DecompressionBombError:  # more pixels than Pillow will open
        raise PhotoError(t("photo_error.too_large", name=path.name)) from None
    except (UnidentifiedImageError, OSError):
        raise PhotoError(t("photo_error.not_an_image", name=path.name)) from None
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
            raise PhotoError(t("photo_error.not_stored", error=error.strerror)) from None
    Blob.insert(
        sha256=sha, mime="image/jpeg", size=len(data), created_at=now_iso(), exif=exif
    ).on_conflict_ignore().execute()
    remember_source(sha, path)
    return sha


# --- EXIF ---------------------------------------------------------------------------------

_DATETIME_ORIGINAL = 0x9003
_OFFSET_TIME_ORIGINAL = 0x9011
_DATETIME = 0x0132  # IFD0: when the file was last written, a fallback


def _degrees(value: Any, ref: Any, negative: str) -> float | None:
    """(degrees, minutes, seconds) rationals and a N/S or E/W ref, as signed degrees."""
    try:
        d, m, s = (float(part) for part in value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    result = d + m / 60 + s / 3600
    if isinstance(ref, bytes):
        ref = ref.decode("ascii", "replace")
    return -result if str(ref or "").strip().upper() == negative else result


def _utc(camera_time: str, offset: str) -> str | None:
    """EXIF "YYYY:MM:DD HH:MM:SS" (with its "+08:00" offset when the camera wrote one,
    else this device's zone) as ISO UTC."""
    try:
        local = dt.datetime.strptime(camera_time.strip(), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    if offset.strip():
        try:
            aware = dt.datetime.fromisoformat(local.isoformat() + offset.strip())
        except ValueError:
            aware = wall_clock(local)
    else:
        aware = wall_clock(local)  # naive: the device's zone
    return aware.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def read_exif(image: Any) -> dict[str, Any]:
    """The original's capture time and GPS position (keys absent when the photo has none):
    taken_at (ISO UTC), exif_time (as written), lat, lon (decimal degrees)."""
    from PIL import ExifTags

    try:
        exif = image.getexif()
        sub = exif.get_ifd(ExifTags.IFD.Exif)
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    except Exception:  # a damaged EXIF block must not stop the photo itself
        return {}
    found: dict[str, Any] = {}
    camera_time = str(sub.get(_DATETIME_ORIGINAL) or exif.get(_DATETIME) or "")
    if camera_time.strip("\x00 "):
        found["exif_time"] = camera_time.strip("\x00 ")[:40]
        taken = _utc(found["exif_time"], str(sub.get(_OFFSET_TIME_ORIGINAL) or ""))
        if taken:
            found["taken_at"] = taken
    lat = _degrees(gps.get(2), gps.get(1), "S") if gps.get(2) is not None else None
    lon = _degrees(gps.get(4), gps.get(3), "W") if gps.get(4) is not None else None
    if lat is not None and lon is not None and abs(lat) <= 90 and abs(lon) <= 180:
        found["lat"], found["lon"] = round(lat, 7), round(lon, 7)
    return found


def photo_proofs(shas: Iterable[str]) -> list[dict[str, Any]]:
    """The EXIF kept for each photo (only those that had any), for an inspection's proof."""
    wanted = list(dict.fromkeys(shas))
    if not wanted:
        return []
    held = {b.sha256: b.exif for b in Blob.select().where(Blob.sha256.in_(wanted))}
    return [{"sha256": sha, **held[sha]} for sha in wanted if held.get(sha)]


# --- what a person calls a photo --------------------------------------------------------

# The file each photo was attached from in this session, by sha256: a name the person
# chose, said instead of "照片 2" while the app runs (not stored: the hash is the record).
_source_names: dict[str, str] = {}


def remember_source(sha256: str, source: str | Path) -> None:
    _source_names[sha256] = Path(source).name


def _local_minute(stamp: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return ""
    if moment.tzinfo is not None:
        moment = wall_clock(moment)
    return moment.strftime("%Y-%m-%d %H:%M")


def photo_labels(shas: Iterable[str]) -> list[str]:
    """How each photo is named to a person, in order: the file it was attached from when
    this session knows it, else 照片 1, 照片 2 …; with the time the camera took it when the
    photo says so. Never the hash. Reads the store (the capture times)."""
    wanted = list(shas)
    taken: dict[str, str] = {}
    if wanted:
        for blob in Blob.select(Blob.sha256, Blob.exif).where(Blob.sha256.in_(wanted)):
            stamp = (blob.exif or {}).get("taken_at")
            if stamp:
                taken[blob.sha256] = _local_minute(str(stamp))
    labels = []
    for number, sha in enumerate(wanted, start=1):
        label = _source_names.get(sha) or t("photo_view.numbered", number=number)
        when = taken.get(sha)
        labels.append(t("photo_view.taken", label=label, time=when) if when else label)
    return labels
