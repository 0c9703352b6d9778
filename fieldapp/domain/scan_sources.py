"""Where a placard scan came from, kept with the scan as proof
(`services.inspection.scan_proof`). Apart from `presence`, the server's check of a claim of
presence, so that the device names them at start-up without importing that check and the
placard's signature code behind it."""

from __future__ import annotations

WEDGE = "wedge"  # a scanner typing like a keyboard: a burst of keys on any screen
CAMERA = "camera"  # the QR decoded from a photo
TYPED = "typed"  # typed or pasted into the scan dialog
SCAN_SOURCES: tuple[str, ...] = (WEDGE, CAMERA, TYPED)
