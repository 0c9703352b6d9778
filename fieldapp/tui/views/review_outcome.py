"""What the supervisor's latest review of a hazard said, in a line the inspector reads
beside the hazard (the re-inspect dialog, the inspection record): the rejection's note,
the new deadline and its reason, the unit and reference of a hand-over."""

from __future__ import annotations

from typing import Protocol

from fieldapp.i18n import t


class Reviewed(Protocol):
    """A hazard's fold as far as its latest review goes (FindingState, RecordedFinding)."""

    @property
    def review(self) -> str: ...
    @property
    def review_note(self) -> str: ...
    @property
    def handed_over_to(self) -> str: ...
    @property
    def reference(self) -> str: ...


def review_outcome(found: Reviewed, deadline: str) -> str:
    """The line for the hazard's latest review, "" when there was none; `deadline` is its
    current deadline, the one an extension set."""
    note = found.review_note
    if found.review == "rejected":
        return t("review_outcome.rejected", note=note) if note else t("review.event.rejected")
    if found.review == "deadline_extended":
        extended = t("review_outcome.extended", deadline=deadline)
        return t("app.aside", text=extended, aside=note) if note else extended
    if found.review == "handed_over" and found.handed_over_to:
        unit = t(f"review.unit.{found.handed_over_to}")
        return t("review_ui.handed_over_to", unit=unit, reference=found.reference)
    return ""
