"""Due lists, an inspector's round for the day, and completion per grid.

This module is the one import for the three parts, which live in their own modules:

- `due`: cadence, due dates and due lists (counts per grid and per inspector);
- `plans`: a person's round for a day, its order and its progress;
- `completion`: venue-based completion per grid for a period.

`services.common.grid_tree` walks the grid hierarchy they share. May use: services.common.
"""

from __future__ import annotations

from fieldapp.services.common.grid_tree import GridNode, grid_tree
from fieldapp.services.rounds.completion import GridCompletion, completion
from fieldapp.services.rounds.due import (
    BUCKETS,
    DueCounts,
    GridDue,
    InspectorDue,
    cadence_days,
    due_by_grid,
    due_by_inspector,
    due_venues,
    person_scope,
    recompute_due,
    set_cadence,
)
from fieldapp.services.rounds.plans import (
    RoundNotFound,
    RoundProgress,
    Stop,
    UnknownVenue,
    add_stops,
    delete_round,
    done_on,
    move_stop,
    plan_round,
    remove_stop,
    reorder_round,
    round_for,
    round_progress,
)
from fieldapp.store.db import rows

__all__ = [
    "BUCKETS",
    "DueCounts",
    "GridCompletion",
    "GridDue",
    "GridNode",
    "InspectorDue",
    "RoundNotFound",
    "RoundProgress",
    "Stop",
    "UnknownVenue",
    "add_stops",
    "cadence_days",
    "completion",
    "delete_round",
    "done_on",
    "due_by_grid",
    "due_by_inspector",
    "due_venues",
    "grid_tree",
    "move_stop",
    "person_scope",
    "plan_round",
    "recompute_due",
    "remove_stop",
    "reorder_round",
    "round_for",
    "round_progress",
    "rows",
    "set_cadence",
]
