"""What the cold start to the home screen does not pay for: modules home does not need
before its first frame (a dialog's TextArea, the office-data checks, the follow-ups, the
people models)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

NOT_BEFORE_THE_FIRST_FRAME = (
    "textual.widgets._text_area",  # the wedge asked `isinstance(focused, TextArea)`
    "textual.document",
    "fieldapp.domain.expressions",  # the office-data checks, through the kinds' names
    "fieldapp.domain.expr_types",
    "fieldapp.domain.assessment",
    "fieldapp.domain.conditions",  # the follow-ups, through home's FollowupsDue message
    "fieldapp.services.followups.plans",
    "fieldapp.store.personal_data",  # the people models, through the lock and the outbox
    "fieldapp.store.people_models",
)


def _modules_at_the_first_frame() -> list[str]:
    """Launch the TUI as `fieldapp` does and list the modules loaded when home's data is
    first shown."""
    code = (
        "import os, sys\n"
        "from fieldapp.tui import app as tui_app, startup\n"
        "os.environ.update(FIELDAPP_BENCH_EXIT_ON_READY='1',\n"
        "    TEXTUAL_DRIVER='textual.drivers.headless_driver:HeadlessDriver')\n"
        "seen = []\n"
        "ready = tui_app.FieldApp._bench_ready\n"
        "def noted(self):\n"
        "    seen.extend(sorted(sys.modules))\n"
        "    ready(self)\n"
        "tui_app.FieldApp._bench_ready = noted\n"
        "startup.run_tui(None)\n"
        "print(' '.join(seen))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_home_shows_without_what_it_does_not_need(demo_home: Path) -> None:
    loaded = _modules_at_the_first_frame()
    assert "fieldapp.tui.screens.home" in loaded  # it did reach the first frame
    assert [m for m in NOT_BEFORE_THE_FIRST_FRAME if m in loaded] == []


def test_a_text_area_still_takes_a_burst_as_typing() -> None:
    """The wedge no longer imports TextArea; a focused one still types a fast burst (no
    hotkeys), as an Input does, once a dialog has brought it in."""
    from textual.widgets import Input, Label, TextArea

    from fieldapp.tui.widgets.wedge import typing_field

    assert typing_field(TextArea()) and typing_field(Input())
    assert not typing_field(Label()) and not typing_field(None)
