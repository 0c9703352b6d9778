"""The CSS of the app and of the widgets it shows, parsed once and kept for the next start.

Textual parses every stylesheet it is given at every start: the app's `app.tcss` and the
DEFAULT_CSS of each widget class as it is first mounted (App, Screen, Header, Footer's
keys, DataTable, ...), ~14 ms of CPU before the home screen's first frame, the same texts
each time. While `keep_parsed()` holds, a text parsed before is taken from the file kept
beside this package's bytecode, unpickled (~3 ms for them all), and any other is parsed
as Textual parses it; the file is written again with the texts of this run when the
app ends, if any was new (`startup.run_tui` holds it as it holds `dataclass_code`). The key is the text itself with where it was read from, its
place among the app's stylesheets and the theme's variables it was parsed with, so a
changed text or theme simply parses anew; the file's name holds Textual's parser's files'
sizes and times, so another Textual starts a new one. A text with errors is never kept:
Textual reports those as it would.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import threading
from contextlib import suppress
from typing import Any

from textual.css import model, parse
from textual.css.stylesheet import Stylesheet

_HERE = os.path.dirname(__file__)
_lock = threading.Lock()
_held: dict[tuple[object, ...], bytes] = {}  # read from the file: key -> pickled rules
_used: dict[tuple[object, ...], bytes] = {}  # this run's texts: what the file holds next
_state = {"parsed_anew": False}
_parse_rules = Stylesheet._parse_rules  # Textual's own


@functools.cache
def _file() -> str:
    """The file of this Textual's parser: its name says which parser made the rules."""
    stamp = "-".join(
        f"{info.st_size}.{info.st_mtime_ns}"
        for info in map(os.stat, (parse.__file__, model.__file__))
    )
    digest = hashlib.sha1(stamp.encode()).hexdigest()[:12]
    return os.path.join(
        _HERE, "__pycache__", f"css-rules.{sys.implementation.cache_tag}.{digest}.pickle"
    )


@functools.lru_cache(maxsize=4)
def _theme(variables: tuple[tuple[str, str], ...]) -> str:
    return hashlib.sha1(repr(variables).encode()).hexdigest()


def _kept_parse_rules(
    self: Stylesheet,
    css: str,
    read_from: Any,
    is_default_rules: bool = False,
    tie_breaker: int = 0,
    scope: str = "",
) -> list[model.RuleSet]:
    """`Stylesheet._parse_rules`, its rules kept for the next start."""
    arguments = (css, read_from, is_default_rules, tie_breaker, scope)
    if arguments in self._parse_cache:  # Textual's own cache, for this stylesheet
        return _parse_rules(self, *arguments)
    key = (*arguments, _theme(tuple(sorted(self._variables.items()))))
    kept = _held.get(key)
    if kept is not None:
        with suppress(Exception):  # a file that cannot be read is as if it were not there
            rules: list[model.RuleSet] = pickle.loads(kept)
            self._parse_cache[arguments] = rules
            with _lock:
                _used[key] = kept
            return rules
    rules = _parse_rules(self, *arguments)
    if not any(rule.errors for rule in rules):
        with suppress(Exception), _lock:
            _used[key] = _held[key] = pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL)
            _state["parsed_anew"] = True
    return rules


def keep_parsed() -> None:
    """From now on, stylesheets are parsed once (see the module)."""
    if Stylesheet._parse_rules is _kept_parse_rules:
        return
    _held.clear()
    _held.update(_read())
    _used.clear()
    _state["parsed_anew"] = False
    Stylesheet._parse_rules = _kept_parse_rules  # type: ignore[method-assign]


def stop_keeping_parsed() -> None:
    """Stylesheets parse as Textual parses them again; the file is written if any text
    was new."""
    if Stylesheet._parse_rules is not _kept_parse_rules:
        return
    Stylesheet._parse_rules = _parse_rules  # type: ignore[method-assign]
    with _lock:
        used = dict(_used)
    if _state["parsed_anew"]:  # else the file holds them all already
        _write(used)
    _held.clear()
    _used.clear()


def _write(used: dict[tuple[object, ...], bytes]) -> None:
    """Keep the parsed texts for the next start (nothing lost if that cannot be)."""
    path = _file()
    partial = f"{path}.{os.getpid()}.{threading.get_ident()}"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(partial, "wb") as handle:
            pickle.dump(used, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)  # a reader sees the old file or the whole new one
    except OSError:
        with suppress(OSError):
            os.unlink(partial)


def _read() -> dict[tuple[object, ...], bytes]:
    try:
        with open(_file(), "rb") as handle:
            held = pickle.load(handle)
    except Exception:  # missing, cut short, or of another Python: parsed anew
        return {}
    return held if isinstance(held, dict) else {}
