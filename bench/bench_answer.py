"""Answer → next item, including the commit (goal: median ≤ 10 ms, issue 15).

The real app (`make_app`) driven by Pilot on a demo workspace (`build_workspace`) in a
store file on disk (WAL, synchronous=FULL, so every answer is fsynced). For each yes/no
item the time runs from pressing `y` to the frame that shows the next item: the moment
the compositor hands the updated screen to the driver (headless, so nothing is written).
Items that take a value (number, text, date, choice) are stepped over with → and not
timed; the last item of each inspection is left unanswered and the next venue is opened.

Also the commit alone: `services.inspection.inspections.record_answer` on the same store.

The reference, measured in the same run: a bare Textual app (one Static that shows the
number of keys pressed) timed the same way, key → the frame that shows the new number —
what Textual and the headless driver cost on this machine, now. The run is split into
rounds (bare, then app, each round); the ratio app / bare is printed per round with its
spread, so a loaded machine shows up in both and not as a regression.

The collector as `fieldapp` runs it: each app, the bare one too, is made with the
collector held (`tui.collector.hold_collector`, as `startup.run_tui` does before its
imports) and released after its first frame, which sets the heap made so far aside for
good (`gc.freeze`; `FieldApp.on_mount` releases it, and the bare app does the same).
Without it the bench timed what the app as run never does: full collections over the
whole start-up heap (70–170 ms about every 10 answers, the p90) and middle ones over its
survivors (~2.7 ms an answer). Each app starts from a heap like a new process's: what an
earlier round froze is thawed and collected first (untimed).
"""

from __future__ import annotations

import asyncio
import gc
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import _workspace  # noqa: F401  # puts the repository on sys.path

from fieldapp.tui.collector import hold_collector, release_collector

ANSWERS = 150
ROUNDS = 3
COMMITS = 300
GOAL_MS = 10.0
SIZE = (120, 36)


def _p90(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]


def _summary(times: list[float]) -> str:
    return f"median {statistics.median(times):.1f} ms, p90 {_p90(times):.1f} ms, n={len(times)}"


def _fresh_venues(count: int) -> list[str]:
    """Venues of my grids with no inspection yet, so each opens a new draft."""
    from fieldapp.services.common.identity import grid_codes_under, me
    from fieldapp.store.models import Inspection, Venue

    grids = grid_codes_under([code for code, _ in me().grids])
    inspected = Inspection.select(Inspection.venue)
    query = (
        Venue.select(Venue.id)
        .where(Venue.grid.in_(grids) & Venue.id.not_in(inspected))
        .order_by(Venue.code)
        .limit(count)
    )
    return [str(venue.id) for venue in query]


# CPU ms of the whole process (every thread) from each key to its frame, per phase: on a
# machine whose other work takes the cores, wall time waits for them and CPU time does not.
CPU: dict[str, list[float]] = {"bare": [], "app": []}


async def _key_to_frame(
    pilot: Any, frames: list[tuple[float, int]], before: int, phase: str
) -> float:
    """Press `y`; ms until a frame shows something other than `before` (the item index,
    or the bare app's count), as the display hook records frames."""
    await pilot.pause()
    frames.clear()
    cpu = time.process_time()
    start = time.perf_counter()
    await pilot.press("y")
    for _ in range(1000):
        if any(shown != before for _, shown in frames):
            break
        await pilot.pause()
    else:
        raise RuntimeError(f"no frame moved on from {before} after the key")
    when = next(at for at, shown in frames if shown != before)
    CPU[phase].append((time.process_time() - cpu) * 1000)
    return (when - start) * 1000


def _start_as_run_tui() -> None:
    """A heap like a new process's (nothing frozen, no garbage left by an earlier round),
    then the collector held until the app's first frame, as `run_tui` holds it."""
    gc.unfreeze()
    gc.collect()
    hold_collector()


def _check_released() -> None:
    if not gc.isenabled() or gc.get_freeze_count() == 0:
        raise RuntimeError("the collector was not released after the app's first frame")


