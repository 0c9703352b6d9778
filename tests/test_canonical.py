"""Canonical JSON is the standard library's spelling, byte for byte, however it is made:
every payload hash in the outboxes and the server's ledger was made with that spelling."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import random
import struct
import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

import fieldapp.domain.canonical
from fieldapp.domain.canonical import canonical_json, canonical_json_bytes, payload_hash

STANDARD = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
).encode

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5)
    ),
    max_leaves=30,
)


@settings(max_examples=600, deadline=None)
@given(json_values)
def test_any_json_value_is_spelled_as_the_standard_encoder_spells_it(value):
    assert canonical_json(value) == STANDARD(value)
    assert payload_hash(value) == hashlib.sha256(STANDARD(value).encode()).hexdigest()


@dataclasses.dataclass
class _Point:
    x: int


class _Code(str):
    pass


class _Ratio(float):
    pass


EDGES = [
    1e-05, 1e16, -1.5e-300, 0.0001, 0.00001234, 1e22, 2.0**53, -0.0, 5e-324,  # float spellings
    2**64, -(2**63) - 1, 2**63 - 1,  # integers at and beyond 64 bits
    "\ud800", "a\x00b", "\u2028\u2029", "店主 😀", "</script>",  # text
    {"b": 1, "a": {"d": [1, 2], "c": None}}, {2: "x", 1: "y"},  # key order, int keys
    {"note": "价格,1e5 元 [0.00001]"},  # number-like text
    dt.date(2026, 6, 10), dt.datetime(2026, 6, 10, 2, 0, tzinfo=dt.UTC), uuid.UUID(int=7),
    _Point(3), _Code("x"), {"r": _Ratio(1e-05)}, True, (1, "a"), [],
]  # fmt: skip


def test_edges_are_spelled_as_the_standard_encoder_spells_them():
    for value in EDGES:
        assert canonical_json(value) == STANDARD(value), value


def test_floats_that_orjson_writes_go_through_it_and_spell_as_repr_does():
    """Floats the walk lets orjson write (a photo's GPS coordinates, a score) must be spelled
    as `repr` spells them: many, at the edges of that range and across it."""
    rng = random.Random(15)
    floats = [0.0, -0.0, 1e-4, -1e-4, 9.999999999999998e15, 1e15, 30.123456, 120.654321]
    floats += [rng.choice((1, -1)) * 10 ** rng.uniform(-4, 16) for _ in range(20_000)]
    floats += [round(rng.uniform(-180, 180), rng.randint(0, 12)) for _ in range(20_000)]
    floats += [struct.unpack("d", struct.pack("Q", rng.getrandbits(64)))[0] for _ in range(5_000)]
    for number in floats:
        value = {"lat": number}
        assert canonical_json(value) == STANDARD(value), number
    taken = {"photos": [{"lat": 30.123456, "lon": 120.654321}], "score": 0.5}
    assert fieldapp.domain.canonical._fast(taken, True) is not None  # orjson wrote it
    assert fieldapp.domain.canonical._fast({"x": 1e-05}, True) is None  # the standard did


def test_a_real_inspection_payload_is_byte_identical():
    payload = {
        "inspection": {"id": "i-1", "representative": "店主", "summary": {"total": 20},
                       "supersedes": None, "checklist_version": 3, "started_at": "2026-06-10"},
        "answers": [{"item_code": f"COM-{n:02d}", "outcome": "pass", "value": "", "note": "",
                     "photos": ["ab" * 32]} for n in range(20)],
        "findings": [],
    }  # fmt: skip
    assert canonical_json_bytes(payload) == STANDARD(payload).encode()
