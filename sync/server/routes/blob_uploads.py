"""Resumable uploads of large blobs (an incident's video): part by part, at an offset.

`GET /blobs/{sha256}/upload` says how many bytes the server holds of an unfinished upload
(or that the blob is complete); `PUT /blobs/{sha256}/upload?offset=N&total=T` appends one
part at exactly that offset. The last part checks the whole file against its sha256 and
stores it like a whole upload. A broken connection loses at most the part in flight: the
device asks for the offset and goes on from there, this sync or the next. A part at the
wrong offset answers 409 with the offset held, in the `upload-offset` header.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from sync.protocol import ErrorBody
from sync.server import db as server_db
from sync.server.blob_scope import may_read, record_holder
from sync.server.deps import CurrentDevice, SettingsDep
from sync.server.errors import api_error
from sync.server.models import Blob
from sync.server.routes.blobs import Sha256, blob_file

router = APIRouter(
    tags=["blobs"],
    responses={401: {"model": ErrorBody, "description": "no device token, or a revoked one"}},
)


def _partial(target: Path) -> Path:
    return target.with_name(f"{target.name}.upload")


def _answer(offset: int, complete: bool, status: int = 200) -> JSONResponse:
    return JSONResponse({"offset": offset, "complete": complete}, status_code=status)


@router.get("/blobs/{sha256}/upload", summary="How much of an upload the server holds")
def upload_offset(sha256: Sha256, who: CurrentDevice, settings: SettingsDep) -> Response:
    target = blob_file(settings, sha256)
    if target.is_file() and may_read(who, sha256):  # out of scope: as if not held
        return _answer(target.stat().st_size, True)
    partial = _partial(target)
    return _answer(partial.stat().st_size if partial.is_file() else 0, False)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
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
    target = blob_file(settings, sha256)
    if target.is_file() and may_read(who, sha256):
        return _answer(target.stat().st_size, True)
    if total > settings.blob_limit:
        raise api_error(
            413,
            "blob_too_large",
            f"the file is larger than the server accepts ({settings.blob_limit} bytes)",
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = _partial(target)
    with open(partial, "ab") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise api_error(
                409, "upload_busy", "another upload of this file is under way"
            ) from None
        held = handle.tell()
        if offset != held:
            raise HTTPException(
                409,
                detail={
                    "error": "offset_mismatch",
                    "message": f"the server holds {held} bytes of this file, not {offset}",
                },
                headers={"upload-offset": str(held)},
            )
        size = held
        async for chunk in request.stream():
            size += len(chunk)
            if size > total:
                handle.truncate(held)
                raise api_error(400, "part_too_long", "the part goes past the file's total size")
            handle.write(chunk)
        handle.flush()
        os.fsync(handle.fileno())
    if size < total:
        return _answer(size, False, 202)
    if await run_in_threadpool(_file_sha256, partial) != sha256:
        partial.unlink(missing_ok=True)
        raise api_error(
            400,
            "hash_mismatch",
            "the uploaded bytes do not match the sha256 in the address; upload the file again",
        )
    mime = request.headers.get("content-type", "application/octet-stream")[:100]
    await run_in_threadpool(_store_file, target, partial, size, sha256, mime, who.device_id)
    return _answer(size, True, 201)


def _store_file(
    target: Path, partial: Path, size: int, sha256: str, mime: str, device_id: str
) -> None:
    """The checked upload becomes the blob; the uploader may read it back."""
    os.replace(partial, target)
    with server_db.current().connection_context(), server_db.write_transaction():
        Blob.insert(
            sha256=sha256, size=size, mime=mime, created_at=server_db.now_iso(), device=device_id
        ).on_conflict_ignore().execute()
        record_holder(sha256, device_id)
