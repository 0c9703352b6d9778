"""How the server checks what an op carries before it is applied: the payload against
its model (a refusal a person can read) and each event against who sent it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from fieldapp.domain.checklist import Item
from fieldapp.domain.finding_text import is_generated, may_be_generated
from fieldapp.domain.free_text import HAZARD_DESCRIPTION_MAX, text_fault
from fieldapp.domain.lifecycle import CLOSED_UNREPORTED
from sync.protocol import refusals
from sync.protocol.payloads import InspectionPayload
from sync.server.findings import role_refusal
from sync.server.scope import DeviceContext, require_own


def check_event(who: DeviceContext, actor: str, event_type: str, event_id: str) -> None:
    require_own(who, actor, f"event {event_id}")
    refusal = role_refusal(who.role, event_type)
    if refusal:
        raise refusal


def check_text(what: str, rule: str, text: str, held: str | None = None) -> None:
    """Refuse a text that is there but says nothing, or is longer than its form takes, by
    its field's rule (the one the device's form and the office's imports use,
    `fieldapp.domain.free_text`; the wire's own bounds are wider). An empty one is left to
    the op's own checks (older devices send none); a value the server holds already, sent
    again unchanged, passes: records from before the rule still save."""
    said = text.strip()
    if not said or (held is not None and said == held.strip()):
        return
    fault = text_fault(rule, said)
    if fault is None:
        return
    key, values = fault
    if key.endswith(".too_long"):
        raise refusals.text_too_long(what, rule, values["most"], values["length"])
    raise refusals.free_text(what, rule, text)


def check_hazard_description(
    finding_id: str, description: str, item: Callable[[], Item | None]
) -> None:
    """A hazard's description typed longer than the device's form takes (it would fill the
    rectification notice) is refused. One the device generated from its item ("未达标：…")
    is the item's wording, bounded where the item was imported, and may be longer: it
    passes when it is exactly the generated text of the item as the server holds it
    (`item`, asked only then); typed text that merely begins "未达标：" does not."""
    said = description.strip()
    if len(said) > HAZARD_DESCRIPTION_MAX and may_be_generated(said):
        held = item()
        if held is not None and is_generated(description, held.zh, held.en):
            return
    check_text(f"the description of finding {finding_id}", "hazard_description", description)


def check_event_text(what: str, event_type: str, note: str, data: dict[str, Any]) -> None:
    """The texts of a hazard's or an incident's event that must say something: what a
    rejected re-check found still wrong, what was done for an outcome of 其他处理, why a
    hazard never reported fixed is closed without a re-check, a hand-over's reference
    number (文号). Any other note may be left empty, but typed it says something by the
    note rule, as on the device since 980ede0e (a verify's, a close's, a re-inspection's:
    "😀" alone is refused). An extension's note is `check_extension_note`'s."""
    if event_type == "rejected":
        check_text(f"the note of {what}", "reject_reason", note)
    elif event_type == "outcome_recorded" and data.get("outcome") == "other":
        check_text(f"the note of {what}", "outcome_other_reason", note)
    elif event_type == "closed" and data.get(CLOSED_UNREPORTED) is True:
        # Judged by what the device saw (it flags a close of a hazard it held as never
        # reported fixed), not by the server's state: a fix report the device had may not
        # be here yet, and a close after it needs no such note.
        missing = (
            "closes a hazard never reported fixed without a note; say why it needs no re-check"
        )
        _required_note(what, "closed_unreported_reason", note, missing)
    elif event_type != "deadline_extended":
        check_text(f"the note of {what}", "note", note)  # optional: empty passes
    if event_type == "handed_over":
        check_text(
            f"the reference of {what}", "hand_over_reference", str(data.get("reference", ""))
        )


def check_extension_note(what: str, severity: str, note: str) -> None:
    """A major hazard's deadline extended says why, as the device has asked since
    f4117fc: a major hazard is handed over at once, so moving its deadline later is an
    exception to be written down. A general hazard's extension needs no note; typed, it
    says something by the note rule."""
    if severity != "major":
        check_text(f"the note of {what}", "note", note)  # optional: empty passes
        return
    missing = (
        "extends a major hazard's deadline without a note; "
        "say why it is extended rather than handed over"
    )
    _required_note(what, "extended_major_reason", note, missing)


def _required_note(what: str, rule: str, note: str, missing: str) -> None:
    """A note `what` must have: refused as `missing` (what it does without one, and what
    to say) when empty, else by the free-text `rule`, both coded free_text with the rule."""
    if not note.strip():
        raise refusals.refused(f"{what} {missing}", refusals.FREE_TEXT, text_rule=rule)
    check_text(f"the note of {what}", rule, note)


def check_inspection_head(who: DeviceContext, i: InspectionPayload) -> None:
    """An inspection is its inspector's own, and names its venue's representative. The
    note of a visit without a scan, when typed, says something by the note rule (the
    device's `manual_note_problem`; 其他原因's, which must be there, asks more of it)."""
    require_own(who, i.inspector_id, f"inspection {i.id}")
    check_text(f"the representative of inspection {i.id}", "representative", i.representative)
    check_text(f"the no-scan note of inspection {i.id}", "note", i.presence_note)


def readable_validation(error: ValidationError) -> str:
    parts = []
    for item in error.errors()[:5]:
        where = ".".join(str(x) for x in item["loc"]) or "payload"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


def invalid_payload(op_type: str, error: ValidationError) -> ValueError:
    """The refusal of a payload its model refuses, coded by its first fault."""
    text = f"the {op_type} payload is not valid: {readable_validation(error)}"
    first = error.errors()[0] if error.errors() else None
    field = ".".join(str(x) for x in first["loc"]) if first else ""
    problem = str(first["type"]) if first else ""
    return refusals.invalid_payload(op_type, field or "payload", problem, text)
