"""Waiting for a screen to settle before a snapshot, on a condition rather than a time."""

from __future__ import annotations

from pilot_support import workers_done
from textual.pilot import Pilot
from textual.widgets import DataTable

STABLE_ROUNDS = 3  # the same tables this many frames in a row, nothing pending


def _pending(table: DataTable) -> bool:
    """DataTable sizes its columns to new rows and cells when idle: still to do?"""
    return bool(table._require_update_dimensions or table._new_rows or table._updated_cells)


def _shape(pilot: Pilot) -> tuple[object, ...]:  # type: ignore[type-arg]
    tables = pilot.app.screen.query(DataTable)
    return (
        type(pilot.app.screen).__name__,
        tuple(
            (t.row_count, tuple(c.get_render_width(t) for c in t.ordered_columns)) for t in tables
        ),
    )


async def tables_settled(pilot: Pilot) -> None:  # type: ignore[type-arg]
    """Workers done, messages handled, and every table on the screen filled and sized to its
    rows: the same for STABLE_ROUNDS frames with nothing pending (bounded wait).

    Checking only that the columns fit the first row let a snapshot be taken before the
    screen's rows had arrived (an empty table "fits"), or before later rows widened them."""
    await pilot.pause()
    stable, last = 0, None
    for _ in range(300):
        await workers_done(pilot.app)
        await pilot.pause()
        shape = _shape(pilot)
        busy = any(_pending(t) for t in pilot.app.screen.query(DataTable))
        stable = stable + 1 if shape == last and not busy else 0
        last = shape
        if stable >= STABLE_ROUNDS:
            break
    await pilot.pause()
