"""A one-line footer with the keys used most; F1 lists the rest.

Textual's Footer is one row that scrolls its overflow out of sight, so at 80 columns the
screen's own keys push F1 and F12 off the right edge. This one chooses what fits: the
keys of the screen and its focused widget first (in the order the screen declares them,
most used first), then the app's keys in the order of `APP_KEYS`, and always F1 (every
key, with its description, in the help panel) and the palette key docked on the right.
It chooses again when the keys change (Footer recomposes) or the terminal's width does;
a screen that refreshes its bindings without changing them (the inspect screen does, after
every answer) costs no recompose: the footer's widgets are rebuilt only when what it would
show differs from what it shows.
Whatever the width it shows Esc (which says where it goes back to) and the keys a screen
names in `FOOTER_PINNED` (binding ids, e.g. the incident queue's F4). A key the focused
field types (`/` in a search field) is not offered (`offered_keys`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from itertools import groupby

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

from fieldapp.tui.widgets.offered_keys import offered

HELP_ID = "app.help"
# The app's keys, most used first: the ones that fit after the screen's own are shown.
APP_KEYS = (
    "app.scan",
    "app.find_venue",
    "app.sync",
    "app.review",
    "app.rounds",
    "app.daily_report",
    "app.dashboard",
    "app.export",
    "app.language",
    "app.quit",
)


@dataclass(frozen=True)
class Entry:
    """One footer item: a key (or a group of keys with one label) and its width."""

    bindings: tuple[tuple[Binding, bool, str], ...]  # (binding, enabled, tooltip)
    group: str | None  # the group's label when several keys share it
    width: int

    @property
    def id(self) -> str | None:
        return self.bindings[0][0].id


class KeyFooter(Footer):
    DEFAULT_CSS = """
    KeyFooter {
        height: 1;
    }
    KeyFooter.-compact FooterLabel {
        margin: 0 1 0 0;
    }
    """

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._laid_out_for = 0
        self.hidden: list[Binding] = []  # shown bindings that did not fit (F1 lists them)
        self._composed_from: tuple[tuple[Entry, ...], int] | None = None  # (entries, room)
        self._check_pending = False

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        entries = self._entries()
        room = self._room()
        self._composed_from = (tuple(entries), room)
        shown = choose(entries, room, self._pinned(entries))
        self.hidden = [b for e in entries if e not in shown for b, _, _ in e.bindings]
        self._laid_out_for = self._width()
        for entry in shown:
            if entry.group is not None:
                with KeyGroup(classes="-compact"):
                    for binding, enabled, tooltip in entry.bindings:
                        yield FooterKey(
                            binding.key,
                            self.app.get_key_display(binding),
                            "",
                            binding.action,
                            disabled=not enabled,
                            tooltip=tooltip or binding.description,
                            classes="-grouped",
                        ).data_bind(compact=Footer.compact)
                yield FooterLabel(entry.group)
                continue
            binding, enabled, tooltip = entry.bindings[0]
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip,
            ).data_bind(compact=Footer.compact)
        yield from self._palette_key()

    def _palette_key(self) -> ComposeResult:
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE):
            return
        found = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if found is None:
            return
        _node, binding, enabled, tooltip = found
        yield FooterKey(
            binding.key,
            self.app.get_key_display(binding),
            binding.description,
            binding.action,
            classes="-command-palette",
            disabled=not enabled,
            tooltip=binding.tooltip or binding.description,
        )

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

    def _room(self) -> int:
        """Columns left for the keys once the palette key is docked on the right."""
        width = self._width()
        found = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if found is not None and self.show_command_palette:
            binding = found[1]
            key = cell_len(self.app.get_key_display(binding))
            width -= key + 1 + cell_len(binding.description) + 1  # and its left border
        return width

    def bindings_changed(self, screen: Screen) -> None:
        """Choose again once the frame has settled, and recompose only if the keys to show
        (or the room for them) changed: a focus move inside a screen signals a change of
        bindings on its way, then the bindings come back as they were."""
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._check_pending:
            self._check_pending = True  # several signals in one frame: one check
            if self._composed_from is None:
                # Nothing shown yet (composed empty at mount): the keys go into the
                # screen's first frame, not a second layout and render after it.
                self.call_next(self._recompose_if_changed)
            else:
                self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._check_pending = False
        if not self.is_attached:
            return
        if self._composed_from == (tuple(self._entries()), self._room()):
            return
        await self.recompose()

    def on_resize(self, event: events.Resize) -> None:
        # A wider or narrower terminal fits more or fewer keys: choose again.
        if self._bindings_ready and self._width() != self._laid_out_for:
            self.call_after_refresh(self.recompose)

    def _entries(self) -> list[Entry]:
        """Every shown key as footer entries: the screen's in order, then the app's by use."""
        by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
        app_actions: set[str] = set()
        for namespace, binding, enabled, tooltip in offered(self.screen).values():
            if binding.show:
                by_action[binding.action].append((binding, enabled, tooltip))
                if namespace is self.app:
                    app_actions.add(binding.action)
        entries: list[Entry] = []
        for group, members in groupby(by_action.values(), lambda b: b[0][0].group):
            items = list(members)
            if group is not None and len(items) > 1:
                keys = sum(cell_len(self.app.get_key_display(b[0][0])) for b in items)
                # The group's left padding, a space, its label and the label's margin.
                width = 1 + keys + 1 + cell_len(group.description) + 1
                entries.append(Entry(tuple(b[0] for b in items), group.description, width))
                continue
            for b in items:
                binding = b[0][0]
                key = cell_len(self.app.get_key_display(binding))
                width = key + 1 + cell_len(binding.description) + 1
                entries.append(Entry((b[0],), None, width))
        own = [e for e in entries if e.bindings[0][0].action not in app_actions]
        rank = {key: n for n, key in enumerate(APP_KEYS)}
        app = sorted(
            (e for e in entries if e.bindings[0][0].action in app_actions),
            key=lambda e: rank.get(e.id or "", len(rank)),
        )
        return own + app


def choose(entries: list[Entry], width: int, pinned: Collection[str] = ()) -> list[Entry]:
    """The entries that fit in `width`, in order: the `pinned` ones (by id) whatever the
    width, then the others while they fit, and always F1 (placed last)."""
    help_entry = next((e for e in entries if e.id == HELP_ID), None)
    kept = [e for e in entries if e.id in pinned and e is not help_entry]
    room = width - (help_entry.width if help_entry else 0) - sum(e.width for e in kept)
    shown: list[Entry] = []
    for entry in entries:
        if entry is help_entry:
            continue
        if entry in kept:
            shown.append(entry)
        elif entry.width <= room:
            shown.append(entry)
            room -= entry.width
        else:
            room = -1  # keep the order: no later, narrower key jumps ahead of a wider one
    if help_entry is not None:
        shown.append(help_entry)
    return shown
