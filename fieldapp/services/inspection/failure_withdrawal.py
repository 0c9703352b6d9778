"""Taking back a failure just given, when its hazard form is cancelled (Esc, Cancel, or
Ctrl+Q over the form).

The failed answer and its draft hazard are written before the form is confirmed (nothing
typed is lost whatever happens in the form), so cancelling withdraws them: the draft hazard
goes, and the item gets back the answer it had before the failure (`PriorAnswer`, a pass
with its value, say), or is unanswered again when it had none. A note or photos on the
item are kept either way (the failure kept them on the answer's row)."""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.services.inspection.inspections import ReadOnly
from fieldapp.store.db import write_transaction
from fieldapp.store.models import Answer, Finding, Inspection


@dataclass(frozen=True, slots=True)
class PriorAnswer:
    """The item's answer before the failure was given."""

    outcome: str
    value: str
    answered_at: str

    @classmethod
    def of(cls, answer: Answer | None) -> PriorAnswer | None:
        """What to put back from the item's answer row as it was (None: none, or already
        a failure, which withdrawing would not put back)."""
        if answer is None or answer.outcome in ("fail", "note"):
            return None
        return cls(str(answer.outcome), str(answer.value or ""), str(answer.answered_at))


def withdraw_failure(inspection_id: str, item_code: str, before: PriorAnswer | None) -> None:
    """The hazard form of a new failure was cancelled: its draft hazard is gone and the
    item has the answer `before` back (unanswered when None); `ReadOnly` once submitted."""
    with write_transaction():
        inspection = Inspection.get_by_id(inspection_id)
        if inspection.status != "draft":
            raise ReadOnly(inspection_id)
        Finding.delete().where(
            (Finding.inspection == inspection_id)
            & (Finding.item_code == item_code)
            & (Finding.state == "draft")
        ).execute()
        answer = Answer.get_or_none(inspection=inspection_id, item_code=item_code)
        if answer is not None and answer.outcome == "fail":
            if before is not None:
                answer.outcome, answer.value = before.outcome, before.value
                answer.answered_at = before.answered_at
                answer.save()
            elif answer.note or answer.photos:
                answer.outcome, answer.value = "note", ""
                answer.save()
            else:
                answer.delete_instance()
        inspection.current_item = item_code
        inspection.save()
