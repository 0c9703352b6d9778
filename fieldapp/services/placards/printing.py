"""Placards from the local store: what to print for a grid or a venue, and checking a scan.

Printing needs a signing key. On the server that is the server's placard key; on a field
device run by hand (`fieldapp placards`) it is a key file in the data directory, made on
first use and registered in the local PlacardKey table so this device verifies its own
placards. The server's admin command builds its PlacardInfo with the same `PlacardInfo.of`
from its own rows and calls the same renderer.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from peewee import fn

from fieldapp.domain import placard as payload
from fieldapp.domain.placard import PlacardCheck, SigningKey
from fieldapp.i18n import t
from fieldapp.reports.placards import PlacardInfo
from fieldapp.store.models import Grid, PlacardKey, Venue

SIGNING_KEY_FILE = "placard-signing.key"


class NotOnDevice(LookupError):
    """The grid or venue asked for is not in the local store; str() is for a person."""


@dataclass(frozen=True, slots=True)
class ScanResult:
    """A scanned or typed text checked against this device's keys and venues."""

    check: PlacardCheck
    venue_id: str | None = None
    venue_name: str = ""
    payload: str = ""  # the placard text as verified (for Inspection.presence_payload)

    @property
    def kind(self) -> str:
        return self.check.kind

    @property
    def ok(self) -> bool:
        """A genuine placard of a venue on this device: opens the venue, proves presence."""
        return self.check.ok

    @property
    def plain_code(self) -> bool:
        """A venue code typed by hand: opens the venue, proves nothing."""
        return self.check.kind == payload.PLAIN_CODE

    def message(self) -> str:
        return self.check.message()


# --- keys ---------------------------------------------------------------------------------


def public_keys() -> dict[str, tuple[bytes, bool]]:
    """The placard keys this device has pulled: key id -> (raw public key, revoked)."""
    return {
        row.key_id: (payload.decode_key(row.public_key), bool(row.revoked))
        for row in PlacardKey.select()
    }


def register_public_key(key_id: str, public_bytes: bytes, *, revoked: bool = False) -> None:
    """Insert or update one placard key row (sync does this for keys from the server)."""
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    (
        PlacardKey.insert(
            key_id=key_id,
            public_key=payload.encode_key(public_bytes),
            revoked=revoked,
            created_at=now,
        )
        .on_conflict(
            conflict_target=[PlacardKey.key_id],
            update={PlacardKey.public_key: payload.encode_key(public_bytes)},
        )
        .execute()
    )


def load_or_create_signing_key(path: Path) -> tuple[SigningKey, bool]:
    """The signing key kept in `path` (JSON, owner-only), made if absent; (key, created)."""
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        key = SigningKey(data["key_id"], payload.decode_key(data["private_key"]))
        return key, False
    key = SigningKey.generate()
    body = {
        "key_id": key.key_id,
        "private_key": payload.encode_key(key.private_bytes),
        "public_key": payload.encode_key(key.public_bytes),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(body, handle)
    return key, True


# --- what to print ------------------------------------------------------------------------


def grid_codes_under(grid_code: str) -> list[str]:
    """The grid and all grids below it (town -> villages -> areas)."""
    codes = [grid_code]
    frontier = [grid_code]
    while frontier:
        frontier = [g.code for g in Grid.select(Grid.code).where(Grid.parent.in_(frontier))]
        frontier = [c for c in frontier if c not in codes]  # guard against a cycle
        codes.extend(frontier)
    return codes


def placard_info(venue: Venue, grid_name: str, signer: SigningKey) -> PlacardInfo:
    return PlacardInfo.of(venue, grid_name, signer.sign(venue.code))


def placards_for_grid(grid_code: str, signer: SigningKey) -> list[PlacardInfo]:
    """Placards for every venue in the grid and the grids below it, by grid then code."""
    if Grid.get_or_none(Grid.code == grid_code) is None:
        raise NotOnDevice(t("placard.print.grid_unknown", code=grid_code))
    codes = grid_codes_under(grid_code)
    rows = (
        Venue.select(Venue, Grid)
        .join(Grid)
        .where(Venue.grid.in_(codes))
        .order_by(Venue.grid, Venue.code)
    )
    return [placard_info(v, v.grid.name, signer) for v in rows]


def placards_for_venue(venue_code: str, signer: SigningKey) -> list[PlacardInfo]:
    venue = _venue_by_code(venue_code.strip().upper())
    if venue is None:
        raise NotOnDevice(t("placard.print.venue_unknown", code=venue_code))
    return [placard_info(venue, venue.grid.name, signer)]


# --- scanning -----------------------------------------------------------------------------


def _venue_by_code(canon: str) -> Venue | None:
    venue = Venue.get_or_none(Venue.code == canon)
    if venue is None:  # codes stored in lowercase still match their (uppercase) placard
        venue = Venue.get_or_none(fn.UPPER(Venue.code) == canon)
    return venue


def verify_scan(text: str) -> ScanResult:
    """Check a scanned or typed text: a signed placard, a plain venue code, or neither.

    A placard must verify against this device's keys and name a venue in its store
    (UNKNOWN_VENUE otherwise: sync). A venue code typed by hand (``DM-0042``) gives a
    PLAIN_CODE result, which opens the venue but does not prove presence.
    """
    canon = text.strip().upper()
    if payload.looks_like_payload(canon):
        check = payload.verify_payload(canon, public_keys())
        if not check.ok:
            return ScanResult(check)
        venue = _venue_by_code(check.venue_code)
        if venue is None:
            return ScanResult(PlacardCheck(payload.UNKNOWN_VENUE, check.venue_code, check.key_id))
        return ScanResult(check, venue.id, venue.name, canon)
    if payload.VENUE_CODE_RE.fullmatch(canon) and any(c.isdigit() for c in canon):
        venue = _venue_by_code(canon)
        if venue is None:
            return ScanResult(PlacardCheck(payload.UNKNOWN_VENUE, canon))
        return ScanResult(PlacardCheck(payload.PLAIN_CODE, venue.code), venue.id, venue.name)
    return ScanResult(PlacardCheck(payload.NOT_FIELDAPP))
