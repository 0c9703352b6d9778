"""Where the server keeps blob bytes (photos, an incident's video), named by sha256.

Three stores behind one small interface, so that any number of servers can share them:
- `files:DIR` — a directory on this server's disk (one server; the SQLite default);
- `database` — rows of the server's own database (the PostgreSQL default: every server
  behind a load balancer finds what another stored, with nothing more to run);
- `s3://BUCKET[/PREFIX]?endpoint=URL&region=R` — S3-compatible object storage (MinIO,
  Ceph, 阿里云 OSS) for large deployments; credentials from the usual AWS_* variables.

What a blob is, who uploaded it and who may read it stay in the database (`Blob`,
`BlobRef`); a store holds only bytes. Writes are durable before they return and are
idempotent: the same sha256 written twice holds one copy. Unfinished resumable uploads
live in the database whatever the store (`uploads`), so a device may send one part to
one server and the next part to another.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol
from urllib.parse import parse_qs, urlsplit

CHUNK = 1024 * 1024  # bytes per read, per database row


class BlobStore(Protocol):
    def size(self, sha256: str) -> int | None:
        """The blob's size in bytes, or None when the store does not hold it."""

    def read(self, sha256: str) -> Iterator[bytes]:
        """The blob's bytes in chunks; KeyError when it is not held."""

    def write(self, sha256: str, chunks: Iterable[bytes]) -> None:
        """Keep these bytes (already checked against `sha256`) durably under that name."""

    def describe(self) -> str:
        """Where the bytes are, for logs and `fieldapp serve`'s start line (no secrets)."""


class BadBlobStore(ValueError):
    """A `--blob-store` value that names no store; the message says what would."""


def resolve_spec(spec: str | None, db_url: str, blob_dir: Path | str | None = None) -> str:
    """The store to use: `spec` if given, else `files:blob_dir` if given, else the
    database on PostgreSQL and a `blobs` folder beside the SQLite file."""
    from sync.server import db as server_db

    if spec:
        return spec
    if blob_dir is not None:
        return f"files:{Path(blob_dir).resolve()}"
    if server_db.is_postgres_url(db_url):
        return "database"
    return f"files:{server_db.sqlite_path(db_url).resolve().parent / 'blobs'}"


def open_blob_store(spec: str) -> BlobStore:
    """The store a resolved `spec` names (see `resolve_spec`)."""
    if spec.startswith("files:"):
        from sync.server.blob_store.files import FileBlobStore

        return FileBlobStore(Path(spec[len("files:") :]).resolve())
    if spec == "database":
        from sync.server.blob_store.database import DatabaseBlobStore

        return DatabaseBlobStore()
    if spec.startswith("s3://"):
        from sync.server.blob_store.s3 import S3BlobStore

        parts = urlsplit(spec)
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        if not parts.netloc:
            raise BadBlobStore("an S3 store needs a bucket: s3://BUCKET[/PREFIX]?endpoint=URL")
        return S3BlobStore(
            bucket=parts.netloc,
            prefix=parts.path.strip("/"),
            endpoint=query.get("endpoint"),
            region=query.get("region"),
        )
    raise BadBlobStore(
        f"unknown blob store {spec!r}: use files:DIR, database, or "
        "s3://BUCKET[/PREFIX]?endpoint=URL"
    )
