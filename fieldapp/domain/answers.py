"""What an answer to an item may be, and what it proposes (pass or fail)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from fieldapp.domain import clock
from fieldapp.domain.checklist import MULTIPLE_SEPARATOR, Item
from fieldapp.domain.conditions import Context, answer_value, evaluate
from fieldapp.domain.typed import no_such_day, typed_date

OUTCOMES = ("pass", "fail", "na", "value")

# A number answer: digits, with a decimal point (2.5); what else may be typed in one by
# mistake (a sign, a second point) is refused as a malformed number, anything other than
# those (a letter: 1e5) as not a number at all.
_NUMBER = re.compile(r"([0-9]+)(?:\.([0-9]+))?")
_NOT_NUMBER = re.compile(r"[^0-9.+\-]")
# The most a number answer may be: counts, lengths and areas found in a venue stay far
# below it; more is a slip of the keyboard (a digit held down).
MAX_NUMBER = 1_000_000


class BadAnswer(ValueError):
    """A value that does not fit the item. Its message is the catalogue key (under
    `answer.`) of what is expected; `value` is the refused value, tidied, when the text
    names it. `said` is the sentence itself where a shared rule has worded it already (a
    date written as one whose month or day does not exist, 2026-13-40), said as every
    other form says it."""

    def __init__(self, key: str, value: str = "", said: str = "") -> None:
        super().__init__(key)
        self.value = value
        self.said = said


def normalize_value(item: Item, raw: str, today: dt.date | None = None) -> str:
    """Check and tidy a typed value for a number, date, text or choice item. A `past`
    date item refuses a date after `today` (the device's local date unless given)."""
    text = raw.strip()
    if item.answer == "number":
        return _number(item, text)
    if item.answer == "date":
        try:
            day = typed_date(text)
        except ValueError:
            raise BadAnswer("expected_date", said=no_such_day(text) or "") from None
        if item.past and day > (today or clock.today()):
            raise BadAnswer("date_in_future", day.isoformat())
        return day.isoformat()
    if item.answer == "choice":
        return _choice(item, text)
    if item.answer == "text" and not text:
        raise BadAnswer("expected_text")
    return text


def _number(item: Item, text: str) -> str:
    """A number as typed (full-width ３ or ．from a Chinese keyboard read as 3 and .): whole
    for a count (`integer`), at most MAX_NUMBER, never through a float (which stored
    99999999999999999999999999999 as 99999999999999991433150857216)."""
    text = unicodedata.normalize("NFKC", text)
    expected = "expected_whole_number" if item.integer else "expected_number"
    if _NOT_NUMBER.search(text):  # 1e5, 3个: a letter or sign is not dropped in silence
        raise BadAnswer("not_a_number", text)
    written = _NUMBER.fullmatch(text)
    if written is None:  # -3, 2.2.3, .5, nothing
        raise BadAnswer(expected)
    whole, fraction = written.group(1), (written.group(2) or "").rstrip("0")
    if item.integer and fraction:
        raise BadAnswer(expected)
    value = whole.lstrip("0") or "0"  # 007 is 7
    if len(value) > len(str(MAX_NUMBER)) or int(value) + bool(fraction) > MAX_NUMBER:
        raise BadAnswer("number_too_large", text)
    return f"{value}.{fraction}" if fraction else value


def _choice(item: Item, text: str) -> str:
    """One option (by its text, its English label or its number), or several for a
    multiple choice (numbers or texts separated by commas, spaces or semicolons), in the
    item's order. A text is matched ignoring letter case and spaces around it."""
    named = _option_named(item)
    if _folded(text) in named:
        return named[_folded(text)]
    parts = [p for p in text.replace("；", ";").replace(",", ";").replace("，", ";").split(";")]
    if item.multiple and len(parts) == 1:
        parts = text.split()
    chosen: set[str] = set()
    for part in (p.strip() for p in parts):
        if part.isdigit() and 1 <= int(part) <= len(item.choices):
            chosen.add(item.choices[int(part) - 1])
        elif _folded(part) in named:
            chosen.add(named[_folded(part)])
        elif part:
            raise BadAnswer("expected_choice")
    if not chosen or (len(chosen) > 1 and not item.multiple):
        raise BadAnswer("expected_choice")
    return MULTIPLE_SEPARATOR.join(c for c in item.choices if c in chosen)


def _option_named(item: Item) -> dict[str, str]:
    """Each option by the texts that name it: the option itself and its English label."""
    named = {
        _folded(label): choice
        for choice, label in zip(item.choices, item.choices_en or item.choices, strict=True)
    }
    named.update((_folded(choice), choice) for choice in item.choices)
    return named


def _folded(text: str) -> str:
    """A text as typed, compared without letter case or repeated spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def chosen_outcome(item: Item, value: str) -> str:
    """The worst outcome of the chosen options: pass, general or major ("" if none set)."""
    if not item.outcomes or not value:
        return ""
    chosen = set(value.split(MULTIPLE_SEPARATOR)) if item.multiple else {value}
    found = [o for c, o in zip(item.choices, item.outcomes, strict=True) if c in chosen]
    for worst in ("major", "general", "pass"):
        if worst in found:
            return worst
    return ""


def proposed_outcome(item: Item, value: str, context: Context | None = None) -> str:
    """What a recorded value proposes: fail when a chosen option fails, when a number is
    outside its limits or when `fail_if` holds (parameters from `context`); pass for an
    option that passes; otherwise 'value'."""
    if not value:
        return "value"
    if item.answer == "choice" and item.outcomes:
        return {"major": "fail", "general": "fail", "pass": "pass"}.get(
            chosen_outcome(item, value), "value"
        )
    if item.fail_if:
        typed = answer_value(item, "value", value)
        if evaluate(item.fail_if, {}, context or Context(), typed) is True:
            return "fail"
    if item.answer == "number" and item.can_fail:
        number = float(value)
        if (item.min is not None and number < item.min) or (
            item.max is not None and number > item.max
        ):
            return "fail"
    return "value"


def failure_severity(item: Item, value: str) -> str:
    """The severity a failure of this answer opens: the chosen option's, else the item's."""
    chosen = chosen_outcome(item, value)
    if chosen in ("general", "major"):
        return chosen
    return "major" if item.severity == "major" else "general"


def default_deadline(item: Item, today: dt.date) -> dt.date:
    return today + dt.timedelta(days=item.rectification_days)
