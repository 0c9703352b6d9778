"""Whether a claim of presence holds: the server's check of a `scanned` inspection.

A device says "I scanned the placard of this venue" by sending the placard text it read.
The claim holds when that text is a genuine placard (a known key signed it), names the
inspection's venue, its key was not revoked when the scan happened, and it was read on
site: a placard's text typed or pasted (source `typed`), which anyone can be sent by
chat, proves no visit, as the device itself now records it (`not_on_site`; an older
device still claims a scan for it). A claim that fails is kept as manual presence,
unverified, with the reason (one of the codes below): never upgraded, never dropped.

Pure: no Peewee, no Textual. The caller gives the keys it knows with their revocation
times (server time, ISO-8601 UTC).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from fieldapp.domain import placard
from fieldapp.domain.clock import utc_moment
from fieldapp.domain.free_text import optional_text_problem
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
TYPED_PLACARD = "typed_placard"  # the placard's text typed or pasted, not scanned
PHOTO_PLACARD = "photo_placard"  # a patrol checkpoint's placard read off a photo

REASONS: tuple[str, ...] = (
    *placard.REFUSALS,
    NO_PAYLOAD,
    WRONG_VENUE,
    REVOKED_BEFORE_SCAN,
    SCAN_TIME_UNREADABLE,
    TYPED_PLACARD,
    PHOTO_PLACARD,
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
        return utc_moment(text.strip()).astimezone(dt.UTC)
    except ValueError:
        return None


def _unverified(reason: str) -> PresenceVerdict:
    return PresenceVerdict(MANUAL, UNVERIFIED, reason)


def not_on_site(sources: Sequence[str], *, patrol: bool = False) -> str:
    """Why scans from these sources prove no visit ("" when they may): an inspection's
    claim rests on its proof's scans, and only typed ones leave it unproved (a scan on
    site among them proves it, as `scan_proof.scanned_on_site` says on the device); a
    patrol visit's one scan proves nothing typed or read off a photo either, as the
    device's run refuses both (`services.patrols.runs.record_scan`)."""
    if not sources:
        return ""  # an older device sent no proof: nothing to judge the source by
    if all(source == TYPED for source in sources):
        return TYPED_PLACARD
    if patrol and all(source in (TYPED, CAMERA) for source in sources):
        return PHOTO_PLACARD
    return ""


def check_presence(
    presence: str,
    payload_text: str,
    venue_code: str,
    keys: Mapping[str, ServerKey],
    scanned_at: str | None,
    unproved: str = "",
) -> PresenceVerdict:
    """The verdict on an inspection's presence claim.

    `scanned_at` is the device's time of the scan (information only, but the only time
    there is for a scan made offline): a key revoked after it still proves that visit.
    `unproved` (from `not_on_site`): why the scan's source proves no visit, said once the
    placard itself is found genuine (a forged one is said so first).
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
    if unproved:
        return _unverified(unproved)
    return PresenceVerdict(SCANNED, VERIFIED)


def manual_note_problem(reason: str, note: str, code: str = "") -> str | None:
    """Why a venue or patrol checkpoint taken without a scan cannot be taken with this
    reason and note (zh-CN or English, from the catalogue), or None. "other" needs a note
    that says why in at least two letters or Chinese characters: "。。", "x" or the venue
    code typed (`code`) say nothing. Another reason's note may be left empty; typed, it
    says something as every note does (`optional_text_problem`: "😀" is refused). One
    rule for the dialog and the services."""
    said = note.strip()
    if reason != "other":
        return optional_text_problem("note", said)
    if says_something(said) and said.casefold() != code.casefold():
        return None
    return t("presence.note_needed")
