"""The cold-start bench measures both programs at one terminal size: without a tty,
Textual's first size (rich's Console, 80×25) and the headless driver's (shutil, 80×24)
disagree, and each program was laid out and rendered twice, which no user's terminal
does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SIZES_APP = """
from textual.app import App

class Sizes(App[list[str]]):
    seen: list[str] = []

    def on_mount(self) -> None:
        self.set_timer(0.2, lambda: self.exit(self.seen))

    def on_resize(self, event) -> None:
        self.seen.append(f"{event.size.width}x{event.size.height}")

print(" ".join(Sizes().run(headless=True) or []))
"""


def test_both_programs_get_one_terminal_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "bench"))
    from bench_cold_start import HEADLESS, _env

    env = _env(tmp_path)
    assert env["TEXTUAL_DRIVER"] == HEADLESS
    done = subprocess.run(
        [sys.executable, "-c", SIZES_APP],
        env=env,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    sizes = done.stdout.split()
    assert sizes, done.stdout
    assert set(sizes) == {"80x24"}, sizes
