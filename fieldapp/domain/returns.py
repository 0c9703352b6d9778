"""A submitted inspection of mine a supervisor returned with a comment: what the sync
learns (sync.client.reviews) and Home lists (services.inspection.returned)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReturnedInspection:
    inspection_id: str
    venue_id: str
    code: str  # the venue's code and name on this device
    venue: str
    comment: str  # the supervisor's
    submitted_at: str
