"""The calls: enrolment, push and pull envelopes, answers and errors."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, PlainValidator

from sync.protocol.bounds import MAX_INT32, NO_NUL, Id, Name, WireModel
from sync.protocol.names import OP_TYPES, PROTOCOL_VERSION, OpStatus


def _an_object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError("Input should be a valid dictionary")
    return value


# A JSON object taken as it is: not copied key by key into a new dict (pydantic does that
# for `dict[str, Any]`, the largest cost of reading a push), since the op's own model
# validates it next, once.
JsonPayload = Annotated[
    dict[str, Any], PlainValidator(_an_object, json_schema_input_type=dict[str, Any])
]


class Health(WireModel):
    status: str = "ok"
    version: int = PROTOCOL_VERSION
    epoch: str


class EnrollRequest(WireModel):
    code: str = Field(min_length=4, max_length=64, pattern=NO_NUL)
    device_name: Name = ""
    # The enrolment this device held until now (its id and token, "" for none): the server
    # retires it when it was the same person's, so `admin devices` lists no ghost.
    previous_device_id: Name = ""
    previous_token: Name = ""


class PersonInfo(WireModel):
    id: str
    name: str
    role: str


class EnrollResponse(WireModel):
    device_id: str
    token: str
    person: PersonInfo
    grids: list[str]
    epoch: str


class Op(WireModel):
    op_id: Id
    seq: int = Field(ge=1, le=MAX_INT32)  # the device's gap-free outbox sequence
    # One of OP_TYPES; an unknown type is rejected per op, not per batch.
    type: Name = Field(json_schema_extra={"enum": list(OP_TYPES)})
    # Checked per op against PAYLOAD_MODELS[type]: a payload out of bounds is that op's
    # rejection, not the batch's. /openapi.json describes it as one of those models.
    payload: JsonPayload = Field(
        json_schema_extra={
            "anyOf": [
                {"$ref": "#/components/schemas/InspectionSubmit"},
                {"$ref": "#/components/schemas/FindingEventSubmit"},
                {"$ref": "#/components/schemas/DailyReportSubmit"},
                {"$ref": "#/components/schemas/ExportRecorded"},
            ]
        }
    )


class PushRequest(WireModel):
    device_id: Id
    ops: list[Op] = Field(max_length=1000)


class OpResult(WireModel):
    op_id: str
    status: OpStatus
    reason: str | None = None  # in English, for a person (and for a device of before codes)
    # The refusal as a code and its parameters (sync.protocol.refusals), so the device
    # words it in its person's language; absent for a refusal without a code.
    reason_code: str | None = None
    reason_params: dict[str, str] | None = None
    # Set when a finding event was stored but its transition was no longer valid from
    # the state it arrived in (invariant 5): kept, and shown to the people involved.
    conflict: str | None = None
    # For `inspection.submit` and `finding.event`: each stored hazard event's place in its
    # finding's server order. The device keeps it as the event's server sequence, so it
    # folds the finding's events in the order the server does (invariant 3).
    event_seqs: dict[str, int] | None = None


class PushResponse(WireModel):
    epoch: str
    results: list[OpResult]


class Change(WireModel):
    seq: int  # the server's commit order; a pull cursor is a seq
    type: str  # one of CHANGE_TYPES
    id: str
    record: JsonPayload  # taken as it is: the device reads it by type
    deleted: bool = False


class PullResponse(WireModel):
    epoch: str
    changes: list[Change]
    cursor: str
    more: bool
    # The role or grids of the device's person changed since it last pulled from the
    # start: no changes, cursor "0", more — pull again from the beginning (upserts make
    # that safe), so newly assigned grids bring their history.
    reset: bool = False


class PersonalKey(WireModel):
    """The deployment's personal-data key (base64url of 32 bytes), for enrolled devices."""

    key: str


class ErrorBody(WireModel):
    """Every error the server returns: a code for programs and a sentence for people."""

    error: str
    message: str
