"""Waiting for a screen to settle before a snapshot, on a condition rather than a time."""

from __future__ import annotations

from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import DataTable


def _columns_sized(table: DataTable) -> bool:
    """DataTable widens its columns to their content when idle: has it done so yet?"""
    if not table.row_count:
        return True
    first = table.get_row_at(0)
    return all(
        column.content_width >= cell_len(str(cell))
        for column, cell in zip(table.ordered_columns, first, strict=False)
    )


async def tables_settled(pilot: Pilot) -> None:  # type: ignore[type-arg]
    """Workers done and every table on the screen sized to its rows (bounded wait)."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    for _ in range(200):
        await pilot.pause()
        if all(_columns_sized(table) for table in pilot.app.screen.query(DataTable)):
            break
    await pilot.pause()
