"""Annotated dependencies the routes share: settings and the authenticated device."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from sync.server import db as server_db
from sync.server.auth import AuthError, authenticate
from sync.server.blob_store import BlobStore
from sync.server.errors import api_error
from sync.server.models import Device
from sync.server.scope import DeviceContext

T = TypeVar("T")


@dataclass(frozen=True)
class Settings:
    db_url: str
    blob_spec: str  # as resolved: files:DIR, database or s3://… (sync.server.blob_store)
    blobs: BlobStore
    blob_limit: int
    body_limit: int


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(get_settings)]

_bearer = HTTPBearer(auto_error=False, description="The device token from /enroll")


# The bearer credentials alone, read on the event loop: a sync route that takes them and
# calls `current_device` itself authenticates in its own worker thread (push: one thread
# hand-off a request instead of two, a share of each push's time on a busy server).
BearerCredentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def current_device(credentials: BearerCredentials) -> DeviceContext:
    """The device behind the bearer token; 401 when it is unknown or revoked."""
    with server_db.current().connection_context():
        return device_on_connection(credentials)


def device_on_connection(credentials: BearerCredentials) -> DeviceContext:
    """`current_device` on the connection the caller holds (a push reads its venues on it
    too: one checkout of the pool a request)."""
    who, _ = device_with(credentials, lambda token: (authenticate(token), None))
    return who


def device_with(
    credentials: BearerCredentials, read: Callable[[str], tuple[DeviceContext, T]]
) -> tuple[DeviceContext, T]:
    """`device_on_connection` where `read` reads the token's device (AuthError as
    `authenticate`) and with it, in the same statement, what the request needs."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise api_error(401, "not_enrolled", "this call needs a device token; enrol the device")
    try:
        who, also = read(credentials.credentials)
    except AuthError as error:
        raise api_error(401, error.code, str(error)) from None
    now = server_db.now_iso()
    if _stale(who.last_seen_at, now):
        # A write per request would be a second commit (and fsync) beside the push's
        # own; "last seen" to the minute is what an administrator needs.
        with server_db.write_transaction():
            Device.update(last_seen_at=now).where(Device.id == who.device_id).execute()
    return who, also


def _stale(seen: str | None, now: str) -> bool:
    """Whether `seen` (an ISO time like server_db.now_iso()) is a minute or more before now."""
    return seen is None or seen[:16] != now[:16]


CurrentDevice = Annotated[DeviceContext, Depends(current_device)]
