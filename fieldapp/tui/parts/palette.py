"""The command palette and the keys panel in the chosen language.

Textual's palette brings its own commands (Keys, Maximize, Quit, Screenshot, Theme) and
prompts ("Search for commands…", "No matches found") in English; here they are said
from the catalogue. Keys and Quit are our own keys' commands (F1, ctrl+q) and are listed
with them; Maximize, Screenshot and Theme are left out: they have no key, and Theme's
picker lists Textual's theme names, which no catalogue can say. F1 (and the palette's Keys) shows
`KeysPanel`, which says Textual's widget keys in the language too.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.align import Align
from rich.text import Text
from textual.app import App, SystemCommand
from textual.command import CommandList, CommandPalette
from textual.screen import Screen
from textual.widgets.option_list import Option

from fieldapp.i18n import t
from fieldapp.tui.widgets.keys_panel import KeysPanel


class LocalPalette(CommandPalette):
    """Textual's palette with its prompt and its "no matches" line from the catalogue."""

    def __init__(self) -> None:
        super().__init__(placeholder=t("palette.placeholder"), id="--command-palette")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own adds "No matches found" in English after a short wait: say it here.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(t("palette.no_matches"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


class PaletteApp(App[None]):
    def action_command_palette(self) -> None:
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(LocalPalette())

    def keys_shown(self) -> bool:
        """Whether the F1 panel is open on the current screen."""
        return bool(self.screen.query(KeysPanel))

    def action_toggle_keys(self) -> None:
        """F1 opens the keys; again, it shows the next page of them while there is one
        (the panel takes no focus: F1 is the keyboard's way down), then closes them."""
        panel = next(iter(self.screen.query(KeysPanel)), None)
        if panel is None:
            self.screen.mount(KeysPanel())
        elif panel.scroll_y < panel.max_scroll_y:
            panel.scroll_page_down(animate=False)
        else:
            self.action_close_keys()

    def action_close_keys(self) -> None:
        self.screen.query(KeysPanel).remove()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's Keys and Quit, only where no key of ours is there to do the same: the
        palette lists those with their key (按键 (f1), 退出 (^q)), and a second, keyless
        entry beside each read as a different command. Maximize and Screenshot have no
        key, so no place in the footer or the keys panel: they are left out with Theme."""
        bound = {
            binding.action
            for _namespace, binding, enabled, _tooltip in screen.active_bindings.values()
            if enabled and binding.id
        }
        if "toggle_keys" not in bound:
            shown = bool(screen.query(KeysPanel))
            yield SystemCommand(
                t("palette.keys"),
                t("palette.keys_hide" if shown else "palette.keys_show"),
                self.action_toggle_keys,
            )
        if "quit" not in bound:
            yield SystemCommand(t("palette.quit"), t("palette.quit.tip"), self.action_quit)
