"""What a sync that just ended (`app.sync_outcome`) brought: a screen showing records of
some feed reads itself again when the sync pulled that feed, or re-scoped the device."""

from __future__ import annotations

# The feeds each screen shows. Incidents: their events are a hand-over or an outcome
# recorded on another device.
INCIDENT_FEEDS = frozenset({"incident", "incident.event"})
PEOPLE_FEEDS = frozenset({"household"})  # another device's edits of people


def pulled(outcome: object, feeds: frozenset[str]) -> bool:
    """Did the sync that ended pull records of any of `feeds`, or re-scope this device?"""
    result = getattr(outcome, "result", None)
    if result is None:
        return False
    return bool(feeds & result.pulled_types) or bool(result.rescoped)
