"""A one-line footer with the keys used most; F1 lists the rest.

Textual's Footer is one row that scrolls its overflow out of sight, so at 80 columns the
screen's own keys push F1 and F12 off the right edge. This one chooses what fits: the
keys of the screen and its focused widget first (in the order the screen declares them,
most used first), then the app's keys in the order of `APP_KEYS`, and always F1 (every
key, with its description, in the help panel) and the palette key docked on the right.
It chooses again when the keys change or the terminal's width does, and then updates the
keys it shows in place: each key widget takes the key, label and state of the entry now at
its place, and only the difference in count is mounted or removed (Footer recomposes: on the
inspect screen focus moves into a value field and out of it around one answer in six, and
remounting, styling and laying out ~15 keys cost ~30 ms of CPU there). A screen that
refreshes its bindings without changing them costs nothing. A key group (several keys, one
label) is composed anew.
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
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, replace
from itertools import groupby

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

from fieldapp.i18n import t
from fieldapp.tui.widgets.keys_panel import describe
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
# Keys everyone knows, shown after the screen's actions when not all fit (so are groups,
# such as the queues' 1…6).
NAVIGATION_KEYS = frozenset(
    {
        "escape",
        "space",
        "ctrl+a",
        "tab",
        "shift+tab",
        "up",
        "down",
        "left",
        "right",
        "pageup",
        "pagedown",
        "home",
        "end",
    }
)


@dataclass(frozen=True)
class Entry:
    """One footer item: a key (or a group of keys with one label) and its width."""

    bindings: tuple[tuple[Binding, bool, str], ...]  # (binding, enabled, tooltip)
    group: str | None  # the group's label when several keys share it
    width: int
    app: bool = False  # one of the app's keys, not the screen's

    @property
    def action(self) -> str:
        return self.bindings[0][0].action

    @property
    def rank(self) -> int:
        """Which come first when not all fit: the screen's actions, its navigation keys,
        then the app's."""
        if self.app:
            return 2
        return 1 if self.group is not None or self.bindings[0][0].key in NAVIGATION_KEYS else 0

    def labelled(self, description: str) -> Entry:
        """This key (not a group) with another description, as wide as it then is."""
        binding, enabled, tooltip = self.bindings[0]
        before = cell_len(binding.description) + (1 if binding.description else 0)
        after = cell_len(description) + (1 if description else 0)
        labelled = replace(binding, description=description)
        return replace(
            self, bindings=((labelled, enabled, tooltip),), width=self.width - before + after
        )

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
        self._chosen_from: tuple[tuple[Entry, ...], int] | None = None  # (entries, room)
        self._check_pending = False
        self._shown: list[Entry] = []
        self._palette_shown: tuple[Binding, bool] | None = None

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        active = self.screen.active_bindings
        chosen = self._choose(active)
        self._keep(*chosen)
        for entry in chosen[2]:
            if entry.group is not None:
                with KeyGroup(classes="-compact"):
                    for binding, enabled, tooltip in entry.bindings:
                        tip = tooltip or binding.description
                        yield self._key(binding, enabled, tip, grouped=True)
                yield FooterLabel(entry.group)
            else:
                binding, enabled, tooltip = entry.bindings[0]
                yield self._key(binding, enabled, tooltip)
        yield from self._palette_key(active)

    def _choose(self, active: dict[str, ActiveBinding]) -> tuple[list[Entry], int, list[Entry]]:
        """Every entry, the room for them, and those shown, from the screen's `active`
        bindings (computed once for a choice: each time its every binding is checked)."""
        entries = self._entries(active)
        room = self._room(active)
        return entries, room, fit(entries, room, self._pinned(entries))

    def _keep(self, entries: list[Entry], room: int, shown: list[Entry]) -> None:
        """Remember what is shown; the others are `hidden` (F1 lists them)."""
        self._chosen_from = (tuple(entries), room)
        actions = {e.action for e in shown}
        self.hidden = [b for e in entries if e.action not in actions for b, _, _ in e.bindings]
        self._laid_out_for = self._width()
        self._shown = shown

    def _key(
        self, binding: Binding, enabled: bool, tooltip: str, grouped: bool = False
    ) -> FooterKey:
        """The widget of one key: with its description, or in a group (the group's label
        describes its keys). Compact as the footer is (Footer binds the two; this footer is
        always compact, and makes keys outside `compose`, where no binding can be made)."""
        key = FooterKey(
            binding.key,
            self.app.get_key_display(binding),
            "" if grouped else binding.description,
            binding.action,
            disabled=not enabled,
            tooltip=tooltip,
            classes=("-grouped " if grouped else "") + ("-compact" if self.compact else ""),
        )
        key.set_reactive(FooterKey.compact, self.compact)  # what its watcher would set
        return key

    def _palette_key(self, active: dict[str, ActiveBinding]) -> ComposeResult:
        self._palette_shown = self._palette_state(active)
        if self._palette_shown is None:
            return
        binding, enabled = self._palette_shown
        yield FooterKey(
            binding.key,
            self.app.get_key_display(binding),
            binding.description,
            binding.action,
            classes="-command-palette",
            disabled=not enabled,
            tooltip=binding.tooltip or binding.description,
        )

    def _palette_state(self, active: dict[str, ActiveBinding]) -> tuple[Binding, bool] | None:
        """The palette key docked on the right and whether it is enabled, if shown."""
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE):
            return None
        found = active.get(self.app.COMMAND_PALETTE_BINDING)
        return None if found is None else (found.binding, found.enabled)

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

    def _room(self, active: dict[str, ActiveBinding] | None = None) -> int:
        """Columns left for the keys once the palette key is docked on the right."""
        width = self._width()
        if active is None:
            active = self.screen.active_bindings
        found = active.get(self.app.COMMAND_PALETTE_BINDING)
        if found is not None and self.show_command_palette:
            binding = found[1]
            key = cell_len(self.app.get_key_display(binding))
            # and its left border and right margin (Footer's `-compact FooterKey` margin,
            # which the docked key keeps): without the margin the room was one column too
            # many, and keys that filled it put F1's label against the border ("更多▏")
            width -= key + 1 + cell_len(binding.description) + 1 + 1
        return width

    def bindings_changed(self, screen: Screen) -> None:
        """Choose again once the frame has settled, and update the keys only if those to show
        (or the room for them) changed: a focus move inside a screen signals a change of
        bindings on its way, then the bindings come back as they were."""
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._check_pending:
            self._check_pending = True  # several signals in one frame: one check
            if self._chosen_from is None:
                # Nothing shown yet (composed empty at mount): the keys go into the
                # screen's first frame, not a second layout and render after it.
                self.call_next(self._choose_again_if_changed)
            else:
                self.call_after_refresh(self._choose_again_if_changed)

    async def _choose_again_if_changed(self) -> None:
        self._check_pending = False
        if self.is_attached and not self._update_keys():
            await self.recompose()

    def _update_keys(self) -> bool:
        """Show the keys the screen offers now in the key widgets already there (see the
        module's docstring). False, and nothing changed, when the footer is to be composed
        anew: nothing shown yet, a key group before or after, or a change in the palette."""
        if self._chosen_from is None:
            return False
        active = self.screen.active_bindings
        entries, room, shown = self._choose(active)
        if self._chosen_from == (tuple(entries), room):
            return True
        if any(e.group is not None for e in (*self._shown, *shown)) or (
            self._palette_state(active) != self._palette_shown
        ):
            return False
        self._keep(entries, room, shown)
        palette = list(self.query_children(".-command-palette").results(FooterKey))
        keys = [k for k in self.query_children(FooterKey) if k not in palette and not k._pruning]
        for key, entry in zip(keys, shown, strict=False):
            binding, enabled, tooltip = entry.bindings[0]
            _update_key(key, binding, self.app.get_key_display(binding), enabled, tooltip)
        if len(keys) > len(shown):
            for key in keys[len(shown) :]:
                key.display = False  # out of the next frame, removed after it
            self.remove_children(keys[len(shown) :])
        elif len(shown) > len(keys):
            more = [self._key(*e.bindings[0]) for e in shown[len(keys) :]]
            self.mount_all(more, before=palette[0] if palette else None)
        # The keys' widths in the next frame: Textual learns of a key's new width only once
        # the key has handled its own messages, which may come after that frame.
        self._clear_arrangement_cache()
        self.screen.refresh(layout=True)
        return True

    def on_resize(self, event: events.Resize) -> None:
        # A wider or narrower terminal fits more or fewer keys: choose again.
        if self._bindings_ready and self._width() != self._laid_out_for:
            self.call_after_refresh(self._choose_again_if_changed)

    def _entries(self, active: dict[str, ActiveBinding]) -> list[Entry]:
        """Every shown key as footer entries: the screen's in order, then the app's by use."""
        by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
        app_actions: set[str] = set()
        for namespace, binding, enabled, tooltip in offered(self.screen, active).values():
            if binding.show:
                if not binding.id:  # Textual's own ("Dismiss menu"): in the chosen language
                    binding = replace(binding, description=describe(binding))
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
            (replace(e, app=True) for e in entries if e.bindings[0][0].action in app_actions),
            key=lambda e: rank.get(e.id or "", len(rank)),
        )
        return own + app


