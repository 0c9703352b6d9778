"""Textual sets up a widget, screen or app class from each base's namespace read once
(`fieldapp.tui.node_classes`: ~10 ms of CPU less before home's first frame): the classes
it makes have the reactives, compute methods, merged keys and CSS type names Textual's
own set-up gives them, for the shapes fieldapp's classes take (mixins, overrides, compound
and remapped keys, a class that does not inherit its bases' keys)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import pytest
from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.reactive import reactive, var
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Static

from fieldapp.tui import node_classes


@pytest.fixture
def ours() -> Iterator[None]:
    was_ours = node_classes.install()
    assert was_ours  # the Textual this was written for: the faster set-up is in use
    yield
    node_classes.uninstall()


def _made() -> dict[str, type[DOMNode]]:
    """Classes of every shape, made anew at each call."""

    class Counting:  # a mixin that is no widget
        count = reactive(0)

        def compute_double(self) -> int:
            return 2

    class Tile(Counting, Static):
        label = reactive("")
        shown = var(False)
        BINDINGS: ClassVar[list[BindingType]] = [
            Binding("j,down", "next", "Next", id="tile.next"),
            ("k", "previous", "Previous"),
        ]

        def _compute_total(self) -> int:
            return 1

    class WideTile(Tile):
        label = reactive("wide")  # overridden: the subclass's own
        BINDINGS: ClassVar[list[BindingType]] = [Binding("down", "last", "Last")]

    class Rows(DataTable[str], inherit_bindings=False):
        BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "open", "Open")]

    class Plain(Widget, inherit_css=False):
        pass

    class Home(Screen[None]):
        BINDINGS: ClassVar[list[BindingType]] = [Binding("f5", "reload", "Reload")]

    class Parts(Counting):
        BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+s", "sync", "Sync")]

    class Field(Parts, App[None]):
        BINDINGS: ClassVar[list[BindingType]] = [Binding("f9", "language", "Language")]

    return {
        "Tile": Tile, "WideTile": WideTile, "Rows": Rows, "Plain": Plain,
        "Home": Home, "Field": Field,
    }  # fmt: skip


def _keys(cls: type[DOMNode]) -> dict[str, list[Binding]]:
    assert cls._merged_bindings is not None
    return cls._merged_bindings.key_to_bindings


def _setup(cls: type[DOMNode]) -> dict[str, Any]:
    """What Textual set up on the class, by name and value."""
    reactives = cls._reactives
    return {
        "reactives": [(name, r._default, type(r)) for name, r in reactives.items()],
        "computes": cls._computes,
        "bindings": list(_keys(cls).items()),
        "css_type_name": cls._css_type_name,
        "css_type_names": cls._css_type_names,
        "inherit": (cls._inherit_css, cls._inherit_bindings, cls._inherit_component_classes),
    }


def test_classes_are_set_up_as_textual_sets_them_up(ours: None) -> None:
    by_us = {name: _setup(cls) for name, cls in _made().items()}
    node_classes.uninstall()
    by_textual = {name: _setup(cls) for name, cls in _made().items()}
    assert by_us == by_textual
    field = by_us["Field"]
    assert {"double"} <= field["computes"] and {"total", "double"} <= by_us["Tile"]["computes"]
    assert [name for name, *_ in by_us["WideTile"]["reactives"]][-3:] == ["count", "label", "shown"]
    assert ("wide", reactive) in [(d, k) for n, d, k in by_us["WideTile"]["reactives"]]
    assert [key for key, _ in by_us["Rows"]["bindings"]] == ["enter"]  # not DataTable's keys


def test_merged_keys_are_not_shared_between_classes(ours: None) -> None:
    """Textual gives each class lists of its own: a key remapped or added on one app's
    keys (set_keymap, bind) must not reach another class's."""
    made = _made()
    tile, wide = made["Tile"], made["WideTile"]
    _keys(tile)["k"].append(Binding("k", "other", "Other"))
    assert [b.action for b in _keys(wide)["k"]] == ["previous"]


def test_bindings_added_to_a_base_later_reach_classes_made_after(ours: None) -> None:
    made = _made()
    home = made["Home"]
    home.BINDINGS.append(Binding("f6", "more", "More"))

    class Later(home):  # type: ignore[valid-type,misc]
        pass

    assert "f6" in _keys(Later)
