"""The server's placard keys: the Ed25519 key that signs placards, rotation and revocation.

The private half of each key is kept in the server database (the `meta` table, key
`placard_key.<key id>`), never in the pull feed: the database already holds everything a
server process needs, so several stateless processes (and `fieldapp admin placards` run
anywhere with `--db`) share one signing key. The SQLite file is made owner-only at `init`.
Public halves and revocations travel to devices as `placard_key` changes
(`admin.publish_placard_key`).

- `ensure_key()`: the current key, made at `admin init` if there is none.
- `rotate()`: a new current key; placards signed with the old one keep verifying.
- `revoke(key_id)`: placards of that key stop verifying on every device after its next sync.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldapp.domain import placard
from fieldapp.domain.placard import SigningKey
from fieldapp.domain.presence import ServerKey
from fieldapp.i18n import t
from sync.server import audit
from sync.server import db as server_db
from sync.server.admin import publish_placard_key
from sync.server.models import Grid, Meta, PlacardKey, Venue

CURRENT = "placard_key.current"
PRIVATE_PREFIX = "placard_key."


class PlacardKeyError(ValueError):
    """A key operation that cannot be done; the message says what to do instead."""


@dataclass(frozen=True)
class KeyRow:
    key_id: str
    created_at: str
    revoked: bool
    current: bool
    can_sign: bool  # the private half is on this server


def _meta(key: str) -> str | None:
    row = Meta.get_or_none(Meta.key == key)
    return None if row is None else str(row.value)


def _put_meta(key: str, value: str) -> None:
    Meta.insert(key=key, value=value).on_conflict(
        conflict_target=[Meta.key], update={Meta.value: value}
    ).execute()


def _new_key(action: str) -> SigningKey:
    key = SigningKey.generate()
    while PlacardKey.get_or_none(PlacardKey.key_id == key.key_id) is not None:
        key = SigningKey.generate()  # 25-bit ids: a clash is rare, never reuse one
    with server_db.write_transaction():
        previous = _meta(CURRENT)
        secret = {"key_id": key.key_id, "private_key": placard.encode_key(key.private_bytes)}
        _put_meta(PRIVATE_PREFIX + key.key_id, json.dumps(secret))
        _put_meta(CURRENT, key.key_id)
        audit.record(action, subject=key.key_id, detail={"previous": previous})
    publish_placard_key(key.key_id, placard.encode_key(key.public_bytes))
    return key


def current_key_id() -> str | None:
    return _meta(CURRENT)


def ensure_key() -> tuple[str, bool]:
    """The current placard key id, made now if the server has none: (key id, created)."""
    key_id = current_key_id()
    if key_id is not None:
        return key_id, False
    return _new_key(audit.PLACARD_KEY_CREATED).key_id, True


def rotate() -> str:
    """Make a new current key. Older keys stay valid (their placards keep verifying)."""
    return _new_key(audit.PLACARD_KEY_ROTATED).key_id


def revoke(key_id: str) -> bool:
    """Revoke a key: devices refuse its placards after their next sync. False if unknown."""
    key_id = key_id.strip().upper()
    row = PlacardKey.get_or_none(PlacardKey.key_id == key_id)
    if row is None:
        return False
    with server_db.write_transaction():
        publish_placard_key(row.key_id, row.public_key, revoked=True)
        audit.record(audit.PLACARD_KEY_REVOKED, subject=row.key_id)
    return True


def list_keys() -> list[KeyRow]:
    current = current_key_id()
    return [
        KeyRow(
            key_id=row.key_id,
            created_at=row.created_at,
            revoked=bool(row.revoked),
            current=row.key_id == current,
            can_sign=_meta(PRIVATE_PREFIX + row.key_id) is not None,
        )
        for row in PlacardKey.select().order_by(PlacardKey.created_at, PlacardKey.key_id)
    ]


def signing_key() -> SigningKey:
    """The key new placards are signed with; PlacardKeyError when there is none usable."""
    key_id = current_key_id()
    if key_id is None:
        raise PlacardKeyError(t("admin.placard_key.none"))
    row = PlacardKey.get_or_none(PlacardKey.key_id == key_id)
    if row is not None and row.revoked:
        raise PlacardKeyError(t("admin.placard_key.current_revoked", key_id=key_id))
    secret = json.loads(_meta(PRIVATE_PREFIX + key_id) or "{}")
    if not secret:
        raise PlacardKeyError(t("admin.placard_key.no_private_half", key_id=key_id))
    return SigningKey(secret["key_id"], placard.decode_key(secret["private_key"]))


def restrict_database_file() -> None:
    """Make the SQLite server database (it holds the placard private keys) owner-only."""
    if server_db.is_postgres():
        return
    path = Path(str(server_db.current().database))
    for suffix in ("", "-wal", "-shm"):
        part = path.with_name(path.name + suffix)
        if part.exists():
            os.chmod(part, 0o600)


# --- what to print -------------------------------------------------------------------------


def grids_under(code: str) -> list[str]:
    codes, frontier = [code], [code]
    while frontier:
        children = [g.code for g in Grid.select(Grid.code).where(Grid.parent.in_(frontier))]
        frontier = [c for c in children if c not in codes]
        codes.extend(frontier)
    return codes


def verification_keys() -> dict[str, ServerKey]:
    """Every placard key the server has published, as the presence check knows them. Read
    for each push that claims a scan (a revocation counts from the next push), as plain
    rows: a statement peewee renders anew for a model costs as much as a small push's
    other reads."""
    cursor = server_db.current().execute_sql(
        "SELECT key_id, public_key, revoked, revoked_at FROM placard_key"
    )
    return {
        key_id: ServerKey(placard.decode_key(public), bool(revoked), revoked_at)
        for key_id, public, revoked, revoked_at in cursor.fetchall()
    }


def venues_to_print(
    *, grid_code: str | None = None, venue_code: str | None = None
) -> list[tuple[Venue, str]]:
    """(venue, grid name) for a grid and the grids below it, or for one venue code."""
    return places_to_print(Venue, "venue", grid_code=grid_code, code=venue_code)


def places_to_print(
    model: Any, what: str, *, grid_code: str | None = None, code: str | None = None
) -> list[tuple[Any, str]]:
    """(place, grid name) of `model` (venues, checkpoints) for a grid and the grids below
    it, or for one code."""
    if code is not None:
        rows = model.select(model, Grid).join(Grid).where(model.code == code.strip().upper())
        found = [(v, v.grid.name) for v in rows]
        if not found:
            raise PlacardKeyError(t(f"admin.no_place.{what}", code=code))
        return found
    from sync.server.grid_codes import stored_grid

    grid = stored_grid(grid_code or "")  # v1 is the grid V1
    if grid is None:
        raise PlacardKeyError(t("admin.no_grid", grid=(grid_code or "").strip()))
    rows = (
        model.select(model, Grid)
        .join(Grid)
        .where(model.grid.in_(grids_under(grid)))
        .order_by(model.grid, model.code)
    )
    return [(v, v.grid.name) for v in rows]


class PublishedKeys(Mapping[str, ServerKey]):
    """Every placard key the server has published, read once per batch and only when an
    inspection's scan is checked: a batch of manual visits (or scans without a payload)
    makes no round trip for them."""

    def __init__(self) -> None:
        self._keys: dict[str, ServerKey] | None = None

    def _read(self) -> dict[str, ServerKey]:
        if self._keys is None:
            self._keys = verification_keys()
        return self._keys

    def __getitem__(self, key_id: str) -> ServerKey:
        return self._read()[key_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._read())

    def __len__(self) -> int:
        return len(self._read())
