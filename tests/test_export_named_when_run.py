"""The export (ctrl+e) writes the file the 保存到 field names, and never overwrites a file
without saying so: F10 twice rewrote ledger-20261206-133011.xlsx; then the field showed
…-053953 and F10 wrote …-053959, named anew when it ran, so the name a person read to find
the file was not the file's. Once the rows are written, the bar no longer
stands at 100% "exporting" while the other sheets and the workbook are saved."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from pilot_support import SIZE, open_screen, settle
from textual.widgets import Input, ProgressBar, Static

from fieldapp.domain import clock
from fieldapp.domain.clock import wall_clock
from fieldapp.i18n import t
from fieldapp.services.common.file_names import free_path
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.export import ExportScreen

OPENED = dt.datetime(2026, 12, 6, 5, 30, 11, tzinfo=dt.UTC)


async def export(app, pilot, screen: ExportScreen) -> Path:  # type: ignore[no-untyped-def]
    await pilot.press("f10")
    await settle(app, pilot, rounds=3)
    (written,) = screen.written
    assert screen.query_one("#export-path", Input).value == str(written)
    return written


async def test_the_export_is_written_under_the_name_shown_and_none_overwritten(
    demo_supervisor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    moment = [OPENED]
    monkeypatch.setattr(clock, "_now", lambda: moment[0])
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        opened_as = Path(screen.query_one("#export-path", Input).value)
        moment[0] = OPENED + dt.timedelta(minutes=7)
        first = await export(app, pilot, screen)
        assert first == opened_as  # the name shown, not the moment F10 was pressed
        opened = wall_clock(OPENED).strftime("%Y%m%d-%H%M%S")
        assert first.name == f"ledger-{opened}.xlsx"
        first_bytes = first.read_bytes()
        second = await export(app, pilot, screen)  # the same name again: another file
        assert second.name == first.name.replace(".xlsx", "-2.xlsx")
        assert first.read_bytes() == first_bytes and zipfile.is_zipfile(second)
        said = str(screen.query_one("#export-status", Static).render())
        assert t("export.not_overwritten", path=str(first)).split(" was")[0] in said


async def test_a_typed_name_held_already_is_kept_and_another_written(
    demo_supervisor: Path, tmp_path: Path
) -> None:
    held = tmp_path / "台账.xlsx"
    held.write_bytes(b"the office's own workbook")
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        screen.query_one("#export-path", Input).value = str(held)
        written = await export(app, pilot, screen)
        assert written == tmp_path / "台账-2.xlsx"
        said = str(screen.query_one("#export-status", Static).render())
        assert t("export.not_overwritten", path=str(held)) in said
    assert held.read_bytes() == b"the office's own workbook"


def test_csv_is_renamed_when_any_of_its_files_is_there(tmp_path: Path) -> None:
    (tmp_path / "ledger_findings.csv").write_text("")
    assert free_path(tmp_path / "ledger.csv", "csv") == tmp_path / "ledger-2.csv"
    assert free_path(tmp_path / "ledger.xlsx", "xlsx") == tmp_path / "ledger.xlsx"


async def test_the_rows_written_the_bar_says_the_file_is_being_saved(
    demo_supervisor: Path,
) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        screen.post_message(ExportScreen.ExportProgress(40, 120))
        await settle(app, pilot)
        bar = screen.query_one("#export-progress", ProgressBar)
        assert bar.percentage is not None and bar.percentage < 1
        screen.post_message(ExportScreen.ExportProgress(120, 120))
        await settle(app, pilot)
        assert bar.percentage is None  # still working, not a full bar standing still
        assert str(screen.query_one("#export-status", Static).render()) == t("export.saving")
