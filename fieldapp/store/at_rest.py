"""Sealing the store's personal columns at rest: writes need no PIN, reads do.

Why (see `fieldapp.domain.at_rest` for the scheme): the ID numbers and phones were already
sealed under the deployment's key, but names, addresses, plates, readings, case notes and
the unsent ops carrying them were plain in the store file and its WAL. SQLCipher would
cover the whole file but needs a native build on every laptop, and would make the store
unreadable while locked — yet a pull applied while the app is locked and the command
line's `fieldapp sync` must keep writing. So each personal column is sealed on its own,
to the device key, and the rest of the store (venues, checklists, the venue search index,
inspections) stays plain and as fast as it was.

`seal` uses this process's data key for the store: while unlocked, the newest key beside
the store; while locked, one made at its first write (and again after each lock), sealed
to the device's public key and kept in a file of its own in
`keyring.sealing_dir()` — outside the store, so a rolled-back transaction cannot lose a
key its committed values need. Before a PIN is set there is no device key: values are
written clear, and `seal_plain_rows` (`fieldapp.store.personal_data`) seals them at the
first unlock. `open` needs the private key, held only while the PIN has the device
unlocked: otherwise `PersonalDataLocked` (the screens say how to unlock).
"""

from __future__ import annotations

import os
import secrets
import threading

from fieldapp.domain import at_rest
from fieldapp.domain.personal import PersonalDataLocked
from fieldapp.store import keyring
from fieldapp.store.db import db

LOCKED_TEXT = "locked: enter your PIN (ctrl+l)"

_lock = threading.Lock()
_generation = -1
_writers: dict[str, at_rest.AtRestCipher | None] = {}  # store -> this process's data key
_opened: dict[tuple[str, str], at_rest.AtRestCipher] = {}  # (store, key id) -> data key


def _fresh() -> None:
    """Drop every cached data key once the keyring's keys changed (a lock, an unlock)."""
    global _generation
    if _generation != keyring.generation:
        _writers.clear()
        _opened.clear()
        _generation = keyring.generation


def _writer(store: str) -> at_rest.AtRestCipher | None:
    with _lock:
        _fresh()
        if store in _writers:
            return _writers[store]
        public = keyring.device_public_key()
        writer = _newest_opened(store)
        if writer is None and public is not None:
            key = secrets.token_bytes(at_rest.KEY_BYTES)
            writer = at_rest.AtRestCipher(secrets.token_hex(8), key)
            folder = keyring.sealing_dir()
            folder.mkdir(mode=0o700, exist_ok=True)
            os.chmod(folder, 0o700)
            sealed = at_rest.seal_to(public, key)
            keyring.write_owner_only(folder / writer.key_id, sealed)
            if keyring.device_private_key() is not None:
                _opened[(store, writer.key_id)] = writer
        _writers[store] = writer
        return writer


def _newest_opened(store: str) -> at_rest.AtRestCipher | None:
    """Unlocked, a process keeps sealing under the newest data key beside the store rather
    than adding one of its own: only writes made while locked add key files."""
    private = keyring.device_private_key()
    folder = keyring.sealing_dir()
    if private is None or not folder.is_dir():
        return None
    files = sorted((p for p in folder.iterdir() if p.is_file()), key=lambda p: p.stat().st_mtime)
    for path in reversed(files):
        try:
            key = at_rest.open_with(private, path.read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            continue  # sealed to an older device key, or damaged: make a new one
        cipher = at_rest.AtRestCipher(path.name, key)
        _opened[(store, path.name)] = cipher
        return cipher
    return None


def sealing() -> bool:
    """Whether writes are sealed now (a device key exists)."""
    return _writer(str(db.database)) is not None


def seal(text: str, context: str) -> str:
    """`text` sealed for the column `context` ("" stays ""); clear while the device has no
    key yet (no PIN set: a browser session, a device before its first sync)."""
    if not text or at_rest.is_sealed(text):
        return text
    writer = _writer(str(db.database))
    return writer.seal(text, context) if writer is not None else text


def _reader(store: str, key_id: str) -> at_rest.AtRestCipher:
    with _lock:
        _fresh()
        private = keyring.device_private_key()
        if private is None:
            raise PersonalDataLocked(LOCKED_TEXT)
        cipher = _opened.get((store, key_id))
        if cipher is None:
            path = keyring.sealing_dir() / key_id
            if not path.is_file():
                raise PersonalDataLocked(f"the data key {key_id} is missing beside the store")
            key = at_rest.open_with(private, path.read_text(encoding="ascii").strip())
            cipher = at_rest.AtRestCipher(key_id, key)
            _opened[(store, key_id)] = cipher
        return cipher


def open_value(value: str, context: str) -> str:
    """The clear text of a stored value (a clear one as it is); PersonalDataLocked while
    the PIN has not opened the device key."""
    if not at_rest.is_sealed(value):
        return value
    return _reader(str(db.database), at_rest.key_id_of(value)).open(value, context)
