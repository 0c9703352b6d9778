"""Toasts break Chinese where a phrase ends (`fieldapp.tui.phrases`).

A toast is about 36 cells wide at 80 columns. `install()` makes every toast one whose text
is broken where phrases end, however its notice was raised (`notify`,
`FieldScreen.explain`).
"""

from __future__ import annotations

from textual.widgets import _toast

from fieldapp.tui.phrases import PhraseBroken

_TextualToast = _toast.Toast


class PhraseToast(_TextualToast):
    """Textual's toast, its text broken where phrases end."""

    def render(self) -> PhraseBroken:  # type: ignore[override]
        return PhraseBroken(super().render())


def install() -> bool:
    """Make the toasts Textual shows `PhraseToast`s. False, and Textual's toasts kept,
    where Textual's toast module differs from what this expects (8.2)."""
    current = getattr(_toast, "Toast", None)
    if current is PhraseToast:
        return True
    if current is not _TextualToast or not hasattr(_toast.ToastRack, "show"):
        return False
    _toast.Toast = PhraseToast  # type: ignore[misc]  # the name ToastRack.show makes
    return True
