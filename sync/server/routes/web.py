"""`POST /api/v1/web/login`: office staff sign in (for `fieldapp web`) and receive a
one-time enrolment code for their own office store. `POST /api/v1/web/sign-out`: that
store's session ended, so its device retires (its token works no more; `admin devices`
lists it as signed out, not in use)."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field

from sync.protocol import ErrorBody
from sync.server import auth, web_users
from sync.server import db as server_db
from sync.server.deps import CurrentDevice
from sync.server.errors import api_error

router = APIRouter(tags=["web"])
log = logging.getLogger("fieldapp.server")


class SignIn(BaseModel):
    # No NUL: PostgreSQL text cannot hold one, and no name or password needs it.
    username: str = Field(min_length=1, max_length=64, pattern=r"^[^\x00]+$")
    password: str = Field(min_length=1, max_length=256, pattern=r"^[^\x00]+$")


class SignedIn(BaseModel):
    code: str = Field(description="a one-time enrolment code for POST /enroll, valid minutes")
    person_id: str


@router.post(
    "/web/login",
    response_model=SignedIn,
    responses={401: {"model": ErrorBody}, 423: {"model": ErrorBody}},
    summary="Sign in with a user name and password; answers an enrolment code",
)
def login(body: SignIn) -> SignedIn:
    with server_db.current().connection_context():
        try:
            issued = web_users.sign_in(body.username, body.password)
        except web_users.Locked as error:
            log.info("web sign-in locked", extra={"audit": "web_sign_in", "user": body.username,
                                                   "outcome": "locked"})  # fmt: skip
            raise api_error(423, "locked", str(error)) from None
        except web_users.SignInRefused as error:
            log.info("web sign-in refused", extra={"audit": "web_sign_in", "user": body.username,
                                                    "outcome": "refused"})  # fmt: skip
            raise api_error(401, "sign_in_refused", str(error)) from None
    log.info("web sign-in", extra={"audit": "web_sign_in", "user": body.username,
                                   "outcome": "ok"})  # fmt: skip
    return SignedIn(code=issued.code, person_id=issued.person_id)


@router.post(
    "/web/sign-out",
    status_code=204,
    responses={401: {"model": ErrorBody}},
    summary="The calling device (a fieldapp web session's store) signs out and retires",
)
def sign_out(who: CurrentDevice) -> Response:
    with server_db.current().connection_context():
        auth.revoke(who.device_id, signed_out=True)
    return Response(status_code=204)
