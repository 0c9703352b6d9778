"""`GET /api/v1/data/{kind}`: the read-only data feed for the city's BI (reader API keys).

Every call is logged as an audit line (`audit: data_read`: key, name, what, filters, rows)
and kept in the server's audit trail (`sync.server.audit`, action `data.read`).
"""

from __future__ import annotations

import logging
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from sync.protocol import ErrorBody
from sync.server import audit, reader_keys
from sync.server import db as server_db
from sync.server.data_feed import OutOfScope, as_csv, read_page
from sync.server.errors import api_error

log = logging.getLogger("fieldapp.server")
router = APIRouter(tags=["data"])
_bearer = HTTPBearer(auto_error=False, description="A reader API key (fa_…)")

Kind = Literal["inspections", "answers", "hazards", "hazard_events", "daily_reports"]
DATE = r"^\d{4}-\d{2}-\d{2}$"


class DataPage(BaseModel):
    kind: Kind
    items: list[dict[str, Any]]
    cursor: str = Field(description="give it back as `cursor` for the next page")
    more: bool = Field(description="true: there is more after this page")


def current_reader(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> reader_keys.Reader:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise api_error(401, reader_keys.NO_KEY, reader_keys.NEEDS_KEY)
    with server_db.current().connection_context():
        try:
            return reader_keys.authenticate(credentials.credentials)
        except reader_keys.ReaderKeyRefused as error:
            raise api_error(401, error.code, str(error)) from None


@router.get(
    "/data/{kind}",
    response_model=DataPage,
    responses={
        200: {"content": {"text/csv": {}}, "description": "JSON, or CSV with format=csv"},
        400: {"model": ErrorBody},
        401: {
            "model": ErrorBody,
            "description": "no reader key, or not one this server can use: error is "
            f"{reader_keys.NO_KEY}, {reader_keys.UNKNOWN} or {reader_keys.REVOKED}",
        },
        403: {
            "model": ErrorBody,
            "description": "a grid the key does not cover: error is out_of_scope",
        },
    },  # fmt: skip
    summary="Records of one kind after a cursor, in server commit order (read-only)",
)
def data(
    kind: Kind,
    reader: Annotated[reader_keys.Reader, Depends(current_reader)],
    cursor: Annotated[str, Query(max_length=19, pattern=r"^[0-9]*$")] = "",
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    grid: Annotated[str | None, Query(max_length=64)] = None,
    first: Annotated[str | None, Query(alias="from", pattern=DATE)] = None,
    last: Annotated[str | None, Query(alias="to", pattern=DATE)] = None,
    format: Annotated[Literal["json", "csv"], Query()] = "json",
) -> Any:
    with server_db.current().connection_context():
        try:
            page = read_page(
                reader, kind, cursor=int(cursor or 0), limit=limit, grid=grid, first=first,
                last=last,
            )  # fmt: skip
        except OutOfScope as error:
            raise api_error(403, "out_of_scope", str(error)) from None
        with server_db.write_transaction():  # every read of hazard data is in the trail
            audit.record(
                audit.DATA_READ, actor=f"reader:{reader.name}", subject=kind,
                detail={"key_id": reader.key_id, "grid": grid, "from": first, "to": last,
                        "cursor": cursor, "rows": len(page.items)},
            )  # fmt: skip
    log.info(
        "data read",
        extra={"audit": "data_read", "key_id": reader.key_id, "key_name": reader.name,
               "kind": kind, "grid": grid, "from": first, "to": last, "cursor": cursor,
               "rows": len(page.items)},
    )  # fmt: skip
    if format == "csv":
        headers = {"X-Next-Cursor": str(page.cursor), "X-More": "true" if page.more else "false"}
        return Response(as_csv(page), media_type="text/csv; charset=utf-8", headers=headers)
    return DataPage(kind=kind, items=page.items, cursor=str(page.cursor), more=page.more)