def fit(entries: list[Entry], width: int, pinned: Collection[str] = ()) -> list[Entry]:
    """The entries to show in `width` (see `choose`). When some do not fit, F1 says that
    more keys are under it, and Esc's label is shortened to "返回" where that shows more of
    the screen's own keys (never left out: a bare "esc" says nowhere it goes)."""
    shown = choose(entries, width, pinned)
    if len(shown) == len(entries):
        return shown
    best: list[Entry] = []
    for back in (None, t("keys.back")):
        labelled = [_shortened(e, back) for e in entries]
        chosen = choose(labelled, width, pinned)
        if not best or _own(chosen) > _own(best):
            best = chosen
    return best


def _shortened(entry: Entry, back: str | None) -> Entry:
    """F1 labelled "更多" (more keys are under it); Esc labelled `back`, unless None."""
    if entry.id == HELP_ID:
        return entry.labelled(t("keys.more"))
    if back is not None and entry.group is None and entry.bindings[0][0].key == "escape":
        return entry.labelled(back)
    return entry


def _own(shown: list[Entry]) -> int:
    return sum(1 for e in shown if not e.app)


def choose(entries: list[Entry], width: int, pinned: Collection[str] = ()) -> list[Entry]:
    """The entries that fit in `width`, in order: the `pinned` ones (by id) whatever the
    width, then the others while they fit, by rank (the screen's actions, its navigation
    keys, the app's keys), and always F1 (placed last)."""
    help_entry = next((e for e in entries if e.id == HELP_ID), None)
    kept = [e for e in entries if e.id in pinned and e is not help_entry]
    room = width - (help_entry.width if help_entry else 0) - sum(e.width for e in kept)
    chosen: set[int] = set()
    for n in sorted(range(len(entries)), key=lambda n: (entries[n].rank, n)):
        entry = entries[n]
        if entry is help_entry:
            continue
        if entry in kept:
            chosen.add(n)
        elif entry.width <= room:
            chosen.add(n)
            room -= entry.width
        else:
            room = -1  # keep the order: no later, narrower key jumps ahead of a wider one
    shown = [e for n, e in enumerate(entries) if n in chosen]  # in the screen's order
    if help_entry is not None:
        shown.append(help_entry)
    return shown


def _update_key(key: FooterKey, binding: Binding, display: str, enabled: bool, tip: str) -> None:
    """Make `key` show `binding` (a key of its own, not in a group), repainting it only if
    that changed and laying the footer out again only if its width changed."""
    wanted = (binding.key, display, binding.description, binding.action, not enabled)
    if (key.key, key.key_display, key.description, key.action, key._disabled) != wanted:
        width = _key_width(key.key_display, key.description)
        key.key, key.key_display, key.description, key.action, key._disabled = wanted
        key.set_class(not enabled, "-disabled")
        key.refresh(layout=width != _key_width(display, binding.description))
    if key.tooltip != (tip or None):
        key.tooltip = tip or None


def _key_width(display: str, description: str) -> int:
    return cell_len(display) + (1 + cell_len(description) if description else 0)
