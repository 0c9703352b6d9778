"""Canonical JSON and its hash: the outbox and the server agree byte for byte."""

from __future__ import annotations

import hashlib
import json
from typing import Any

# One encoder built once: json.dumps with these options builds a new one on every call,
# which costs more than encoding a small record.
_ENCODE = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
).encode


def canonical_json(value: Any) -> str:
    return _ENCODE(value)


def payload_hash(value: Any) -> str:
    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()
