"""Which `fieldapp demo` windows use a workspace's server, so it outlives the window that
started it while another still syncs with it, and stops by itself after the last one.

Three files under `W/server`:

    lease       a named pipe: the server reads it as its standard input
                (`python -m sync.server --stop-with-stdin`) and every window using the
                server holds it open for writing. The system closes a window's end when
                that window exits, however it exits (kill -9 included); the server reads
                the pipe's end, and stops, once no window holds it.
    users       every window holds a shared lock on it, so a window that quits can tell
                whether it was the last one (then it waits for the server to go, so that
                the next window starts a new one rather than finding one on its way out).
    start.lock  held while a window finds or starts the server and while it leaves, so
                two windows opened at once never start two servers.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class ServerLease:
    """This window's hold on the workspace's server (in `folder`, `W/server`)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._writer: int | None = None  # our end of the lease pipe
        self._user: int | None = None  # our shared lock on `users`

    @contextmanager
    def starting(self) -> Iterator[None]:
        """No other window finds, starts or leaves the server meanwhile."""
        fd = os.open(self.folder / "start.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    def join(self) -> bool:
        """Count this window among the server's users and hold the lease; False when no
        server reads the lease (none runs, or one is on its way out)."""
        if self._user is None:
            self._user = os.open(self.folder / "users", os.O_RDWR | os.O_CREAT, 0o600)
            fcntl.flock(self._user, fcntl.LOCK_SH)
        self._drop_writer()
        try:
            self._writer = os.open(self._pipe(), os.O_WRONLY | os.O_NONBLOCK)
        except OSError as error:
            if error.errno != errno.ENXIO:  # ENXIO: nobody reads it
                raise
            return False
        return True

    def reader_for_a_new_server(self) -> int:
        """The read end of a fresh lease for a server about to start (its standard input;
        the caller closes it once the server has it), this window holding the write end."""
        self._drop_writer()
        reader = os.open(self._pipe(), os.O_RDONLY | os.O_NONBLOCK)
        self._writer = os.open(self._pipe(), os.O_WRONLY | os.O_NONBLOCK)
        os.set_blocking(reader, True)  # the server waits on it until the end
        return reader

    def leave(self) -> bool:
        """Let go of the server; whether this window was the last to use it (then the
        server is stopping)."""
        self._drop_writer()
        if self._user is None:
            return False
        try:
            fcntl.flock(self._user, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # another window still uses it
        finally:
            os.close(self._user)
            self._user = None
        return True

    def _pipe(self) -> Path:
        pipe = self.folder / "lease"
        if pipe.exists() and not stat.S_ISFIFO(pipe.stat().st_mode):
            pipe.unlink()
        if not pipe.exists():
            os.mkfifo(pipe, 0o600)
        return pipe

    def _drop_writer(self) -> None:
        if self._writer is not None:
            os.close(self._writer)
            self._writer = None
