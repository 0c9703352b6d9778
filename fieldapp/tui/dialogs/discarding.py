"""A dialog that holds what was typed into it, and a form that asks before Esc throws it away.

`HoldsTyped`: every dialog a person types free text into (a comment, a note, a reason):
its fields' values are noted once it is drawn, and while any has changed Ctrl+Q asks
before quitting ("退出程序？这张表还没有保存…", through `quit_warning`).

`AsksBeforeDiscarding`: a form that is also asked about on Esc. Esc (or its Cancel button) closes
at once while they are unchanged, and otherwise asks "放弃已填写的内容？" — Esc, n or Enter
keeps the form (the question starts on keeping it), y or the first button discards. A form
opened again with what was typed and a refusal is compared with the values the form was
first drawn with (`drawn_before`), not with those it came back with: F10 on an empty form,
then Esc, asks nothing, and a value typed before the refusal still counts. While a form
saves (its `saving_now()`, a `SavingDialog`'s), Esc does not leave: the form closes once
saved.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, RadioSet, Select, SelectionList, TextArea

from fieldapp.i18n import t
from fieldapp.tui.dialogs.confirm import ConfirmDialog


class DiscardQuestion(ConfirmDialog):
    """放弃已填写的内容？ Kept (n, Esc, Enter), the form is back with the focus in the field
    the person was typing in, its text and cursor as they were: a form that moved it to
    its first field (which then had all its text selected) had the next key replace it."""

    def __init__(self) -> None:
        super().__init__(
            t("form.discard.title"),
            t("form.discard.body"),
            yes=t("form.discard.yes"),
            no=t("form.discard.no"),
            safe_default=True,
        )
        self.typing_in: Widget | None = self.app.focused  # asked from the form's field

    def dismiss(self, result: bool | None = None) -> AwaitComplete:  # type: ignore[override]
        popped = super().dismiss(result)
        if not result:
            self.app.call_later(self._give_back_focus)
        return popped

    def _give_back_focus(self) -> None:
        field = self.typing_in
        if field is None or not field.is_attached or not field.focusable:
            return
        if isinstance(field, Input):  # not selected whole, as focusing it would
            selection = field.selection
            field.screen.set_focus(field, scroll_visible=False)
            field.call_next(setattr, field, "selection", selection)
        else:
            field.screen.set_focus(field, scroll_visible=False)


def discard_question() -> ConfirmDialog:
    """放弃已填写的内容？ — asked wherever closing would throw typed text away. It starts on
    keeping the form, so an Enter pressed by reflex (as after Esc) never discards."""
    return DiscardQuestion()


def _values(screen: ModalScreen[Any]) -> tuple[Any, ...]:
    values: list[Any] = []
    for widget in screen.query("Input, Select, SelectionList, TextArea, RadioSet"):
        if isinstance(widget, Input | Select):
            values.append(widget.value)
        elif isinstance(widget, SelectionList):
            values.append(tuple(widget.selected))
        elif isinstance(widget, TextArea):
            values.append(widget.text)
        elif isinstance(widget, RadioSet):  # a choice made (a receiving unit) counts too
            values.append(widget.pressed_index)
    return tuple(values)


class HoldsTyped:
    """Mix into a ModalScreen with fields typed into (before ModalScreen in the bases):
    the values it is drawn with are noted by itself, and Ctrl+Q asks first while any
    has changed (`quit_warning`)."""

    # Opened again with what was typed (after a refusal): the values the form was first
    # drawn with, before anything was typed (`drawn_values()` of the form refused).
    drawn_before: tuple[Any, ...] | None = None
    _untyped: tuple[Any, ...] | None = None

    def _on_mount(self, event: events.Mount) -> None:
        # Textual calls each class's own handler along the MRO, so the dialog's on_mount
        # runs as well; its first values are noted once they are drawn.
        screen: Any = self
        screen.call_after_refresh(self._note)

    def _note(self) -> None:
        drawn = _values(self)  # type: ignore[arg-type]
        self._untyped = drawn if self.drawn_before is None else self.drawn_before

    def drawn_values(self) -> tuple[Any, ...] | None:
        """What the form held before anything was typed (None until it is drawn)."""
        return self._untyped if self._untyped is not None else self.drawn_before

    def typed(self) -> bool:
        """Something was typed since the form was first drawn."""
        screen: Any = self
        return self.drawn_values() not in (None, _values(screen))

    def quit_warning(self) -> str:
        """Quitting now throws away what was typed (the app asks first); a form that
        saves in a worker says instead that it is saving, or nothing once saved."""
        saving = getattr(self, "saving_quit_warning", None)
        if callable(saving) and (said := saving()) is not None:
            return str(said)
        return t("form.discard.body") if self.typed() else ""


class AsksBeforeDiscarding(HoldsTyped):
    """Mix into a ModalScreen form and call `discard_or_ask()` from its cancel action."""

    def discard_or_ask(self) -> None:
        screen: Any = self
        saving_now = getattr(screen, "saving_now", None)
        if callable(saving_now) and saving_now():
            return  # it closes by itself once saved
        if not self.typed():
            screen.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                screen.dismiss(None)

        screen.app.push_screen(
            discard_question(),
            answered,
        )
