"""Evidence files of an incident: photos resized like any photo, video and audio kept as
they are (never re-encoded), copied into the content-addressed blob store while hashed."""

from __future__ import annotations

import hashlib
import mimetypes
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from fieldapp.domain.clock import now_iso
from fieldapp.domain.incidents import MEDIA_LIMIT_BYTES
from fieldapp.i18n import sentences, t
from fieldapp.services.common.photos import IMAGE_SUFFIXES, PhotoError, blob_path, import_photo
from fieldapp.services.common.typed_paths import EVIDENCE, PHOTO, PathRefused, typed_path
from fieldapp.store.models import Blob

MEDIA_SUFFIXES = {
    ".mp4": "video/mp4",
    ".mov": "video/quicktime",
    ".3gp": "video/3gpp",
    ".avi": "video/x-msvideo",
    ".mkv": "video/x-matroska",
    ".webm": "video/webm",
    ".m4a": "audio/mp4",
    ".mp3": "audio/mpeg",
    ".amr": "audio/amr",
    ".wav": "audio/wav",
    ".aac": "audio/aac",
    ".ogg": "audio/ogg",
}
CHUNK = 1024 * 1024


# A file the report form cannot add is refused in its words; a photo added later is refused
# as the photo dialog refuses one everywhere (photo_error.*).
# No file there, a folder, ~nosuchuser, a name too long: `typed_paths`, in those words.
TOO_LARGE = {False: "incident.refused.media_too_large", True: "photo_error.file_too_large"}


class EvidenceError(ValueError):
    """A file that cannot be added as evidence; the message says what to do."""


@dataclass(frozen=True)
class Evidence:
    photos: list[str]
    media: list[dict[str, object]]


def human_size(size: int) -> str:
    """A file's size as a person reads it: '693 B', '120 KB', '3.4 MB'. Under 1 KB in
    bytes, where '{size / 1024:.0f} KB' said a 693-byte photo was '0 KB'."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def media_mime(path: Path) -> str | None:
    mime = MEDIA_SUFFIXES.get(path.suffix.lower())
    if mime is None:
        guessed = mimetypes.guess_type(path.name)[0] or ""
        mime = guessed if guessed.startswith(("video/", "audio/")) else None
    return mime


def check_files(
    paths: list[str], *, limit: int = MEDIA_LIMIT_BYTES, photos_only: bool = False
) -> list[Path]:
    """The files as paths, or one EvidenceError saying every file that cannot be added, in
    the order given (one at a time, a form with three bad files took three tries); with
    `photos_only` (photos added after the report) a video or any other file is no photo."""
    checked: list[Path] = []
    problems: list[str] = []
    for raw in paths:
        try:
            checked.append(checked_file(raw, limit, photos_only))
        except EvidenceError as refused:
            problems.append(str(refused))
    if problems:
        raise EvidenceError(sentences(problems))
    return checked


def checked_file(raw: str, limit: int, photos_only: bool) -> Path:
    """One file as a path, or EvidenceError saying why it cannot be added."""
    try:
        path = typed_path(raw, PHOTO if photos_only else EVIDENCE)
    except PathRefused as refused:
        raise EvidenceError(str(refused)) from None
    image = path.suffix.lower() in IMAGE_SUFFIXES
    if photos_only and not image:
        raise EvidenceError(t("photo_error.not_an_image", name=path.name))
    if not image and media_mime(path) is None:
        raise EvidenceError(t("incident.refused.media_kind", name=path.name))
    size = path.stat().st_size
    if size > limit:
        sizes = {"size": human_size(size), "limit": human_size(limit)}
        raise EvidenceError(t(TOO_LARGE[photos_only], name=path.name, **sizes))
    return path


def import_media(path: Path) -> dict[str, object]:
    """Copy a video or audio file into the blob store as it is; its reference."""
    mime = media_mime(path) or "application/octet-stream"
    blob_path("0" * 64).parent.mkdir(parents=True, exist_ok=True)
    temp = blob_path(f"incoming-{uuid.uuid4().hex}")
    digest = hashlib.sha256()
    size = 0
    try:
        with open(path, "rb") as source, open(temp, "wb") as target:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                target.write(chunk)
                size += len(chunk)
            target.flush()
            os.fsync(target.fileno())
        sha = digest.hexdigest()
        final = blob_path(sha)
        if final.exists():
            temp.unlink()
        else:
            os.replace(temp, final)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise EvidenceError(
            t("incident.refused.media_not_stored", name=path.name, error=error.strerror)
        ) from None
    Blob.insert(
        sha256=sha, mime=mime, size=size, created_at=now_iso()
    ).on_conflict_ignore().execute()
    return {"sha256": sha, "name": path.name[:255], "mime": mime, "size": size}


def import_evidence(paths: list[str]) -> Evidence:
    """Store every file (photos resized, media as they are); all are checked first, so a
    bad one stores nothing."""
    photos: list[str] = []
    media: list[dict[str, object]] = []
    for path in check_files([p for p in paths if p.strip()]):
        if path.suffix.lower() in IMAGE_SUFFIXES:
            try:
                photos.append(import_photo(path))
            except PhotoError as error:
                raise EvidenceError(str(error)) from None
        else:
            media.append(import_media(path))
    return Evidence(photos, media)
