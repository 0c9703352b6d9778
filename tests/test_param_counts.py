"""Textual learns how many values a handler takes from its code, not from
`inspect.signature` (~130 handlers at every start, ~3 ms of CPU before home's first
frame): the count is the one `inspect.signature` gives, for every shape of function, and
the way to home asks `inspect` about no plain function (only about callable objects and
functions a decorator wraps)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from inspect import signature
from pathlib import Path
from types import FunctionType, MethodType
from typing import Any

import pytest
from pilot_support import at_home
from textual import _callback

from fieldapp.tui import param_counts
from fieldapp.tui.app import make_app
from fieldapp.tui.param_counts import parameter_count
from fieldapp.tui.screens.home import HomeScreen


def _none() -> None: ...
def _one(event: object) -> None: ...
def _every(a: int, /, b: int, c: int = 1, *args: int, d: int, e: int = 2, **kw: int) -> None: ...
def _starred(*args: object) -> None: ...


class _Handlers:
    def on_key(self, event: object) -> None: ...
    def refresh_now(self) -> None: ...
    def anything(*args: object) -> None: ...

    @classmethod
    def made(cls, value: int) -> None: ...

    @staticmethod
    def plain(value: int, other: int) -> None: ...

    def __call__(self, value: int) -> None: ...


def _decorated(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    return wrapper


@_decorated
def _wrapped(event: object, more: object) -> None: ...


def _signed(*args: object) -> None: ...


_signed.__signature__ = signature(_one)  # type: ignore[attr-defined]

_HANDLERS = _Handlers()
SHAPES: list[Callable[..., Any]] = [
    _none,
    _one,
    _every,
    _starred,
    lambda: None,
    lambda x, *y, **z: None,
    _HANDLERS.on_key,
    _HANDLERS.refresh_now,
    _HANDLERS.anything,
    _Handlers.made,
    _Handlers.plain,
    _HANDLERS,
    _wrapped,
    _signed,
    len,
    print,
]


@pytest.mark.parametrize("func", SHAPES, ids=lambda f: getattr(f, "__qualname__", "object"))
def test_the_count_is_the_one_inspect_gives(func: Callable[..., Any]) -> None:
    assert parameter_count(func) == len(signature(func).parameters)


async def test_the_way_home_asks_inspect_about_no_plain_function(
    demo_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[object] = []

    def counted(func: Callable[..., Any]) -> Any:
        asked.append(func)
        return signature(func)

    monkeypatch.setattr(param_counts, "signature", counted)
    monkeypatch.setattr(_callback, "signature", counted)
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot)
        assert isinstance(app.screen, HomeScreen)
    assert [f for f in asked if _plain(f)] == []


def _plain(func: object) -> bool:
    """A function, or a method of one taking the instance, not wrapped by a decorator
    (Textual's `work` wraps the methods it runs in a worker)."""
    if isinstance(func, MethodType):
        func = func.__func__
        if isinstance(func, FunctionType) and not func.__code__.co_argcount:
            return False
    return isinstance(func, FunctionType) and not hasattr(func, "__wrapped__")
