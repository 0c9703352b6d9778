"""Fixtures shared by every test.

- `home`: a fresh temporary FIELDAPP_HOME with its store opened (migrated); closed after.
- `demo_info` / `demo_home`: `home` filled by the demo builder with 60 venues (seed 7),
  the device acting as the first inspector. `demo_info` is the builder's `DemoInfo`.
  Built once per worker, hour of fieldapp's clock and language; other tests get a copy.
- `frozen_clock`: fieldapp's clock stopped at `FROZEN_NOW` (a Wednesday, so every due
  bucket can be non-empty). Request it before `demo_home` to build the demo on that date.
- `chinese` / `chinese_in_utc`: the UI in Chinese for the test (and back after it); the
  second also sets local time to UTC, so a frozen clock gives the same day everywhere
  (snapshots). Modules ask for them with `pytestmark = pytest.mark.usefixtures(...)`.
- `tree`: `home` holding the small grid tree of `rounds_support`, with its movable clock
  in China time (the rounds, dashboard and daily-report tests).

Textual: animations are off (TEXTUAL_ANIMATIONS=none, set before Textual is imported),
so Pilot and snapshot tests do not depend on timing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

import trial_counts  # noqa: E402
from rounds_support import Clock, build_tree, china_clock  # noqa: E402

from fieldapp.domain import clock  # noqa: E402
from fieldapp.i18n import language, set_language  # noqa: E402
from fieldapp.paths import store_path  # noqa: E402
from fieldapp.services.demo.workspace import DemoInfo, build_workspace  # noqa: E402
from fieldapp.store.opening import close_store, open_store  # noqa: E402

FROZEN_NOW = dt.datetime(2026, 6, 10, 2, 0, tzinfo=dt.UTC)


def pytest_configure(config: pytest.Config) -> None:
    trial_counts.configure(config)


# The longest modules (minutes each on 2 CPUs) start first, so that with parallel workers
# the run does not end with one worker alone on the schema fuzz.
LONGEST_FIRST = (
    "tests/sync/test_schema_fuzz.py",
    "tests/sync/test_faults.py",
    "tests/test_review_screen_bulk.py",
    "tests/test_review_screen_queues.py",
    "tests/test_wedge_scan.py",
    "tests/sync/test_incident_media_faults.py",
    "tests/test_sync_ui.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {path: n for n, path in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))


def pytest_sessionfinish(session: pytest.Session) -> None:
    trial_counts.hand_over(session)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The fault suite's trial counts, so CI output shows how much was tried."""
    trial_counts.print_summary(terminalreporter)


DEMO_VENUES = 60


@pytest.fixture(autouse=True)
def language_kept() -> Iterator[None]:
    """A test that switches the language (`--lang en` on a command, F9 in the app) does
    not leave the next test in it."""
    before = language()
    yield
    set_language(before)


@pytest.fixture(autouse=True)
def office_zone_forgotten() -> Iterator[None]:
    """A store synced from a server says the office's time zone (`clock.use_zone`) until
    another store opens; a test that opens none then is not left in it."""
    yield
    clock.use_zone(None)


@pytest.fixture(autouse=True)
def reminders_where_asked(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The daily report's reminder follows the wall clock: past a grid's deadline every app
    start shows one, and a test that counts notices passed or failed with the hour the
    suite ran at. It runs only in tests marked `reminders`, which set the clock for it."""
    if request.node.get_closest_marker("reminders") is None:
        from fieldapp.tui.screens.report_reminders import ReportReminders

        monkeypatch.setattr(ReportReminders, "_check", lambda self: None)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A temporary FIELDAPP_HOME with its store open for the test."""
    path = tmp_path / "home"
    path.mkdir()
    monkeypatch.setenv("FIELDAPP_HOME", str(path))
    open_store(store_path(path))
    yield path
    close_store()


# Built demo stores, kept per worker: (fieldapp's hour, language) -> (copy, builder's report).
_DEMO_BUILT: dict[tuple[str, str], tuple[Path, DemoInfo]] = {}


@pytest.fixture
def demo_info(home: Path, tmp_path_factory: pytest.TempPathFactory) -> DemoInfo:
    """The demo builder's report for a small demo in `home` (store left open).

    The builder runs once per hour of fieldapp's clock (frozen or not) and language in
    each worker (~2 s of CPU, asked for by ~100 tests); later tests get a copy of the
    store it made."""
    key = (clock.now().strftime("%Y-%m-%d %H"), language())
    store = store_path(home)
    if key not in _DEMO_BUILT:
        info = build_workspace(home, venues=DEMO_VENUES, seed=7)
        close_store()  # the WAL checkpointed into the file
        kept = tmp_path_factory.mktemp("demo-built") / store.name
        shutil.copy2(store, kept)
        open_store(store)
        _DEMO_BUILT[key] = (kept, info)
        return info
    kept, info = _DEMO_BUILT[key]
    close_store()
    shutil.copy2(kept, store)
    open_store(store)
    return dataclasses.replace(info, home=home, store=store)


@pytest.fixture
def demo_home(demo_info: DemoInfo) -> Path:
    """`home` holding a small demo workspace, acting as the first inspector."""
    return demo_info.home


@pytest.fixture
def demo_supervisor(demo_home: Path) -> Path:
    """The demo workspace, this device acting as its supervisor (a grid head)."""
    from fieldapp.services.demo.workspace import act_as

    act_as("supervisor")
    return demo_home


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    """Stop fieldapp's clock at FROZEN_NOW for the test."""
    monkeypatch.setattr(clock, "_now", lambda: FROZEN_NOW)
    return FROZEN_NOW


@pytest.fixture
def tree(home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    """`home` with the small grid tree of rounds_support; the clock runs in China time and
    can be moved to any day."""
    with china_clock(monkeypatch) as moving:
        build_tree()
        yield moving


@pytest.fixture
def chinese() -> Iterator[None]:
    set_language("zh")
    yield
    set_language("zh")


@pytest.fixture
def english() -> Iterator[None]:
    """The English wording (tests that assert it); Chinese, the default, again after."""
    set_language("en")
    yield
    set_language("zh")


@pytest.fixture
def chinese_in_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Chinese, and local time = UTC, so the frozen clock gives the same day everywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    set_language("zh")
    yield
    set_language("zh")
    monkeypatch.undo()
    time.tzset()
