"""Resumable uploads of large blobs (an incident's video): part by part, at an offset.

`GET /blobs/{sha256}/upload` says how many bytes the server holds of an unfinished upload
(or that the blob is complete); `PUT /blobs/{sha256}/upload?offset=N&total=T` appends one
part at exactly that offset. The last part checks the whole file against its sha256 and
stores it like a whole upload. A broken connection loses at most the part in flight: the
device asks for the offset and goes on from there, this sync or the next — through any
server, since the parts are kept in the shared database. A part at the wrong offset
answers 409 with the offset held, in the `upload-offset` header.
"""

from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from sync.protocol import ErrorBody
from sync.server.blob_store import uploads
from sync.server.deps import CurrentDevice, SettingsDep
from sync.server.errors import api_error
from sync.server.routes.blobs import Sha256, keep_blob, readable_size

router = APIRouter(
    tags=["blobs"],
    responses={401: {"model": ErrorBody, "description": "no device token, or a revoked one"}},
)


def _answer(offset: int, complete: bool, status: int = 200) -> JSONResponse:
    return JSONResponse({"offset": offset, "complete": complete}, status_code=status)


@router.get("/blobs/{sha256}/upload", summary="How much of an upload the server holds")
def upload_offset(sha256: Sha256, who: CurrentDevice, settings: SettingsDep) -> Response:
    size = readable_size(who, settings.blobs, sha256)  # out of scope: as if not held
    if size is not None:
        return _answer(size, True)
    return _answer(uploads.held(sha256), False)


def _parts_sha256(sha256: str) -> str:
    digest = hashlib.sha256()
    for part in uploads.parts(sha256):
        digest.update(part)
    return digest.hexdigest()


@router.put(
    "/blobs/{sha256}/upload",
    responses={
        201: {"description": "the last part: the blob is stored"},
        202: {"description": "the part is stored; more to come"},
        409: {"model": ErrorBody, "description": "not at the offset held (see upload-offset)"},
        413: {"model": ErrorBody},
    },
    summary="Append one part of a blob at an offset",
)
async def put_part(
    sha256: Sha256,
    request: Request,
    who: CurrentDevice,
    settings: SettingsDep,
    offset: Annotated[int, Query(ge=0)],
    total: Annotated[int, Query(ge=1)],
) -> Response:
    size = await run_in_threadpool(readable_size, who, settings.blobs, sha256)
    if size is not None:
        return _answer(size, True)
    if total > settings.blob_limit:
        raise api_error(
            413,
            "blob_too_large",
            f"the file is larger than the server accepts ({settings.blob_limit} bytes)",
        )
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if offset + len(body) > total:
            raise api_error(400, "part_too_long", "the part goes past the file's total size")
    try:
        end = await run_in_threadpool(uploads.append, sha256, offset, bytes(body))
    except uploads.OffsetMismatch as mismatch:
        raise HTTPException(
            409,
            detail={
                "error": "offset_mismatch",
                "message": f"the server holds {mismatch.held} bytes of this file, not {offset}",
            },
            headers={"upload-offset": str(mismatch.held)},
        ) from None
    except uploads.UploadBusy:
        raise api_error(409, "upload_busy", "another upload of this file is under way") from None
    if end < total:
        return _answer(end, False, 202)
    if await run_in_threadpool(_parts_sha256, sha256) != sha256:
        await run_in_threadpool(uploads.discard, sha256)
        raise api_error(
            400,
            "hash_mismatch",
            "the uploaded bytes do not match the sha256 in the address; upload the file again",
        )
    mime = request.headers.get("content-type", "application/octet-stream")[:100]
    await run_in_threadpool(
        keep_blob, settings.blobs, uploads.parts(sha256), sha256, mime, who.device_id
    )
    await run_in_threadpool(uploads.discard, sha256)
    return _answer(end, True, 201)
