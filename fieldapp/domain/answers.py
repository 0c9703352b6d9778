"""What an answer to an item may be, and what it proposes (pass or fail)."""

from __future__ import annotations

import datetime as dt

from fieldapp.domain.checklist import Item

OUTCOMES = ("pass", "fail", "na", "value")


class BadAnswer(ValueError):
    """A value that does not fit the item; the message says what is expected."""


def normalize_value(item: Item, raw: str) -> str:
    """Check and tidy a typed value for a number, date, text or choice item."""
    text = raw.strip()
    if item.answer == "number":
        try:
            number = float(text)
        except ValueError:
            raise BadAnswer("expected_number") from None
        if number < 0:
            raise BadAnswer("expected_number")
        return str(int(number)) if number.is_integer() else str(number)
    if item.answer == "date":
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise BadAnswer("expected_date") from None
    if item.answer == "choice":
        if text not in item.choices:
            raise BadAnswer("expected_choice")
        return text
    if item.answer == "text" and not text:
        raise BadAnswer("expected_text")
    return text


def proposed_outcome(item: Item, value: str) -> str:
    """For a number item, fail when the value is outside its limits; otherwise 'value'."""
    if item.answer == "number" and item.can_fail and value:
        number = float(value)
        if (item.min is not None and number < item.min) or (
            item.max is not None and number > item.max
        ):
            return "fail"
    return "value"


def default_deadline(item: Item, today: dt.date) -> dt.date:
    return today + dt.timedelta(days=item.rectification_days)
