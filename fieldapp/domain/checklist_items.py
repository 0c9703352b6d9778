"""Checks of one item's keys that need no other item: choices and options, bounds (a
number's min, max and `integer`, a date's `past`).

Helpers shared with the validator (`show`, `one_of`, …) word values in messages.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable
from typing import Any, TypeGuard

from fieldapp.domain.checklist import MULTIPLE_SEPARATOR, OPTION_OUTCOMES

Report = Callable[[str | None, str], None]  # (offending key or None, message)


def show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def one_of(options: tuple[str, ...] | list[str]) -> str:
    return ", ".join(sorted(options))


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def unknown(key: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(key, known, n=1)
    hint = f' (did you mean "{close[0]}"?)' if close else ""
    return f'unknown key "{key}"{hint}'


def check_choices(item: dict[str, Any], answer: Any, err: Report) -> None:
    if "multiple" in item:
        if not isinstance(item["multiple"], bool):
            err("multiple", f"multiple must be true or false (got {show(item['multiple'])})")
        elif answer != "choice":
            err("multiple", f'multiple is only for answer "choice" (answer is {show(answer)})')
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
        err(
            "outcomes",
            f"outcomes must list one of {one_of(OPTION_OUTCOMES)} per choice, in order",
        )
    if answer == "choice":
        if not isinstance(choices, list) or not choices:
            err("choices" if "choices" in item else "answer", 'answer "choice" needs choices')
        elif not all(is_text(c) for c in choices):
            err("choices", "choices must be non-empty texts")
        elif len(set(choices)) != len(choices):
            err("choices", "choices lists an option twice")
        elif any(MULTIPLE_SEPARATOR.strip() in c for c in choices):
            err("choices", f'an option may not contain "{MULTIPLE_SEPARATOR.strip()}"')
    elif "choices" in item:
        err("choices", f'choices are only for answer "choice" (answer is {show(answer)})')


def check_english(item: dict[str, Any], err: Report) -> None:
    """`choices_en`: an English label per option, in the options' order."""
    labels = item["choices_en"]
    options = item.get("options", item.get("choices"))
    if not isinstance(labels, list) or not all(is_text(label) for label in labels):
        err("choices_en", "choices_en must be a list of non-empty texts, one per option")
    elif not isinstance(options, list) or len(labels) != len(options):
        count = len(options) if isinstance(options, list) else 0
        err("choices_en", f"choices_en gives {len(labels)} labels for {count} options")


def check_options(item: dict[str, Any], answer: Any, err: Report) -> None:
    options = item["options"]
    if answer != "choice":
        err("options", f'options are only for answer "choice" (answer is {show(answer)})')
        return
    if "choices" in item or "outcomes" in item:
        err("options", "give either options or choices (with outcomes), not both")
        return
    if not isinstance(options, list) or not options:
        err("options", "options must be a list of {value = …, outcome = …} tables")
        return
    values: list[str] = []
    for option in options:
        if not isinstance(option, dict) or not is_text(option.get("value")):
            err("options", "each option needs a value text: {value = …, outcome = …}")
            return
        extra = set(option) - {"value", "outcome", "en"}
        if extra:
            err("options", unknown(sorted(extra)[0], ("value", "outcome", "en")))
        if "en" in option and not is_text(option["en"]):
            err("options", f"option {show(option['value'])}: en must be a non-empty text")
        if option.get("outcome", "pass") not in OPTION_OUTCOMES:
            err(
                "options",
                f"option {show(option['value'])}: outcome must be one of "
                f"{one_of(OPTION_OUTCOMES)} (got {show(option.get('outcome'))})",
            )
        if MULTIPLE_SEPARATOR.strip() in option["value"]:
            err("options", f'an option may not contain "{MULTIPLE_SEPARATOR.strip()}"')
        values.append(option["value"])
    if len(set(values)) != len(values):
        err("options", "options lists a value twice")
    english = [isinstance(option, dict) and "en" in option for option in options]
    if any(english) and not all(english):
        err("options", "give every option its en label, or none")


def check_bounds(item: dict[str, Any], answer: Any, err: Report) -> None:
    """min, max and `integer` of a number (a count: a whole number); `past` of a date (a
    date after today is refused)."""
    for key in ("min", "max"):
        if key not in item:
            continue
        if not is_number(item[key]):
            err(key, f"{key} must be a number (got {show(item[key])})")
        elif answer != "number":
            err(key, f'{key} is only for answer "number" (answer is {show(answer)})')
    low, high = item.get("min"), item.get("max")
    if is_number(low) and is_number(high) and low > high:
        err("max", f"min ({show(low)}) is greater than max ({show(high)})")
    if "past" in item:
        if not isinstance(item["past"], bool):
            err(
                "past",
                "past must be true (the date is of something done: today or earlier) "
                f"or false (got {show(item['past'])})",
            )
        elif answer != "date":
            err("past", f'past is only for answer "date" (answer is {show(answer)})')
    if "integer" in item:
        if not isinstance(item["integer"], bool):
            err(
                "integer",
                "integer must be true (a count: whole numbers only) "
                f"or false (got {show(item['integer'])})",
            )
        elif answer != "number":
            err("integer", f'integer is only for answer "number" (answer is {show(answer)})')
