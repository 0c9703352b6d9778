"""The venues a push's inspections name, read by its request before it joins a group
(PostgreSQL).

Inside a group commit the leader runs its pushes' works one after the other, and each
read its venues (with the device's grid scope) in a statement of its own: ~9 round trips
and recursive scope queries a group, a third of the leader's time, while the pushes
waiting in its group and the next waited for it. Read by each request in its own worker
thread before it queues, they overlap instead.

The read is what the work's own read was: READ COMMITTED, not locked (a venue's row is
locked only at the group's end, where its last inspection moves and its feed entries
take the row as then held), so a venue changed meanwhile is as if changed just after
the work's own read. A batch whose other ops may change venues reads them again after
those ops (`InspectionWriter.flush(others_follow=True)`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sync.server.auth import DEVICE_SQL, authenticate, device_of, sha256_hex
from sync.server.records import VenueRecord, device_and_venue_records, venue_records_for
from sync.server.scope import DeviceContext

ONE_STATEMENT = 500  # venues read with the token at most (as bulk.select_in's chunk)


@dataclass(frozen=True)
class VenuesRead:
    """Venue id -> its feed record (None: no such venue), and grid -> whether the device
    may write it, as `InspectionWriter` keeps them."""

    records: dict[str, VenueRecord | None]
    writable: dict[str, bool]

    def copied(self) -> tuple[dict[str, VenueRecord | None], dict[str, bool]]:
        """Fresh dicts for a writer, which moves its venues' last inspection in them (a
        work may run more than once: rolled back and run again)."""
        records = {k: None if v is None else dict(v) for k, v in self.records.items()}
        return records, dict(self.writable)


def inspected_venues(payloads: Iterable[dict[str, Any]]) -> set[str]:
    """The venue ids raw `inspection.submit` payloads name (validation judges the rest)."""
    venue_ids: set[str] = set()
    for payload in payloads:
        try:
            venue_ids.add(str((payload.get("inspection") or {}).get("venue_id")))
        except (AttributeError, TypeError):
            continue
    return venue_ids


def read_venues(who: DeviceContext, venue_ids: set[str]) -> VenuesRead:
    """The venues, read on the connection the request holds (its token's)."""
    found = venue_records_for(who, sorted(venue_ids)) if venue_ids else []
    return _venues_read(venue_ids, found)


def device_and_venues(token: str, venue_ids: set[str]) -> tuple[DeviceContext, VenuesRead]:
    """The token's device (`auth.authenticate`, AuthError as there) and its venues, in
    one statement: one round trip before the push joins a group, where there were two.
    A batch of more venues than one statement takes has them read after the token."""
    if not venue_ids or len(venue_ids) > ONE_STATEMENT:
        who = authenticate(token)
        return who, read_venues(who, venue_ids)
    row, found = device_and_venue_records(DEVICE_SQL, sha256_hex(token), sorted(venue_ids))
    return device_of(row), _venues_read(venue_ids, found)


def _venues_read(venue_ids: set[str], found: list[tuple[VenueRecord, bool]]) -> VenuesRead:
    records: dict[str, VenueRecord | None] = {}
    writable: dict[str, bool] = {}
    for venue, may_write in found:
        records[venue["id"]] = venue
        writable.setdefault(venue["grid"], may_write)
    for venue_id in venue_ids:
        records.setdefault(venue_id, None)
    return VenuesRead(records, writable)
