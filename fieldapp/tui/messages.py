"""Messages that cross the UI's rooms: posted by dialogs and screens, handled by the app.
Here, below screens, dialogs and widgets, so that none of them imports another to post."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class SyncRequested(Message):
    """Something was recorded for the server (an inspection submitted, a finding event):
    post to the app, which syncs in the background when it can."""

    reason: str = ""
