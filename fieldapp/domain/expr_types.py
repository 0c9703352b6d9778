"""Type-check a parsed condition against what it may refer to.

Types: bool, number, text, date and list (of texts: a multiple choice or a literal
list). A condition may use only answers to items *before* it in the checklist, so
evaluating the checklist in order never meets an answer that depends on a later one:
a reference to itself (or, for a section, to its own items) is reported as a cycle,
one to a later item as a forward reference.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from fieldapp.domain.expressions import Binary, Call, ExprError, Literal, Node, Ref, Unary

BOOL, NUMBER, TEXT, DATE, LIST = "bool", "number", "text", "date", "list"

# The venue attributes a condition may use (imported with the venue; absent = unknown).
VENUE_ATTRIBUTES: dict[str, str] = {
    "has_kitchen": BOOL,  # cooks on the premises
    "has_gas": BOOL,  # piped or bottled gas in use
    "bottled_gas": BOOL,  # LPG cylinders in use
    "underground": BOOL,  # any part used below ground
    "boarding": BOOL,  # a school with boarders
    "dormitory": BOOL,  # people sleep on the premises
    "sprinklers_required": BOOL,  # the building code requires sprinklers or an alarm system
    "floors": NUMBER,
    "rooms": NUMBER,
    "beds": NUMBER,
    "stalls": NUMBER,
    "staff": NUMBER,
    "area": NUMBER,  # m²
}

# The type of an answer to an item, by its answer type (choice: text, or list if multiple).
ANSWER_VALUE_TYPES: dict[str, str] = {
    "yesno": BOOL,
    "number": NUMBER,
    "text": TEXT,
    "date": DATE,
    "choice": TEXT,
    "photo": BOOL,
}


@dataclass(frozen=True)
class Scope:
    """What one condition may refer to."""

    earlier: Mapping[str, str]  # item code -> value type, the items before this one
    everywhere: Mapping[str, str] = field(default_factory=dict)  # every item code
    own: frozenset[str] = frozenset()  # the item itself, or a section's own items
    params: frozenset[str] = frozenset()
    value: str | None = None  # the type of `value` (fail_if only)
    campaigns: frozenset[str] | None = None  # known campaign codes; None: any
    repeated: frozenset[str] = frozenset()  # items of repeated sections this one is not in


def _ref_type(ref: Ref, scope: Scope) -> str:
    if ref.kind == "item":
        if ref.name in scope.own:
            raise ExprError(f"{ref.name} refers to itself (a cycle)", ref.column)
        if ref.name in scope.repeated:
            raise ExprError(
                f"{ref.name} is asked once per instance of a repeated section: only "
                "conditions in that section may use it",
                ref.column,
            )
        if ref.name in scope.earlier:
            return scope.earlier[ref.name]
        if ref.name in scope.everywhere:
            raise ExprError(
                f"{ref.name} comes later in the checklist (a forward reference): "
                "a condition may use only answers given before it",
                ref.column,
            )
        raise ExprError(f'unknown item code "{ref.name}"', ref.column)
    if ref.kind == "venue":
        if ref.name not in VENUE_ATTRIBUTES:
            known = ", ".join(sorted(VENUE_ATTRIBUTES))
            raise ExprError(f'unknown venue attribute "{ref.name}" (known: {known})', ref.column)
        return VENUE_ATTRIBUTES[ref.name]
    if ref.kind == "param":
        if ref.name not in scope.params:
            raise ExprError(
                f'unknown parameter "param.{ref.name}": give its default in [params]', ref.column
            )
        return NUMBER
    if ref.kind in ("campaign", "phase"):
        if scope.campaigns is not None and ref.name not in scope.campaigns:
            known = ", ".join(sorted(scope.campaigns)) or "none"
            raise ExprError(f'unknown campaign "{ref.name}" (known: {known})', ref.column)
        return BOOL if ref.kind == "campaign" else TEXT
    if scope.value is None:
        raise ExprError('"value" is the answer being checked: use it in fail_if only', ref.column)
    return scope.value


def _literal_type(node: Literal) -> str:
    if isinstance(node.value, bool):
        return BOOL
    if isinstance(node.value, float):
        return NUMBER
    if isinstance(node.value, tuple):
        return LIST
    return TEXT


def type_of(node: Node, scope: Scope) -> str:
    """The type of a tree; raises `ExprError` at the first mismatch."""
    if isinstance(node, Literal):
        return _literal_type(node)
    if isinstance(node, Ref):
        return _ref_type(node, scope)
    if isinstance(node, Unary):
        operand = type_of(node.operand, scope)
        wanted = BOOL if node.op == "not" else NUMBER
        if operand != wanted:
            raise ExprError(f'"{node.op}" needs a {wanted}, not a {operand}', node.column)
        return wanted
    if isinstance(node, Call):
        if len(node.args) != 1:
            raise ExprError(f"{node.name}() takes one date", node.column)
        arg = type_of(node.args[0], scope)
        if arg != DATE:
            raise ExprError(f"{node.name}() takes a date, not a {arg}", node.column)
        return NUMBER
    return _binary_type(node, scope)


def _binary_type(node: Binary, scope: Scope) -> str:
    left, right = type_of(node.left, scope), type_of(node.right, scope)
    op = node.op
    if op in ("and", "or"):
        if left != BOOL or right != BOOL:
            wrong = left if left != BOOL else right
            raise ExprError(f'"{op}" joins true/false conditions, not a {wrong}', node.column)
        return BOOL
    if op in ("+", "-", "*", "/"):
        if left != NUMBER or right != NUMBER:
            raise ExprError(f'"{op}" needs numbers, not {left} and {right}', node.column)
        return NUMBER
    if op == "in":
        if left == TEXT and right == LIST:
            return BOOL
        raise ExprError(
            f'"in" asks whether a text is in a list, not a {left} in a {right}', node.column
        )
    if op in ("==", "!="):
        if left != right and not {left, right} <= {TEXT, DATE}:
            raise ExprError(f'"{op}" compares a {left} with a {right}', node.column)
        return BOOL
    if left == right and left in (NUMBER, DATE) or {left, right} == {TEXT, DATE}:
        return BOOL
    raise ExprError(f'"{op}" orders numbers or dates, not {left} and {right}', node.column)


def check_condition(node: Node, scope: Scope) -> None:
    """A show_if, required_if or fail_if tree must be a true/false condition."""
    kind = type_of(node, scope)
    if kind != BOOL:
        raise ExprError(f"a condition must be true or false, not a {kind}", 1)
