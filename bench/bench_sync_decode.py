"""Decoding and validating a push body: the ways the server could do it, per op, in one run.

The body is 100 `inspection.submit` ops (20 answers each, every other with a finding), as
a device sends it. Each way ends with what the server needs of every op: its payload
validated against the wire model and its canonical hash. Reference: the old path (pydantic
parses the envelope with every payload as `dict[str, Any]`, then validates each payload
again, and the standard library's encoder makes the canonical JSON for the hash).

    .venv/bin/python bench/bench_sync_decode.py [--rounds 15]

Prints µs per op (the best of the rounds — on a shared machine the others measure the
neighbours — and the median) and the ratio of the bests to the reference's best.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from collections.abc import Callable
from typing import Annotated, Any, Literal

import msgspec
import orjson
from _sync_world import inspection_op
from pydantic import BaseModel, ConfigDict, Field

from fieldapp.domain.canonical import canonical_json
from sync.protocol import InspectionSubmit, PushRequest

_STD = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode


class _OldOp(BaseModel):  # the envelope as it was: every payload validated as a dict
    model_config = ConfigDict(extra="ignore")
    op_id: str = Field(min_length=1, max_length=100)
    seq: int = Field(ge=1, le=2**31 - 1)
    type: str = Field(max_length=200)
    payload: dict[str, Any]


class _OldPush(BaseModel):
    model_config = ConfigDict(extra="ignore")
    device_id: str = Field(min_length=1, max_length=100)
    ops: list[_OldOp] = Field(max_length=1000)


# msgspec mirrors of the inspection payload with the same bounds (measured, not used).
_Id = Annotated[str, msgspec.Meta(min_length=1, max_length=100, pattern=r"^[^\x00]*$")]
_Name = Annotated[str, msgspec.Meta(max_length=200, pattern=r"^[^\x00]*$")]
_Text = Annotated[str, msgspec.Meta(max_length=10_000, pattern=r"^[^\x00]*$")]
_Stamp = Annotated[str, msgspec.Meta(max_length=40, pattern=r"^[^\x00]*$")]
_Photos = Annotated[list[Annotated[str, msgspec.Meta(max_length=64)]], msgspec.Meta(max_length=100)]


class _MEvent(msgspec.Struct):
    id: _Id
    type: _Name
    actor: _Id
    at: _Stamp
    role: _Name = ""
    device_id: _Name = ""
    base_event: _Id | None = None
    note: _Text = ""
    photos: _Photos = []
    data: dict[str, Any] = {}


class _MAnswer(msgspec.Struct):
    item_code: _Id
    outcome: _Name
    value: _Text = ""
    note: _Text = ""
    photos: _Photos = []


class _MFinding(msgspec.Struct):
    id: _Id
    venue_id: _Id
    item_code: _Id
    severity: Literal["general", "major"]
    deadline: _Stamp
    created_at: _Stamp
    created_by: _Id
    description: _Text = ""
    photos: _Photos = []
    events: Annotated[list[_MEvent], msgspec.Meta(max_length=1000)] = []


class _MInspection(msgspec.Struct):
    id: _Id
    venue_id: _Id
    checklist_id: _Id
    checklist_version: Annotated[int, msgspec.Meta(ge=1, le=2**31 - 1)]
    inspector_id: _Id
    started_at: _Stamp
    device_id: _Name = ""
    finished_at: _Stamp | None = None
    submitted_at: _Stamp | None = None
    presence: _Name = "manual"
    presence_payload: _Text = ""
    presence_reason: _Text = ""
    presence_note: _Text = ""
    presence_at: _Stamp | None = None
    representative: _Name = ""
    summary: dict[str, Any] = {}
    supersedes: _Id | None = None


class _MSubmit(msgspec.Struct):
    inspection: _MInspection
    answers: Annotated[list[_MAnswer], msgspec.Meta(max_length=2000)] = []
    findings: Annotated[list[_MFinding], msgspec.Meta(max_length=2000)] = []


class _MOp(msgspec.Struct):
    op_id: _Id
    seq: Annotated[int, msgspec.Meta(ge=1, le=2**31 - 1)]
    type: _Name
    payload: msgspec.Raw


class _MPush(msgspec.Struct):
    device_id: _Id
    ops: Annotated[list[_MOp], msgspec.Meta(max_length=1000)]


def _sha(text: str | bytes) -> str:
    return hashlib.sha256(text if isinstance(text, bytes) else text.encode()).hexdigest()


def old(body: bytes) -> None:
    for op in _OldPush.model_validate_json(body).ops:
        _sha(_STD(op.payload))
        InspectionSubmit.model_validate(op.payload)


FLOATS = [False]  # whether the bodies hold a float literal (`--gps`), as the decoder tells


def now(body: bytes) -> None:
    """What the server does: msgspec decodes the body once, the envelope's payloads are
    not copied, each payload is validated once, its hash from orjson's canonical JSON."""
    for op in PushRequest.model_validate(msgspec.json.decode(body)).ops:
        _sha(canonical_json(op.payload, may_hold_floats=FLOATS[0]))
        InspectionSubmit.model_validate(op.payload)


