from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any

import msgspec
from fastapi import APIRouter, Depends, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import TypeAdapter, ValidationError

from sync.protocol import (
    OP_INSPECTION_SUBMIT,
    OP_VENUE_ATTRIBUTES,
    ErrorBody,
    Id,
    Op,
    PushRequest,
    PushResponse,
)
from sync.server import db as server_db
from sync.server.apply import apply_ops
from sync.server.deps import BearerCredentials, device_on_connection, device_with
from sync.server.errors import api_error
from sync.server.group_commit import PUSHES
from sync.server.venues_ahead import VenuesRead, device_and_venues, inspected_venues

router = APIRouter(tags=["push"])
_ID: TypeAdapter[str] = TypeAdapter(Id)
log = logging.getLogger("fieldapp.server.push")

# The body is read here rather than by FastAPI (json.loads, then every payload copied into
# new dicts): msgspec decodes it once (as fast as orjson, and unlike orjson it keeps an
# integer beyond 64 bits an integer, for validation to refuse), the envelope is checked
# without copying the payloads, and each payload is validated once, by its op's model.
BODY_SCHEMA: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}},
    }
}


@dataclass(frozen=True)
class PushBody:
    request: PushRequest
    floats: bool  # whether the body held a float literal (else hashing skips looking)


async def push_body(request: Request) -> PushBody:
    raw = await request.body()
    floats: list[bool] = []

    def note_float(literal: str) -> float:
        floats.append(True)
        return float(literal)

    try:
        data = msgspec.json.Decoder(float_hook=note_float).decode(raw)
    except msgspec.DecodeError as error:
        raise RequestValidationError(
            [{"type": "json_invalid", "loc": ("body",), "msg": f"JSON decode error: {error}"}]
        ) from None
    try:
        return PushBody(PushRequest.model_validate(data), bool(floats))
    except ValidationError as error:
        raise RequestValidationError(error.errors(include_url=False)) from None


@router.post(
    "/push",
    response_model=PushResponse,
    responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody}},
    summary="Apply an ordered batch of outbox ops, each exactly once",
    openapi_extra=BODY_SCHEMA,
)
def push(raw: Annotated[PushBody, Depends(push_body)], credentials: BearerCredentials) -> Response:
    """Answers per op, in the order sent: `applied`, `duplicate` (same op id and payload
    hash as an op already applied: the stored result again) or `rejected` with a reason a
    person can read. A rejected op does not stop the batch."""
    body = raw.request
    # On PostgreSQL the batch's venues are read here, beside the other requests' reads,
    # rather than one push after another by its group's leader (`venues_ahead`), and
    # in the statement that reads its token (`device_and_venues`).
    venues: VenuesRead | None = None
    with server_db.current().connection_context():
        if len(body.ops) > 1 and server_db.is_postgres():
            inspected = (op.payload for op in body.ops if op.type == OP_INSPECTION_SUBMIT)
            ids = inspected_venues(inspected)
            who, venues = device_with(credentials, lambda token: device_and_venues(token, ids))
        else:
            who = device_on_connection(credentials)
        if body.device_id != who.device_id:
            raise api_error(
                403, "wrong_device", "the batch names another device than the token's; enrol again"
            )
    # Committed with the pushes that arrived meanwhile (one commit and one flush of the log
    # for all; on PostgreSQL one take of the feed's lock); answered only once that commit
    # is made. The group's leader holds the one connection its group needs.
    results, epoch = PUSHES.run(
        lambda: apply_ops(who, body.ops, floats=raw.floats, venues=venues),
        venues=_venues_updated(body.ops),
        moved_last=all(op.type != OP_VENUE_ATTRIBUTES for op in body.ops),
    )
    counts: dict[str, int] = {}
    for result in results:
        counts[result.status] = counts.get(result.status, 0) + 1
    log.info("push", extra={"device": who.device_id, "ops": len(body.ops), **counts})
    # Serialised here, in the request's worker thread: FastAPI passes a Response through,
    # where it would validate the PushResponse again in a second trip to the thread pool.
    answer = PushResponse(epoch=epoch, results=results).model_dump_json()
    return Response(answer, media_type="application/json")


def _venues_updated(ops: list[Op]) -> Iterator[str]:
    """The venues whose rows the batch may update: those its inspections name (their last
    inspection moves) and those whose attributes it sets. Lazy: only a PostgreSQL group
    reads them (to lock their rows), so a SQLite push does not pay for it."""
    for op in ops:
        if op.type not in (OP_INSPECTION_SUBMIT, OP_VENUE_ATTRIBUTES):
            continue
        record = op.payload.get("inspection") if op.type == OP_INSPECTION_SUBMIT else op.payload
        if isinstance(record, dict):
            try:  # one the op's validation will refuse locks nothing
                yield _ID.validate_python(record.get("venue_id"))
            except ValidationError:
                continue
