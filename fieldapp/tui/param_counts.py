"""How many values a handler takes, read from its code instead of `inspect.signature`.

Textual calls each message handler, watcher and callback with as many of the values it
has as the function takes, and learns how many with `inspect.signature` the first time
it calls it: ~130 functions at every start, ~3 ms of CPU before home's first frame. For
a plain function the count is in its code object (its parameters, keyword-only ones, and
one each for `*args` and `**kwargs`; one fewer for a bound method), which is what
`inspect.signature` counts for it;
`install()` makes Textual read it there, and ask `inspect` as before for anything else (a
function wrapped by a decorator, one given a signature by hand, a builtin, a callable
object).
"""

from __future__ import annotations

from collections.abc import Callable
from inspect import CO_VARARGS, CO_VARKEYWORDS, signature
from types import CodeType, FunctionType, MethodType
from typing import Any

from textual import _callback

from fieldapp.tui.module_swap import swap_in

_textual_count = _callback._count_parameters


def _plain_code(func: object) -> CodeType | None:
    """The code of a plain function, whose signature is its code's."""
    if type(func) is not FunctionType or hasattr(func, "__wrapped__"):
        return None
    if hasattr(func, "__signature__"):
        return None
    return func.__code__


def parameter_count(func: Callable[..., Any]) -> int:
    """The number of parameters `inspect.signature(func)` gives."""
    bound = type(func) is MethodType  # e.g. a bound method given to call_later with values
    code = _plain_code(func.__func__ if bound else func)  # type: ignore[attr-defined]
    if code is None or (bound and not code.co_argcount):
        return len(signature(func).parameters)
    starred = bool(code.co_flags & CO_VARARGS) + bool(code.co_flags & CO_VARKEYWORDS)
    return code.co_argcount + code.co_kwonlyargcount + starred - bound


def install() -> bool:
    """Make Textual count a handler's parameters with `parameter_count`. False, and
    Textual's own count kept, where its callback module differs from what this expects
    (8.2)."""
    return swap_in(
        _callback, "_count_parameters", _textual_count, parameter_count, "count_parameters"
    )
