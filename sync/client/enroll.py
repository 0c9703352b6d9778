"""Enrolling this device: exchange a one-time code for a device id and token."""

from __future__ import annotations

import os

import httpx

from fieldapp.store.db import write_transaction
from fieldapp.store.models import Person, SyncState
from sync.client.base import (
    ServerRefused,
    UnreadableAnswer,
    check_url,
    error_code,
    error_message,
    foreign_answer,
    server_verification,
    unreached,
    untrusted_server,
)
from sync.protocol import API_PREFIX, EnrollResponse

ENROL_TIMEOUT = 30.0  # seconds an enrolment waits for the server's answer


def enroll_device(
    url: str,
    code: str,
    *,
    device_name: str = "",
    ca_bundle: str = "",
    allow_insecure_http: bool = False,
) -> EnrollResponse:
    """Enrol this device (store open) and record who it is in SyncState. `ca_bundle`: a
    PEM file of the private CA that signed the server's certificate; recorded (as an
    absolute path) so that every later sync checks the server with it too."""
    base = check_url(url, allow_insecure_http=allow_insecure_http)
    ca_bundle = os.path.abspath(ca_bundle) if ca_bundle else ""
    verify = server_verification(ca_bundle)
    # The enrolment held until now, which the server retires when it is the same person's;
    # its outbox stays and is pushed under the new one.
    held = SyncState.get_or_none(SyncState.id == 1)
    previous = {"previous_device_id": held.device_id, "previous_token": held.token} if held else {}
    with httpx.Client(base_url=base + API_PREFIX, verify=verify, timeout=ENROL_TIMEOUT) as http:
        try:
            response = http.post(
                "/enroll", json={"code": code, "device_name": device_name, **previous}
            )
        except httpx.TransportError as error:
            raise untrusted_server(base, error) or unreached(error, ENROL_TIMEOUT, base) from None
    foreign = foreign_answer(base, response)
    if foreign is not None:
        raise foreign
    if response.status_code != 200:
        raise ServerRefused(error_message(response), error_code(response))
    try:
        answer = EnrollResponse.model_validate(response.json())
    except ValueError:  # not JSON, or not an enrolment (a pydantic ValidationError is one)
        raise UnreadableAnswer(base) from None
    person = answer.person
    with write_transaction():
        Person.insert(id=person.id, name=person.name, role=person.role).on_conflict(
            conflict_target=[Person.id], update={Person.name: person.name, Person.role: person.role}
        ).execute()
        SyncState.get_or_create(id=1)
        SyncState.update(
            device_id=answer.device_id,
            person=person.id,
            server_url=base,
            token=answer.token,
            ca_bundle=ca_bundle,
            pull_cursor="",
            server_epoch=answer.epoch,
            last_error="",
        ).where(SyncState.id == 1).execute()
    return answer
