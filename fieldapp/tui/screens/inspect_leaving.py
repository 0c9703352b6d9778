"""Leaving an inspection (Esc) or quitting the app (ctrl+q) with a value typed into the
answer field and not entered.

Esc drops it, and says so: Esc is "back" here as it is "cancel" in every form, an answer
is given with Enter, and a value typed then left behind is most often an interruption or a
change of mind; saving it could open a hazard nobody described, or delete one. The notice
names the value and how to save it. Quitting asks first anyway, so the question says what
becomes of the value: a valid one is saved as the item's answer, as Enter would save it,
unless it would fail the item (a hazard is described and confirmed in its form, never made
on the way out: the same rule as Esc) or delete the hazard recorded on the item (that is
asked on the item); one that is not a valid answer is not kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fieldapp.domain.answers import BadAnswer, normalize_value, proposed_outcome
from fieldapp.domain.checklist import Item
from fieldapp.i18n import t
from fieldapp.services.inspection import inspections
from fieldapp.services.inspection.inspection_view import InspectionView
from fieldapp.services.inspection.inspections import ReadOnly
from fieldapp.tui.screens.inspect_hazard_drop import deletes_hazard

if TYPE_CHECKING:
    from fieldapp.tui.widgets.item_card import ItemCard


@dataclass(frozen=True)
class TypedValue:
    code: str
    typed: str  # as typed, spaces around it dropped
    value: str  # the answer it makes ("" when it is not a valid answer)
    outcome: str = ""  # the answer's outcome ("fail" opens a hazard)
    drops_hazard: bool = False  # saving it would delete the hazard recorded on the item

    @property
    def on_quit(self) -> str:
        """What the quit question says of it; quitting saves it only for quit.typed_kept."""
        if not self.value:
            return "quit.typed_lost"
        if self.drops_hazard:
            return "quit.typed_hazard"
        return "quit.typed_fails" if self.outcome == "fail" else "quit.typed_kept"


class LeavingPart:
    """Mixed into InspectScreen (which gives `item`, `view`, `card`, `app`…)."""

    view: InspectionView
    app: Any

    if TYPE_CHECKING:  # InspectScreen's

        @property
        def item(self) -> Item: ...

        @property
        def card(self) -> ItemCard: ...

    def typed_value(self) -> TypedValue | None:
        """What the answer field holds and the item's answer does not (None: nothing)."""
        from fieldapp.tui.widgets.item_card import VALUE_TYPES

        item = self.item
        if self.view.read_only or item.answer not in VALUE_TYPES:
            return None
        typed = self.card.answer_input.value.strip()
        answer = self.view.answers.get(item.code)
        held = answer.value if answer is not None else ""
        if not typed or typed == held:  # an answer shown in its field, or nothing typed
            return None
        try:
            value = normalize_value(item, typed)
        except BadAnswer:
            return TypedValue(item.code, typed, "")
        if value == held:
            return None
        outcome = proposed_outcome(item, value, self.view.context)
        drops = deletes_hazard(self.view, item, outcome) is not None
        return TypedValue(item.code, typed, value, outcome, drops)

    def keep_before_quit(self) -> None:
        """Save a valid typed value as the item's answer, unless it would fail the item
        or delete the hazard recorded on it (`TypedValue.on_quit`)."""
        typed = self.typed_value()
        if typed is None or typed.on_quit != "quit.typed_kept":
            return
        try:
            self.view, _ = inspections.answer_in_view(
                self.view, self.item, typed.outcome, typed.value, next_item=self.item.code
            )
        except ReadOnly:  # submitted elsewhere meanwhile: nothing to add to it
            return

    def quit_warning(self) -> str:
        """Quitting now leaves the inspection unsubmitted (its answers are saved), and
        what becomes of a value typed and not entered."""
        if self.view.read_only:
            return ""
        typed = self.typed_value()
        if typed is None:
            return t("quit.inspection")
        said = t(typed.on_quit, code=typed.code, value=typed.typed)
        return "\n".join((t("quit.inspection"), said))

    def action_leave(self) -> None:
        """Esc: back where the inspection was opened from; a value typed and not entered
        is dropped, and the inspector told so."""
        typed = self.typed_value()
        if typed is not None:
            self.app.notify(
                t("inspect.typed_dropped", code=typed.code, value=typed.typed), severity="warning"
            )
        self.leave()

    def leave(self) -> None:
        """Back to where the inspection was opened from; a draft stays as it is."""
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def go_home(self) -> None:
        """After submit: back to where the inspection was started from — the Rounds screen
        when it was opened from there (F7), else Home — past the find screen and dialogs."""
        stack = self.app.screen_stack
        below = stack[: stack.index(self)] if self in stack else stack[:-1]
        target = next(
            (screen for screen in reversed(below) if getattr(screen, "RETURN_AFTER_SUBMIT", False)),
            None,
        )
        if target is None:
            self.leave()
            return
        while len(self.app.screen_stack) > 1 and self.app.screen is not target:
            self.app.pop_screen()
