"""The bounds every integer and string on the wire has, and the base of every model."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import SchemaValidator

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


# --- the NUL check, once a body instead of once a string ---------------------------------
#
# A JSON text can hold a NUL character only as the escape \u0000 (a raw one is malformed),
# so a body without that escape holds none, and the pattern above, matched against every
# string of every payload (~100 an inspection, ~40 % of its validation), can be left out.


def may_hold_nul(body: bytes) -> bool:
    """Whether a JSON body may hold a NUL character: it holds the escape (or a raw NUL, which
    the decoder refuses anyway). An escaped backslash before `u0000` also counts: a body
    said to hold one only pays for the full check."""
    return b"\\u0000" in body or b"\x00" in body


def _without_nul_pattern(schema: Any) -> Any:
    """A copy of a core schema without its NO_NUL patterns (every other check kept)."""
    if isinstance(schema, dict):
        return {
            key: _without_nul_pattern(value)
            for key, value in schema.items()
            if not (key == "pattern" and value == NO_NUL)
        }
    if isinstance(schema, list):
        return [_without_nul_pattern(value) for value in schema]
    return schema


@cache
def nul_free_validator(model: type[BaseModel]) -> Any:
    """`model`'s validator without the NUL check, for values that hold no NUL character (a
    body without `may_hold_nul`); it makes the same `model` objects and raises the same
    ValidationError for anything else. pydantic-core would reuse each nested model's own
    validator (with the patterns) for its part of the schema: `_use_prebuilt=False` builds
    them anew. Where pydantic-core has no such switch, the model's own validator (slower,
    just as right)."""
    schema = _without_nul_pattern(model.__pydantic_core_schema__)
    try:
        return SchemaValidator(schema, _use_prebuilt=False)
    except TypeError:
        return model.__pydantic_validator__
