"""The TUI launched in a fresh Python as `fieldapp` launches it (headless, exiting once the
home screen shows its data), with code of a test's own run at that first frame; or started
the same way in the test's own process, under Pilot, with the nodes restyled counted."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.dom import DOMNode

ROOT = Path(__file__).resolve().parent.parent


def tui_started(at_first_frame: str, *, before: str = "", after: str = "") -> str:
    """What the launch printed. `before` runs first (module-level code), `at_first_frame`
    as home's data is first shown (`self` is the app; Textual holds what it prints) and
    `after` once the app has ended; the modules are imported by `startup.run_tui` itself,
    in its order."""
    code = (
        "import os, sys\n"
        "from fieldapp.tui import marks, startup\n"
        f"{before}"
        "os.environ.update(FIELDAPP_BENCH_EXIT_ON_READY='1',\n"
        "    TEXTUAL_DRIVER='textual.drivers.headless_driver:HeadlessDriver')\n"
        "noted = marks.mark\n"
        "def mark(step):\n"
        "    if step == 'imported':  # run_tui imported the TUI: FieldApp can be reached\n"
        "        app = sys.modules['fieldapp.tui.app'].FieldApp\n"
        "        ready = app._bench_ready\n"
        "        def at_first_frame(self):\n"
        f"{textwrap.indent(at_first_frame, ' ' * 12)}"
        "            ready(self)\n"
        "        app._bench_ready = at_first_frame\n"
        "    noted(step)\n"
        "marks.mark = mark\n"
        "startup.run_tui(None)\n"
        f"{after}"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def restyles_of(
    node_type: type[DOMNode],
    monkeypatch: pytest.MonkeyPatch,
    named: Callable[[DOMNode], str | None] = lambda node: node.id,
) -> list[str | None]:
    """The `node_type`s restyled from now on, each as `named` names it (by default its id)."""
    restyled: list[str | None] = []
    restyle = node_type.update_node_styles

    def counted(self: DOMNode, animate: bool = True) -> None:
        restyled.append(named(self))
        restyle(self, animate)

    monkeypatch.setattr(node_type, "update_node_styles", counted)
    return restyled


@asynccontextmanager
async def started_at_home(size: tuple[int, int] = (80, 24)) -> AsyncIterator[tuple[Any, Any]]:
    """The app started as `fieldapp` starts it, in Chinese at `size` (home's view built
    while Textual is imported), and driven past the start to home: its app and pilot."""
    from pilot_support import at_home

    from fieldapp.tui.app import make_app
    from fieldapp.tui.views.home import start_building_home_view

    start_building_home_view()
    app = make_app(lang="zh")
    async with app.run_test(size=size) as pilot:
        await at_home(app, pilot)
        yield app, pilot
