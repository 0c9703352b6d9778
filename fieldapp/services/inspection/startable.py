"""Whether an inspection of a venue can start, said before anything is written.

A venue whose kind has no checklist on this device cannot be inspected until the office
publishes one and a sync brings it: a retry cannot help, so the person is told that in
their language, not shown the store's error as a failure to retry.
"""

from __future__ import annotations

from fieldapp.i18n import t
from fieldapp.services.common.checklists import ChecklistNotFound, checklist_for_kind
from fieldapp.store.models import Venue


class StartRefused(ValueError):
    """An inspection that cannot start; str() is for a person."""


def refuse_unstartable(venue_id: str) -> None:
    """StartRefused when no checklist on this device covers the venue's kind."""
    kind = Venue.get_by_id(venue_id).kind
    try:
        checklist_for_kind(kind)
    except ChecklistNotFound:
        raise StartRefused(t("inspect.no_checklist", kind=t(f"kind.{kind}"))) from None
