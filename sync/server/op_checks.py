"""How the server checks what an op carries before it is applied: the payload against
its model (a refusal a person can read) and each event against who sent it."""

from __future__ import annotations

from pydantic import ValidationError

from sync.server.findings import role_refusal
from sync.server.scope import DeviceContext, require_own


def check_event(who: DeviceContext, actor: str, event_type: str, event_id: str) -> None:
    require_own(who, actor, f"event {event_id}")
    refusal = role_refusal(who.role, event_type)
    if refusal:
        raise ValueError(refusal)


def readable_validation(error: ValidationError) -> str:
    parts = []
    for item in error.errors()[:5]:
        where = ".".join(str(x) for x in item["loc"]) or "payload"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


def invalid_payload(op_type: str, error: ValidationError) -> ValueError:
    return ValueError(f"the {op_type} payload is not valid: {readable_validation(error)}")
