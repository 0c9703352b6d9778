"""The conflicts a sync learnt, each named by the record it is about, as a person knows it.

The server answers an event it recorded as a conflict with the fold's reason only; the
sync client keeps the op's record (`Conflict.record_id`). A person knows a hazard by its
venue's code and checklist item (DM-0016 COM-01) and an incident by its place (the venue,
or the address), so those lead the conflict's line. A record the device does not hold
leaves the line as the reason alone.

`name_conflicts` reads the store (one query a kind): call it from the sync's worker.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from peewee import JOIN

from fieldapp.i18n import t
from fieldapp.services.syncing.problems import conflict_in_words
from fieldapp.store.incident_models import Incident
from fieldapp.store.models import Finding, Venue

if TYPE_CHECKING:
    from sync.client import SyncResult
    from sync.client.base import Conflict


def name_conflicts(result: SyncResult) -> None:
    """Fill each conflict's `about` from the store, where the device holds its record."""
    wanted: dict[str, set[str]] = {"finding.event": set(), "incident.event": set()}
    for c in result.conflicts:
        if c.record_id and c.op_type in wanted:
            wanted[c.op_type].add(c.record_id)
    names: dict[str, str] = {}
    if wanted["finding.event"]:
        findings = (
            Finding.select(Finding.id, Finding.item_code, Venue.code)
            .join(Venue)
            .where(Finding.id.in_(sorted(wanted["finding.event"])))
        )
        for f in findings:
            names[f.id] = f"{f.venue.code} {f.item_code}"
    if wanted["incident.event"]:
        incidents = (
            Incident.select(Incident.id, Incident.address, Venue.name)
            .join(Venue, JOIN.LEFT_OUTER)
            .where(Incident.id.in_(sorted(wanted["incident.event"])))
            .tuples()
        )
        rows: list[tuple[str, str | None, str | None]] = list(incidents)  # type: ignore[arg-type]
        for incident_id, address, venue_name in rows:
            if place := venue_name or address:
                names[incident_id] = place
    result.conflicts = [replace(c, about=names.get(c.record_id, c.about)) for c in result.conflicts]


def conflict_line(conflict: Conflict) -> str:
    """The conflict in the UI's language, led by the record it is about when known."""
    said = conflict_in_words(conflict.reason)
    if not conflict.about:
        return said
    return t("sync_ui.conflicts.about", about=conflict.about, conflict=said)
