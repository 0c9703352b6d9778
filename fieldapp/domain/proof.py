"""Proof of a visit beyond the placard: what an inspection's photos say about when and where
they were taken, and how strong the proof of presence is as a whole.

A photo's EXIF capture time and GPS survive in the inspection's `proof` (the resized JPEG
has lost them). A photo taken before the inspection started (an old picture passed off as
today's), or far from the venue's coordinates, is flagged for the supervisor.

Pure: no Peewee, no Textual.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from fieldapp.domain.presence import UNVERIFIED, parse_time

# Photo flags (Inspection.proof_flags holds them comma-separated).
TAKEN_BEFORE_START = "taken_before_start"
FAR_FROM_VENUE = "far_from_venue"
PHOTO_FLAGS: tuple[str, ...] = (TAKEN_BEFORE_START, FAR_FROM_VENUE)

# A camera's clock may be a few minutes off the device's; farther than this is not on site.
CLOCK_TOLERANCE = dt.timedelta(minutes=10)
FAR_METRES = 500.0

# Proof strength of an inspection, for the supervisor's filter.
STRENGTH_VERIFIED = "verified"  # a scan the server verified
STRENGTH_UNVERIFIED = "unverified"  # a scan was claimed and did not verify
STRENGTH_MANUAL = "manual"  # presence confirmed by hand, with a reason
STRENGTH_PHOTO_FLAGS = "photo_flags"  # any of the above, with a flagged photo
STRENGTHS: tuple[str, ...] = (
    STRENGTH_VERIFIED,
    STRENGTH_UNVERIFIED,
    STRENGTH_MANUAL,
    STRENGTH_PHOTO_FLAGS,
)


@dataclass(frozen=True, slots=True)
class PhotoFlag:
    sha256: str
    flag: str  # one of PHOTO_FLAGS
    taken_at: str = ""  # the photo's capture time (UTC), for TAKEN_BEFORE_START
    metres: float = 0.0  # its distance from the venue, for FAR_FROM_VENUE


def distance_metres(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6_371_000.0 * math.asin(min(1.0, math.sqrt(a)))


def photo_flags(
    photos: Iterable[Mapping[str, Any]],
    started_at: str | None,
    venue_lat: float | None,
    venue_lon: float | None,
) -> list[PhotoFlag]:
    """The flags of each photo's metadata ({sha256, taken_at, lat, lon}), in order."""
    start = parse_time(started_at)
    flags: list[PhotoFlag] = []
    for photo in photos:
        sha = str(photo.get("sha256") or "")
        taken = parse_time(photo.get("taken_at"))
        if start is not None and taken is not None and taken < start - CLOCK_TOLERANCE:
            flags.append(PhotoFlag(sha, TAKEN_BEFORE_START, taken_at=str(photo["taken_at"])))
        lat, lon = photo.get("lat"), photo.get("lon")
        if None not in (lat, lon, venue_lat, venue_lon):
            metres = distance_metres(float(lat), float(lon), float(venue_lat), float(venue_lon))  # type: ignore[arg-type]
            if metres > FAR_METRES:
                flags.append(PhotoFlag(sha, FAR_FROM_VENUE, metres=metres))
    return flags


def flags_text(flags: Iterable[PhotoFlag]) -> str:
    """The distinct flags, comma-separated in PHOTO_FLAGS order (for Inspection.proof_flags)."""
    present = {f.flag for f in flags}
    return ",".join(f for f in PHOTO_FLAGS if f in present)


def strength(presence: str, presence_check: str) -> str:
    """The presence part of an inspection's proof strength (photo flags are separate).

    The server stores "scanned" only for a scan it verified; a device's own inspection not
    yet judged by the server is "scanned" only if the device verified the placard against
    the server's keys. A failed claim is manual presence with the check "unverified".
    """
    if presence_check == UNVERIFIED:
        return STRENGTH_UNVERIFIED
    return STRENGTH_VERIFIED if presence == "scanned" else STRENGTH_MANUAL
