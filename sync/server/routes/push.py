from __future__ import annotations

import logging

from fastapi import APIRouter

from sync.protocol import ErrorBody, PushRequest, PushResponse
from sync.server import db as server_db
from sync.server.apply import apply_ops
from sync.server.deps import CurrentDevice
from sync.server.errors import api_error

router = APIRouter(tags=["push"])
log = logging.getLogger("fieldapp.server.push")


@router.post(
    "/push",
    response_model=PushResponse,
    responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody}},
    summary="Apply an ordered batch of outbox ops, each exactly once",
)
def push(body: PushRequest, who: CurrentDevice) -> PushResponse:
    """Answers per op, in the order sent: `applied`, `duplicate` (same op id and payload
    hash as an op already applied: the stored result again) or `rejected` with a reason a
    person can read. A rejected op does not stop the batch."""
    if body.device_id != who.device_id:
        raise api_error(
            403, "wrong_device", "the batch names another device than the token's; enrol again"
        )
    with server_db.current().connection_context():
        results = apply_ops(who, body.ops)
        epoch = server_db.get_epoch()
    counts: dict[str, int] = {}
    for result in results:
        counts[result.status] = counts.get(result.status, 0) + 1
    log.info("push", extra={"device": who.device_id, "ops": len(body.ops), **counts})
    return PushResponse(epoch=epoch, results=results)
