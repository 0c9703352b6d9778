"""The regular expressions compiled at start-up, kept for the next start
(`fieldapp.tui.regex_code`): a pattern read back is the pattern `re` compiles, the second
start compiles none of them, a pattern with an error is refused as `re` refuses it, and a
start keeps what its imports compile, nothing compiled once the app runs (from what a
person typed)."""

from __future__ import annotations

import marshal
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from tui_start_support import tui_started

from fieldapp.tui import kinsoku, regex_code

PATTERNS: list[tuple[str | bytes, int]] = [
    (kinsoku._PIECE.pattern, 0),  # a class of every Chinese character, four times
    (r"(?P<code>[A-Z]{2})-(?P<number>\d+)", 0),
    (r" \w+  # a word\n", re.IGNORECASE | re.VERBOSE),
    (rb"[\x80-\xff]+", 0),
    (r"\w+", re.ASCII),
]
TEXTS: list[str | bytes] = ["截止18:00，共12起（已处理）", "ab-12 Cd-7 T01-DM", b"caf\xc3\xa9 ok"]


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The patterns kept in a file of the test's own, compiled afresh (re's cache empty)."""
    path = tmp_path / "regex-code.marshal"
    monkeypatch.setattr(regex_code, "_FILE", str(path))
    re.purge()
    yield path
    regex_code.stop_keeping_patterns()
    re.purge()


def _compiled() -> list[re.Pattern[str] | re.Pattern[bytes]]:
    re.purge()
    return [re.compile(pattern, flags) for pattern, flags in PATTERNS]


def _found(pattern: re.Pattern[str] | re.Pattern[bytes]) -> list[object]:
    texts = [text for text in TEXTS if isinstance(text, type(pattern.pattern))]
    return [[m.span() for m in pattern.finditer(text)] for text in texts]  # type: ignore[arg-type]


def test_the_patterns_read_back_are_the_patterns_re_compiles(
    kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stock = _compiled()
    regex_code.keep_compiled_patterns()
    first = _compiled()
    regex_code.stop_keeping_patterns()
    assert kept.is_file()
    made: list[object] = []
    making = regex_code._made
    monkeypatch.setattr(regex_code, "_made", lambda *args: made.append(args) or making(*args))
    regex_code.keep_compiled_patterns()  # the next start
    again = _compiled()
    regex_code.stop_keeping_patterns()
    assert made == []  # every pattern came from the file
    for patterns in (first, again):
        assert patterns == stock  # a pattern equals another with the same flags and code
        assert [p.groupindex for p in patterns] == [p.groupindex for p in stock]
        assert [_found(p) for p in patterns] == [_found(p) for p in stock]
    assert re._compiler.compile is regex_code._re_compile  # type: ignore[attr-defined]


def test_a_pattern_with_an_error_is_refused_as_re_refuses_it(kept: Path) -> None:
    with pytest.raises(re.error) as stock:
        re.compile("(unclosed")
    regex_code.keep_compiled_patterns()
    with pytest.raises(re.error) as refused:
        re.compile("(unclosed")
    regex_code.stop_keeping_patterns()
    assert str(refused.value) == str(stock.value)
    assert not kept.exists()  # nothing else was compiled, nothing to keep


def test_a_file_that_is_not_ours_compiles_anew(kept: Path) -> None:
    kept.write_bytes(b"not marshal")
    regex_code.keep_compiled_patterns()
    patterns = _compiled()
    regex_code.stop_keeping_patterns()
    assert patterns == _compiled()
    assert len(marshal.loads(kept.read_bytes())["patterns"]) == len(PATTERNS)


def test_a_start_keeps_the_patterns_of_its_imports_and_none_made_after(
    demo_home: Path, tmp_path: Path
) -> None:
    kept = tmp_path / "regex-code.marshal"
    tui_started(  # once home shows its data, a search is compiled
        "import re\nre.compile('sought 东方市场 13800138000')\n",
        before=f"from fieldapp.tui import regex_code\nregex_code._FILE = {str(kept)!r}\n",
    )
    patterns = [pattern for pattern, _ in marshal.loads(kept.read_bytes())["patterns"]]
    assert kinsoku._PIECE.pattern in patterns  # compiled as the TUI's modules were imported
    assert [p for p in patterns if "13800138000" in str(p)] == []


def test_code_the_engine_refuses_is_compiled_as_re_compiles_it(kept: Path) -> None:
    """A file whose kept code this Python's engine will not take (another build's, or
    damaged) costs a compile, never the start: the pattern matches as `re`'s own."""
    stock = _compiled()
    regex_code.write_marshal(
        str(kept),
        {"python": regex_code._VERSION, "patterns": {(p, int(f)): (0, [], 0) for p, f in PATTERNS}},
    )
    regex_code.keep_compiled_patterns()
    assert [_found(p) for p in _compiled()] == [_found(p) for p in stock]
