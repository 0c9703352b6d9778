"""Whether an inspection of a venue can start, said before anything is written.

A venue whose kind has no checklist on this device cannot be inspected until the office
publishes one and a sync brings it: a retry cannot help, so the person is told that in
their language, not shown the store's error as a failure to retry. `start_inspection`
takes its checklist from `start_checklist`, so every caller gets this refusal.
"""

from __future__ import annotations

from fieldapp.domain.checklist import Checklist
from fieldapp.i18n import t
from fieldapp.services.common.checklists import ChecklistNotFound, checklist_for_kind


class StartRefused(ValueError):
    """An inspection that cannot start; str() is for a person."""


def start_checklist(kind: str) -> Checklist:
    """The newest checklist for venues of `kind`; StartRefused where none on this device
    covers the kind."""
    try:
        return checklist_for_kind(kind)
    except ChecklistNotFound:
        raise StartRefused(t("inspect.no_checklist", kind=t(f"kind.{kind}"))) from None
