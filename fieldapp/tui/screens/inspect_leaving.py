"""Leaving an inspection (Esc) or quitting the app (ctrl+q) with a value typed into the
answer field and not entered: a valid one is saved as the item's answer, as Enter would
save it, so nothing typed is lost; one that is not a valid answer is not kept, and the
inspector is told so (before quitting, in the question that asks)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fieldapp.domain.answers import BadAnswer, normalize_value, proposed_outcome
from fieldapp.domain.checklist import Item
from fieldapp.i18n import t
from fieldapp.services.inspection import inspections
from fieldapp.services.inspection.inspection_view import InspectionView
from fieldapp.services.inspection.inspections import ReadOnly

if TYPE_CHECKING:
    from fieldapp.tui.widgets.item_card import ItemCard


@dataclass(frozen=True)
class TypedValue:
    code: str
    typed: str  # as typed, spaces around it dropped
    value: str  # the answer it makes ("" when it is not a valid answer)


class LeavingPart:
    """Mixed into InspectScreen (which gives `item`, `view`, `card`, `leave`, `app`…)."""

    view: InspectionView
    app: Any

    if TYPE_CHECKING:  # InspectScreen's

        @property
        def item(self) -> Item: ...

        @property
        def card(self) -> ItemCard: ...

        def leave(self) -> None: ...

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
        return None if value == held else TypedValue(item.code, typed, value)

    def keep_typed(self) -> TypedValue | None:
        """Save a valid typed value as the item's answer (a failing one opens its hazard,
        to be described when the inspection is resumed on this item). Returns what was
        typed (its `value` empty when it was not kept), or None for nothing typed."""
        typed = self.typed_value()
        if typed is None or not typed.value:
            return typed
        item = self.item
        outcome = proposed_outcome(item, typed.value, self.view.context)
        try:
            self.view, _ = inspections.answer_in_view(
                self.view, item, outcome, typed.value, next_item=item.code
            )
        except ReadOnly:  # submitted elsewhere meanwhile: nothing to add to it
            return TypedValue(typed.code, typed.typed, "")
        return typed

    def quit_warning(self) -> str:
        """Quitting now leaves the inspection unsubmitted (its answers are saved), and
        what becomes of a value typed and not entered."""
        if self.view.read_only:
            return ""
        typed = self.typed_value()
        if typed is None:
            return t("quit.inspection")
        key = "quit.typed_kept" if typed.value else "quit.typed_lost"
        return "\n".join((t("quit.inspection"), t(key, code=typed.code, value=typed.typed)))

    def keep_before_quit(self) -> None:
        self.keep_typed()

    def action_leave(self) -> None:
        """Esc: back where the inspection was opened from, a value typed kept first."""
        typed = self.keep_typed()
        if typed is not None and not typed.value:
            self.app.notify(
                t("inspect.typed_lost", code=typed.code, value=typed.typed), severity="warning"
            )
        self.leave()
