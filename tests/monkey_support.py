"""A seeded random walk of keys through the real app (the monkey test).

Each step presses one key chosen from what the screen on top offers — its bindings and the
app's — or from what a person types: letters, digits, `/`, space, a Chinese character,
Enter, Esc, Tab. The walk fails on any exception, raised (the app stops) or reported
through the app's one error handler, and says the seed and the last keys to replay it:

    MONKEY_SEED=<seed> pytest tests/test_monkey.py -k <case>

Keys that leave the walk are never pressed: quitting, the command palette (its Quit and
Screenshot), and nothing here opens a system viewer (the walk runs with no `xdg-open`).
"""

from __future__ import annotations

import random
from collections import deque
from dataclasses import dataclass, field

from pilot_support import workers_done
from textual.app import App

from fieldapp.tui.app import FieldApp

TYPED = list("abcdefghijklmnopqrstuvwxyz0123456789") + ["slash", "space", "minus", "full_stop"]
CHINESE = ["小", "吃", "店", "检"]
MOVES = ["enter", "escape", "tab", "shift+tab", "up", "down", "left", "right", "pagedown"]
NEVER = {"ctrl+q", "ctrl+c", "ctrl+p", "ctrl+backslash"}
NEVER_ACTIONS = {"quit", "app.quit", "command_palette", "app.command_palette"}
REPLAY_KEYS = 30


@dataclass
class Walk:
    seed: int
    steps: int
    base: int  # the MONKEY_SEED that gives this walk its seed (what replays it)
    keys: deque[str] = field(default_factory=lambda: deque(maxlen=REPLAY_KEYS))
    errors: list[BaseException] = field(default_factory=list)
    screens: set[str] = field(default_factory=set)

    def replay(self, case: str) -> str:
        return (
            f"monkey {case}: MONKEY_SEED={self.base}, after {len(self.keys)} of the last keys "
            f"(oldest first): {' '.join(self.keys)}"
        )


def bound_keys(app: App[object]) -> list[str]:
    """The keys the screen on top offers (its bindings, the focused widget's, the app's)."""
    keys = []
    for key, active in app.screen.active_bindings.items():
        if key in NEVER or active.binding.action in NEVER_ACTIONS:
            continue
        keys.append(key)
    return keys


def next_key(rng: random.Random, app: App[object]) -> str:
    roll = rng.random()
    if roll < 0.45:
        bound = bound_keys(app)
        if bound:
            return rng.choice(bound)
    if roll < 0.75:
        return rng.choice(TYPED)
    if roll < 0.8:
        return rng.choice(CHINESE)
    return rng.choice(MOVES)


def watch_errors(app: FieldApp, walk: Walk) -> None:
    """Count what the app's one error handler reports as a failure of the walk."""
    report = app.report_error

    def reporting(error: BaseException) -> None:
        walk.errors.append(error)
        report(error)

    app.report_error = reporting  # type: ignore[method-assign]


async def run_walk(app: FieldApp, walk: Walk, size: tuple[int, int], case: str) -> Walk:
    try:
        await _walk(app, walk, size)
    except Exception as error:
        raise AssertionError(f"{walk.replay(case)}: {error!r}") from error
    if walk.errors:
        raise AssertionError(f"{walk.replay(case)}: {walk.errors[0]!r}") from walk.errors[0]
    return walk


async def _walk(app: FieldApp, walk: Walk, size: tuple[int, int]) -> None:
    rng = random.Random(walk.seed)
    watch_errors(app, walk)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await workers_done(app)
        walk.screens.add(type(app.screen).__name__)  # where it starts counts as seen
        for step in range(walk.steps):
            key = next_key(rng, app)
            walk.keys.append(key)
            await pilot.press(key)
            if step % 25 == 24:
                await workers_done(app)
                await pilot.pause()
            walk.screens.add(type(app.screen).__name__)
            if app._exception is not None or walk.errors or not app.is_running:
                break
        await workers_done(app)
        await pilot.pause()
