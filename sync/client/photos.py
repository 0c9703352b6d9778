"""Photos over the wire: upload the photos of waiting ops, download other devices' photos.

A mixin of `SyncClient`: it uses the client's `_request`, `blob_path` and download limits.
A photo never holds an op or a sync back: a missing, damaged or refused one is reported as
a warning and tried again with the next sync.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peewee import SQL

from fieldapp.domain.clock import now_iso
from fieldapp.store.db import db, write_transaction
from fieldapp.store.models import Blob, Outbox
from fieldapp.store.personal_data import PERSONAL_OPS
from sync.client.base import (
    MediaProblem,
    Progress,
    ServerUnavailable,
    SyncResult,
    error_code,
    error_message,
)
from sync.client.blobs import adopt_file, missing_blobs, store_blob
from sync.protocol import media_refs, photo_refs

if TYPE_CHECKING:
    import httpx

CHUNK = 1024 * 1024
# Video and audio go up in parts of this size, each resumable at its offset: a broken
# connection costs one part, not the whole file.
PART = 512 * 1024


class _FileChunks:
    """A file's bytes for an upload body, read a chunk at a time; iterable again on a retry
    (it reopens the file), so a 50 MB video never sits in memory."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __iter__(self) -> Iterator[bytes]:
        with open(self.path, "rb") as handle:
            while chunk := handle.read(CHUNK):
                yield chunk


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    for chunk in _FileChunks(path):
        digest.update(chunk)
    return digest.hexdigest()


# Per store file: photos the server did not have when this process last asked. They are
# asked for again on every sync, after the others, so they never hold the others back.
_NOT_ON_SERVER: dict[str, set[str]] = {}


