"""The export (ctrl+e): a bare name typed in 保存到 (`ledger1`) was written to the folder
the app was started from ("Exported … to /work/main/ledger1.xlsx"), out of the way of the
exports folder the field shows by default. A bare or relative name now goes into that
folder (<home>/exports/), and the result line says the full path."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from pilot_support import SIZE, open_screen, settle
from textual.widgets import Input, Static

from fieldapp.tui.app import make_app
from fieldapp.tui.screens.export import ExportScreen


async def test_a_bare_name_is_written_in_the_exports_folder(
    demo_supervisor: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started_in = tmp_path / "started-here"
    started_in.mkdir()
    monkeypatch.chdir(started_in)
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        shown = Path(screen.query_one("#export-path", Input).value)
        screen.query_one("#export-path", Input).value = "ledger1"
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        (written,) = screen.written
        assert written == shown.parent / "ledger1.xlsx"
        assert zipfile.is_zipfile(written)
        assert not list(started_in.iterdir())  # nothing where the app was started
        assert screen.query_one("#export-path", Input).value == str(written)
        assert str(written) in str(screen.query_one("#export-status", Static).render())
