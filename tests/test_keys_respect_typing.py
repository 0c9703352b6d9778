"""Keys respect typing, on every screen and dialog: while a field has focus its printable
keys type. Textual gives a focused field the printable keys before the bindings of its
screen and the app (non-priority bindings are filtered by the field's check_consume_key);
a priority binding would act before the field saw the key, so none may be printable, and
no field may give printable keys away."""

from __future__ import annotations

import importlib
import pkgutil

from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import _character_to_key, key_to_character

import fieldapp.tui as tui
from fieldapp.tui.app import FieldApp
from fieldapp.tui.widgets.item_card import AnswerInput


def _all_node_classes() -> set[type[DOMNode]]:
    for info in pkgutil.walk_packages(tui.__path__, prefix=f"{tui.__name__}."):
        importlib.import_module(info.name)
    found: set[type[DOMNode]] = set()
    todo: list[type[DOMNode]] = [DOMNode]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return {c for c in found if c.__module__.startswith("fieldapp.")} | {FieldApp}


NAMED = {"escape", "enter", "tab", "backspace", "delete", "insert", "home", "end"}
NAMED |= {"up", "down", "left", "right", "pageup", "pagedown"}


def _printable(key: str) -> bool:
    """A key that types a character: no modifier, not F1…F24, not a named non-printing key."""
    if "+" in key or key in NAMED or (key[0] == "f" and key[1:].isdigit()):
        return False
    character = key_to_character(key)
    return character is None or character.isprintable()


def test_no_priority_binding_is_a_printable_key() -> None:
    offenders = []
    for cls in _all_node_classes():
        for binding in cls.BINDINGS:
            if not isinstance(binding, Binding) or not binding.priority:
                continue
            for key in binding.key.split(","):
                if _printable(key.strip()):
                    offenders.append(f"{cls.__qualname__}: {key!r} → {binding.action}")
    assert not offenders, offenders


def test_fields_keep_every_printable_key() -> None:
    field = AnswerInput()
    for answer_type in ("number", "date", "text", "choice"):
        field.set_answer_type(answer_type)
        for character in "abcxyz/ 9.-小":
            key = _character_to_key(character)
            assert field.check_consume_key(key, character), (answer_type, character)
