"""The keys a screen offers now: its active bindings, less the keys the focused field types.

Textual already leaves out a binding whose key the focused widget would consume (an
`Input` takes the printable keys), but it asks with the key's character, and it knows no
character for some key names (`slash`, `minus`, `plus`, `at`, `backslash`,
`underscore`): so `/ 查找场所` stayed in the footer while a search field had focus, though
typing `/` there types a `/`. The footer and F1's panel list what `offered` returns.
"""

from __future__ import annotations

import string

from textual.binding import ActiveBinding
from textual.dom import DOMNode
from textual.keys import _character_to_key, key_to_character
from textual.screen import Screen

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
