"""The keys a screen offers now: its active bindings, less the keys the focused field types.

Textual already leaves out a binding whose key the focused widget would consume (an
`Input` takes the printable keys), but it asks with the key's character, and it knows no
character for some key names (`slash`, `minus`, `plus`, `at`, `backslash`,
`underscore`): so `/ 查找场所` stayed in the footer while a search field had focus, though
typing `/` there types a `/`. The footer and F1's panel list what `offered` returns.

A text field keeps its own editing keys, two of which are also the app's (Textual's Input
binds ctrl+e to the end of the line and ctrl+k to delete to it; the app, export and
campaigns): `kept_by_field` names those app keys, which F1 lists as acting out of the field.
"""

from __future__ import annotations

import string

from textual.binding import ActiveBinding, Binding
from textual.dom import DOMNode
from textual.keys import _character_to_key, key_to_character
from textual.screen import Screen
from textual.widgets import Input

# Key names of the printable ASCII characters ("slash" → "/").
_TYPED = {_character_to_key(c): c for c in string.printable if c.isprintable()}


def typed_character(key: str) -> str | None:
    """The character pressing `key` types, if it types one."""
    return key_to_character(key) or _TYPED.get(key)


def offered(
    screen: Screen[object], active: dict[str, ActiveBinding] | None = None
) -> dict[str, ActiveBinding]:
    """`screen.active_bindings` (or `active`, taken from it just now) without the keys a
    focused widget below a binding's owner takes as typing."""
    if active is None:
        active = screen.active_bindings
    focused = screen.focused
    if focused is None:
        return active
    chain: list[DOMNode] = list(focused.ancestors_with_self)
    kept: dict[str, ActiveBinding] = {}
    for key, found in active.items():
        owner = found.node
        below = chain[: chain.index(owner)] if owner in chain else chain
        character = typed_character(key)
        if character is not None and any(n.check_consume_key(key, character) for n in below):
            continue
        kept[key] = found
    return kept


def kept_by_field(screen: Screen[object]) -> list[Binding]:
    """The app's keys (those F1 lists with a description) that the focused text field binds
    to its own editing while it has focus, where the app would act on them otherwise."""
    focused = screen.focused
    if not isinstance(focused, Input):
        return []
    app = screen.app
    chain = screen._modal_binding_chain  # the keymap applied; stops at a dialog
    field_keys = {key for node, bindings in chain if node is focused for key, _ in bindings}
    return [
        binding
        for node, bindings in chain
        if node is app
        for key, binding in bindings
        if key in field_keys
        and binding.description
        and not binding.priority  # a priority key acts before the field
        and app._check_action_state(binding.action, app) is True
    ]
