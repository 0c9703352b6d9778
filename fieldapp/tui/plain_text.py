"""A string our screens show is shown as the text it is.

Textual reads a string as console markup wherever it is not told otherwise: in a Static
or a Label, a notification, an OptionList's (and so a Select's) options, the label of a
Button, a RadioButton or Checkbox, a Tab, a Collapsible, a SelectionList option and a
Tree node. A household's address "[/]鼎美村5号楼101" stopped People with a MarkupError
(and every start after, and the other device after sync), and "[red]" or "[b]" in a
name or a note vanished and coloured the rest. What our screens show is what people
typed or the office imported, and our catalogues hold no tags, so `install()` makes
those strings plain text unless a caller asks for markup (`markup=True`), as
`plain_cells` does for a DataTable's cells. A Content or a rich Text is shown as it is
made, as before: a style is given by making one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.app import App
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Label, OptionList, Static, Tree

_textual_process_label = Tree.process_label


def plain_label(_tree: Tree[Any], label: str | Text) -> Text:
    """`Tree.process_label`, with a string taken as the text it is."""
    text = Text(label) if isinstance(label, str) else label
    return text.split()[0]


# Whose keyword `markup` is True unless given: a Static's or Label's content, a
# notification (raised by the app or a widget), an OptionList's options.
_MARKUP_BY_DEFAULT: tuple[Callable[..., Any], ...] = (
    Static.__init__,
    Label.__init__,
    App.notify,
    Widget.notify,
    OptionList.__init__,
)
# `Content.from_text(text, markup=True)`: a Button's, RadioButton's, Checkbox's, Tab's,
# Collapsible's and SelectionList option's label.
_FROM_TEXT: Callable[..., Any] = Content.from_text.__func__  # type: ignore[attr-defined]


def install() -> bool:
    """Make strings plain text in the widgets and notifications above. False, and
    Textual's reading kept, where Textual differs from what this expects (8.2): where
    one of them has no `markup` defaulting to True."""
    if Tree.process_label is plain_label:
        return True
    keywords = [getattr(f, "__kwdefaults__", None) or {} for f in _MARKUP_BY_DEFAULT]
    if any(k.get("markup") is not True for k in keywords) or _FROM_TEXT.__defaults__ != (True,):
        return False
    if Tree.process_label is not _textual_process_label:
        return False
    for keyword in keywords:
        keyword["markup"] = False
    _FROM_TEXT.__defaults__ = (False,)
    Tree.process_label = plain_label  # type: ignore[method-assign,assignment]
    return True
