"""Content-addressed photo storage: bytes named by sha256 in the server's blob store
(`sync.server.blob_store`: files, the database, or S3 — shared by every server).

Reading is scoped like records (`blob_scope`): a blob no record in the device's scope
refers to, and that the device did not upload, is answered 404 exactly like a blob the
server does not hold, so its existence is not confirmed. An upload of bytes the server
already holds is checked against the sha256 like a new one before it is acknowledged."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Annotated

from fastapi import APIRouter, Request, Response
from fastapi import Path as PathParam
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from sync.protocol import ErrorBody
from sync.server import db as server_db
from sync.server.blob_scope import may_read, record_holder
from sync.server.blob_store import BlobStore
from sync.server.deps import CurrentDevice, SettingsDep
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


def readable_size(who: DeviceContext, store: BlobStore, sha256: str) -> int | None:
    """The blob's size if the store holds it and `who` may read it; None answers 404
    either way."""
    size = store.size(sha256)
    if size is None:
        return None
    with server_db.current().connection_context():
        return size if may_read(who, sha256) else None


@router.head(
    "/blobs/{sha256}",
    responses={200: {"description": "held", "content": {"application/octet-stream": {}}}},
    summary="Whether the server holds this blob (200 or 404)",
)
def has_blob(sha256: Sha256, who: CurrentDevice, settings: SettingsDep) -> Response:
    size = readable_size(who, settings.blobs, sha256)
    if size is None:  # the headers of the 404 a GET would answer, without its body
        return Response(status_code=404, media_type="application/json")
    return Response(
        status_code=200,
        media_type="application/octet-stream",
        headers={"content-length": str(size)},
    )


@router.get(
    "/blobs/{sha256}",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"application/octet-stream": {}}},
        404: {"model": ErrorBody},
    },
    summary="Download a blob",
)
def get_blob(sha256: Sha256, who: CurrentDevice, settings: SettingsDep) -> StreamingResponse:
    size = readable_size(who, settings.blobs, sha256)
    if size is None:
        raise api_error(404, "no_blob", f"the server has no blob {sha256}")
    try:
        body = settings.blobs.read(sha256)
    except KeyError:
        raise api_error(404, "no_blob", f"the server has no blob {sha256}") from None
    return StreamingResponse(
        body, media_type="application/octet-stream", headers={"content-length": str(size)}
    )


@router.put(
    "/blobs/{sha256}",
    status_code=201,
    responses={400: {"model": ErrorBody}, 413: {"model": ErrorBody}},
    summary="Upload a blob; idempotent, checked against its sha256 and the size limit",
)
async def put_blob(
    sha256: Sha256, request: Request, who: CurrentDevice, settings: SettingsDep
) -> Response:
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
    held = await run_in_threadpool(
        keep_blob, settings.blobs, [b"".join(chunks)], sha256, mime, who.device_id
    )
    return Response(status_code=200 if held else 201)


def keep_blob(
    store: BlobStore, chunks: Iterable[bytes], sha256: str, mime: str, device_id: str
) -> bool:
    """Keep the checked bytes (unless held already) and note the uploader, who may then
    read them back; True if the store held them before."""
    held_before = store.size(sha256) is not None
    if not held_before:
        store.write(sha256, chunks)
    with server_db.current().connection_context(), server_db.write_transaction():
        Blob.insert(
            sha256=sha256,
            size=store.size(sha256) or 0,
            mime=mime,
            created_at=server_db.now_iso(),
            device=device_id,
        ).on_conflict_ignore().execute()
        record_holder(sha256, device_id)
    return held_before
