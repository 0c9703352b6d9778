"""Which keys the footer shows (see `key_footer`): every key the screen offers as an
entry, and those that fit in the room the footer has, in the screen's order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, replace
from itertools import groupby

from rich.cells import cell_len
from textual.binding import ActiveBinding, Binding
from textual.screen import Screen

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


def footer_entries(screen: Screen[object], active: dict[str, ActiveBinding]) -> list[Entry]:
    """Every shown key as footer entries: the screen's in order, then the app's by use."""
    by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
    app_actions: set[str] = set()
    for namespace, binding, enabled, tooltip in offered(screen, active).values():
        if binding.show:
            if not binding.id:  # Textual's own ("Dismiss menu"): in the chosen language
                binding = replace(binding, description=describe(binding))
            by_action[binding.action].append((binding, enabled, tooltip))
            if namespace is screen.app:
                app_actions.add(binding.action)
    entries: list[Entry] = []
    for group, members in groupby(by_action.values(), lambda b: b[0][0].group):
        items = list(members)
        if group is not None and len(items) > 1:
            keys = sum(cell_len(screen.app.get_key_display(b[0][0])) for b in items)
            # The group's left padding, a space, its label and the label's margin.
            width = 1 + keys + 1 + cell_len(group.description) + 1
            entries.append(Entry(tuple(b[0] for b in items), group.description, width))
            continue
        for b in items:
            binding = b[0][0]
            key = cell_len(screen.app.get_key_display(binding))
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
