"""F1: every key of the current screen with what it does, in the chosen language.

Textual's HelpPanel lists the same keys, but with the English descriptions Textual's
widgets bring ("Cursor up", "Delete character left"). This panel says ours from their
labels (already in the language) and Textual's from the `textual.*` catalogue entries;
it lists again when the screen's keys change (focus moved, a binding was enabled).
"""

from __future__ import annotations

from collections import defaultdict

from rich import box
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from fieldapp.i18n import t
from fieldapp.tui.widgets.offered_keys import kept_by_field, offered


def describe(binding: Binding) -> str:
    """What a key does, in the current language."""
    if binding.id:  # ours: relabelled from the catalogue when built and on a switch
        return binding.description
    key = f"textual.{binding.description}"
    text = t(key)
    return binding.description if text == key else text


class KeysPanel(VerticalScroll, can_focus=False):
    """Scrolls (F1 again pages it, parts.palette) but never takes the focus from the
    field or list the keys are for."""

    DEFAULT_CSS = """
    KeysPanel {
        split: right;
        width: 33%;
        min-width: 36;  /* at 80 columns: most labels on one line, none cut */
        max-width: 50;
        height: 1fr;
        padding: 0 1;
        border-left: vkey $foreground 30%;
        background: $panel;
    }
    KeysPanel > Static {
        height: auto;
    }
    """

    def __init__(self) -> None:
        super().__init__(id="keys-panel")

    def compose(self) -> ComposeResult:
        yield Static(self.table())

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _changed(self, _screen: object) -> None:
        self.query_one(Static).update(self.table())

    def rows(self) -> list[tuple[str, str]]:
        """(keys, description) of every key the screen offers now, the screen's first."""
        by_action: defaultdict[str, list[Binding]] = defaultdict(list)
        for _node, binding, enabled, _tip in offered(self.screen).values():
            if enabled and not binding.system and binding.description:
                by_action[binding.action].append(binding)
        rows = []
        for bindings in by_action.values():
            keys = " ".join(dict.fromkeys(self.app.get_key_display(b) for b in bindings))
            rows.append((keys, describe(bindings[0])))
        # The app's keys the field edits with (ctrl+e, ctrl+k): said, with when they act.
        for binding in kept_by_field(self.screen):
            what = t("keys.out_of_field", action=describe(binding))
            rows.append((self.app.get_key_display(binding), what))
        return rows

    def table(self) -> Table:
        table = Table(box=box.SIMPLE, show_header=False, padding=(0, 1), expand=True)
        table.add_column(justify="right", no_wrap=True)
        # Folded where it does not fit: Chinese has no spaces to wrap at, and Rich would cut
        # a label with an ellipsis ("复制选 …").
        table.add_column(ratio=1, overflow="fold")
        table.title = t("keys.title")
        table.title_justify = "left"
        for keys, description in self.rows():
            table.add_row(Text(keys, style="bold"), Text(description))
        return table
