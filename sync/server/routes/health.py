from __future__ import annotations

from fastapi import APIRouter

from sync.protocol import PROTOCOL_VERSION, Health
from sync.server import db as server_db

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, summary="Liveness, protocol version and epoch")
def health() -> Health:
    """Also the client's connectivity probe. A new `epoch` means the server was restored
    from a backup: devices reset their pull cursor and push again (invariant 6)."""
    with server_db.current().connection_context():
        return Health(status="ok", version=PROTOCOL_VERSION, epoch=server_db.get_epoch())
