"""Cold start to the home screen with 100,000 venues and 1,000,000 answers, as a ratio to
a bare Textual app that shows one Static (goal ≤ 1.3×), both measured in the same run.

Each program is launched as a fresh subprocess with Textual's headless driver; the time
is from launch to the first frame that shows the home screen's data, and to process
exit. Each program notes when it reached each step in the file FIELDAPP_BENCH_MARKS
names (its modules imported, the home data read, that first frame), so the bench prints
the breakdown. `fieldapp` is the installed console script (the real entry point,
`fieldapp.launch:main`) and honours FIELDAPP_BENCH_EXIT_ON_READY=1 by exiting as soon as
the home screen's data is displayed; the bare app exits after its first refresh. Runs alternate between the two so drift affects both alike.

Both sides get the same terminal size, 80×24, from COLUMNS and LINES in their
environment. This is a fix of the measurement, not of either program: without a terminal,
Textual takes its first size from rich's Console (80×25 when there is no tty) while the
headless driver's first Resize says shutil's 80×24, so each program was laid out and
rendered at 80×25 and then again at 80×24. A user's terminal gives both the same size, so
that second layout only ever happened here, and it cost fieldapp (whose home takes
longer to compose, so the driver's size arrives after the first frame) more than the bare
app (~10 ms of CPU against ~0).

Both sides run from bytecode, as an installed program does: Textual's modules were
compiled when pip installed it, and fieldapp's are compiled here first (an editable
install under PYTHONDONTWRITEBYTECODE=1 would otherwise compile them on every start).
"""

from __future__ import annotations

import compileall
import json
import os
import resource
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
TERMINAL = (80, 24)


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        FIELDAPP_HOME=str(home),
        FIELDAPP_BENCH_EXIT_ON_READY="1",
        TEXTUAL_DRIVER=HEADLESS,
        COLUMNS=str(TERMINAL[0]),  # one size for rich's Console and the headless driver
        LINES=str(TERMINAL[1]),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")])),
    )
    return env


class NotReady(RuntimeError):
    """The program did not reach its ready point."""


Marks = dict[str, float]  # start-up step -> ms after launch


def _time(command: list[str], env: dict[str, str], marks_file: Path) -> Marks:
    """One launch: ms from launch to each step the program noted, and to its exit."""
    marks_file.unlink(missing_ok=True)
    env = {**env, "FIELDAPP_BENCH_MARKS": str(marks_file)}
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    launched = time.time()
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
    noted = json.loads(marks_file.read_text()) if marks_file.exists() else {}
    marks = {step: (at - launched) * 1000 for step, at in noted.items()}
    marks["exit"] = elapsed * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_s = after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime
    marks["cpu"] = cpu_s * 1000  # CPU time of the whole run: steadier than wall time under load
    return marks


def _console_script() -> str:
    """The `fieldapp` console script of this interpreter's environment."""
    beside = Path(sys.executable).with_name("fieldapp")
    found = str(beside) if beside.exists() else shutil.which("fieldapp")
    if found is None:
        raise SystemExit("cold start: the `fieldapp` console script is not installed")
    return found


STEPS = (
    ("imported", "imported (Python, Textual and the app's modules)"),
    ("data", "home data read (in a thread, overlapping the imports)"),
    ("ready", "first frame with the data"),
    ("exit", "process exit"),
    ("cpu", "CPU time, launch to exit (user + system)"),
)


def _median(runs: list[Marks], step: str) -> float | None:
    values = [run[step] for run in runs if step in run]
    return statistics.median(values) if values else None


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
    marks_file = home.parent / f"cold-start-marks-{os.getpid()}.json"
    try:
        _time(bare_cmd, env, marks_file)  # warm the OS caches for both
        _time(fieldapp_cmd, env, marks_file)
        bare: list[Marks] = []
        app: list[Marks] = []
        for _ in range(RUNS):
            bare.append(_time(bare_cmd, env, marks_file))
            app.append(_time(fieldapp_cmd, env, marks_file))
    except NotReady as error:
        print(f"cold start: could not measure — {error}")
        sys.exit(1)
    finally:
        marks_file.unlink(missing_ok=True)
    print("cold start to the home screen, 100,000 venues and 1,000,000 answers (headless)")
    print(f"  median ms after launch        {'bare Textual':>12} {'fieldapp':>9}")
    for step, label in STEPS:
        cells = [_median(runs, step) for runs in (bare, app)]
        shown = [f"{c:.0f}" if c is not None else "-" for c in cells]
        print(f"  {label:<54.54} {shown[0]:>6} {shown[1]:>8}")
    ready = [(b["ready"], a["ready"]) for b, a in zip(bare, app, strict=True)]
    print(f"  ready, per run (bare/fieldapp): {', '.join(f'{b:.0f}/{a:.0f}' for b, a in ready)}")
    ratio = statistics.median(a for _, a in ready) / statistics.median(b for b, _ in ready)
    exit_ratio = statistics.median(a["exit"] for a in app) / statistics.median(
        b["exit"] for b in bare
    )
    spread = sorted(a / b for b, a in ready)
    cpu_ratio = statistics.median(a["cpu"] for a in app) / statistics.median(b["cpu"] for b in bare)
    verdict = "meets" if ratio <= GOAL else "misses"
    print(
        f"cold start: ratio {ratio:.2f}× to the first frame with data (per-run range "
        f"{spread[0]:.2f}–{spread[-1]:.2f}×; {exit_ratio:.2f}× to process exit, "
        f"{cpu_ratio:.2f}× in CPU time) — "
        f"{verdict} the goal of ≤ {GOAL}×"
    )


if __name__ == "__main__":
    main()
