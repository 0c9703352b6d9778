from __future__ import annotations

from fastapi import APIRouter

from fieldapp.domain.personal import encode_key
from sync.protocol import ErrorBody, PersonalKey
from sync.server import db as server_db
from sync.server.deps import CurrentDevice
from sync.server.people import personal_key

router = APIRouter(tags=["people"])


@router.get(
    "/personal-key",
    response_model=PersonalKey,
    responses={401: {"model": ErrorBody}},
    summary="The key that seals and opens personal data (ID numbers, phones)",
)
def get_personal_key(who: CurrentDevice) -> PersonalKey:
    """Only for an enrolled device whose token is not revoked: a revoked device gets a
    401 here, so it cannot fetch the key again at its next unlock."""
    with server_db.current().connection_context(), server_db.write_transaction():
        return PersonalKey(key=encode_key(personal_key()))
