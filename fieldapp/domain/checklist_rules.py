"""Check the conditions of a checklist document: `show_if`, `required_if`, `fail_if`.

Runs on the parsed TOML (plain dicts) beside the validator's structure checks, so one run
reports both: what is not a table is passed over, and a condition using an item whose
answer is wrong is not type-checked (nor that item's fail_if) until the answer is fixed.
Each problem names where it is (section and item index in the file, or None, and key)
so the validator can point at the line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fieldapp.domain.expr_types import (
    ANSWER_VALUE_TYPES,
    LIST,
    NUMBER,
    Scope,
    check_condition,
    type_name,
    type_of,
)
from fieldapp.domain.expressions import Binary, Call, ExprError, Node, Ref, Unary, parse
from fieldapp.domain.wording import Problem, said

CONDITION_KEYS = ("show_if", "required_if")


@dataclass(frozen=True)
class RuleProblem:
    section: int
    item: int | None  # None: the section's own key
    key: str
    code: str  # the item's code, or the section's
    problem: Problem


def value_type(item: dict[str, Any]) -> str:
    """The type an answer to this item has in a condition."""
    if item.get("answer") == "choice" and item.get("multiple") is True:
        return LIST
    return ANSWER_VALUE_TYPES.get(str(item.get("answer")), "")


def condition_problems(
    data: dict[str, Any],
    campaigns: frozenset[str] | None = None,
    earlier: dict[str, str] | None = None,
) -> list[RuleProblem]:
    """Every problem in the document's conditions. `earlier` are items a condition may
    use besides the document's own (a campaign's sections come after a checklist's)."""
    sections = _tables(data.get("sections"))
    raw_params = data.get("params")
    params = frozenset(raw_params) if isinstance(raw_params, dict) else frozenset()
    everywhere: dict[str, str] = dict(earlier or {})
    for _, section in sections:
        for _, item in _tables(section.get("items")):
            if isinstance(item.get("code"), str):
                everywhere.setdefault(item["code"], value_type(item))
    # Items whose answer is wrong (reported by the validator) have no type to check a
    # condition against: a condition using one is checked once the answer is fixed.
    untyped = frozenset(code for code, kind in everywhere.items() if not kind)
    seen: dict[str, str] = dict(earlier or {})
    repeated: set[str] = set()  # items of repeated sections already passed
    problems: list[RuleProblem] = []
    for si, section in sections:
        items = _tables(section.get("items"))
        if not items:  # reported by the validator; its conditions wait for its items
            continue
        own = frozenset(str(i.get("code")) for _, i in items)
        outside = frozenset(repeated)
        scope = Scope(seen.copy(), everywhere, own, params, None, campaigns, outside)
        for key in CONDITION_KEYS:
            problem = _problem(section.get(key), scope, key, untyped)
            if problem:
                problems.append(RuleProblem(si, None, key, _code(section), problem))
        problem = _count_problem(section.get("repeat"), scope)
        if problem:
            problems.append(RuleProblem(si, None, "repeat", _code(section), problem))
        for ii, item in items:
            code = _code(item)
            scope = Scope(
                seen.copy(), everywhere, frozenset({code}), params, None, campaigns, outside
            )
            for key in CONDITION_KEYS:
                problem = _problem(item.get(key), scope, key, untyped)
                if problem:
                    problems.append(RuleProblem(si, ii, key, code, problem))
            if value_type(item):  # else its answer is wrong: fail_if is checked once fixed
                fail_scope = Scope({}, {}, frozenset({code}), params, value_type(item), campaigns)
                problems += _fail_if_problems(item, fail_scope, si, ii)
            seen[code] = value_type(item)
        if "repeat" in section:
            repeated.update(own)
    return problems


def _tables(raw: Any) -> list[tuple[int, dict[str, Any]]]:
    """The tables of a list (sections, a section's items) with their places in it, so a
    problem points at the table the validator does; a list that is none is empty here
    (the validator reports it)."""
    if not isinstance(raw, list):
        return []
    return [(index, table) for index, table in enumerate(raw) if isinstance(table, dict)]


def _code(table: dict[str, Any]) -> str:
    """An item's or section's code as problems name it ("" when it has none that is text)."""
    code = table.get("code")
    return code if isinstance(code, str) else ""


def _fail_if_problems(item: dict[str, Any], scope: Scope, si: int, ii: int) -> list[RuleProblem]:
    """`fail_if` of an item of known answer type: a condition on its own value, and only
    for an answer that has a threshold (number, date, text)."""
    problems = []
    if problem := _problem(item.get("fail_if"), scope, "fail_if"):
        problems.append(RuleProblem(si, ii, "fail_if", _code(item), problem))
    if "fail_if" in item and item.get("answer") not in ("number", "date", "text"):
        problems.append(RuleProblem(si, ii, "fail_if", _code(item), said("cl.fail_if_answer")))
    return problems


def _refers_to(node: Node, codes: frozenset[str]) -> bool:
    """Whether the condition uses the answer of one of the items `codes`."""
    if isinstance(node, Ref):
        return node.kind == "item" and node.name in codes
    if isinstance(node, Unary):
        return _refers_to(node.operand, codes)
    if isinstance(node, Binary):
        return _refers_to(node.left, codes) or _refers_to(node.right, codes)
    if isinstance(node, Call):
        return any(_refers_to(arg, codes) for arg in node.args)
    return False


def _count_problem(text: Any, scope: Scope) -> Problem | None:
    """`repeat`: a number — a venue attribute (venue.rooms) or an earlier answer."""
    if text is None:
        return None
    if not isinstance(text, str) or not text.strip():
        return said("cl.repeat_text")
    try:
        kind = type_of(parse(text), scope)
    except ExprError as error:
        return said("cl.condition", field="repeat", error=error.located)
    return None if kind == NUMBER else said("cl.repeat_not_number", got=type_name(kind))


def _problem(
    text: Any, scope: Scope, key: str, untyped: frozenset[str] = frozenset()
) -> Problem | None:
    """The condition's problem, if any; one using an item of `untyped` is not type-checked
    (that item's answer is reported wrong, so any type found here would be a guess)."""
    if text is None:
        return None
    if not isinstance(text, str) or not text.strip():
        return said("cl.condition_empty", field=key)
    try:
        tree = parse(text)
        if not _refers_to(tree, untyped):
            check_condition(tree, scope)
    except ExprError as error:
        return said("cl.condition", field=key, error=error.located)
    return None


def params_problems(raw: Any) -> list[Problem]:
    """`[params]`: names (lower-case) with a number each."""
    if not isinstance(raw, dict):
        return [said("cl.params_table")]
    return [problem for name, value in raw.items() for problem in param_problems(name, value)]


def param_problems(name: Any, value: Any) -> list[Problem]:
    """One parameter, in a checklist's `[params]` or the office's `checklist_params`: a
    lower-case name and a threshold, a number not below 0 (counts of extinguishers, people
    per room: -1 would make `value < param.min_extinguishers` never fail)."""
    problems = []
    if not (isinstance(name, str) and name.isidentifier() and name == name.lower()):
        problems.append(said("cl.param_name", name=name))
    if not isinstance(value, int | float) or isinstance(value, bool):
        problems.append(said("cl.param_number", name=name, got=repr(value)))
    elif value < 0:
        problems.append(said("cl.param_negative", name=name, got=value))
    return problems
