"""The supervisor's actions on hazards (隐患), one or many at a time.

Every action goes through `services.inspection.findings.append_event`, so the one state machine
decides; a bulk action is one transaction whose refusals are per finding and never abort
the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from fieldapp.domain import finding_checks
from fieldapp.domain import findings as machine
from fieldapp.domain.clock import today
from fieldapp.domain.free_text import optional_text_problem, text_problem
from fieldapp.domain.lifecycle import CLOSED_UNREPORTED
from fieldapp.i18n import t
from fieldapp.services.common.identity import me
from fieldapp.services.inspection import findings
from fieldapp.services.review.queues import my_scope
from fieldapp.store.db import fk, write_transaction
from fieldapp.store.models import Finding, FindingEvent, Venue

# What a supervisor does in bulk from the review screen.
BULK_EVENTS = (
    "verified",
    "rejected",
    "deadline_extended",
    "handed_over",
    "outcome_recorded",
    "closed",
    "note",
)


def note_needed(
    event_type: str,
    states: Iterable[str],
    data: Mapping[str, Any] | None = None,
    severities: Iterable[str] = (),
) -> str | None:
    """Why the note of this action (with this data) on findings in these states must be
    written, as the key of what it must say (`review.refused.note_<key>`), or None when
    it may be empty.

    A rejected re-check says what is still wrong: the venue must know what to fix.
    Closing a hazard never reported fixed (open, overdue or not) says why it may be
    closed without a re-check, e.g. fixed on the spot. An outcome of 其他处理 says what
    the receiving unit did. Extending a major hazard's deadline (of `severities`) says
    why: the domain hands a major hazard over at once rather than wait for its deadline
    (domain.md 3.1), so moving it later is an exception to be justified. The device's
    rule, not the domain's; the server holds an extension of a major hazard and a close
    flagged never reported fixed to it too (`sync.server.op_checks`), and takes the
    others without a note, as older devices queued them.
    """
    if event_type == "rejected":
        return "rejected"
    if event_type == "outcome_recorded" and (data or {}).get("outcome") == "other":
        return "outcome_other"
    if event_type == "closed" and machine.OPEN in set(states):
        return "closed_unreported"
    if event_type == "deadline_extended" and "major" in set(severities):
        return "extended_major"
    return None


# The free-text rule (`fieldapp.domain.free_text.RULES`) of each note `note_needed` asks for.
NOTE_RULES = {
    "rejected": "reject_reason",
    "closed_unreported": "closed_unreported_reason",
    "outcome_other": "outcome_other_reason",
    "extended_major": "extended_major_reason",
}


def note_problem(needed: str | None, note: str) -> str | None:
    """Why `note` cannot be the note `needed` (a key of `note_needed`) asks for, as a
    sentence for a person: missing, or saying nothing in words ("ok", "😀。"); None when
    it can be taken. A note none is needed for may be empty, but typed it says something
    as every note does ("😀" or "z" is refused)."""
    if needed is None:
        return optional_text_problem("note", note)
    if not note.strip():
        return t(f"review.refused.note_{needed}")
    return text_problem(NOTE_RULES[needed], note)


class ActionRefused(ValueError):
    """A whole bulk action refused before anything was written; str() is for a person."""


class NotPermitted(ActionRefused, PermissionError):
    """This person's role may not do this."""


@dataclass(frozen=True, slots=True)
class BulkResult:
    finding_id: str
    applied: bool
    reason: str = ""  # why it was refused, for a person
    event_id: str | None = None


def bulk_apply(
    finding_ids: Iterable[str],
    event_type: str,
    note: str = "",
    data: Mapping[str, Any] | None = None,
) -> list[BulkResult]:
    """Apply one action to many findings in one transaction; a result per finding.

    Raises NotPermitted (nothing written) when this person's role may not send the event
    at all, and ActionRefused when the action's data is incomplete (a missing deadline,
    unit or reference, a rejection without a note). Otherwise each finding is applied or
    refused with a reason (wrong state, outside my grids, not found, closed unreported
    without a note: `note_needed`) without stopping the others.
    """
    who = me()
    if event_type not in machine.TRANSITIONS or event_type == "opened":
        raise ActionRefused(t("review.refused.unknown_event", event=event_type))
    if not machine.role_may_send(who.role, event_type):
        raise NotPermitted(
            t("review.refused.inspector_bulk", event=t(f"review.event.{event_type}"))
        )
    payload = dict(data or {})
    if event_type == "handed_over":
        payload.setdefault("date", today().isoformat())
    problem = finding_checks.check_event_data(event_type, payload)
    if problem is not None:
        raise ActionRefused(problem)
    needed_in_any = note_needed(event_type, (), payload)
    if needed_in_any and (said := note_problem(needed_in_any, note)) is not None:
        raise ActionRefused(said)  # else by each finding's own rule (a close of one unreported)
    scope = my_scope()
    allowed = None if scope is None else set(scope)
    results: list[BulkResult] = []
    with write_transaction():
        for finding_id in dict.fromkeys(finding_ids):
            finding = Finding.get_or_none(Finding.id == finding_id)
            if finding is None:
                results.append(BulkResult(finding_id, False, t("review.refused.not_found")))
                continue
            if allowed is not None:
                grid = Venue.select(Venue.grid).where(Venue.id == fk(finding, "venue")).scalar()
                if grid not in allowed:
                    results.append(BulkResult(finding_id, False, t("review.refused.outside_grid")))
                    continue
            needed = note_needed(event_type, (finding.state,), severities=(finding.severity,))
            said = note_problem(needed, note)
            if said is not None:
                results.append(BulkResult(finding_id, False, said))
                continue
            sent = (
                {**payload, CLOSED_UNREPORTED: True} if needed == "closed_unreported" else payload
            )
            try:
                event = findings.append_event(finding_id, event_type, note=note, data=sent)
            except machine.TransitionRefused as refusal:
                results.append(BulkResult(finding_id, False, str(refusal)))
                continue
            results.append(BulkResult(finding_id, True, event_id=event.id))
    return results


def acknowledge_conflicts(finding_id: str, note: str = "") -> FindingEvent | None:
    """A note that marks the finding's open conflicts as seen (they stay in its history)."""
    folded = findings.fold_of(finding_id)
    pending = [c.event_id for c in folded.unresolved_conflicts]
    if not pending:
        return None
    return findings.append_event(finding_id, "note", note=note, data={"resolves": pending})
