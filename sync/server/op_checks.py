"""How the server checks what an op carries before it is applied: the payload against
its model (a refusal a person can read) and each event against who sent it."""

from __future__ import annotations

from pydantic import ValidationError

from sync.protocol import refusals
from sync.server.findings import role_refusal
from sync.server.scope import DeviceContext, require_own


def check_event(who: DeviceContext, actor: str, event_type: str, event_id: str) -> None:
    require_own(who, actor, f"event {event_id}")
    refusal = role_refusal(who.role, event_type)
    if refusal:
        raise refusal


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
