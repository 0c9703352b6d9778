"""The rules behind a claim of presence and a photo's flags (pure: no store, no server)."""

from __future__ import annotations

from fieldapp.domain import presence
from fieldapp.domain.placard import SigningKey
from fieldapp.domain.presence import ServerKey, check_presence
from fieldapp.domain.proof import (
    FAR_FROM_VENUE,
    TAKEN_BEFORE_START,
    distance_metres,
    flags_text,
    photo_flags,
    strength,
)

KEY = SigningKey.generate()
REVOKED_AT = "2026-06-10T08:00:00.000000Z"


def keys(*, revoked: bool = False, revoked_at: str | None = None) -> dict[str, ServerKey]:
    return {KEY.key_id: ServerKey(KEY.public_bytes, revoked, revoked_at)}


def verdict(text: str, venue: str = "DM-0001", at: str | None = "2026-06-10T07:00:00Z", **kw):
    found = check_presence("scanned", text, venue, keys(**kw), at)
    return (found.presence, found.check, found.reason)


def test_a_genuine_placard_of_the_venue_verifies() -> None:
    assert verdict(KEY.sign("DM-0001")) == ("scanned", "verified", "")
    assert verdict(KEY.sign("DM-0001").lower()) == ("scanned", "verified", "")  # Caps Lock


def test_manual_presence_claims_nothing_and_is_never_upgraded() -> None:
    found = check_presence("manual", KEY.sign("DM-0001"), "DM-0001", keys(), None)
    assert (found.presence, found.check, found.verified) == ("manual", "", False)
    odd = check_presence("SCANNED ", KEY.sign("DM-0001"), "DM-0001", keys(), None)
    assert odd.presence == "manual" and not odd.verified


def test_every_failed_claim_is_manual_unverified_with_its_reason() -> None:
    assert verdict("") == ("manual", "unverified", presence.NO_PAYLOAD)
    assert verdict("FA1:X-0000:ZZZZZ:NOTASIGNATURE")[2] == "damaged"
    assert verdict(KEY.sign("DM-0002")) == ("manual", "unverified", presence.WRONG_VENUE)
    assert verdict(SigningKey.generate().sign("DM-0001"))[2] == "unknown_key"
    altered = KEY.sign("DM-0002").replace("DM-0002", "DM-0001")
    assert verdict(altered)[2] == "forged"
    assert verdict("https://example.com/")[2] == "not_fieldapp"


def test_a_revoked_key_proves_only_scans_before_its_revocation() -> None:
    text = KEY.sign("DM-0001")
    before, after = "2026-06-10T07:59:59Z", "2026-06-10T08:00:00Z"
    assert verdict(text, at=before, revoked=True, revoked_at=REVOKED_AT)[1] == "verified"
    assert verdict(text, at=after, revoked=True, revoked_at=REVOKED_AT)[2] == (
        presence.REVOKED_BEFORE_SCAN
    )
    # A device in UTC+8 writing its offset is compared in UTC.
    assert verdict(text, at="2026-06-10T15:59:00+08:00", revoked=True, revoked_at=REVOKED_AT)[
        1
    ] == ("verified")
    assert verdict(text, at="yesterday", revoked=True, revoked_at=REVOKED_AT)[2] == (
        presence.SCAN_TIME_UNREADABLE
    )
    assert verdict(text, revoked=True, revoked_at=None)[2] == "revoked"  # time never recorded


def test_photo_flags_for_time_and_place() -> None:
    started = "2026-06-10T02:00:00Z"
    venue = (24.6795, 118.0456)
    photos = [
        {"sha256": "a", "taken_at": "2026-06-10T01:55:00Z", "lat": 24.6796, "lon": 118.0457},
        {"sha256": "b", "taken_at": "2026-06-10T01:49:00Z"},  # 11 minutes early
        {"sha256": "c", "taken_at": "2026-06-10T03:00:00Z", "lat": 24.6895, "lon": 118.0456},
        {"sha256": "d"},  # no EXIF at all: nothing to flag
    ]
    flags = photo_flags(photos, started, *venue)
    assert [(f.sha256, f.flag) for f in flags] == [
        ("b", TAKEN_BEFORE_START),
        ("c", FAR_FROM_VENUE),
    ]
    assert 1100 < flags[1].metres < 1120
    assert flags_text(flags) == "taken_before_start,far_from_venue"
    assert photo_flags(photos, started, None, None) == flags[:1]  # no venue coordinates
    assert round(distance_metres(0, 0, 0, 1)) == 111195


def test_proof_strength() -> None:
    assert strength("scanned", "verified") == "verified"
    assert strength("scanned", "") == "verified"  # the device's own scan, not yet judged
    assert strength("manual", "unverified") == "unverified"
    assert strength("manual", "") == "manual"
