"""The regular expressions compiled at start-up, compiled once and kept for the next
start. No Textual: `startup.run_tui` uses it before the first import.

The modules of fieldapp, Textual and rich that the TUI imports compile ~140 patterns, the
same ones at every start: ~20 ms of CPU before the home screen's first frame, half of it
three patterns of `tui.kinsoku` (a class of every Chinese character is ~2 ms: `re` fills
a map of the 65,536 characters of the BMP one by one, for each class written). While
`keep_compiled_patterns()` holds, `re` compiles through `_compile` below: a pattern
compiled before is made from the code kept in a file beside this package's bytecode (what
`re` would hand the regex engine, `_sre.compile`), any other is compiled as `re` compiles
it. The key is the pattern itself with its flags; the file's name holds the Python and its
regex engine, so another one starts a new file.

`run_tui` holds it while it imports, and stops before the app runs: only the patterns of
the modules are kept, never one made from what a person typed (a search, say).
"""

from __future__ import annotations

import _sre
import os
import sys
import threading
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

from fieldapp.tui.dataclass_code import read_marshal, write_marshal

_HERE = os.path.dirname(__file__)
_FILE = os.path.join(
    _HERE, "__pycache__", f"regex-code.{sys.implementation.cache_tag}.{_sre.MAGIC}.marshal"
)
_VERSION = sys.version  # a file of another build of this Python is not read

Kept = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

_lock = threading.Lock()
_held: dict[tuple[str | bytes, int], Kept] = {}  # read from the file
_used: dict[tuple[str | bytes, int], Kept] = {}  # this run's patterns: what the file holds next
_state = {"compiled_anew": False}
_re_compile = _compiler.compile  # re's own


def _made(pattern: str | bytes, flags: int) -> Kept:
    """What `re._compiler.compile` hands the regex engine for this pattern."""
    parsed = _parser.parse(pattern, flags)
    code = [int(word) for word in _compiler._code(parsed, flags)]  # its opcodes are ints
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in parsed.state.groupdict.items():
        indexgroup[index] = name
    groupindex = dict(parsed.state.groupdict)
    return (
        int(flags | parsed.state.flags),
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _compile(pattern: Any, flags: int = 0) -> Any:
    """`re._compiler.compile`, the code of a pattern compiled before taken as it was kept."""
    if not isinstance(pattern, (str, bytes)) or flags & _compiler.SRE_FLAG_DEBUG:
        return _re_compile(pattern, flags)
    key = (pattern, int(flags))
    kept = _held.get(key)
    if kept is None:
        try:
            kept = _made(pattern, int(flags))
        except Exception:  # an error in the pattern, or another `re`: said as re says it
            return _re_compile(pattern, flags)
        with _lock:  # the home read's thread compiles patterns too
            _held[key] = kept
            _state["compiled_anew"] = True
    try:
        compiled = _sre.compile(pattern, *kept)
    except (TypeError, ValueError, RuntimeError):  # an engine that takes other arguments
        with _lock:  # the file is written again without it
            _held.pop(key, None)
            _state["compiled_anew"] = True
        return _re_compile(pattern, flags)
    with _lock:
        _used[key] = kept
    return compiled


def keep_compiled_patterns() -> None:
    """From now on, patterns compile once (see the module)."""
    if _compiler.compile is _compile:
        return
    held = read_marshal(_FILE)
    _held.clear()
    if held.get("python") == _VERSION and isinstance(held.get("patterns"), dict):
        _held.update(held["patterns"])
    _used.clear()
    _state["compiled_anew"] = False
    _compiler.compile = _compile


def stop_keeping_patterns() -> None:
    """`re` compiles as it does again; the file is written if any pattern was new."""
    if _compiler.compile is not _compile:
        return
    _compiler.compile = _re_compile
    with _lock:
        used = dict(_used)
    if _state["compiled_anew"]:  # else the file holds them all already
        write_marshal(_FILE, {"python": _VERSION, "patterns": used})
    _held.clear()
    _used.clear()
