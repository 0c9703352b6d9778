"""Small files beside the store that only the device's user may read (the keys, the wrong
PIN count), written so a crash leaves the old content or the new one."""

from __future__ import annotations

import os
from pathlib import Path


def write_owner_only(path: Path, text: str) -> None:
    """Owner-only, atomically (a crash leaves the old content or the new one)."""
    temporary = path.with_name(path.name + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