def pydantic_json_per_op(body: bytes) -> None:
    """msgspec cuts the raw op bodies; pydantic's model_validate_json validates each."""
    for op in msgspec.json.decode(body, type=_MPush).ops:
        raw = bytes(op.payload)
        _sha(canonical_json(orjson.loads(raw)))  # the hash needs the decoded value too
        InspectionSubmit.model_validate_json(raw)


def msgspec_structs(body: bytes) -> None:
    """orjson decodes once; msgspec converts each payload into structs."""
    for op in msgspec.json.decode(body, type=_MPush).ops:
        value = orjson.loads(bytes(op.payload))
        _sha(canonical_json(value))
        msgspec.convert(value, _MSubmit)


def msgspec_decode(body: bytes) -> None:
    """msgspec decodes each raw payload straight into structs (the hash still decodes)."""
    for op in msgspec.json.decode(body, type=_MPush).ops:
        raw = bytes(op.payload)
        _sha(canonical_json(orjson.loads(raw)))
        msgspec.json.decode(raw, type=_MSubmit)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--ops", type=int, default=100)
    parser.add_argument(
        "--gps", action="store_true", help="each inspection's proof holds a photo's GPS (floats)"
    )
    args = parser.parse_args()
    ops = [inspection_op(f"v-{n}", "p-0", n + 1, finding=n % 2 == 0) for n in range(args.ops)]
    if args.gps:  # as a phone's photo gives them: floats, hashed like the rest since 08e150c
        photo = {"sha256": "a" * 64, "lat": 24.483471, "lon": 118.089425, "exif_time": ""}
        for op in ops:
            op["payload"]["inspection"]["proof"] = {"scans": [], "photos": [photo]}
        FLOATS[0] = True
    body = json.dumps({"device_id": "d-1", "ops": ops}, ensure_ascii=False).encode()
    ways: list[tuple[str, Callable[[bytes], None]]] = [
        ("old: pydantic envelope + payload again + json", old),
        ("now: msgspec decode + pydantic validate per op", now),
        ("pydantic model_validate_json on each raw op", pydantic_json_per_op),
        ("orjson decode + msgspec.convert to structs", msgspec_structs),
        ("msgspec.json.decode of each raw op to structs", msgspec_decode),
    ]
    times: dict[str, list[float]] = {name: [] for name, _ in ways}
    for _ in range(args.rounds):
        for name, way in ways:  # interleaved: each round runs every way once
            started = time.perf_counter()
            for _ in range(5):
                way(body)
            times[name].append((time.perf_counter() - started) / (5 * args.ops) * 1e6)
    reference = min(times[ways[0][0]])
    print(f"{args.ops} inspection.submit ops per body, µs per op: best of {args.rounds} "
          "(median), ratio reference / way:")  # fmt: skip
    for name, values in times.items():
        best = min(values)
        print(f"  {name:48s} {best:7.1f} µs ({statistics.median(values):.1f})  "
              f"{reference / best:5.2f}×")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
