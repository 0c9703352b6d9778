"""Cold start to the home screen with 100,000 venues and 1,000,000 answers, as a ratio to
a bare Textual app that shows one Static (goal ≤ 1.3×), both measured in the same run.

Each program is launched as a fresh subprocess with Textual's headless driver; the time
is from process start to process exit. `fieldapp` is the installed console script (the
real entry point, `fieldapp.cli:main`) and honours FIELDAPP_BENCH_EXIT_ON_READY=1 by
exiting as soon as the home screen's data is displayed; the bare app exits after its
first refresh. Runs alternate between the two so drift affects both alike.

Both sides run from bytecode, as an installed program does: Textual's modules were
compiled when pip installed it, and fieldapp's are compiled here first (an editable
install under PYTHONDONTWRITEBYTECODE=1 would otherwise compile them on every start).
"""

from __future__ import annotations

import compileall
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _workspace import ROOT, workspace

RUNS = 7
GOAL = 1.3
TIMEOUT_S = 120
HEADLESS = "textual.drivers.headless_driver:HeadlessDriver"


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        FIELDAPP_HOME=str(home),
        FIELDAPP_BENCH_EXIT_ON_READY="1",
        TEXTUAL_DRIVER=HEADLESS,
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")])),
    )
    return env


class NotReady(RuntimeError):
    """The program did not reach its ready point."""


def _time(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    try:
        done = subprocess.run(
            command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT_S
        )
    except subprocess.TimeoutExpired:
        raise NotReady(
            f"{' '.join(command)} did not exit within {TIMEOUT_S} s: the app must exit when "
            "FIELDAPP_BENCH_EXIT_ON_READY=1 and the home screen's data is shown"
        ) from None
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        raise NotReady(f"{' '.join(command)} exited with {done.returncode}: " + " | ".join(tail))
    return elapsed


def _console_script() -> str:
    """The `fieldapp` console script of this interpreter's environment."""
    beside = Path(sys.executable).with_name("fieldapp")
    found = str(beside) if beside.exists() else shutil.which("fieldapp")
    if found is None:
        raise SystemExit("cold start: the `fieldapp` console script is not installed")
    return found


def main() -> None:
    try:
        import fieldapp.tui.app  # noqa: F401
    except ImportError as error:
        print(f"cold start: skipped — the TUI (fieldapp.tui.app) is not available yet ({error})")
        return
    home = workspace()
    env = _env(home)
    fieldapp_cmd = [_console_script()]
    compileall.compile_dir(ROOT / "fieldapp", quiet=1)
    bare_cmd = [sys.executable, str(Path(__file__).with_name("_bare_app.py"))]
    try:
        _time(bare_cmd, env)  # warm the OS caches for both
        _time(fieldapp_cmd, env)
        bare: list[float] = []
        app: list[float] = []
        for _ in range(RUNS):
            bare.append(_time(bare_cmd, env))
            app.append(_time(fieldapp_cmd, env))
    except NotReady as error:
        print(f"cold start: could not measure — {error}")
        sys.exit(1)
    bare_ms = statistics.median(bare) * 1000
    app_ms = statistics.median(app) * 1000
    ratio = app_ms / bare_ms
    verdict = "meets" if ratio <= GOAL else "misses"
    print("cold start to the home screen, 100,000 venues and 1,000,000 answers (headless)")
    print(
        f"  bare Textual app: median {bare_ms:.0f} ms  ({', '.join(f'{t * 1000:.0f}' for t in bare)})"
    )
    print(
        f"  fieldapp:         median {app_ms:.0f} ms  ({', '.join(f'{t * 1000:.0f}' for t in app)})"
    )
    print(f"cold start: ratio {ratio:.2f}× ({verdict} the goal of ≤ {GOAL}×)")


if __name__ == "__main__":
    main()
