"""Checks of one item's keys that need no other item: choices and options, bounds (a
number's min, max and `integer`, a date's `past`).

Helpers shared with the validator (`show`, `one_of`, …) give the values of a problem;
a problem is a catalogue key and values (`fieldapp.domain.wording.Problem`), worded when
shown (fieldapp/i18n/catalog_checklist_problems.py).
"""

from __future__ import annotations

import difflib
import json
from typing import Any, Protocol, TypeGuard

from fieldapp.domain.checklist import MULTIPLE_SEPARATOR, OPTION_OUTCOMES
from fieldapp.domain.wording import Problem, said


class Report(Protocol):
    """Reports a problem at the offending key (None: the item as a whole)."""

    def __call__(self, key: str | None, problem: str, /, **values: Any) -> None: ...


def show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def one_of(options: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The options in order, worded as a list where the problem is shown."""
    return tuple(sorted(options))


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def unknown(key: str, known: tuple[str, ...]) -> Problem:
    close = difflib.get_close_matches(key, known, n=1)
    if close:
        return said("cl.unknown_key_close", field=key, close=close[0])
    return said("cl.unknown_key", field=key)


def check_choices(item: dict[str, Any], answer: Any, err: Report) -> None:
    if "multiple" in item:
        if not isinstance(item["multiple"], bool):
            err("multiple", "cl.true_or_false", field="multiple", got=show(item["multiple"]))
        elif answer != "choice":
            err("multiple", "cl.only_for", field="multiple", wanted="choice", got=show(answer))
    if "choices_en" in item:
        check_english(item, err)
    if "options" in item:
        check_options(item, answer, err)
        return
    choices = item.get("choices")
    outcomes = item.get("outcomes")
    if outcomes is not None and not (
        isinstance(outcomes, list)
        and isinstance(choices, list)
        and len(outcomes) == len(choices)
        and all(o in OPTION_OUTCOMES for o in outcomes)
    ):
        err("outcomes", "cl.outcomes", allowed=one_of(OPTION_OUTCOMES))
    if answer == "choice":
        if not isinstance(choices, list) or not choices:
            err("choices" if "choices" in item else "answer", "cl.no_choices")
        elif not all(is_text(c) for c in choices):
            err("choices", "cl.choices_empty")
        elif len(set(choices)) != len(choices):
            err("choices", "cl.choices_twice")
        elif any(MULTIPLE_SEPARATOR.strip() in c for c in choices):
            err("choices", "cl.option_separator", separator=MULTIPLE_SEPARATOR.strip())
    elif "choices" in item:
        err("choices", "cl.only_for_plural", field="choices", wanted="choice", got=show(answer))


def check_english(item: dict[str, Any], err: Report) -> None:
    """`choices_en`: an English label per option, in the options' order."""
    labels = item["choices_en"]
    options = item.get("options", item.get("choices"))
    if not isinstance(labels, list) or not all(is_text(label) for label in labels):
        err("choices_en", "cl.choices_en_texts")
    elif not isinstance(options, list) or len(labels) != len(options):
        count = len(options) if isinstance(options, list) else 0
        err("choices_en", "cl.choices_en_count", labels=len(labels), count=count)


def check_options(item: dict[str, Any], answer: Any, err: Report) -> None:
    options = item["options"]
    if answer != "choice":
        err("options", "cl.only_for_plural", field="options", wanted="choice", got=show(answer))
        return
    if "choices" in item or "outcomes" in item:
        err("options", "cl.options_and_choices")
        return
    if not isinstance(options, list) or not options:
        err("options", "cl.options_list")
        return
    values: list[str] = []
    for option in options:
        if not isinstance(option, dict) or not is_text(option.get("value")):
            err("options", "cl.option_value")
            return
        extra = set(option) - {"value", "outcome", "en"}
        if extra:
            err("options", "cl.said", problem=unknown(sorted(extra)[0], ("value", "outcome", "en")))
        if "en" in option and not is_text(option["en"]):
            err("options", "cl.option_en", value=show(option["value"]))
        if option.get("outcome", "pass") not in OPTION_OUTCOMES:
            err(
                "options",
                "cl.option_outcome",
                value=show(option["value"]),
                allowed=one_of(OPTION_OUTCOMES),
                got=show(option.get("outcome")),
            )
        if MULTIPLE_SEPARATOR.strip() in option["value"]:
            err("options", "cl.option_separator", separator=MULTIPLE_SEPARATOR.strip())
        values.append(option["value"])
    if len(set(values)) != len(values):
        err("options", "cl.options_twice")
    english = [isinstance(option, dict) and "en" in option for option in options]
    if any(english) and not all(english):
        err("options", "cl.options_en_all")


def check_bounds(item: dict[str, Any], answer: Any, err: Report) -> None:
    """min, max and `integer` of a number (a count: a whole number); `past` of a date (a
    date after today is refused)."""
    for key in ("min", "max"):
        if key not in item:
            continue
        if not is_number(item[key]):
            err(key, "cl.not_number", field=key, got=show(item[key]))
        elif answer != "number":
            err(key, "cl.only_for", field=key, wanted="number", got=show(answer))
    low, high = item.get("min"), item.get("max")
    if is_number(low) and is_number(high) and low > high:
        err("max", "cl.min_over_max", low=show(low), high=show(high))
    if "past" in item:
        if not isinstance(item["past"], bool):
            err("past", "cl.past_flag", got=show(item["past"]))
        elif answer != "date":
            err("past", "cl.only_for", field="past", wanted="date", got=show(answer))
    if "integer" in item:
        if not isinstance(item["integer"], bool):
            err("integer", "cl.integer_flag", got=show(item["integer"]))
        elif answer != "number":
            err("integer", "cl.only_for", field="integer", wanted="number", got=show(answer))
