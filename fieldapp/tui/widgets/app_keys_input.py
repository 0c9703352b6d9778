"""A text field where the app's ctrl and alt keys act, as they do where no field has focus.

Textual's Input binds ctrl keys of its own (ctrl+e End, ctrl+k delete to the end); while
it had focus they took the app's keys bound to the same combinations (ctrl+e exports,
ctrl+k campaigns), which did nothing from there. In this field each of its own ctrl and
alt keys gives way to a binding of the same key further up (its screen, the app) that
would act now, so the app's act; where none would (in a dialog, which the app's keys do
not reach; on the welcome screen, where export is off) the key keeps its editing use, as
ctrl+e moving to the end. The End key still moves, ctrl+c still copies, and printable
keys still type. Every field a person types in is one of these (or derives from it).
"""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import Input

_COMMAND_MODIFIERS = ("ctrl+", "alt+")
_KEPT = frozenset({"ctrl+c"})  # copy stays the field's (the app's only says how to quit)


class AppKeysInput(Input):
    def on_mount(self) -> None:
        table = self._bindings.key_to_bindings
        for key, bindings in list(table.items()):
            if key.startswith(_COMMAND_MODIFIERS) and key not in _KEPT:
                table[key] = [
                    replace(b, action=f"own_key({b.action!r}, {key!r})") for b in bindings
                ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "own_key" and self._theirs_acts(str(parameters[1])):
            return False  # the key goes on to the screen's or the app's binding
        return super().check_action(action, parameters)

    async def action_own_key(self, action: str, _key: str) -> None:
        await self.run_action(action)

    def _theirs_acts(self, key: str) -> bool:
        """Would a binding of `key` above this field act now? Up to the dialog it is in:
        the app's bindings do not reach into a dialog."""
        for node in self.ancestors:
            for binding in node._bindings.key_to_bindings.get(key, ()):
                if self.app._check_action_state(binding.action, node):
                    return True
            if getattr(node, "is_modal", False):
                break
        return False
