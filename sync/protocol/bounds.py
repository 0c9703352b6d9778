"""The bounds every integer and string on the wire has, and the base of every model."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

# --- bounds: every integer and string on the wire has one ------------------------------
#
# They are what the server's columns hold on both engines: INTEGER is 32 bits on
# PostgreSQL, VARCHAR 255 characters, and PostgreSQL text holds no NUL character. A value
# outside them is refused by validation (a per-op `rejected`, or a 422 for the envelope),
# never by the database (a 500 that would block the whole batch).

MAX_INT32 = 2**31 - 1
MAX_JSON_INT = 2**63 - 1  # integers inside free-form JSON objects (summary, counts, data)
NO_NUL = r"^[^\x00]*$"

Id = Annotated[str, Field(min_length=1, max_length=100, pattern=NO_NUL)]
OptionalId = Annotated[str, Field(max_length=100, pattern=NO_NUL)]
Name = Annotated[str, Field(max_length=200, pattern=NO_NUL)]
Timestamp = Annotated[str, Field(max_length=40, pattern=NO_NUL)]  # ISO-8601, device time
IsoDate = Annotated[str, Field(min_length=1, max_length=40, pattern=NO_NUL)]
Text = Annotated[str, Field(max_length=10_000, pattern=NO_NUL)]
Sha256 = Annotated[str, Field(min_length=1, max_length=64, pattern=NO_NUL)]
Photos = Annotated[list[Sha256], Field(max_length=100)]


def _bounded_json(value: Any, depth: int = 0) -> Any:
    """Free-form JSON (summary, counts, event data): integers within 64 bits, no NUL in
    strings, at most 16 levels deep."""
    if depth > 16:
        raise ValueError("nested more than 16 levels deep")
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return value
    if isinstance(value, int):
        if not -MAX_JSON_INT <= value <= MAX_JSON_INT:
            raise ValueError(f"the integer {value} is out of range (at most 64 bits)")
        return value
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("a text holds a NUL character")
        return value
    if isinstance(value, dict):
        for key, item in value.items():
            _bounded_json(key, depth + 1)
            _bounded_json(item, depth + 1)
        return value
    if isinstance(value, list):
        for item in value:
            _bounded_json(item, depth + 1)
    return value


JsonObject = Annotated[dict[str, Any], AfterValidator(_bounded_json), Field(max_length=200)]


class WireModel(BaseModel):
    model_config = ConfigDict(extra="ignore")
