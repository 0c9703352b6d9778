"""Unfinished resumable uploads, part by part, in the database (whatever the store): a
device may send one part through one server and the next through another.

Parts are rows keyed by (sha256, offset), so two servers taking the same part at once
cannot both store it: the second insert fails and its sender is told to ask again."""

from __future__ import annotations

from collections.abc import Iterator

from peewee import IntegrityError, fn

from sync.server import db as server_db
from sync.server.blob_models import UploadPart
from sync.server.blob_store import CHUNK


class OffsetMismatch(Exception):
    def __init__(self, held: int) -> None:
        super().__init__(f"the server holds {held} bytes of this file")
        self.held = held


class UploadBusy(Exception):
    """Another request stored bytes at this offset first."""


def held(sha256: str) -> int:
    """How many bytes of the file the server holds (the next part's offset)."""
    with server_db.current().connection_context():
        total = UploadPart.select(fn.SUM(UploadPart.size)).where(UploadPart.sha256 == sha256)
        return int(total.scalar() or 0)


def append(sha256: str, offset: int, data: bytes) -> int:
    """Store `data` at `offset`, which must be where the held bytes end; the new end."""
    try:
        with server_db.current().connection_context(), server_db.write_transaction():
            now = int(
                UploadPart.select(fn.SUM(UploadPart.size))
                .where(UploadPart.sha256 == sha256)
                .scalar()
                or 0
            )
            if now != offset:
                raise OffsetMismatch(now)
            for start in range(0, len(data), CHUNK):
                piece = data[start : start + CHUNK]
                UploadPart.insert(
                    sha256=sha256, offset=offset + start, size=len(piece), data=piece
                ).execute()
            return offset + len(data)
    except IntegrityError:
        raise UploadBusy(sha256) from None


def parts(sha256: str) -> Iterator[bytes]:
    """The held bytes in order, a row per query (a 100 MB video never sits in memory)."""
    offset = 0
    while True:
        with server_db.current().connection_context():
            row = UploadPart.get_or_none(UploadPart.sha256 == sha256, UploadPart.offset == offset)
        if row is None:
            return
        data = bytes(row.data)
        yield data
        offset += len(data)


def discard(sha256: str) -> None:
    with server_db.current().connection_context(), server_db.write_transaction():
        UploadPart.delete().where(UploadPart.sha256 == sha256).execute()
