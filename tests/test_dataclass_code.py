"""The dataclasses' methods compiled once and kept for the next start
(`fieldapp.tui.dataclass_code`): the classes are the same as stock ones, the second start
compiles nothing, and a file that is not ours or cannot be written changes nothing."""

from __future__ import annotations

import collections
import dataclasses
import importlib.util
import marshal
import os
import subprocess
import sys
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldapp.tui import dataclass_code

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The compiled texts kept in a file of the test's own; dataclasses' own exec after."""
    path = tmp_path / "dataclass-code.marshal"
    monkeypatch.setattr(dataclass_code, "_FILE", str(path))
    yield path
    dataclass_code.stop_keeping()


def _make() -> type:
    @dataclasses.dataclass(frozen=True)
    class Row:
        code: str
        names: tuple[str, ...] = ()
        count: int = dataclasses.field(default=0, compare=False)

    return Row


def _compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts compiled from now on."""
    seen: list[str] = []

    def compiling(source: str, *args: object, **kwargs: object) -> object:
        seen.append(source)
        return compile(source, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(dataclass_code, "compile", compiling, raising=False)
    return seen


def test_a_class_made_from_kept_code_is_the_stock_class(
    kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stock = _make()
    dataclass_code.keep_compiled()
    first = _make()
    dataclass_code.stop_keeping()
    assert kept.is_file()
    compiled = _compiled(monkeypatch)
    dataclass_code.keep_compiled()  # the next start
    again = _make()
    dataclass_code.stop_keeping()
    assert compiled == []  # every method came from the file
    for made in (first, again):
        for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__"):
            ours, theirs = getattr(made, name), getattr(stock, name)
            assert ours.__code__.co_code == theirs.__code__.co_code, name
            assert ours.__annotations__ == theirs.__annotations__, name
        row = made("A1", ("x",), 3)
        assert repr(row) == repr(stock("A1", ("x",), 3))
        assert row == made("A1", ("x",), 4) and hash(row) == hash(made("A1", ("x",), 4))
        assert row != made("A2") and made("A2").names == ()
        with pytest.raises(dataclasses.FrozenInstanceError):
            row.code = "B"  # type: ignore[misc]
    assert not hasattr(dataclasses, "exec")  # dataclasses' own exec again


def _make_named() -> Any:
    return collections.namedtuple("Span", ["start", "end", "label"], defaults=("",))


def test_a_named_tuple_made_from_kept_code_is_the_stock_one(
    kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stock = _make_named()
    dataclass_code.keep_compiled()
    first = _make_named()
    dataclass_code.stop_keeping()
    compiled = _compiled(monkeypatch)
    dataclass_code.keep_compiled()  # the next start
    again = _make_named()
    dataclass_code.stop_keeping()
    assert compiled == []  # its __new__ came from the file
    assert any(
        key.startswith(dataclass_code._EVAL) for key in marshal.loads(kept.read_bytes())["codes"]
    )
    for made in (first, again):
        assert made.__new__.__code__.co_code == stock.__new__.__code__.co_code
        span = made(1, 2)
        assert span == stock(1, 2) == (1, 2, "") and repr(span) == "Span(start=1, end=2, label='')"
        assert span.end == 2 and made._make([3, 4, "x"]).label == "x"
        with pytest.raises(TypeError):
            made(1)  # the end has no default
    assert not hasattr(collections, "eval")  # collections' own eval again


def test_an_annotation_compiled_from_kept_code_is_the_stock_one(
    kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "dict[str, list[int]]"
    stock = typing.ForwardRef(text)
    dataclass_code.keep_compiled()
    first = typing.ForwardRef(text)
    dataclass_code.stop_keeping()
    compiled = _compiled(monkeypatch)
    dataclass_code.keep_compiled()  # the next start
    again = typing.ForwardRef(text)
    dataclass_code.stop_keeping()
    assert compiled == []  # from the file, where the first start kept it
    assert dataclass_code._EVAL + text in marshal.loads(kept.read_bytes())["codes"]
    for made in (first, again):
        assert made == stock and made.__forward_code__.co_code == stock.__forward_code__.co_code
        assert typing.get_type_hints(_Annotated, {"Ref": made}) == {"value": dict[str, list[int]]}
    with pytest.raises(SyntaxError):  # a text that is no expression fails as it did
        dataclass_code.keep_compiled()
        try:
            typing.ForwardRef("not an expression (")
        finally:
            dataclass_code.stop_keeping()
    assert not hasattr(typing, "compile")  # typing's own compile again


class _Annotated:
    value: Ref  # type: ignore[name-defined]  # noqa: F821  # resolved from the test's names


def test_a_new_text_is_compiled_and_kept(kept: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dataclass_code.keep_compiled()
    _make()
    dataclass_code.stop_keeping()
    dataclass_code.keep_compiled()

    @dataclasses.dataclass
    class Other:
        unlike_any_other_field: int

    dataclass_code.stop_keeping()
    held = marshal.loads(kept.read_bytes())["codes"]
    assert any("unlike_any_other_field" in text for text in held)
    assert Other(2) == Other(2) and Other(2).unlike_any_other_field == 2


def test_kept_code_of_another_python_or_a_broken_file_is_not_used(
    kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dataclass_code.keep_compiled()
    _make()
    dataclass_code.stop_keeping()
    codes = marshal.loads(kept.read_bytes())["codes"]
    for content in (
        marshal.dumps({"magic": b"\0\0\r\n", "codes": codes}),
        b"not marshal",
    ):
        kept.write_bytes(content)
        compiled = _compiled(monkeypatch)
        dataclass_code.keep_compiled()
        row = _make()("A1")
        dataclass_code.stop_keeping()
        assert compiled and row.code == "A1"
        assert marshal.loads(kept.read_bytes())["magic"] == importlib.util.MAGIC_NUMBER


def test_kept_code_that_cannot_be_written_still_makes_classes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"  # where the file's directory would be
    blocker.write_text("")
    monkeypatch.setattr(dataclass_code, "_FILE", str(blocker / "dataclass-code.marshal"))
    dataclass_code.keep_compiled()
    try:
        assert _make()("A1").code == "A1"
    finally:
        dataclass_code.stop_keeping()
    assert os.listdir(tmp_path) == ["a-file"]  # no partial file left either


def test_the_second_start_compiles_no_dataclass_before_the_first_frame(
    demo_home: Path, tmp_path: Path
) -> None:
    code = (
        "import dataclasses, os, sys, time\n"
        "from fieldapp.tui import dataclass_code, startup\n"
        f"dataclass_code._FILE = {str(tmp_path / 'kept.marshal')!r}\n"
        "os.environ.update(FIELDAPP_BENCH_EXIT_ON_READY='1',\n"
        "    TEXTUAL_DRIVER='textual.drivers.headless_driver:HeadlessDriver')\n"
        "seen = []\n"
        "def noted(self):\n"
        "    seen.append((dataclass_code._compiled_anew, len(dataclass_code._used)))\n"
        "    time.sleep(float(os.environ.get('LINGER', '0')))\n"
        "    ready(self)\n"
        "dataclass_code.keep_compiled()  # as run_tui does first: Textual's too\n"
        "startup.import_peewee_without_postgres()\n"
        "from fieldapp.tui import app as tui_app\n"
        "ready = tui_app.FieldApp._bench_ready\n"
        "tui_app.FieldApp._bench_ready = noted\n"
        "startup.run_tui(None)\n"
        "print(*seen[0], hasattr(dataclasses, 'exec'))\n"
    )

    def launch(linger: float = 0.0) -> list[str]:
        env = {**os.environ, "LINGER": str(linger)}
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.split()

    # The first start lives on 2 s after its first frame, as a user's does: what the
    # threads started after it (the connection check) make is kept too. Exiting at once,
    # the second start on a loaded machine made one of those before its own first frame.
    first = launch(linger=2.0)
    assert first[0] == "True" and first[2] == "False"
    second = launch()
    assert second[0] == "False" and int(second[1]) >= 300  # Textual's and ours, all kept


def test_a_text_is_compiled_once_in_a_start(kept: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled = _compiled(monkeypatch)
    dataclass_code.keep_compiled()
    _make()
    _make()  # the same class again: the same texts
    dataclass_code.stop_keeping()
    assert compiled and len(compiled) == len(set(compiled))
