"""Start-up: the CLI imports its subcommands on use, the TUI skips the PostgreSQL drivers,
and the home data read at start-up is the same as a fresh read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from fieldapp.cli import LAZY_COMMANDS, main
from fieldapp.services.inspection import home as home_service

ROOT = Path(__file__).resolve().parent.parent


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_cli_imports_no_subcommand_until_used() -> None:
    loaded = _run(
        "import sys, fieldapp.cli\n"
        "heavy = ('peewee', 'textual', 'fastapi', 'pydantic', 'openpyxl', 'fpdf', 'psycopg')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy "
        "or m.startswith('fieldapp.cli_')))\n"
    )
    assert loaded == "[]"


def test_help_lists_every_command_and_each_resolves() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0, result.output
    for name in LAZY_COMMANDS:
        assert f"  {name} " in result.output
        sub = CliRunner().invoke(main, [name, "--help"])
        assert sub.exit_code == 0, (name, sub.output)


def test_tui_start_skips_psycopg_but_leaves_it_importable() -> None:
    out = _run(
        "import sys\n"
        "from fieldapp.tui.startup import import_peewee_without_postgres\n"
        "import_peewee_without_postgres()\n"
        "print('psycopg' in sys.modules, 'peewee' in sys.modules)\n"
        "import importlib.util\n"
        "print(importlib.util.find_spec('psycopg') is not None)\n"
    )
    assert out.splitlines()[0] == "False True"


def test_home_view_made_at_start_up_matches_a_fresh_one(demo_home: Path) -> None:
    from fieldapp.tui.views.home import (
        build_home_view,
        start_building_home_view,
        take_early_home_view,
    )

    start_building_home_view()
    early = take_early_home_view(wait=30)
    assert early is not None
    assert take_early_home_view(wait=0) is None  # taken once
    fresh = build_home_view()
    assert early.counts == fresh.counts
    assert early.due == fresh.due
    assert early.grid_codes == fresh.grid_codes and early.grid_codes
    assert early.unsynced == fresh.unsynced


def test_due_page_order_is_overdue_first_then_by_code(demo_home: Path) -> None:
    from fieldapp.domain.clock import today
    from fieldapp.store.models import Venue

    data = home_service.load_home()
    grids = list(data.grid_codes)
    day = today()
    every = list(Venue.select().where(home_service.due_condition(grids, day)))
    every.sort(key=lambda v: (v.due_on or day, v.code))
    first = home_service.due_venues(grids, day, limit=7)
    second = home_service.due_venues(grids, day, limit=7, offset=7)
    assert [v.id for v in first + second] == [v.id for v in every[:14]]


async def test_the_first_sync_probe_waits_for_the_home_data(demo_home: Path) -> None:
    """The probe imports the sync client in a thread; at mount it delayed the first screen."""
    from textual.message import Message

    from fieldapp.tui.app import make_app
    from fieldapp.tui.parts.syncing import ConnectionChecked
    from fieldapp.tui.screens.home import HomeScreen

    seen: list[Message] = []
    app = make_app()
    async with app.run_test(size=(120, 36), message_hook=seen.append) as pilot:
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
        kinds = [type(m) for m in seen if isinstance(m, HomeScreen.Loaded | ConnectionChecked)]
        assert ConnectionChecked in kinds  # the status bar did get its probe
        assert kinds.index(HomeScreen.Loaded) < kinds.index(ConnectionChecked)
        assert app.report_reminders is not None  # started with it


async def test_home_data_read_at_start_up_is_in_the_first_frame(demo_home: Path) -> None:
    """With the data read at start-up, the home screen shows it as it mounts: no loading
    frame, and no second read of the store in a worker."""
    from textual.worker import Worker

    from fieldapp.i18n import t
    from fieldapp.tui.app import make_app
    from fieldapp.tui.screens.home import HomeScreen
    from fieldapp.tui.views.home import start_building_home_view
    from fieldapp.tui.widgets import PagedTable

    start_building_home_view()
    seen: list[object] = []
    shown_when_loaded: list[str] = []  # what the screen showed as Loaded was posted

    def hook(message: object) -> None:
        seen.append(message)
        if isinstance(message, HomeScreen.Loaded) and not shown_when_loaded:
            shown_when_loaded.append(str(app.screen.query_one("#me-name").render()))

    app = make_app()
    async with app.run_test(size=(120, 36), message_hook=hook) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert str(home.query_one("#me-name").render()) != t("home.loading")
        assert home.query_one("#due", PagedTable).row_count > 0
        loads = [m for m in seen if isinstance(m, Worker.StateChanged) and m.worker.group == "home"]
        assert loads == []  # the rows were taken from the start-up read
        loaded = {id(m) for m in seen if isinstance(m, HomeScreen.Loaded)}  # it bubbles
        assert len(loaded) == 1
        assert shown_when_loaded and shown_when_loaded[0] != t("home.loading")


def test_the_tui_opens_without_the_command_line() -> None:
    """`fieldapp` (or `fieldapp --lang en`) opens the TUI without importing click; any
    command goes to the command line."""
    from fieldapp.launch import tui_language

    assert tui_language([]) == (True, None)
    assert tui_language(["--lang", "en"]) == (True, "en")
    assert tui_language(["--lang=zh"]) == (True, "zh")
    assert tui_language(["--lang", "fr"])[0] is False  # click says what is wrong
    assert tui_language(["--help"])[0] is False
    assert tui_language(["demo"])[0] is False
    loaded = _run(
        "import sys, fieldapp.launch, fieldapp.tui.startup\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'click'))\n"
    )
    assert loaded == "[]"


def test_the_collector_waits_for_the_first_frame_only(demo_home: Path) -> None:
    """`fieldapp` starts without cyclic garbage collection (it scanned the start-up's
    ~130,000 long-lived objects over and over, ~90 ms of a launch) and collects again by
    the time the home screen shows its data, with those objects set aside for good: a day
    of use does not pile up garbage."""
    out = _run(
        "import gc, os\n"
        "from fieldapp.tui import app as tui_app, startup\n"
        "os.environ.update(FIELDAPP_BENCH_EXIT_ON_READY='1',\n"
        "    TEXTUAL_DRIVER='textual.drivers.headless_driver:HeadlessDriver')\n"
        "seen = []\n"
        "ready = tui_app.FieldApp._bench_ready\n"
        "def noted(self):\n"
        "    seen.append((gc.isenabled(), gc.get_freeze_count() > 10_000))\n"
        "    ready(self)\n"
        "tui_app.FieldApp._bench_ready = noted\n"
        "startup.run_tui(None)\n"
        "print(seen)\n"
    )
    assert out == "[(True, True)]"
