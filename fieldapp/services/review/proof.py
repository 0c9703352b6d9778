"""The proof of a visit as the supervisor reads it in the inspection review's detail: the
server's verdict on the scan, each scan's source and timing, and flagged photos."""

from __future__ import annotations

from fieldapp.domain import proof as visit_proof
from fieldapp.domain.clock import wall_clock
from fieldapp.domain.presence import VERIFIED, parse_time
from fieldapp.i18n import t
from fieldapp.services.review.inspections import SubmittedRow


def reason_text(reason: str) -> str:
    return t(f"proof.reason.{reason}") if reason else ""


def _stamp(iso: str) -> str:
    """An ISO UTC time as the device's local time, to the second."""
    parsed = parse_time(iso)
    return wall_clock(parsed).strftime("%Y-%m-%d %H:%M:%S") if parsed else iso


def proof_lines(row: SubmittedRow) -> list[str]:
    """What the review detail says about how the visit is proved (flags first)."""
    lines: list[str] = []
    if row.unverified:
        lines.append(t("proof.unverified", reason=reason_text(row.presence_check_reason)))
    elif row.presence == "scanned" and row.presence_check == VERIFIED:
        lines.append(t("proof.verified"))
    photos = list(row.proof.get("photos") or ())
    flags = visit_proof.photo_flags(photos, row.started_at, row.venue_lat, row.venue_lon)
    for flag in flags:
        lines.append(
            t(
                f"proof.photo.{flag.flag}",
                sha=flag.sha256[:8],
                taken_at=_stamp(flag.taken_at),
                started_at=_stamp(row.started_at),
                metres=f"{flag.metres:,.0f}",
            )
        )
    if photos and not flags:
        lines.append(t("proof.photos_ok", count=len(photos)))
    for n, scan in enumerate(row.proof.get("scans") or (), start=1):
        offset = scan.get("offset_ms")
        lines.append(
            t(
                "proof.scan",
                n=n,
                source=t(f"proof.source.{scan.get('source', 'typed')}"),
                at=_stamp(str(scan.get("at", ""))),
                offset=(
                    t("proof.scan.offset", seconds=f"{offset / 1000:+.1f}")
                    if isinstance(offset, int)
                    else t("proof.scan.no_offset")
                ),
            )
        )
    return lines
