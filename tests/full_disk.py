"""A device's home on a real filesystem that can be filled: a small tmpfs mounted for the
test (root can; elsewhere the tests that need it are skipped, saying why). `fill()` takes
every free byte with a filler file, as another program filling the disk would; `free()`
gives the room back."""

from __future__ import annotations

import errno
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from fieldapp.paths import store_path
from fieldapp.store.opening import close_store, open_store

SIZE = "16m"  # room for the test's store and its WAL


@dataclass
class FullDisk:
    home: Path

    @property
    def filler(self) -> Path:
        return self.home / "filler"

    def fill(self) -> None:
        """No byte left. The store's WAL is emptied first (as at a start): a WAL left
        long would be written over in place, needing no new room for a while."""
        from fieldapp.store.db import db

        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        with self.filler.open("ab", buffering=0) as handle:
            block = b"\0" * 65536
            while True:
                try:
                    handle.write(block)
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise
                    if len(block) == 1:
                        return
                    block = block[: len(block) // 2]

    def free(self) -> None:
        self.filler.unlink()


@pytest.fixture
def full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FullDisk]:
    """FIELDAPP_HOME on its own small tmpfs, the store open in it; not yet filled."""
    home = tmp_path / "home"
    home.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={SIZE}", "tmpfs", str(home)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    monkeypatch.setenv("FIELDAPP_HOME", str(home))
    try:
        open_store(store_path(home))
        yield FullDisk(home)
    finally:
        close_store()
        subprocess.run(["umount", "--lazy", str(home)], check=False)
