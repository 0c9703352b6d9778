"""The TUI launched in a fresh Python as `fieldapp` launches it (headless, exiting once the
home screen shows its data), with code of a test's own run at that first frame."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

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
