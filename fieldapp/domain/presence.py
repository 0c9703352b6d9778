"""Whether a claim of presence holds: the server's check of a `scanned` inspection.

A device says "I scanned the placard of this venue" by sending the placard text it read.
The claim holds when that text is a genuine placard (a known key signed it), names the
inspection's venue, and its key was not revoked when the scan happened. A claim that
fails is kept as manual presence, unverified, with the reason (one of the codes below):
never upgraded, never dropped.

Pure: no Peewee, no Textual. The caller gives the keys it knows with their revocation
times (server time, ISO-8601 UTC).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from fieldapp.domain import placard
from fieldapp.domain.scan_sources import CAMERA as CAMERA
from fieldapp.domain.scan_sources import SCAN_SOURCES as SCAN_SOURCES
from fieldapp.domain.scan_sources import TYPED as TYPED
from fieldapp.domain.scan_sources import WEDGE as WEDGE
from fieldapp.domain.typed import says_something
from fieldapp.i18n import t

SCANNED = "scanned"
MANUAL = "manual"

# presence_check values: what the server decided about the claim.
VERIFIED = "verified"  # a scan whose placard verified
UNVERIFIED = "unverified"  # a scan was claimed and did not verify: stored as manual
NOT_CLAIMED = ""  # manual presence from the start: nothing to check

# Reasons a scan claim fails, besides the placard verdicts (placard.REFUSALS).
NO_PAYLOAD = "no_payload"
WRONG_VENUE = "wrong_venue"
REVOKED_BEFORE_SCAN = "revoked_before_scan"
SCAN_TIME_UNREADABLE = "scan_time_unreadable"

REASONS: tuple[str, ...] = (
    *placard.REFUSALS,
    NO_PAYLOAD,
    WRONG_VENUE,
    REVOKED_BEFORE_SCAN,
    SCAN_TIME_UNREADABLE,
)


@dataclass(frozen=True, slots=True)
class ServerKey:
    """A placard key as the verifier knows it."""

    public_bytes: bytes
    revoked: bool = False
    revoked_at: str | None = None  # server time of the revocation; None if not recorded


@dataclass(frozen=True, slots=True)
class PresenceVerdict:
    presence: str  # what is stored: scanned (verified) or manual
    check: str  # VERIFIED, UNVERIFIED or NOT_CLAIMED
    reason: str = ""  # one of REASONS when UNVERIFIED

    @property
    def verified(self) -> bool:
        return self.check == VERIFIED


def parse_time(text: str | None) -> dt.datetime | None:
    """An ISO-8601 time as an aware UTC datetime (naive times are taken as UTC)."""
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def _unverified(reason: str) -> PresenceVerdict:
    return PresenceVerdict(MANUAL, UNVERIFIED, reason)


def check_presence(
    presence: str,
    payload_text: str,
    venue_code: str,
    keys: Mapping[str, ServerKey],
    scanned_at: str | None,
) -> PresenceVerdict:
    """The verdict on an inspection's presence claim.

    `scanned_at` is the device's time of the scan (information only, but the only time
    there is for a scan made offline): a key revoked after it still proves that visit.
    """
    if presence != SCANNED:
        return PresenceVerdict(MANUAL, NOT_CLAIMED)
    if not payload_text.strip():
        return _unverified(NO_PAYLOAD)
    # Signature first, revocation judged here by time rather than by the flag alone.
    signed = {key_id: (key.public_bytes, False) for key_id, key in keys.items()}
    result = placard.verify_payload(payload_text, signed)
    if not result.ok:
        return _unverified(result.kind)
    if result.venue_code != venue_code.strip().upper():
        return _unverified(WRONG_VENUE)
    key = keys[result.key_id]
    if key.revoked:
        revoked_at, at = parse_time(key.revoked_at), parse_time(scanned_at)
        if revoked_at is None:
            return _unverified(placard.REVOKED)  # revoked, and nobody recorded when
        if at is None:
            return _unverified(SCAN_TIME_UNREADABLE)
        if at >= revoked_at:
            return _unverified(REVOKED_BEFORE_SCAN)
    return PresenceVerdict(SCANNED, VERIFIED)


def manual_note_problem(reason: str, note: str, code: str = "") -> str | None:
    """Why a venue or patrol checkpoint taken without a scan cannot be taken with this
    reason and note (zh-CN or English, from the catalogue), or None. "other" needs a note
    that says why in at least two letters or Chinese characters: "。。", "x" or the venue
    code typed (`code`) say nothing. One rule for the dialog and the services."""
    said = note.strip()
    if reason != "other" or (says_something(said) and said.casefold() != code.casefold()):
        return None
    return t("presence.note_needed")
