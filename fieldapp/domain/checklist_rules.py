"""Check the conditions of a checklist document: `show_if`, `required_if`, `fail_if`.

Runs on the parsed TOML (plain dicts) once its structure is known to be sound enough
to name items and their answer types; each problem names where it is (section index,
item index or None, key) so the validator can point at the line.
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
from fieldapp.domain.expressions import ExprError, parse
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
    sections = [s for s in data.get("sections", []) if isinstance(s, dict)]
    raw_params = data.get("params")
    params = frozenset(raw_params) if isinstance(raw_params, dict) else frozenset()
    everywhere: dict[str, str] = dict(earlier or {})
    for section in sections:
        for item in section.get("items") or []:
            if isinstance(item, dict) and isinstance(item.get("code"), str):
                everywhere.setdefault(item["code"], value_type(item))
    seen: dict[str, str] = dict(earlier or {})
    repeated: set[str] = set()  # items of repeated sections already passed
    problems: list[RuleProblem] = []
    for si, section in enumerate(sections):
        items = [i for i in section.get("items") or [] if isinstance(i, dict)]
        own = frozenset(str(i.get("code")) for i in items)
        outside = frozenset(repeated)
        scope = Scope(seen.copy(), everywhere, own, params, None, campaigns, outside)
        for key in CONDITION_KEYS:
            problem = _problem(section.get(key), scope, key)
            if problem:
                problems.append(RuleProblem(si, None, key, str(section.get("code", "")), problem))
        problem = _count_problem(section.get("repeat"), scope)
        if problem:
            problems.append(RuleProblem(si, None, "repeat", str(section.get("code", "")), problem))
        for ii, item in enumerate(items):
            code = str(item.get("code", ""))
            scope = Scope(
                seen.copy(), everywhere, frozenset({code}), params, None, campaigns, outside
            )
            for key in CONDITION_KEYS:
                problem = _problem(item.get(key), scope, key)
                if problem:
                    problems.append(RuleProblem(si, ii, key, code, problem))
            fail_scope = Scope({}, {}, frozenset({code}), params, value_type(item), campaigns)
            problem = _problem(item.get("fail_if"), fail_scope, "fail_if")
            if problem:
                problems.append(RuleProblem(si, ii, "fail_if", code, problem))
            if "fail_if" in item and item.get("answer") not in ("number", "date", "text"):
                problems.append(RuleProblem(si, ii, "fail_if", code, said("cl.fail_if_answer")))
            seen[code] = value_type(item)
        if "repeat" in section:
            repeated.update(own)
    return problems


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


def _problem(text: Any, scope: Scope, key: str) -> Problem | None:
    if text is None:
        return None
    if not isinstance(text, str) or not text.strip():
        return said("cl.condition_empty", field=key)
    try:
        check_condition(parse(text), scope)
    except ExprError as error:
        return said("cl.condition", field=key, error=error.located)
    return None


def params_problems(raw: Any) -> list[Problem]:
    """`[params]`: names (lower-case) with a number each."""
    if not isinstance(raw, dict):
        return [said("cl.params_table")]
    problems = []
    for name, value in raw.items():
        if not (isinstance(name, str) and name.isidentifier() and name == name.lower()):
            problems.append(said("cl.param_name", name=name))
        if not isinstance(value, int | float) or isinstance(value, bool):
            problems.append(said("cl.param_number", name=name, got=repr(value)))
    return problems
