"""API keys of the `reader` role, for the data feed (`/api/v1/data/…`).

A key reads `fa_<key id>_<secret>`; the server keeps the key id, a SHA-256 of the whole key,
a name (who uses it: "city BI") and the grids it may read. It is shown once, when made.
Reader keys are not device tokens: they open no device route, and a device token opens no
data route.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from fieldapp.i18n import listed, t
from sync.server import audit
from sync.server import db as server_db
from sync.server.admin_models import ReaderKey
from sync.server.auth import sha256_hex
from sync.server.grid_codes import stored_grid_codes
from sync.server.grid_tree import grids_under

PREFIX = "fa_"

# A refusal of the data feed's caller: its code (an ErrorBody `error`, one per case, for the
# BI to word in its own language, as a device words `auth`'s) and its English sentence.
NO_KEY = "no_key"
UNKNOWN = "reader_key_unknown"
REVOKED = "reader_key_revoked"
NEEDS_KEY = "this call needs a reader API key (fa_…); ask the administrator"


class ReaderKeyRefused(ValueError):
    """The key cannot be used (unknown, revoked, malformed) or made as asked; `code` says
    which case a refused key is."""

    def __init__(self, message: str, code: str = "reader_key_refused") -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Reader:
    key_id: str
    name: str
    grids: frozenset[str]  # every grid it may read, the named ones and those below


def create(name: str, grids: list[str]) -> str:
    """Make a key; returns it in full (the only time it is known). Needs a connection."""
    if not name.strip():
        raise ReaderKeyRefused(t("admin.reader_key.no_name"))
    if not grids:
        raise ReaderKeyRefused(t("admin.reader_key.no_grid"))
    stored = stored_grid_codes()  # t1 is the grid T1
    unknown = sorted({g for g in grids if g.strip().upper() not in stored})
    if unknown:
        raise ReaderKeyRefused(t("admin.no_grid", grid=listed(unknown)))
    grids = [stored[g.strip().upper()] for g in grids]
    key_id = secrets.token_hex(4)
    key = f"{PREFIX}{key_id}_{secrets.token_urlsafe(32)}"
    with server_db.write_transaction():
        ReaderKey.create(
            key_id=key_id, name=name.strip(), secret_hash=sha256_hex(key),
            grids=sorted(set(grids)), created_at=server_db.now_iso(),
        )  # fmt: skip
        audit.record(
            audit.READER_KEY_CREATED, subject=key_id,
            detail={"name": name.strip(), "grids": sorted(set(grids))},
        )  # fmt: skip
    return key


def revoke(key_id: str) -> bool:
    with server_db.write_transaction():
        changed = (
            ReaderKey.update(revoked_at=server_db.now_iso())
            .where((ReaderKey.key_id == key_id) & ReaderKey.revoked_at.is_null())
            .execute()
        )
        if changed:
            audit.record(audit.READER_KEY_REVOKED, subject=key_id)
    return bool(changed)


def authenticate(key: str) -> Reader:
    """The reader behind a key. Needs a connection."""
    parts = key.split("_", 2)
    if not key.startswith(PREFIX) or len(parts) != 3:
        raise ReaderKeyRefused(NEEDS_KEY, NO_KEY)
    row = ReaderKey.get_or_none(ReaderKey.key_id == parts[1])
    if row is None or not secrets.compare_digest(row.secret_hash, sha256_hex(key)):
        raise ReaderKeyRefused("this API key is not known to this server", UNKNOWN)
    if row.revoked_at:
        raise ReaderKeyRefused("this API key was revoked by the administrator", REVOKED)
    covered: set[str] = set()
    for code in row.grids:
        covered |= grids_under(code)
    return Reader(row.key_id, row.name, frozenset(covered))
