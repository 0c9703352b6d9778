"""The methods of the dataclasses made at start-up, compiled once and kept for the next
start. No Textual and nothing of ours: `startup.run_tui` uses it before the first import.

`@dataclass` writes each method it adds (`__init__`, `__repr__`, `__eq__`, and for a frozen
class `__setattr__`, `__delattr__`, `__hash__`) as source text and compiles it with `exec`:
the ~115 dataclasses of fieldapp, Textual and rich made before the home screen's first frame
took ~55 ms of CPU, ~40 of it compiling those ~470 small texts, the same ones at every
start. While `keep_compiled()` holds, the `exec` that module calls is ours: a text compiled
before is taken from the file kept beside this package's bytecode (loading it ~1 ms), any
other is compiled as `exec` would compile it (`dont_inherit`: dataclasses has no
`__future__` imports), and then the file is written again with the texts of this run when
the app ends. The key is the text itself, so a class that changed simply compiles anew.
`collections.namedtuple` does the same with `eval` for each named tuple's `__new__`
(~75 made before the first frame, ~4 ms of CPU), and typing with `compile` for the text of
each annotation it holds as a ForwardRef (~270, ~3 ms): while `keep_compiled()` holds,
their `eval` and `compile` are ours too, and their texts are kept in the same file (each
key marked `_EVAL`).
"""

from __future__ import annotations

import builtins
import collections
import dataclasses
import importlib.util
import marshal
import os
import sys
import threading
import typing
from contextlib import suppress
from types import CodeType
from typing import Any

_HERE = os.path.dirname(__file__)
_FILE = os.path.join(_HERE, "__pycache__", f"dataclass-code.{sys.implementation.cache_tag}.marshal")

_lock = threading.Lock()
_held: dict[str, CodeType] = {}  # read from the file
_used: dict[str, CodeType] = {}  # this run's texts: what the file holds next
_compiled_anew = False


def read_marshal(path: str) -> dict[str, Any]:
    """The dict kept in a marshal file ({} where it is missing, cut short or not one)."""
    try:
        with open(path, "rb") as handle:
            held = marshal.loads(handle.read())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return held if isinstance(held, dict) else {}


def _read() -> dict[str, CodeType]:
    held = read_marshal(_FILE)
    if held.get("magic") != importlib.util.MAGIC_NUMBER:
        return {}  # another Python's bytecode
    codes: dict[str, CodeType] = held.get("codes", {})
    return codes


def _code(key: str, source: str, mode: str) -> CodeType:
    """The code of `source`, compiled once (the home read's thread makes classes too)."""
    global _compiled_anew
    code = _held.get(key)
    with _lock:
        if code is None:
            code = _held[key] = compile(source, "<string>", mode, dont_inherit=True)
            _compiled_anew = True
        _used[key] = code
    return code


def _exec(source: Any, globals: Any = None, locals: Any = None) -> None:
    """`exec` as dataclasses calls it, with the text's code compiled once."""
    if not isinstance(source, str):
        return builtins.exec(source, globals, locals)
    return builtins.exec(_code(source, source, "exec"), globals, locals)


_EVAL = "# eval\n"  # before the text of an expression (a dataclass's text is statements)


def _eval(source: Any, globals: Any = None, locals: Any = None) -> Any:
    """`eval` as namedtuple calls it, with the text's code compiled once."""
    if not isinstance(source, str):
        return builtins.eval(source, globals, locals)
    return builtins.eval(_code(_EVAL + source, source, "eval"), globals, locals)


def _compile_annotation(
    source: Any,
    filename: Any,
    mode: Any,
    flags: int = 0,
    dont_inherit: bool = True,
    optimize: int = -1,
) -> Any:
    """`compile` as typing's ForwardRef calls it for an annotation's text, compiled once.
    Nothing to inherit by default: typing has no `__future__` imports."""
    if (
        flags
        or optimize != -1
        or not isinstance(source, str)
        or (filename, mode) != ("<string>", "eval")
    ):
        return compile(source, filename, mode, flags, dont_inherit, optimize)
    return _code(_EVAL + source, source, "eval")


def keep_compiled() -> None:
    """From now on, dataclasses compile their methods once (see the module)."""
    global _compiled_anew
    if getattr(dataclasses, "exec", None) is _exec:
        return
    _held.clear()
    _held.update(_read())
    _used.clear()
    _compiled_anew = False
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # found before builtins.exec
    collections.eval = _eval  # type: ignore[attr-defined]  # and builtins.eval
    typing.compile = _compile_annotation  # type: ignore[attr-defined]  # and builtins.compile


def stop_keeping() -> None:
    """dataclasses compile with `exec` again; the file is written if any text was new."""
    if getattr(dataclasses, "exec", None) is not _exec:
        return
    del dataclasses.exec  # type: ignore[attr-defined]
    if getattr(collections, "eval", None) is _eval:
        del collections.eval  # type: ignore[attr-defined]
    if getattr(typing, "compile", None) is _compile_annotation:
        del typing.compile  # type: ignore[attr-defined]
    with _lock:
        used = dict(_used)
    if _compiled_anew:  # else the file holds them all already
        _write(used)
    _held.clear()
    _used.clear()


def _write(codes: dict[str, CodeType]) -> None:
    write_marshal(_FILE, {"magic": importlib.util.MAGIC_NUMBER, "codes": codes})


def write_marshal(path: str, value: dict[str, Any]) -> None:
    """Keep `value` in a marshal file for the next start (nothing lost if that cannot be)."""
    partial = f"{path}.{os.getpid()}.{threading.get_ident()}"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(partial, "wb") as handle:
            handle.write(marshal.dumps(value))
        os.replace(partial, path)  # a reader sees the old file or the whole new one
    except (OSError, ValueError):  # ValueError: a value marshal cannot write
        with suppress(OSError):
            os.unlink(partial)
