"""Evaluate conditions: which items a checklist asks, which it requires, what fails.

Logic is three-valued: a reference to something not known (an item not answered yet,
answered n/a or hidden; a venue attribute not recorded) is *unknown*, and unknown
spreads (`unknown and false` is false, `unknown or true` is true). An item is shown
unless its `show_if` (or its section's) is false — when in doubt, ask — or refers to
an item that is itself hidden (what depends on a question not asked is not asked
either). An item with a `required_if` is required only when it is true.

Trees are compiled once into closures (`compiled`), so a checklist of 200 items is
evaluated in well under a millisecond after every answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from fieldapp.domain.checklist import (
    INSTANCE_MARK,
    MAX_INSTANCES,
    MULTIPLE_SEPARATOR,
    Checklist,
    Item,
    Section,
)
from fieldapp.domain.expressions import Binary, Call, Literal, Node, Ref, Unary, parse, references


@dataclass(frozen=True)
class Context:
    """What conditions see besides the answers."""

    venue: Mapping[str, Any] = field(default_factory=dict)
    params: Mapping[str, float] = field(default_factory=dict)
    campaigns: Mapping[str, str] = field(default_factory=dict)  # active code -> phase
    today: dt.date = dt.date(2000, 1, 1)


@dataclass(frozen=True)
class _Env:
    answers: Mapping[str, Any]
    context: Context
    value: Any = None


Compiled = Callable[[_Env], Any]


def _as_date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return value


def _compare(op: str, left: Any, right: Any) -> Any:
    if left is None or right is None:
        return None
    if isinstance(left, dt.date) or isinstance(right, dt.date):
        left, right = _as_date(left), _as_date(right)
        if left is None or right is None:
            return None
    if op == "==":
        return left == right
    if op == "!=":
        return left != right
    if op == "<":
        return left < right
    if op == "<=":
        return left <= right
    if op == ">":
        return left > right
    return left >= right


def _arith(op: str, left: Any, right: Any) -> Any:
    if left is None or right is None:
        return None
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "*":
        return left * right
    return None if right == 0 else left / right


def _ref(node: Ref) -> Compiled:
    name = node.name
    if node.kind == "item":
        return lambda env: env.answers.get(name)
    if node.kind == "venue":
        return lambda env: env.context.venue.get(name)
    if node.kind == "param":
        return lambda env: env.context.params.get(name)
    if node.kind == "campaign":
        return lambda env: name in env.context.campaigns
    if node.kind == "phase":
        return lambda env: env.context.campaigns.get(name, "")
    return lambda env: env.value


def _compile(node: Node) -> Compiled:
    if isinstance(node, Literal):
        constant = node.value
        return lambda env: constant
    if isinstance(node, Ref):
        return _ref(node)
    if isinstance(node, Unary):
        operand = _compile(node.operand)
        if node.op == "not":
            return lambda env: None if (v := operand(env)) is None else not v
        return lambda env: None if (v := operand(env)) is None else -v
    if isinstance(node, Call):
        arg = _compile(node.args[0])

        def days_since(env: _Env) -> Any:
            day = _as_date(arg(env))
            return None if day is None else float((env.context.today - day).days)

        return days_since
    return _compile_binary(node)


def _compile_binary(node: Binary) -> Compiled:
    left, right, op = _compile(node.left), _compile(node.right), node.op
    if op == "and":

        def and_(env: _Env) -> Any:
            a = left(env)
            if a is False:
                return False
            b = right(env)
            if b is False:
                return False
            return None if a is None or b is None else True

        return and_
    if op == "or":

        def or_(env: _Env) -> Any:
            a = left(env)
            if a is True:
                return True
            b = right(env)
            if b is True:
                return True
            return None if a is None or b is None else False

        return or_
    if op == "in":

        def in_(env: _Env) -> Any:
            a, b = left(env), right(env)
            return None if a is None or b is None else a in b

        return in_
    if op in ("+", "-", "*", "/"):
        return lambda env: _arith(op, left(env), right(env))
    return lambda env: _compare(op, left(env), right(env))


@lru_cache(maxsize=4096)
def compiled(text: str) -> Compiled:
    """The closure of one (valid) expression text."""
    return _compile(parse(text))


@lru_cache(maxsize=4096)
def item_references(text: str) -> frozenset[str]:
    """The item codes an expression text refers to."""
    return frozenset(ref.name for ref in references(parse(text)) if ref.kind == "item")


def _shows(text: str, seen: Mapping[str, Any], hidden: set[str], context: Context) -> bool:
    if not text:
        return True
    if hidden and not item_references(text).isdisjoint(hidden):
        return False
    return evaluate(text, seen, context) is not False


def evaluate(text: str, answers: Mapping[str, Any], context: Context, value: Any = None) -> Any:
    """True, False or None (unknown) for a condition; a number or text for other trees."""
    return compiled(text)(_Env(answers, context, value))


def answer_value(item: Item, outcome: str, value: str) -> Any:
    """What an answer means to a condition (None: unknown — n/a, a note, unanswered)."""
    if outcome in ("na", "note", ""):
        return None
    if item.answer == "yesno":
        return outcome == "pass"
    if item.answer == "photo":
        return True
    if not value:
        return None
    if item.answer == "number":
        try:
            return float(value)
        except ValueError:
            return None
    if item.answer == "date":
        return _as_date(value)
    if item.answer == "choice" and item.multiple:
        return tuple(part for part in value.split(MULTIPLE_SEPARATOR) if part)
    return value


@dataclass(frozen=True)
class FormState:
    """The items a checklist asks now, and the ones of those that must be answered."""

    visible: tuple[str, ...]
    required: frozenset[str]

    def is_visible(self, code: str) -> bool:
        return code in self.visible


def instances(section: Section, seen: Mapping[str, Any], context: Context) -> list[str]:
    """The code suffixes a section is asked with: [""] once, ["#1", "#2", …] repeated
    (an unknown count asks one; a count of 0 asks none)."""
    if not section.repeat:
        return [""]
    count = evaluate(section.repeat, seen, context)
    if not isinstance(count, int | float) or isinstance(count, bool):
        count = 1
    return [f"{INSTANCE_MARK}{n}" for n in range(1, min(int(count), MAX_INSTANCES) + 1)]


def form_state(
    checklist: Checklist, answers: Mapping[str, tuple[str, str]], context: Context
) -> FormState:
    """Walk the checklist in order. `answers` maps a code to (outcome, value); a hidden
    item's answer is kept in the record but is unknown to the conditions after it. In a
    repeated section each instance's conditions see that instance's answers under the
    plain codes (RNT-02 in room 3 is RNT-02#3)."""
    seen: dict[str, Any] = {}
    hidden: set[str] = set()
    visible: list[str] = []
    required: set[str] = set()
    for section in checklist.sections:
        section_shown = _shows(section.show_if, seen, hidden, context)
        section_required = (
            not section.required_if or evaluate(section.required_if, seen, context) is True
        )
        own = [item.code for item in section.items]
        suffixes = instances(section, seen, context) if section_shown else [""]
        hidden.update(own if not suffixes else ())
        for suffix in suffixes:
            for item in section.items:
                code = item.code + suffix
                local: Mapping[str, Any] = seen
                local_hidden = hidden
                if suffix:
                    local = {**seen, **{c: seen.get(c + suffix) for c in own}}
                    local_hidden = hidden | {c for c in own if c + suffix in hidden}
                if not (section_shown and _shows(item.show_if, local, local_hidden, context)):
                    hidden.add(code)
                    continue
                visible.append(code)
                if item.required_if:
                    needed = evaluate(item.required_if, local, context) is True
                else:
                    needed = item.required
                if needed and section_required:
                    required.add(code)
                given = answers.get(code)
                if given is not None:
                    seen[code] = answer_value(item, *given)
    return FormState(tuple(visible), frozenset(required))
