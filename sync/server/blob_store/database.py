"""Blobs as rows of the server's own database (`blob_chunk`), a megabyte a row: the
store every server on one PostgreSQL shares with nothing more to run or back up."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from peewee import fn

from sync.server import db as server_db
from sync.server.blob_models import BlobChunk
from sync.server.blob_store import CHUNK


class DatabaseBlobStore:
    def size(self, sha256: str) -> int | None:
        with server_db.current().connection_context():
            # length() counts bytes of a BLOB on SQLite and of a bytea on PostgreSQL
            query = BlobChunk.select(
                fn.COUNT(BlobChunk.seq), fn.SUM(fn.LENGTH(BlobChunk.data))
            ).where(BlobChunk.sha256 == sha256)
            count, total = server_db.rows(query)[0]
            return int(total or 0) if count else None

    def read(self, sha256: str) -> Iterator[bytes]:
        if self.size(sha256) is None:
            raise KeyError(sha256)
        return self._chunks(sha256)

    def _chunks(self, sha256: str) -> Iterator[bytes]:
        seq = 0
        while True:  # a row per query: a 100 MB video never sits in memory whole
            with server_db.current().connection_context():
                row = BlobChunk.get_or_none(BlobChunk.sha256 == sha256, BlobChunk.seq == seq)
            if row is None:
                return
            yield bytes(row.data)
            seq += 1

    def write(self, sha256: str, chunks: Iterable[bytes]) -> None:
        with server_db.current().connection_context(), server_db.write_transaction():
            if BlobChunk.select().where(BlobChunk.sha256 == sha256).exists():
                return
            seq = 0
            for data in _rechunk(chunks):
                BlobChunk.insert(sha256=sha256, seq=seq, data=data).on_conflict_ignore().execute()
                seq += 1
            if seq == 0:  # the empty file is a blob too
                BlobChunk.insert(sha256=sha256, seq=0, data=b"").on_conflict_ignore().execute()

    def describe(self) -> str:
        return "database"


def _rechunk(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The same bytes cut into rows of CHUNK bytes (the last may be shorter)."""
    buffer = bytearray()
    for chunk in chunks:
        buffer += chunk
        while len(buffer) >= CHUNK:
            yield bytes(buffer[:CHUNK])
            del buffer[:CHUNK]
    if buffer:
        yield bytes(buffer)