class PhotoTransfer:
    if TYPE_CHECKING:
        blob_download_limit: int
        blob_download_bytes: int
        blob_path: Callable[[str], Path]

        def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response: ...

    def upload_blobs(
        self, progress: Progress | None = None, result: SyncResult | None = None
    ) -> int:
        """Send the photos of waiting ops (HEAD first), then those of sent ops that went up
        without them. A missing or refused photo is reported and skipped: it never holds
        its op back."""
        result = result if result is not None else SyncResult()
        wanted: list[str] = []
        # The ops carrying people have no photos (and are sealed at rest): not opened.
        pending = (Outbox.state == "pending") & Outbox.type.not_in(PERSONAL_OPS)
        for row in Outbox.select().where(pending).order_by(Outbox.seq):
            for sha in photo_refs(row.type, json.loads(row.payload)):
                if sha not in wanted:
                    wanted.append(sha)
        wanted += self._sent_without(set(wanted))
        done_already = {
            b.sha256
            for b in Blob.select(Blob.sha256).where(Blob.uploaded == True)  # noqa: E712
        }
        todo = [sha for sha in wanted if sha not in done_already]
        uploaded = 0
        for index, sha in enumerate(todo):
            if progress:
                progress("photos", index, len(todo))
            if self._upload_one(sha, result):
                uploaded += 1
        if progress:
            progress("photos", len(todo), len(todo))
        result.blobs_uploaded += uploaded
        return uploaded

    def _sent_without(self, wanted: set[str]) -> list[str]:
        """Photos held here that records already sent went up without (refused, damaged
        or the server gone at the time), in op order: they are tried again on every sync.
        Only the sent ops naming such a photo are read."""
        held_back = {
            b.sha256
            for b in Blob.select(Blob.sha256).where(Blob.uploaded == False)  # noqa: E712
            if b.sha256 not in wanted and self.blob_path(b.sha256).is_file()
        }
        if not held_back:
            return []
        sent = (Outbox.state == "acked") & Outbox.type.not_in(PERSONAL_OPS)
        # SQLite finds the ops that name them, the photos given as one JSON array (an OR of
        # one LIKE a photo overflowed its parser's stack from some 90 photos, and the whole
        # sync failed): a sync reads no other sent op, however many the device keeps.
        names = SQL(
            "EXISTS (SELECT 1 FROM json_each(?) WHERE instr(t1.payload, json_each.value))",
            [json.dumps(sorted(held_back))],
        )
        naming = Outbox.select(Outbox.seq, Outbox.type, Outbox.payload).where(sent & names)
        found: list[str] = []
        for row in naming.order_by(Outbox.seq):
            for sha in photo_refs(row.type, json.loads(row.payload)):
                if sha in held_back and sha not in found:
                    found.append(sha)
        return found

    def upload_media(
        self, progress: Progress | None = None, result: SyncResult | None = None
    ) -> int:
        """Send the video and audio files of incidents, after the ops and the pull, so a
        large file never holds up the records behind it. A failure is a warning: the file
        is sent again with the next sync, and its record is on the server already."""
        result = result if result is not None else SyncResult()
        wanted: list[str] = []
        for row in Outbox.select().where(Outbox.type == "incident.event").order_by(Outbox.seq):
            for sha in media_refs(row.type, json.loads(row.payload)):
                if sha not in wanted:
                    wanted.append(sha)
        done_already = {
            b.sha256
            for b in Blob.select(Blob.sha256).where(
                (Blob.uploaded == True) & Blob.sha256.in_(wanted)  # noqa: E712
            )
        }
        todo = [sha for sha in wanted if sha not in done_already]
        uploaded = 0
        for index, sha in enumerate(todo):
            if progress:
                progress("photos", index, len(todo))
            try:
                if self._upload_in_parts(sha, result):
                    uploaded += 1
            except ServerUnavailable as error:
                result.warnings.append(
                    f"video/audio upload stopped ({error}); it is sent with the next sync"
                )
                break
        result.blobs_uploaded += uploaded
        return uploaded

    def _upload_in_parts(self, sha: str, result: SyncResult) -> bool:
        """Send a video or audio file part by part from the offset the server holds; True
        when this call finished it. Raises ServerUnavailable when the network gives out:
        the next sync asks for the offset and goes on from there."""
        what = "video/audio file"
        path = self.blob_path(sha)
        if not path.is_file():
            _tell(result, sha, what, "missing")
            return False
        held = self._request("GET", f"/blobs/{sha}/upload")
        if held.status_code == 404:  # a server without resumable uploads: one PUT
            return self._upload_one(sha, result, what=what)
        if held.status_code != 200:
            _refused(result, sha, what, held)
            return False
        state = held.json()
        size = path.stat().st_size
        if not state.get("complete"):
            if _file_sha256(path) != sha:
                _tell(result, sha, what, "damaged")
                return False
            offset = int(state.get("offset", 0))
            row = Blob.get_or_none(Blob.sha256 == sha)
            mime = row.mime if row is not None else "application/octet-stream"
            sent_from = -1
            with open(path, "rb") as handle:
                while offset < size:
                    if offset == sent_from:  # the server took nothing of the last part
                        reason = (
                            f"the server did not take the part from byte {offset}; it is sent "
                            "again with the next sync"
                        )
                        _tell(result, sha, what, "refused", reason, PART_NOT_TAKEN)
                        return False
                    sent_from = offset
                    handle.seek(offset)
                    part = handle.read(PART)
                    answer = self._request(
                        "PUT",
                        f"/blobs/{sha}/upload",
                        params={"offset": offset, "total": size},
                        content=part,
                        headers={"content-type": mime},
                    )
                    if answer.status_code == 409 and "upload-offset" in answer.headers:
                        offset = int(answer.headers["upload-offset"])  # a lost answer
                        continue
                    if answer.status_code not in (200, 201, 202):
                        _refused(result, sha, what, answer)
                        return False
                    offset = int(answer.json()["offset"])
        with write_transaction():
            Blob.update(uploaded=True).where(Blob.sha256 == sha).execute()
        return not state.get("complete")

    def _upload_one(self, sha: str, result: SyncResult, what: str = "photo") -> bool:
        path = self.blob_path(sha)
        if not path.is_file():
            _tell(result, sha, what, "missing")
            return False
        row = Blob.get_or_none(Blob.sha256 == sha)
        mime = row.mime if row is not None else "image/jpeg"
        head = self._request("HEAD", f"/blobs/{sha}")
        if head.status_code != 200:
            if _file_sha256(path) != sha:
                _tell(result, sha, what, "damaged")
                return False
            put = self._request(
                "PUT",
                f"/blobs/{sha}",
                content=_FileChunks(path),
                headers={"content-type": mime, "content-length": str(path.stat().st_size)},
            )
            if put.status_code not in (200, 201):
                _refused(result, sha, what, put)
                return False
        with write_transaction():
            if Blob.update(uploaded=True).where(Blob.sha256 == sha).execute() == 0:
                Blob.insert(
                    sha256=sha,
                    mime=mime,
                    size=path.stat().st_size,
                    uploaded=True,
                    created_at=now_iso(),
                ).on_conflict_ignore().execute()
        return head.status_code != 200

    def download_blobs(
        self, progress: Progress | None = None, result: SyncResult | None = None
    ) -> int:
        """Fetch photos that records on this device refer to and it does not hold: each
        checked against its sha256, written atomically, then given its Blob row. At most
        `blob_download_limit` requests and about `blob_download_bytes` per sync; one the
        server does not have yet (its device has not uploaded it) is tried again next
        sync, after the others. Never raises for a photo: sync goes on without it."""
        result = result if result is not None else SyncResult()
        store = str(db.database)
        absent = _NOT_ON_SERVER.setdefault(store, set())
        wanted = missing_blobs()
        absent &= set(wanted)  # forget the ones that arrived some other way
        wanted.sort(key=lambda sha: sha in absent)  # stable: the order of missing_blobs
        todo = wanted[: self.blob_download_limit]
        fetched = size = 0
        for index, sha in enumerate(todo):
            if progress:
                progress("photos", index, len(todo))
            if size >= self.blob_download_bytes:
                break
            path = self.blob_path(sha)
            if path.is_file() and adopt_file(path, sha):
                fetched += 1
                continue
            try:
                response = self._request("GET", f"/blobs/{sha}")
            except ServerUnavailable as error:
                result.warnings.append(f"photo download stopped ({error}); the rest come later")
                break
            if response.status_code != 200:
                absent.add(sha)  # not uploaded yet (404), or refused: again next sync
                continue
            data = response.content
            if hashlib.sha256(data).hexdigest() != sha:
                absent.add(sha)
                _tell(result, sha, "photo", "arrived_damaged")
                continue
            try:
                store_blob(path, sha, data)
            except OSError as error:
                _tell(result, sha, "photo", "not_stored", str(error.strerror or error))
                break
            absent.discard(sha)
            fetched += 1
            size += len(data)
        if progress:
            progress("photos", len(todo), len(todo))
        result.blobs_downloaded += fetched
        result.blobs_waiting = len(wanted) - fetched
        if result.blobs_waiting:
            result.warnings.append(waiting_warning(result.blobs_waiting))
        return fetched


