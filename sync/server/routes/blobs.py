"""Content-addressed photo storage: files named by sha256 under the blob directory.

Reading is scoped like records (`blob_scope`): a blob no record in the device's scope
refers to, and that the device did not upload, is answered 404 exactly like a blob the
server does not hold, so its existence is not confirmed. An upload of bytes the server
already holds is checked against the sha256 like a new one before it is acknowledged."""

from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Request, Response
from fastapi import Path as PathParam
from fastapi.responses import FileResponse
from starlette.concurrency import run_in_threadpool

from sync.protocol import ErrorBody
from sync.server import db as server_db
from sync.server.blob_scope import may_read, record_holder
from sync.server.deps import CurrentDevice, Settings, SettingsDep
from sync.server.errors import api_error
from sync.server.models import Blob
from sync.server.scope import DeviceContext

router = APIRouter(
    tags=["blobs"],
    responses={
        401: {"model": ErrorBody, "description": "no device token, or a revoked one"},
        404: {
            "model": ErrorBody,
            "description": "the server has no such blob that this device may read",
        },
    },
)

Sha256 = Annotated[str, PathParam(pattern=r"^[0-9a-f]{64}$", description="lower-case hex")]


def blob_file(settings: Settings, sha256: str) -> Path:
    return settings.blob_dir / sha256[:2] / sha256


def _readable(who: DeviceContext, settings: Settings, sha256: str) -> Path | None:
    """The blob's file if it exists and `who` may read it; None answers 404 either way."""
    path = blob_file(settings, sha256)
    if not path.is_file():
        return None
    with server_db.current().connection_context():
        return path if may_read(who, sha256) else None


@router.head(
    "/blobs/{sha256}",
    responses={200: {"description": "held", "content": {"application/octet-stream": {}}}},
    summary="Whether the server holds this blob (200 or 404)",
)
def has_blob(sha256: Sha256, who: CurrentDevice, settings: SettingsDep) -> Response:
    path = _readable(who, settings, sha256)
    if path is None:  # the headers of the 404 a GET would answer, without its body
        return Response(status_code=404, media_type="application/json")
    return Response(
        status_code=200,
        media_type="application/octet-stream",
        headers={"content-length": str(path.stat().st_size)},
    )


@router.get(
    "/blobs/{sha256}",
    response_class=FileResponse,
    responses={404: {"model": ErrorBody}},
    summary="Download a blob",
)
def get_blob(sha256: Sha256, who: CurrentDevice, settings: SettingsDep) -> FileResponse:
    path = _readable(who, settings, sha256)
    if path is None:
        raise api_error(404, "no_blob", f"the server has no blob {sha256}")
    return FileResponse(path, media_type="application/octet-stream")


@router.put(
    "/blobs/{sha256}",
    status_code=201,
    responses={400: {"model": ErrorBody}, 413: {"model": ErrorBody}},
    summary="Upload a blob; idempotent, checked against its sha256 and the size limit",
)
async def put_blob(
    sha256: Sha256, request: Request, who: CurrentDevice, settings: SettingsDep
) -> Response:
    target = blob_file(settings, sha256)
    digest = hashlib.sha256()
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > settings.blob_limit:
            raise api_error(
                413,
                "blob_too_large",
                f"the photo is larger than the server accepts ({settings.blob_limit} bytes)",
            )
        digest.update(chunk)
        chunks.append(chunk)
    if digest.hexdigest() != sha256:
        raise api_error(
            400,
            "hash_mismatch",
            "the uploaded bytes do not match the sha256 in the address; upload the file again",
        )
    mime = request.headers.get("content-type", "application/octet-stream")[:100]
    held = await run_in_threadpool(_store, target, b"".join(chunks), sha256, mime, who.device_id)
    return Response(status_code=200 if held else 201)


def _store(target: Path, data: bytes, sha256: str, mime: str, device_id: str) -> bool:
    """Keep the bytes (unless held already) and note the uploader; True if held before."""
    if target.is_file():
        with server_db.current().connection_context(), server_db.write_transaction():
            record_holder(sha256, device_id)
        return True
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f"{target.name}.{uuid.uuid4().hex}.part")
    with open(temp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, target)
    with server_db.current().connection_context(), server_db.write_transaction():
        Blob.insert(
            sha256=sha256,
            size=len(data),
            mime=mime,
            created_at=server_db.now_iso(),
            device=device_id,
        ).on_conflict_ignore().execute()
        record_holder(sha256, device_id)
    return False
