"""A video of tens of megabytes is checked against its hash before each upload: the field
laptop reads it a chunk at a time and never holds it whole in memory (the same chunks are
the upload's body)."""

from __future__ import annotations

import hashlib
import os
import tracemalloc
from pathlib import Path

from sync.client.photos import CHUNK, _file_sha256


def test_a_large_video_is_hashed_a_chunk_at_a_time(tmp_path: Path) -> None:
    video = tmp_path / "fireworks.mp4"
    with open(video, "wb") as handle:
        for _ in range(32):
            handle.write(os.urandom(1024 * 1024))
    expected = hashlib.sha256(video.read_bytes()).hexdigest()
    tracemalloc.start()
    try:
        hashed = _file_sha256(video)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert hashed == expected
    assert peak < 3 * CHUNK, f"{peak / 2**20:.1f} MiB held to hash a 32 MiB video"
