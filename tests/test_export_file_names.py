"""The export (ctrl+e) writes a file whose name says its format: XLSX chosen and
/tmp/x.csv typed wrote a workbook under a .csv name. The other format's extension is
refused with what to do; a name with no format's extension gets the chosen one, and the
cursor is left at the end of the name the field then shows."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from pilot_support import SIZE, open_screen, settle
from textual.widgets import Input, Select, Static

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.export import ExportScreen


async def type_path(app, pilot, screen: ExportScreen, path: Path) -> None:  # type: ignore[no-untyped-def]
    field = screen.query_one("#export-path", Input)
    field.focus()
    field.value = ""  # the default path cleared, the new one typed
    await pilot.press(*str(path))
    await settle(app, pilot)


@pytest.mark.parametrize(
    ("lang", "fmt", "typed", "words"),
    [
        ("en", "xlsx", "x.csv", ["XLSX", ".csv", ".xlsx", "CSV"]),
        ("zh", "csv", "x.xlsx", ["CSV", ".xlsx", ".csv", "XLSX", "文件名"]),
    ],
)
async def test_a_name_in_the_other_format_is_refused_saying_what_to_do(
    demo_supervisor: Path, tmp_path: Path, lang: str, fmt: str, typed: str, words: list[str]
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        screen.query_one("#export-format", Select).value = fmt
        await settle(app, pilot)
        await type_path(app, pilot, screen, tmp_path / "out" / typed)
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        said = str(screen.query_one("#export-status", Static).render())
        assert all(word in said for word in words), said
        assert not screen.running and screen.written == ()
    assert not (tmp_path / "out").exists()  # nothing written under the wrong name


async def test_a_name_without_the_formats_extension_gets_it(
    demo_supervisor: Path, tmp_path: Path
) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        assert screen.query_one("#export-format", Select).value == "xlsx"
        await type_path(app, pilot, screen, tmp_path / "ledger")
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        out = tmp_path / "ledger.xlsx"
        assert screen.written == (out,)
        field = screen.query_one("#export-path", Input)
        assert field.value == str(out)
        # The cursor was left where typing stopped, before ".xlsx": the next name typed
        # after an export went in the middle of the path.
        assert field.cursor_position == len(field.value)
        await pilot.press("2")
        assert field.value == f"{out}2"
    assert zipfile.is_zipfile(out)  # a workbook, named as one