def waiting_warning(count: int) -> str:
    """The log's line for the files other devices' records name that are still not on
    this device (fieldapp.services.syncing.media_problems says it for a person)."""
    return (
        f"{count} photo(s) from other devices are not on this device yet; they are fetched "
        "with the next sync"
    )


# The code of a part the server answered without taking it (the server's codes are its
# ErrorBody `error`: blob_too_large, hash_mismatch, upload_busy, …).
PART_NOT_TAKEN = "part_not_taken"

# A file's problem as the log says it (English, the file by its hash's first 12 digits).
_LOGGED = {
    "missing": "{what} {short} is missing on this device; sent without it",
    "damaged": "{what} {short} is damaged on this device; sent without it",
    "refused": "{what} {short} refused: {reason}",
    "arrived_damaged": "{what} {short} arrived damaged; it is fetched again",
    "not_stored": "could not store {what} {short}: {reason}",
}


def _tell(
    result: SyncResult, sha: str, what: str, problem: str, reason: str = "", code: str = ""
) -> None:
    """A file's problem: its English line for the log, and the problem itself, which the
    app words for a person by what the file belongs to."""
    logged = _LOGGED[problem].format(what=what, short=sha[:12], reason=reason)
    result.warnings.append(logged)
    result.media_problems.append(MediaProblem(sha, problem, logged, reason, code))


def _refused(result: SyncResult, sha: str, what: str, answer: httpx.Response) -> None:
    _tell(result, sha, what, "refused", error_message(answer), error_code(answer))
