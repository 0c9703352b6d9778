"""What a form says is wrong with it, a line per problem, each naming its field: every
problem is said at once (as the incident form does), and a line goes once the field it
names is changed while the others stay.

A change posted just before F10 (a value set or typed fast) can be handled after F10's
refusal; the fields' values as they were when the problems were said are kept, so such a
change, which leaves the value as it was said, takes no line away."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Refused:
    """Why a form cannot be taken, and the field (a selector, "#bulk-note") to blame."""

    text: str
    field: str


class SaidProblems:
    """The problems a form shows, and its fields' values when it showed them."""

    def __init__(self) -> None:
        self.problems: list[Refused] = []
        self._values: Mapping[str, object] = {}

    def say(self, problems: list[Refused], values: Mapping[str, object]) -> str:
        """Keep `problems` as shown, with the form's fields' `values` (by selector) as they
        are now; the text to show, a line each."""
        self.problems, self._values = problems, dict(values)
        return "\n".join(p.text for p in problems)

    def mended(self, field: str, value: object) -> str | None:
        """`field` (a selector) changed to `value`: the text to show now, or None when
        nothing it said went (the value as it was said, or no line about that field)."""
        if field in self._values and value == self._values[field]:
            return None
        left = [p for p in self.problems if p.field != field]
        if len(left) == len(self.problems):
            return None
        self.problems = left
        return "\n".join(p.text for p in left)
