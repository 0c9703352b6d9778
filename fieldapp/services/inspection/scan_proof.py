"""The proof an inspection keeps of the visit: each placard scan with its device time, its
offset from the inspection's start on the monotonic clock, and its source; and, at
submit, the EXIF of its photos (`photos.photo_proofs`).

Device clocks can be set to anything; the monotonic clock cannot be set, so the offset
of a scan from the inspection's start says how the visit unfolded even when the wall
clock lies. It is comparable only within one boot of the machine: the inspection keeps
the boot id with its start, and a scan recorded after a reboot has no offset (None).

`Inspection.proof` on the device: {"clock": {"boot", "start"}, "scans": [...]}; the wire
(`sync.protocol.ProofPayload`) carries the scans and the photos, not the clock.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The scan sources are the domain's: services.common words the ledger by them too.
from fieldapp.domain.scan_sources import CAMERA as CAMERA
from fieldapp.domain.scan_sources import SCAN_SOURCES as SCAN_SOURCES
from fieldapp.domain.scan_sources import TYPED as TYPED
from fieldapp.domain.scan_sources import WEDGE as WEDGE

_BOOT_ID = Path("/proc/sys/kernel/random/boot_id")


def boot_id() -> str:
    """This boot of the machine ("" where the system does not say)."""
    try:
        return _BOOT_ID.read_text(encoding="ascii").strip()
    except OSError:
        return ""


@dataclass(frozen=True, slots=True)
class ScanMark:
    """A scan as it happened: where it came from, and when on both clocks."""

    source: str  # one of SCAN_SOURCES
    at: str  # device wall-clock time, ISO UTC
    monotonic: float  # time.monotonic() when the scan was read
    boot: str = ""

    @classmethod
    def now(cls, source: str, at: str) -> ScanMark:
        if source not in SCAN_SOURCES:
            raise ValueError(f"scan source must be one of {', '.join(SCAN_SOURCES)}")
        return cls(source, at, time.monotonic(), boot_id())


def start_proof(scan: ScanMark | None) -> dict[str, Any]:
    """The proof of an inspection starting now, with the scan that opened it (if any)."""
    proof: dict[str, Any] = {"clock": {"boot": boot_id(), "start": time.monotonic()}, "scans": []}
    if scan is not None:
        proof = add_scan(proof, scan)
    return proof


def add_scan(proof: dict[str, Any], scan: ScanMark) -> dict[str, Any]:
    """The proof with one more scan; its offset from the start in whole milliseconds."""
    clock = proof.get("clock") or {}
    start, boot = clock.get("start"), clock.get("boot", "")
    same_boot = isinstance(start, int | float) and boot and boot == scan.boot
    offset = round((scan.monotonic - float(start)) * 1000) if same_boot else None  # type: ignore[arg-type]
    entry = {"source": scan.source, "at": scan.at, "offset_ms": offset}
    return {**proof, "scans": [*proof.get("scans", []), entry]}


def read_from_photo(presence: str, proof: Any) -> bool:
    """Whether presence rests on placard codes read from image files only (`CAMERA`): a
    photo of a placard can be had anywhere, so it is not the proof a scan on site is. One
    scan on site (a scanner's, a placard's text typed there) makes it a scan. The same
    in SQL, for the ledger: `presence_words.presence_said`."""
    scans = proof.get("scans") if isinstance(proof, dict) else None
    if presence != "scanned" or not isinstance(scans, list) or not scans:
        return False
    return all(isinstance(scan, dict) and scan.get("source") == CAMERA for scan in scans)


def scanned_on_site(proof: Any) -> bool:
    """Whether the proof holds a placard scan on site (a scanner's, a placard's text
    typed there): a code read from a photo since leaves the visit a scan (`read_from_photo`)."""
    scans = proof.get("scans") if isinstance(proof, dict) else None
    return isinstance(scans, list) and any(
        isinstance(scan, dict) and scan.get("source") != CAMERA for scan in scans
    )


def draft_scanned_on_site(inspection_id: str) -> bool:
    """`scanned_on_site` for the inspection stored under `inspection_id`."""
    from fieldapp.store.models import Inspection

    return scanned_on_site(Inspection.get_by_id(inspection_id).proof)


def wire_proof(proof: dict[str, Any], photos: list[dict[str, Any]]) -> dict[str, Any]:
    """What the server receives (sync.protocol.ProofPayload): scans and photos' EXIF."""
    return {"scans": list(proof.get("scans", [])), "photos": photos}
