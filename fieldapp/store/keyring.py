"""Where the device keeps the personal-data key: a file of its own beside the store.

The key opens the sealed ID numbers and phones of the registry (`fieldapp.domain.personal`).
It comes from the server (`GET /api/v1/personal-key`) at the first sync after enrolment and
is kept owner-only beside the store file, never inside it, so a copied store file alone
shows no ID number or phone.
"""

from __future__ import annotations

import os
from pathlib import Path

from fieldapp.domain import personal
from fieldapp.store.db import db


def key_path() -> Path:
    return Path(str(db.database) + ".personal-key")


def load_key() -> bytes | None:
    path = key_path()
    if not path.is_file():
        return None
    return personal.decode_key(path.read_text(encoding="ascii").strip())


def save_key(key: bytes) -> None:
    """Write the key owner-only, atomically (a crash leaves the old key or the new one)."""
    path = key_path()
    temporary = path.with_name(path.name + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(personal.encode_key(key))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def cipher() -> personal.PersonalCipher:
    """The cipher of this device's key; PersonalDataLocked when there is none yet."""
    key = load_key()
    if key is None:
        raise personal.PersonalDataLocked(
            "this device has no key for personal data yet; sync once to get it"
        )
    return personal.PersonalCipher(key)
