"""Taking back a failure just given, when its hazard form is cancelled (Esc, Cancel, or
Ctrl+Q over the form).

The failed answer and its draft hazard are written before the form is confirmed (nothing
typed is lost whatever happens in the form), so cancelling withdraws them: the draft hazard
goes, and the item gets back the answer it had before the failure (`PriorAnswer`, a pass
with its value, say), or is unanswered again when it had none. A note or photos on the
item are kept either way (the failure kept them on the answer's row).

A failure given again over a hazard recorded before (`f` on a failed item, a new count
typed) keeps that hazard; cancelling its form puts back the failed answer as it was
(`put_back_failure`), so the item never keeps a value the inspector took back."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
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

    @classmethod
    def failed(cls, answer: Answer | None) -> PriorAnswer | None:
        """The failed answer a failure given again replaces (None: the item had none)."""
        if answer is None or answer.outcome != "fail":
            return None
        return cls("fail", str(answer.value or ""), str(answer.answered_at))

    def restore(self, answer: Answer) -> None:
        """`answer` (the item's row) holds this again."""
        answer.outcome, answer.value = self.outcome, self.value
        answer.answered_at = self.answered_at
        answer.save()


@contextmanager
def _failed_answer(inspection_id: str, item_code: str) -> Iterator[Answer | None]:
    """In one transaction on a draft (`ReadOnly` once submitted): the item's failed answer
    (None when it has none), and the draft resumes on the item after."""
    with write_transaction():
        inspection = Inspection.get_by_id(inspection_id)
        if inspection.status != "draft":
            raise ReadOnly(inspection_id)
        answer = Answer.get_or_none(inspection=inspection_id, item_code=item_code)
        yield answer if answer is not None and answer.outcome == "fail" else None
        inspection.current_item = item_code
        inspection.save()


def withdraw_failure(inspection_id: str, item_code: str, before: PriorAnswer | None) -> None:
    """The hazard form of a new failure was cancelled: its draft hazard is gone and the
    item has the answer `before` back (unanswered when None); `ReadOnly` once submitted."""
    with _failed_answer(inspection_id, item_code) as answer:
        Finding.delete().where(
            (Finding.inspection == inspection_id)
            & (Finding.item_code == item_code)
            & (Finding.state == "draft")
        ).execute()
        if answer is None:
            return  # (the draft still resumes on the item)
        if before is not None:
            before.restore(answer)
        elif answer.note or answer.photos:
            answer.outcome, answer.value = "note", ""
            answer.save()
        else:
            answer.delete_instance()


def put_back_failure(inspection_id: str, item_code: str, before: PriorAnswer) -> None:
    """The hazard form of a failure given again was cancelled: the item has its failed
    answer `before` back (its value, say the count 1, not the 12 typed since), and the
    hazard recorded before stays as it is; `ReadOnly` once submitted."""
    with _failed_answer(inspection_id, item_code) as answer:
        if answer is not None:
            before.restore(answer)
