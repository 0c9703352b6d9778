"""A one-line footer with the keys used most; F1 lists the rest.

Textual's Footer is one row that scrolls its overflow out of sight, so at 80 columns the
screen's own keys push F1 and F12 off the right edge. This one chooses what fits
(`key_choice`): the keys of the screen and its focused widget first (in the order the
screen declares them, most used first), then the app's keys in the order of `APP_KEYS`,
and always F1 (every key, with its description, in the help panel) and the palette key on
the right. It chooses again when the keys change or the terminal's width does.
Whatever the width it shows Esc (which says where it goes back to) and the keys a screen
names in `FOOTER_PINNED` (binding ids, e.g. the incident queue's F4). A key the focused
field types (`/` in a search field) is not offered (`offered_keys`).

When not every key fits (80 columns), the screen's actions come first: its navigation
keys that everyone knows (Esc, Space to mark, ^a, the arrows and pages, a group of queue
numbers) only after them, then the app's; they are still shown in the screen's order. F1
then says there are more keys under it ("f1 更多"), and Esc, as far as that shows more of
the screen's keys, says only "返回" ("Back"), never nothing: a bare "esc" left the reader
to guess where it goes (隐患复查, 事件, the checklist's "s 完成 esc f1 更多"), and a key
it would have made room for is in F1's list with the others that do not fit.

The row is one widget that draws every key (`key_line`), as Textual's compact Footer
draws them with a widget for each: composing, styling and laying out ~10 key widgets cost
13–16 ms of CPU before each screen's first frame, and remounting them when focus moved
into a field and out of it ~30 ms. A click runs the key under the pointer (a disabled one
rings the bell), and the key under the pointer is highlighted and gives its tooltip.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import ActiveBinding, Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget

from fieldapp.tui.widgets.key_choice import Entry, fit, footer_entries
from fieldapp.tui.widgets.key_line import KeySpot, Palette, Piece, draw, lay_out


class KeyFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--hover",
        "key-footer--border",
    }
    # The look of Textual's compact Footer and its FooterKeys, in one widget.
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
        &.-over-key {
            pointer: pointer;
        }
        .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .key-footer--border {
            color: $foreground 20%;
        }
    }
    """

    show_command_palette = reactive(True)
    """Show the key to invoke the command palette, on the right of the footer."""

    def __init__(self) -> None:
        super().__init__()
        self.hidden: list[Binding] = []  # shown bindings that did not fit (F1 lists them)
        self._chosen_from: tuple[tuple[Entry, ...], int] | None = None  # (entries, room)
        self._bindings_ready = False
        self._check_pending = False
        self._shown: list[Entry] = []
        self._palette: Palette | None = None
        self._laid_out_for = 0
        self._hover: KeySpot | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    @property
    def spots(self) -> list[KeySpot]:
        """Where each key shown is on the row, left to right, the palette key last."""
        return self._lay_out()[1]

    def _lay_out(self) -> tuple[list[Piece], list[KeySpot]]:
        return lay_out(self._shown, self._palette, self._width(), self.app.get_key_display)

    @property
    def text(self) -> str:
        """The row as the user reads it."""
        return self.render().plain

    def render(self) -> Text:
        styles = {
            "key": self.get_component_rich_style("key-footer--key"),
            "description": self.get_component_rich_style("key-footer--description"),
            "hover": self.get_component_rich_style("key-footer--hover"),
            "border": self.get_component_rich_style("key-footer--border"),
            "label": self.get_component_rich_style("key-footer--description"),
        }
        return draw(self._lay_out()[0], self._width(), self.rich_style, styles, self._hover)

    def choose_again(self) -> bool:
        """Choose the keys to show from the screen's bindings now; False when they (and the
        room for them) are those already shown, and nothing is repainted."""
        active = self.screen.active_bindings
        entries = footer_entries(self.screen, active)
        room = self._room(active)
        palette = self._palette_state(active)
        if self._chosen_from == (tuple(entries), room) and palette == self._palette:
            return False
        shown = fit(entries, room, self._pinned(entries))
        self._chosen_from = (tuple(entries), room)
        actions = {e.action for e in shown}
        self.hidden = [b for e in entries if e.action not in actions for b, _, _ in e.bindings]
        self._laid_out_for = self._width()
        self._shown = shown
        self._palette = palette
        self._hover = None
        self.refresh()
        return True

    def _palette_state(self, active: dict[str, ActiveBinding]) -> Palette | None:
        """The palette key on the right and whether it is enabled, if shown."""
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE):
            return None
        found = active.get(self.app.COMMAND_PALETTE_BINDING)
        return None if found is None else Palette(found.binding, found.enabled)

    def _pinned(self, entries: list[Entry]) -> set[str]:
        """Ids of the entries shown whatever the width: Esc (it says where it goes back
        to) and the keys the screen names in `FOOTER_PINNED`."""
        pinned = set(getattr(self.screen, "FOOTER_PINNED", ()))
        for entry in entries:
            if entry.id and any(b.key == "escape" for b, _, _ in entry.bindings):
                pinned.add(entry.id)
        return pinned

    def _width(self) -> int:
        """The footer's own width (a scrolling screen's is narrower than the terminal)."""
        return self.size.width or self.app.size.width

    def _room(self, active: dict[str, ActiveBinding]) -> int:
        """Columns left for the keys once the palette key is placed on the right."""
        width = self._width()
        found = active.get(self.app.COMMAND_PALETTE_BINDING)
        if found is not None and self.show_command_palette:
            binding = found[1]
            key = cell_len(self.app.get_key_display(binding))
            # its left border, key, a space, description and the column after it (as
            # Textual's docked palette key with its margin): without that column, keys
            # that filled the room put F1's label against the border ("更多▏")
            width -= key + 1 + cell_len(binding.description) + 1 + 1
        return width

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Choose again once the frame has settled, and repaint only if the keys to show
        (or the room for them) changed: a focus move inside a screen signals a change of
        bindings on its way, then the bindings come back as they were."""
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._check_pending:
            self._check_pending = True  # several signals in one frame: one check
            if self._chosen_from is None or not self.size:
                # Not laid out yet: the keys go into the screen's first frame. Home shows
                # its data before its first layout, and its paging keys follow the number
                # of venues due: chosen after that frame, they were drawn a frame late.
                self.call_next(self._choose_when_due)
            else:
                self.call_after_refresh(self._choose_when_due)

    def _choose_when_due(self) -> None:
        self._check_pending = False
        if self.is_attached:
            self.choose_again()

    def on_resize(self, event: events.Resize) -> None:
        # A wider or narrower terminal fits more or fewer keys: choose again.
        if self._bindings_ready and self._width() != self._laid_out_for:
            self.choose_again()

    def _spot_at(self, x: int) -> KeySpot | None:
        return next((s for s in self.spots if s.start <= x < s.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._point_at(self._spot_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._point_at(None)

    def _point_at(self, spot: KeySpot | None) -> None:
        if spot == self._hover:
            return
        self._hover = spot
        self.set_class(spot is not None, "-over-key")
        self.tooltip = spot.tooltip or None if spot is not None else None
        self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        spot = self._spot_at(event.x)
        if spot is None:
            return
        if spot.enabled:
            self.app.simulate_key(spot.key)
        else:
            self.app.bell()