async def _keys_in_bare_app(presses: int) -> list[float]:
    """Key → the frame that shows it, in an app with one Static (the reference)."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Counter(App[None]):
        count = 0

        def compose(self) -> ComposeResult:
            yield Static("0", id="count")

        def on_mount(self) -> None:
            self.call_after_refresh(release_collector)  # as FieldApp.on_mount

        def on_key(self) -> None:
            self.count += 1
            self.query_one("#count", Static).update(str(self.count))

    _start_as_run_tui()
    app = Counter()
    frames: list[tuple[float, int]] = []
    times: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        display = app._display

        def timed_display(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is not None:
                frames.append((time.perf_counter(), app.count))

        app._display = timed_display  # type: ignore[method-assign]
        await pilot.pause()
        _check_released()
        for _ in range(presses):
            times.append(await _key_to_frame(pilot, frames, app.count, "bare"))
    return times


async def _answer_in_app(venues: list[str], answers: int = ANSWERS) -> list[float]:
    from textual.screen import ModalScreen

    from fieldapp.tui.app import make_app
    from fieldapp.tui.screens.inspect import InspectScreen
    from fieldapp.tui.widgets.item_card import VALUE_TYPES

    _start_as_run_tui()
    app = make_app(lang="en")
    frames: list[tuple[float, int]] = []  # (when, index shown) for each frame
    times: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        display = app._display

        def timed_display(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is not None and isinstance(screen, InspectScreen):
                frames.append((time.perf_counter(), screen.index))

        app._display = timed_display  # type: ignore[method-assign]
        await app.workers.wait_for_complete()
        await pilot.pause()
        while isinstance(app.screen, ModalScreen):  # e.g. the offer to resume a draft
            app.pop_screen()
            await pilot.pause()
        _check_released()
        for venue_id in venues:
            app.open_venue(venue_id, presence="manual", reason="placard_missing")
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            if not isinstance(screen, InspectScreen):
                raise RuntimeError(f"expected the inspection screen, got {screen!r}")
            while screen.index + 1 < len(screen.codes) and len(times) < answers:
                if screen.item.answer in VALUE_TYPES:  # not timed: step over it
                    screen.action_next()
                    await pilot.pause()
                    continue
                times.append(await _key_to_frame(pilot, frames, screen.index, "app"))
            screen.leave()
            await pilot.pause()
            if len(times) >= answers:
                break
    return times


def _commit_alone(venues: list[str]) -> list[float]:
    from fieldapp.services.common.checklists import get_checklist
    from fieldapp.services.inspection.inspections import load, record_answer, start_inspection

    times: list[float] = []
    for venue_id in venues:
        inspection_id = start_inspection(venue_id, presence="manual", reason="placard_missing")
        view = load(inspection_id)
        checklist = get_checklist(view.inspection.checklist_id, view.inspection.checklist_version)
        codes = [item.code for item in checklist.items]
        for position, item in enumerate(checklist.items):
            if item.answer != "yesno":
                continue
            following = codes[position + 1] if position + 1 < len(codes) else item.code
            start = time.perf_counter()
            record_answer(inspection_id, item, "pass", next_item=following)
            times.append((time.perf_counter() - start) * 1000)
            if len(times) >= COMMITS:
                return times
    return times


def main() -> None:
    from fieldapp.paths import store_path
    from fieldapp.services.demo.workspace import build_workspace
    from fieldapp.store.opening import close_store, open_store

    with tempfile.TemporaryDirectory(prefix="fieldapp-answer-", dir=_disk_dir()) as folder:
        home = Path(folder)
        build_workspace(home, venues=360)
        open_store(store_path(home))
        try:
            venues = _fresh_venues(60)
            rounds: list[tuple[list[float], list[float]]] = []  # (bare, app) per round
            share = 30 // ROUNDS
            for n in range(ROUNDS):
                bare = asyncio.run(_keys_in_bare_app(ANSWERS // ROUNDS))
                mine = venues[n * share : (n + 1) * share]
                rounds.append((bare, asyncio.run(_answer_in_app(mine, ANSWERS // ROUNDS))))
            commits = _commit_alone(venues[30:])
        finally:
            close_store()
    in_app = [ms for _, app_times in rounds for ms in app_times]
    bare_all = [ms for bare, _ in rounds for ms in bare]
    ratios = [statistics.median(a) / statistics.median(b) for b, a in rounds]
    median = statistics.median(in_app)
    verdict = "meets" if median <= GOAL_MS else "misses"
    print("answer → next item in the running app (store on disk, synchronous=FULL)")
    print(f"  commit alone (record_answer): {_summary(commits)}")
    print(f"  key → next item shown:        {_summary(in_app)}")
    print(f"  reference, bare app key → frame: {_summary(bare_all)}")
    print(
        f"ratio app / bare: {statistics.median(ratios):.2f}× "
        f"(rounds: {', '.join(f'{r:.2f}' for r in ratios)}; "
        f"spread {min(ratios):.2f}–{max(ratios):.2f})"
    )
    cpu_app, cpu_bare = statistics.median(CPU["app"]), statistics.median(CPU["bare"])
    print(
        f"  CPU per key (all threads): app median {cpu_app:.1f} ms, bare {cpu_bare:.1f} ms, "
        f"ratio {cpu_app / cpu_bare:.2f}×"
    )
    print(
        f"answer: median {median:.1f} ms, p90 {_p90(in_app):.1f} ms over {len(in_app)} answers "
        f"({verdict} the goal of ≤ {GOAL_MS:g} ms median)"
    )


def _disk_dir() -> str:
    """The benchmark cache folder (on disk, not tmpfs, so the fsync is real)."""
    root = _workspace.cache_root()
    root.mkdir(parents=True, exist_ok=True)
    return str(root)


if __name__ == "__main__":
    main()
