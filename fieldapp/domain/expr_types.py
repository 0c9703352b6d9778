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
from fieldapp.domain.wording import Problem, said

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
# The number attributes that count things, so are whole numbers (a section repeats once per
# room: 12.5 rooms would ask 12); area is the one measured.
COUNT_ATTRIBUTES = frozenset({"floors", "rooms", "beds", "stalls", "staff"})

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
            raise ExprError("expr.cycle", ref.column, name=ref.name)
        if ref.name in scope.repeated:
            raise ExprError("expr.repeated", ref.column, name=ref.name)
        if ref.name in scope.earlier:
            return scope.earlier[ref.name]
        if ref.name in scope.everywhere:
            raise ExprError("expr.later", ref.column, name=ref.name)
        raise ExprError("expr.unknown_item", ref.column, name=ref.name)
    if ref.kind == "venue":
        if ref.name not in VENUE_ATTRIBUTES:
            known = tuple(sorted(VENUE_ATTRIBUTES))
            raise ExprError("expr.unknown_venue", ref.column, name=ref.name, known=known)
        return VENUE_ATTRIBUTES[ref.name]
    if ref.kind == "param":
        if ref.name not in scope.params:
            raise ExprError("expr.unknown_param", ref.column, name=ref.name)
        return NUMBER
    if ref.kind in ("campaign", "phase"):
        if scope.campaigns is not None and ref.name not in scope.campaigns:
            if not scope.campaigns:
                raise ExprError("expr.unknown_campaign_none", ref.column, name=ref.name)
            known = tuple(sorted(scope.campaigns))
            raise ExprError("expr.unknown_campaign", ref.column, name=ref.name, known=known)
        return BOOL if ref.kind == "campaign" else TEXT
    if scope.value is None:
        raise ExprError("expr.value_outside", ref.column)
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
            raise ExprError(
                "expr.unary",
                node.column,
                op=node.op,
                wanted=type_name(wanted),
                got=type_name(operand),
            )
        return wanted
    if isinstance(node, Call):
        if len(node.args) != 1:
            raise ExprError("expr.call_arity", node.column, name=node.name)
        arg = type_of(node.args[0], scope)
        if arg != DATE:
            raise ExprError("expr.call_type", node.column, name=node.name, got=type_name(arg))
        return NUMBER
    return _binary_type(node, scope)


def type_name(kind: str) -> Problem:
    """A value type (`number`, `date`, …) as the reader's language names it."""
    return said(f"expr.type.{kind}")


def _sides(left: str, right: str) -> dict[str, Problem]:
    return {"left": type_name(left), "right": type_name(right)}


def _binary_type(node: Binary, scope: Scope) -> str:
    left, right = type_of(node.left, scope), type_of(node.right, scope)
    op = node.op
    if op in ("and", "or"):
        if left != BOOL or right != BOOL:
            wrong = left if left != BOOL else right
            raise ExprError("expr.and_or", node.column, op=op, got=type_name(wrong))
        return BOOL
    if op in ("+", "-", "*", "/"):
        if left != NUMBER or right != NUMBER:
            raise ExprError("expr.arith", node.column, op=op, **_sides(left, right))
        return NUMBER
    if op == "in":
        if left == TEXT and right == LIST:
            return BOOL
        raise ExprError("expr.in", node.column, **_sides(left, right))
    if op in ("==", "!="):
        if left != right and not {left, right} <= {TEXT, DATE}:
            raise ExprError("expr.compare", node.column, op=op, **_sides(left, right))
        return BOOL
    if left == right and left in (NUMBER, DATE) or {left, right} == {TEXT, DATE}:
        return BOOL
    raise ExprError("expr.order", node.column, op=op, **_sides(left, right))


def check_condition(node: Node, scope: Scope) -> None:
    """A show_if, required_if or fail_if tree must be a true/false condition."""
    kind = type_of(node, scope)
    if kind != BOOL:
        raise ExprError("expr.not_condition", 1, got=type_name(kind))
