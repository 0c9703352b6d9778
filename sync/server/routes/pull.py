from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from sync.protocol import ErrorBody, PullResponse
from sync.server import db as server_db
from sync.server.deps import CurrentDevice
from sync.server.errors import api_error
from sync.server.feed import page_json, read_page

router = APIRouter(tags=["pull"])

MAX_CURSOR = 2**63 - 1  # a feed seq is a BIGINT; 20 digits can say more than that


@router.get(
    "/pull",
    response_model=PullResponse,
    responses={400: {"model": ErrorBody}, 401: {"model": ErrorBody}},
    summary="Changes after a cursor that this device may see, in server commit order",
)
def pull(
    who: CurrentDevice,
    cursor: Annotated[
        str,
        Query(
            max_length=20,
            pattern=r"^[0-9]*$",
            description="from the last page (digits); empty at first",
        ),
    ] = "",
    limit: Annotated[int, Query(ge=1, le=2000)] = 500,
) -> Response:
    """`reset: true` (with no changes, cursor "0" and `more`) means the role or grids of
    the device's person changed since it last pulled from the start: pull again from the
    beginning, so newly assigned grids bring their history."""
    if cursor and (not cursor.isdigit() or int(cursor) > MAX_CURSOR):
        raise api_error(
            400, "bad_cursor", "the cursor is not one this server gave out; pull from the start"
        )
    with server_db.current().connection_context():
        page = read_page(who, int(cursor or 0), limit)
        epoch = server_db.get_epoch()
    # Already JSON of the PullResponse shape: FastAPI passes a Response through as it is.
    body = page_json(epoch, page.rows, page.cursor, page.more, page.reset)
    return Response(body, media_type="application/json")
