from __future__ import annotations

import logging

from fastapi import APIRouter

from sync.protocol import EnrollRequest, EnrollResponse, ErrorBody, PersonInfo
from sync.server import db as server_db
from sync.server.auth import AuthError, enroll
from sync.server.errors import api_error

router = APIRouter(tags=["enroll"])
log = logging.getLogger("fieldapp.server.enroll")


@router.post(
    "/enroll",
    response_model=EnrollResponse,
    responses={
        403: {
            "model": ErrorBody,
            "description": "unknown, used or expired code: error is enrolment_code_unknown, "
            "enrolment_code_used or enrolment_code_expired",
        }
    },
    summary="Exchange a one-time enrolment code for a device id and token",
)
def enroll_device(body: EnrollRequest) -> EnrollResponse:
    with server_db.current().connection_context():
        try:
            enrolled = enroll(
                body.code, body.device_name, body.previous_device_id, body.previous_token
            )
        except AuthError as error:
            raise api_error(403, error.code, str(error)) from None
        epoch = server_db.get_epoch()
    log.info("device enrolled", extra={"device": enrolled.device_id, "person": enrolled.person.id})
    person = enrolled.person
    return EnrollResponse(
        device_id=enrolled.device_id,
        token=enrolled.token,
        person=PersonInfo(id=person.id, name=person.name, role=person.role),
        grids=enrolled.grids,
        epoch=epoch,
    )
