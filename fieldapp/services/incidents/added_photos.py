"""Photos added to an incident after it was reported (a second photo taken ten minutes
later): refused as the report's evidence is (no file there, a folder, a file that is no
image, one too large), stored like every photo (resized, by sha256), then one
`evidence_added` event that carries them, queued for the server in the same transaction
(`events.append_event`). A bad file stores no event."""

from __future__ import annotations

from fieldapp.domain import incidents as lifecycle
from fieldapp.domain.incidents import EVIDENCE_ADDED, evidence_missing
from fieldapp.i18n import t
from fieldapp.services.incidents import events
from fieldapp.services.incidents.evidence import EvidenceError, check_files, import_evidence
from fieldapp.store.incident_models import Incident, IncidentEvent


def add_photos(incident_id: str, paths: list[str]) -> IncidentEvent:
    """Check every file first, then store them and the event; EvidenceError says what is
    wrong with the first file that cannot be added, TransitionRefused who may not."""
    wanted = [p for p in paths if p.strip()]
    check_files(wanted, limit=lifecycle.MEDIA_LIMIT_BYTES, photos_only=True)
    imported = list(dict.fromkeys(import_evidence(wanted).photos))  # the same photo once
    held = photos_held(incident_id)
    photos = [sha for sha in imported if sha not in held]
    if imported and not photos:  # each one is in its evidence already: nothing to record
        raise EvidenceError(t("incident.photos.already_attached", count=len(imported)))
    if evidence_missing(EVIDENCE_ADDED, photos):
        raise EvidenceError(t("photo.empty"))
    return events.append_event(incident_id, EVIDENCE_ADDED, photos=photos)


def photos_held(incident_id: str) -> set[str]:
    """The photos (sha256) an incident holds: reported with it and added since."""
    held = set(Incident.get_by_id(incident_id).photos or [])
    query = IncidentEvent.select(IncidentEvent.photos).where(IncidentEvent.incident == incident_id)
    for event in query:
        held.update(event.photos or [])
    return held
