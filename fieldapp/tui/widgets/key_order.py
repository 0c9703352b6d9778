"""Keys are handled one after the other, so a fast burst lands where a slow one would.

Textual hands a key to the widget focused when the app takes the key from its queue, but
a key that moves the focus (Tab, or Enter in a field whose Submitted handler focuses the
next one) only does so later, when the key has bubbled up to the screen's binding or the
handler has run. Keys that came in one burst (a paste through the terminal, a password
manager, a scanner, `tmux send-keys '135790' Tab '135790' Enter`) were all handed out
before that: the second PIN went into the first field, and the two "did not match".

`KeysInOrder` is the App base that hands out a key only once the key before it has been
handled, with what its handling posted (an Input's Submitted, the focus change its handler
asks for); keys that come meanwhile wait, in order. It walks up from the key's widget to
the app, each node visited after what was queued in it, until one walk finds nothing
queued ahead of it. A key whose handling never finishes (its widget was removed with the
key still queued) lets the next ones go after `KEY_TIMEOUT`, as before. Subclasses see
each key, in order, in `key_in_order`.
"""

from __future__ import annotations

from collections import deque

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.message_pump import MessagePump
from textual.timer import Timer

KEY_TIMEOUT = 0.5  # seconds: a key not handled by then lets the next ones go
MAX_PASSES = 8  # walks up from the key's widget to the app, until one finds nothing queued


class KeysInOrder(App[None]):
    """An App that hands out each key once the one before it has been handled."""

    def __init__(self) -> None:
        super().__init__()
        self._keys_waiting: deque[events.Key] = deque()
        self._key_ticket = 0  # the key in flight; 0 for none
        self._key_target: DOMNode | None = None  # the node the key in flight went to
        self._key_timer: Timer | None = None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._key_ticket or self._keys_waiting:
                self._keys_waiting.append(event)
                return
            await self._hand_out(event)
            return
        await super().on_event(event)

    async def key_in_order(self, event: events.Key) -> None:
        """One key, after every key before it was handled: to the focused widget."""
        await super().on_event(event)

    async def _hand_out(self, event: events.Key) -> None:
        self._key_target = self.focused or self.screen
        await self.key_in_order(event)
        self._key_ticket += 1
        ticket = self._key_ticket
        self._key_timer = self.set_timer(KEY_TIMEOUT, lambda: self._key_handled(ticket))
        self._walk(ticket, 1)

    def _walk(self, ticket: int, passes: int) -> None:
        """One pass: from the key's widget (or the focus, once it is gone) up to the app,
        each node visited after what was queued in it. The key bubbles that way, and what
        its handling posts (an Input's Submitted, a focus change) goes there too."""
        target = self._key_target
        start = target if target is not None and target.is_attached else self.focused
        self._visit(start or self.screen, ticket, clean=True, passes=passes)

    def _visit(self, node: MessagePump, ticket: int, *, clean: bool, passes: int) -> None:
        clean = clean and node._message_queue.empty()  # nothing in it that came before
        if not node.call_later(self._visited, node, ticket, clean, passes) and node is not self:
            self._visit(self, ticket, clean=False, passes=passes)  # closed: on to the app

    def _visited(self, node: MessagePump, ticket: int, clean: bool, passes: int) -> None:
        if ticket != self._key_ticket:
            return
        parent = node._parent
        if parent is not None:
            self._visit(parent, ticket, clean=clean, passes=passes)
        elif clean or passes >= MAX_PASSES:  # at the app: a pass found nothing queued
            self.call_next(self._key_handled, ticket)
        else:
            self._walk(ticket, passes + 1)

    async def _key_handled(self, ticket: int) -> None:
        if ticket != self._key_ticket:
            return
        self._key_ticket = 0
        self._key_target = None
        if self._key_timer is not None:
            self._key_timer.stop()
            self._key_timer = None
        if self._keys_waiting:
            await self._hand_out(self._keys_waiting.popleft())
