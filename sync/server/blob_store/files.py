"""Blobs as files under a directory: `DIR/ab/abcdef…` (the first two hex digits fan out)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from sync.server.blob_store import CHUNK


class FileBlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def size(self, sha256: str) -> int | None:
        try:
            return self.path(sha256).stat().st_size
        except FileNotFoundError:
            return None

    def read(self, sha256: str) -> Iterator[bytes]:
        try:
            handle = open(self.path(sha256), "rb")  # noqa: SIM115 - closed by the generator
        except FileNotFoundError:
            raise KeyError(sha256) from None
        return _chunks(handle)

    def write(self, sha256: str, chunks: Iterable[bytes]) -> None:
        target = self.path(sha256)
        if target.is_file():
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_name(f"{target.name}.{uuid.uuid4().hex}.part")
        with open(temp, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)

    def describe(self) -> str:
        return f"files:{self.root}"


def _chunks(handle: BinaryIO) -> Iterator[bytes]:
    with handle:
        while chunk := handle.read(CHUNK):
            yield chunk
