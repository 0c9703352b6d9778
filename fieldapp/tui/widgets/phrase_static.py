"""A Static whose Chinese breaks where a phrase ends, at the width it is drawn at."""

from __future__ import annotations

from textual.content import Content
from textual.visual import Visual
from textual.widgets import Static

from fieldapp.tui.phrases import PhraseBroken


class PhraseStatic(Static):
    """A status line or a note on a screen, a sentence or two long: Textual would break a
    run of Chinese anywhere ('…联网后' / '会自动上报。'); this breaks it where a phrase ends
    (`fieldapp.tui.phrases`)."""

    def render(self) -> Visual:  # type: ignore[override]
        visual = self.visual
        return PhraseBroken(visual) if isinstance(visual, Content) else visual
