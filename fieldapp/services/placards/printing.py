"""Placards from the local store: what to print for a grid or a venue, and checking a scan.

Only the server's placard keys sign placards (`fieldapp admin placards`, which builds its
PlacardInfo with the same `PlacardInfo.of` and calls the same renderer). A field device
prints *unsigned* placards: the QR holds the bare venue code, which finds the venue but
proves nothing, and the placard says so. A device trusts only the keys it pulled from the
server: a key file an older version made in the data directory to sign placards locally
is never a verification key (`public_keys` leaves it out).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol

from peewee import fn

from fieldapp.domain import clock
from fieldapp.domain import placard as payload
from fieldapp.domain.clock import wall_clock
from fieldapp.domain.placard import PlacardCheck
from fieldapp.i18n import t
from fieldapp.paths import data_home
from fieldapp.store.models import Grid, PlacardKey, SyncState, Venue

# The renderer (qrcode, PIL) is imported when a placard is drawn, not for checking a scan
# (patrol checkpoints on the home screen import this module).
if TYPE_CHECKING:
    from fieldapp.reports.placards import PlacardInfo

# Where versions before this one kept a device's own signing key: never trusted.
SELF_MADE_KEY_FILE = "placard-signing.key"


class NotOnDevice(LookupError):
    """The grid or venue asked for is not in the local store; str() is for a person."""


@dataclass(frozen=True, slots=True)
class ScanResult:
    """A scanned or typed text checked against this device's keys and venues."""

    check: PlacardCheck
    venue_id: str | None = None
    venue_name: str = ""
    payload: str = ""  # the placard text as verified (for Inspection.presence_payload)
    # UNKNOWN_KEY after a recent sync (local time of it): the server lacks the key too.
    synced_at: str = ""

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

    def scanned_message(self) -> str:
        """`message` for a text read off a placard (a photo, a scanner): a bare venue code
        there is an unsigned placard, not a code typed by hand."""
        if self.plain_code:
            return t("placard.check.unsigned_placard", code=self.check.venue_code)
        return self.message()

    def message(self) -> str:
        if self.synced_at and self.kind == payload.UNKNOWN_KEY:
            return t(
                "placard.check.unknown_key_synced", key_id=self.check.key_id, at=self.synced_at
            )
        return self.check.message()


# --- keys ---------------------------------------------------------------------------------

# A sync without errors this recent brought every key the server signs placards with: a
# key still unknown is unknown to the server too, and syncing again will not help.
RECENT_SYNC = dt.timedelta(hours=24)


def recent_sync_at() -> str:
    """The local time (`HH:MM` today, `MM-DD HH:MM` before) of this device's last sync
    without errors, if it was within RECENT_SYNC; "" otherwise."""
    state = SyncState.get_or_none(SyncState.id == 1)
    if state is None or not state.last_sync_at:
        return ""
    try:
        synced = dt.datetime.fromisoformat(state.last_sync_at.replace("Z", "+00:00"))
    except ValueError:
        return ""
    now = clock.now()
    if not dt.timedelta(0) <= now - synced <= RECENT_SYNC:
        return ""
    local = wall_clock(synced)
    same_day = local.date() == wall_clock(now).date()
    return local.strftime("%H:%M" if same_day else "%m-%d %H:%M")


def self_made_key_id() -> str | None:
    """The id of a signing key this device made itself (older versions did), if any."""
    path = data_home() / SELF_MADE_KEY_FILE
    try:
        return str(json.loads(path.read_text(encoding="utf-8"))["key_id"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def public_keys() -> dict[str, tuple[bytes, bool]]:
    """The placard keys this device has pulled: key id -> (raw public key, revoked).

    A key this device made itself is left out: a placard printed on this laptop must not
    prove a visit on this laptop."""
    distrusted = self_made_key_id()
    return {
        row.key_id: (payload.decode_key(row.public_key), bool(row.revoked))
        for row in PlacardKey.select()
        if row.key_id != distrusted
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


def placard_info(venue: Venue, grid_name: str) -> PlacardInfo:
    """An unsigned placard: the QR is the venue code, the placard says it proves nothing."""
    from fieldapp.reports.placards import PlacardInfo

    return PlacardInfo.of(venue, grid_name, venue.code.strip().upper(), signed=False)


def placards_for_grid(grid_code: str) -> list[PlacardInfo]:
    """Unsigned placards for every venue in the grid and the grids below, by grid then code."""
    if Grid.get_or_none(Grid.code == grid_code) is None:
        raise NotOnDevice(t("placard.print.grid_unknown", code=grid_code))
    codes = grid_codes_under(grid_code)
    rows = (
        Venue.select(Venue, Grid)
        .join(Grid)
        .where(Venue.grid.in_(codes))
        .order_by(Venue.grid, Venue.code)
    )
    return [placard_info(v, v.grid.name) for v in rows]


def placards_for_venue(venue_code: str) -> list[PlacardInfo]:
    venue = _venue_by_code(venue_code.strip().upper())
    if venue is None:
        raise NotOnDevice(t("placard.print.venue_unknown", code=venue_code))
    return [placard_info(venue, venue.grid.name)]


# --- scanning -----------------------------------------------------------------------------


def _venue_by_code(canon: str) -> Venue | None:
    venue = Venue.get_or_none(Venue.code == canon)
    if venue is None:  # codes stored in lowercase still match their (uppercase) placard
        venue = Venue.get_or_none(fn.UPPER(Venue.code) == canon)
    return venue


def is_venue(code: str) -> bool:
    """Is this placard code a venue's on this device (not a patrol checkpoint's)?"""
    return bool(code) and _venue_by_code(code.strip().upper()) is not None


class Place(Protocol):
    """What a scan finds by code: a venue, or a patrol checkpoint."""

    id: str
    code: str
    name: str


def verify_scan(text: str, find: Callable[[str], Place | None] | None = None) -> ScanResult:
    """Check a scanned or typed text: a signed placard, a plain venue code, or neither.

    A placard must verify against this device's keys and name a place in its store
    (UNKNOWN_VENUE otherwise: sync). A code typed by hand (``DM-0042``) gives a
    PLAIN_CODE result, which opens the place but does not prove presence. `find` looks a
    canonical code up (venues by default; patrols pass their checkpoints).
    """
    lookup: Callable[[str], Place | None] = find or _venue_by_code
    canon = text.strip().upper()
    if payload.looks_like_payload(canon):
        check = payload.verify_payload(canon, public_keys())
        if check.kind == payload.UNKNOWN_KEY:
            return ScanResult(check, synced_at=recent_sync_at())
        if not check.ok:
            return ScanResult(check)
        place = lookup(check.venue_code)
        if place is None:
            return ScanResult(PlacardCheck(payload.UNKNOWN_VENUE, check.venue_code, check.key_id))
        return ScanResult(check, place.id, place.name, canon)
    if payload.VENUE_CODE_RE.fullmatch(canon) and any(c.isdigit() for c in canon):
        place = lookup(canon)
        if place is None:
            return ScanResult(PlacardCheck(payload.UNKNOWN_VENUE, canon))
        return ScanResult(PlacardCheck(payload.PLAIN_CODE, place.code), place.id, place.name)
    return ScanResult(PlacardCheck(payload.NOT_FIELDAPP))
