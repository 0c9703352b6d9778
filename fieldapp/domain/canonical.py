"""Canonical JSON and its hash: the outbox and the server agree byte for byte.

The spelling is the standard library's `json.dumps(sort_keys=True, separators=(",", ":"),
ensure_ascii=False, default=str)`: every hash in outboxes and ledgers was made with it.
orjson writes the same bytes ~10× faster for what records hold (objects, arrays, text,
integers of 64 bits, booleans, null); where it would write differently the standard
encoder writes instead: integers beyond 64 bits, text with lone surrogates, keys that are
not text (orjson raises), any value holding a float that orjson spells differently
(`0.00001` for `1e-05`, `1e16` for `1e+16`: those the standard encoder writes with an
exponent, and NaN and the infinities; a walk over the value finds them, cheaper than the
standard encoder — a photo's GPS coordinates are spelled alike) and values of other types (dates, dataclasses, str and int
subclasses: `default=str` as before). One difference is left, by choice: a plain `Enum` member (orjson writes its value,
the standard encoder its str()); no record holds one. tests/test_canonical.py holds the
two to the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import orjson

# One encoder built once: json.dumps with these options builds a new one on every call,
# which costs more than encoding a small record.
_STANDARD = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
).encode

# orjson would write these natively but not as `default=str` does: with these options they
# reach `_refuse`, and the standard encoder writes the value. Keys that are not text make
# orjson raise (without OPT_NON_STR_KEYS, which costs twice the time), the same way.
_OPTIONS = (
    orjson.OPT_SORT_KEYS
    | orjson.OPT_PASSTHROUGH_DATETIME
    | orjson.OPT_PASSTHROUGH_DATACLASS
    | orjson.OPT_PASSTHROUGH_SUBCLASS
)


def _refuse(value: Any) -> Any:
    raise TypeError  # not orjson's to write: the standard encoder writes it


_SCALARS = frozenset({str, int, bool, type(None)})


def _spelled_alike(number: float) -> bool:
    """Whether orjson writes this float as the standard encoder does (`repr`): both write
    the shortest digits that read back; only `repr` switches to an exponent, below 1e-4
    and from 1e16 (tests/test_canonical.py compares the two over many floats)."""
    size = abs(number)
    return 1e-4 <= size < 1e16 or number == 0.0


def _has_odd_float(value: Any) -> bool:
    """Whether `value` holds a float that orjson would spell differently, or a float of a
    subclass (which orjson would not write)."""
    stack = [value]
    pop, extend = stack.pop, stack.extend
    while stack:
        item = pop()
        kind = type(item)
        if kind is dict:
            extend(item.values())
        elif kind is list or kind is tuple:
            extend(item)
        elif kind is float:
            if not _spelled_alike(item):
                return True
        elif kind not in _SCALARS and isinstance(item, float):
            return True
    return False


def _fast(value: Any, may_hold_floats: bool) -> bytes | None:
    """orjson's bytes when they are the standard spelling, else None."""
    if may_hold_floats and _has_odd_float(value):
        return None
    try:
        return orjson.dumps(value, default=_refuse, option=_OPTIONS)
    except TypeError:  # orjson.JSONEncodeError is one
        return None


def canonical_json_bytes(value: Any, *, may_hold_floats: bool = True) -> bytes:
    """The canonical JSON of `value` as UTF-8 bytes. `may_hold_floats=False` is a promise
    (e.g. the value was decoded from JSON without a float literal) that spares the walk."""
    encoded = _fast(value, may_hold_floats)
    return _STANDARD(value).encode("utf-8") if encoded is None else encoded


def canonical_json(value: Any, *, may_hold_floats: bool = True) -> str:
    encoded = _fast(value, may_hold_floats)
    return _STANDARD(value) if encoded is None else encoded.decode("utf-8")


def payload_hash(value: Any, *, may_hold_floats: bool = True) -> str:
    return hashlib.sha256(canonical_json_bytes(value, may_hold_floats=may_hold_floats)).hexdigest()
