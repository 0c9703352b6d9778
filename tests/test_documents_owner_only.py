"""Notices, hand-over letters and incident letters carry the responsible person's name
and full phone: they are written readable by their owner only (0600), as the ledger is,
and the documents folder the app makes for them is owner-only (0700), whatever the umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from incident_letter_support import handed_over_incident
from review_world import World, build_world, notice_and_letter

from fieldapp.services.incidents import letters
from fieldapp.store import close_store


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    before = os.umask(0o022)  # the usual umask, under which files come out 0644
    yield
    os.umask(before)


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path))
    yield build_world(tmp_path)
    close_store()


def test_the_cli_writes_notices_and_letters_for_their_owner_only(
    world: World, tmp_path: Path
) -> None:
    from fieldapp.cli import main

    fid = notice_and_letter(world)
    close_store()
    notice, letter = tmp_path / "notice.pdf", tmp_path / "letter.pdf"
    runner = CliRunner()
    result = runner.invoke(main, ["notice", "--venue", "DM-0001", "--out", str(notice)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["handover-letter", "--finding", fid, "--out", str(letter)])
    assert result.exit_code == 0, result.output
    assert (_mode(notice), _mode(letter)) == (0o600, 0o600)


def test_the_incident_letter_and_its_folder_are_owner_only(demo_home: Path) -> None:
    incident_id = handed_over_incident(people="张三 摊主 电话13800138000")
    documents = demo_home / "documents"
    if documents.exists():  # made by an earlier print, under a looser program
        documents.chmod(0o755)

    path = letters.write_letter([incident_id])

    assert path.parent == documents
    assert _mode(path) == 0o600 and _mode(documents) == 0o700


@pytest.mark.usefixtures("chinese")
async def test_the_apps_exports_folder_is_owner_only(frozen_clock: object, demo_home: Path) -> None:
    from pilot_support import SIZE, open_screen

    from fieldapp.tui.app import make_app
    from fieldapp.tui.screens.export import ExportScreen

    exports = demo_home / "exports"
    exports.mkdir(mode=0o755, exist_ok=True)
    exports.chmod(0o755)  # as an earlier version left it
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        await pilot.pause()
        assert screen.is_attached
    assert _mode(exports) == 0o700
