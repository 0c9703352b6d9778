"""A device whose storage is full: recognised in one place, said in one sentence.

SQLite says "database or disk is full" (SQLITE_FULL) when a write, or the commit's write
of the WAL, finds no room; the system says ENOSPC (or EDQUOT, over the quota) to a file
written directly. Either becomes `StorageFull`, whose text (in the UI's language) says
that what was saved is kept, what was being saved now is not, and to free space in the
data folder before trying again. `write_transaction` raises it for the whole store; the
screens that save as a person acts show it and keep what was typed on screen."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from peewee import OperationalError

from fieldapp.i18n import t

_FULL_ERRNOS = (errno.ENOSPC, errno.EDQUOT)
_FULL_WORDS = "database or disk is full"
# What peewee or SQLite say when the rollback after a failed write finds the transaction
# (or its savepoint) already gone: SQLite rolls back by itself when the disk is full.
_GONE = ("no transaction is active", "no such savepoint")


class StorageFull(OperationalError):
    """Nothing more can be written to this device's store: its storage is full. An
    `OperationalError`, so what catches the store's errors (the sync) catches it too."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = str(folder)
        super().__init__(t("storage_full.refused", folder=self.folder))


def is_storage_full(error: BaseException) -> bool:
    """Does `error` (or what it was raised from, or while handling) say the storage is full?"""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, StorageFull):
            return True
        if isinstance(current, OSError) and current.errno in _FULL_ERRNOS:
            return True
        code = getattr(current, "sqlite_errorcode", None)
        if code == sqlite3.SQLITE_FULL or _FULL_WORDS in str(current):
            return True
        current = current.__cause__ or current.__context__
    return False


def underlying(error: BaseException) -> BaseException:
    """The error that failed a transaction, not the rollback's failure that followed it
    ("cannot rollback - no transaction is active") and hides it."""
    while any(words in str(error) for words in _GONE) and error.__context__ is not None:
        error = error.__context__
    return error


def data_folder(database_file: str) -> Path:
    """The folder holding the store (the data folder to free space in)."""
    return Path(database_file).resolve().parent


def sync_stopped(database_file: str) -> str:
    """What a sync stopped by a full disk says, in the UI's language: the records are
    kept, what was not sent goes next time, where to free space."""
    return t("storage_full.sync", folder=str(data_folder(database_file)))
