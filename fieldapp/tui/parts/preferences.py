"""The person's preferences: the language (F9, kept as the `language` setting) and the keys
they remapped (the `keymap` setting: binding id → key). FieldApp derives from Preferences."""

from __future__ import annotations

from textual import work

from fieldapp.i18n import language, set_language, t
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.parts.navigation import Navigation
from fieldapp.tui.screens import unworded_dialog_in
from fieldapp.tui.widgets.table import Table


class Preferences(Navigation):
    async def action_switch_language(self) -> None:
        """F9. Not while a dialog is open: it cannot be worded again without losing what
        was typed or chosen in it, and kept as it was, its words stood in one language
        beside its keys and messages in the other. It says to finish or close it first."""
        if self.unworded_dialog_open():
            self.notify(t("notify.language.close_dialog"), severity="warning")
            return
        await self.switch_language("en" if language() == "zh" else "zh")

    def unworded_dialog_open(self) -> bool:
        """Is a dialog open that cannot be worded again (one without `relabel`)? Also one
        under the PIN screen (ctrl+l over a dialog), which is there again once unlocked."""
        return unworded_dialog_in(self.screen_stack)

    async def switch_language(self, lang: str) -> None:
        """Show everything in `lang` from now on and keep it as the `language` setting."""
        set_language(lang)
        self._save_language(lang)
        self.title = t("app.title")
        localize_bindings(self)
        for screen in list(self.screen_stack):
            relabel = getattr(screen, "relabel", None)
            if relabel is not None:
                # Its tables are built again: each cursor stays on its row (by the row's key).
                cursors = {table.id: table.cursor_key() for table in screen.query(Table)}
                await relabel()
                for table in screen.query(Table):
                    if table.id and (key := cursors.get(table.id)):
                        table.put_cursor_on(key)
            else:
                localize_bindings(screen)
        self.label_back()
        self.refresh_bindings()
        self.notify(t("notify.language"))

    @work(thread=True, exit_on_error=False, group="settings")
    def _save_language(self, lang: str) -> None:
        from fieldapp.services.common import settings
        from fieldapp.store import db

        with db.connection_context():
            settings.put("language", lang)

    def _apply_keymap(self) -> None:
        """Keys people remapped: the `keymap` setting maps binding ids to keys."""
        from fieldapp.services.common import settings

        try:
            keymap = settings.get("keymap") or {}
        except Exception:  # a store without settings yet: the default keys
            keymap = {}
        if keymap:
            self.set_keymap({str(k): str(v) for k, v in dict(keymap).items()})
