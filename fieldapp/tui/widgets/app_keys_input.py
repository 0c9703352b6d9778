"""A text field where the app's ctrl and alt keys act, as they do where no field has focus.

Textual's Input binds ctrl keys of its own (ctrl+e End, ctrl+k delete to the end); while
it had focus they took the app's keys bound to the same combinations (ctrl+e exports,
ctrl+k campaigns), which did nothing from there. This field drops those of its own keys
that the app binds, so the app's act; the End key still moves, ctrl+c still copies, and
printable keys still type.
"""

from __future__ import annotations

from textual.widgets import Input

_COMMAND_MODIFIERS = ("ctrl+", "alt+")
_KEPT = frozenset({"ctrl+c"})  # copy stays the field's (the app's only says how to quit)


class AppKeysInput(Input):
    def on_mount(self) -> None:
        app_keys = {key for key, _binding in self.app._bindings}
        table = self._bindings.key_to_bindings
        for key in list(table):
            if key.startswith(_COMMAND_MODIFIERS) and key in app_keys and key not in _KEPT:
                del table[key]
