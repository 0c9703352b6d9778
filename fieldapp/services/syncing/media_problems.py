"""A photo, video or audio file a sync could not send or fetch, said for a person.

The sync client names such a file by its hash in English, for the log
(`SyncResult.warnings`, logged by `runs.after_sync`). A person knows a photo by what it
belongs to: the venue and the checklist item or hazard it was taken for, the incident,
the activity or the patrol, and its place among that record's photos (照片 2, or the file
it was attached from in this session, as `photos.photo_labels` names it). Never the hash.

Reads the store (one query a table for all the run's files): call it from the sync's
worker, not the UI thread.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from peewee import SQL

from fieldapp.i18n import t
from fieldapp.services.common.photos import photo_labels
from fieldapp.store.activity_models import Activity
from fieldapp.store.incident_models import Incident, IncidentEvent
from fieldapp.store.models import Answer, Finding, FindingEvent
from fieldapp.store.patrol_models import PatrolScan
from sync.client.photos import waiting_warning

if TYPE_CHECKING:
    from sync.client import SyncResult
    from sync.client.base import MediaProblem

# The server's codes for a file larger than it takes (sync/server/routes, middleware).
TOO_LARGE = frozenset({"blob_too_large", "body_too_large"})


def warnings_in_words(result: SyncResult) -> list[str]:
    """The run's warnings for a person: each file problem named by its record, in the UI
    language, then the warnings that are not about one file, as given (but the files
    still to come, in the UI language)."""
    problems = result.media_problems
    names = media_names([p.sha256 for p in problems])
    logged = {p.logged for p in problems}
    said = [_said(p, names.get(p.sha256) or t("sync_media.a_file")) for p in problems]
    waiting = waiting_warning(result.blobs_waiting)
    others = [w for w in result.warnings if w not in logged]
    return [*said, *(_waiting(result.blobs_waiting) if w == waiting else w for w in others)]


def _waiting(count: int) -> str:
    """Files other devices' records name and this one still lacks: fetched later, or
    never when the server refused them as too large (it cannot tell which)."""
    return t("sync_media.waiting", count=count)


def _said(problem: MediaProblem, name: str) -> str:
    if problem.problem == "refused":
        if problem.code in TOO_LARGE:
            return t("sync_media.too_large", name=name)
        return t("sync_media.refused", name=name, reason=_reason(problem))
    if problem.problem == "not_stored":
        return t("sync_media.not_stored", name=name, reason=problem.reason)
    return t(f"sync_media.{problem.problem}", name=name)


def _reason(problem: MediaProblem) -> str:
    """The server's reason by its code in the UI language; a reason without a code, or
    with one this version does not know (a proxy's, a newer server's), as given."""
    key = f"sync_media.reason.{problem.code}"
    said = t(key) if problem.code else key
    return problem.reason if said == key else said


def media_names(shas: list[str]) -> dict[str, str]:
    """What a person calls each file: its record and its place among that record's photos
    (files no record on this device names are left out)."""
    wanted = sorted(set(shas))
    names_wanted = set(wanted)
    names: dict[str, str] = {}
    if not wanted:
        return names
    for answer in _holding(Answer, wanted):
        venue, item = answer.inspection.venue.name, answer.item_code
        for sha, photo in _named(answer.photos, names_wanted):
            names.setdefault(sha, t("sync_media.of_item", venue=venue, item=item, photo=photo))
    hazards = [(f, f.photos) for f in _holding(Finding, wanted)]
    hazards += [(e.finding, e.photos) for e in _holding(FindingEvent, wanted)]
    for finding, photos in hazards:
        venue, item = finding.venue.name, finding.item_code
        for sha, photo in _named(photos, names_wanted):
            names.setdefault(sha, t("sync_media.of_hazard", venue=venue, item=item, photo=photo))
    incidents = [(i, i.photos) for i in _holding(Incident, wanted)]
    incidents += [(e.incident, e.photos) for e in _holding(IncidentEvent, wanted)]
    files = [(i, m) for i in _holding(Incident, wanted, "media") for m in i.media or ()]
    for incident, photos in incidents:
        for sha, photo in _named(photos, names_wanted):
            names.setdefault(sha, _of_incident(incident, photo))
    for incident, file in files:
        if file.get("sha256") in names_wanted:
            label = file.get("name") or t("sync_media.a_file")
            names.setdefault(file["sha256"], _of_incident(incident, label))
    for activity in _holding(Activity, wanted):
        for sha, photo in _named(activity.photos, names_wanted):
            names.setdefault(sha, t("sync_media.of_activity", day=activity.held_on, photo=photo))
    for scan in _holding(PatrolScan, wanted):
        day, window = scan.run.day, scan.run.window
        for sha, photo in _named(scan.photos, names_wanted):
            names.setdefault(sha, t("sync_media.of_patrol", day=day, window=window, photo=photo))
    return names


def _holding(model: Any, wanted: list[str], column: str = "photos") -> list[Any]:
    """The rows of `model` whose photos (or media) name any of the files: SQLite finds
    them, the files given as one JSON array, as `sync.client.photos` finds sent ops."""
    names = SQL(
        f"EXISTS (SELECT 1 FROM json_each(?) WHERE instr(t1.{column}, json_each.value))",
        [json.dumps(wanted)],
    )
    return list(model.select().where(names))


def _named(photos: Any, wanted: Collection[str]) -> list[tuple[str, str]]:
    """(sha256, its name among the record's photos) for each wanted one the record has."""
    held = [sha for sha in photos or () if isinstance(sha, str)]
    labels = photo_labels(held)
    return [(sha, label) for sha, label in zip(held, labels, strict=True) if sha in wanted]


def _of_incident(incident: Incident, photo: str) -> str:
    venue = incident.venue if incident.venue_id else None
    where = venue.name if venue is not None else incident.address
    category = t(f"incident.category.{incident.category}")
    return t("sync_media.of_incident", category=category, where=where or "-", photo=photo)
