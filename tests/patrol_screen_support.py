"""A device store with a patrol route that is due all day, and placards signed for it:
for driving the real app through a patrol run (no server needed: the key is one the
device pulled, registered directly)."""

from __future__ import annotations

from typing import Any

from fieldapp.domain.placard import SigningKey

ROUTE_ID = "0190a000-0000-7000-8000-00000000r001"
POINTS = ("CP-01", "CP-02", "CP-03", "CP-04")
NAMES = ("村东口", "烟花爆竹销售点", "1号消火栓", "消防室")
KINDS = ("village_entrance", "fireworks_point", "hydrant", "fire_room")
# A fixed key, so the driver process and the test sign and verify alike.
KEY = SigningKey("TSTK1", bytes(range(32)))


def point_id(code: str) -> str:
    return f"0190a000-0000-7000-8000-0000000c{code[-2:]}00"


def seed_patrol_store() -> None:
    """The inspect tests' store (grid T01, the inspector) plus four checkpoints and a route
    assigned to the inspector, due every day from 00:00 to 23:59."""
    from inspect_support import PERSON_ID, seed_store

    from fieldapp.domain.checkpoint_forms import DEFAULT_FORM
    from fieldapp.services.placards.printing import register_public_key
    from fieldapp.store.patrol_models import Checkpoint, PatrolRoute

    seed_store()
    register_public_key(KEY.key_id, KEY.public_bytes)
    for code, name, kind in zip(POINTS, NAMES, KINDS, strict=True):
        Checkpoint.create(id=point_id(code), code=code, name=name, kind=kind, grid="T01",
                          form=DEFAULT_FORM.get(kind, ""))  # fmt: skip
    PatrolRoute.create(
        id=ROUTE_ID, code="FW-01", name="烟花爆竹巡逻", grid="T01", ordered=False,
        checkpoints=[point_id(c) for c in POINTS],
        schedule={"days": ["daily"], "windows": ["00:00-23:59"]}, people=[PERSON_ID],
    )  # fmt: skip


def placard(code: str) -> str:
    return KEY.sign(code)


async def enter_on_due_routes(app: Any, pilot: Any) -> tuple[Any, list[str]]:
    """From the start: patrols (ctrl+g), Enter on its list of routes due; the patrols
    screen and every notification said so far."""
    from pilot_support import open_screen, settle
    from textual.widgets import DataTable

    from fieldapp.tui.screens.patrols import PatrolsScreen

    screen = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
    await settle(app, pilot, rounds=2)
    screen.query_one("#patrols-due", DataTable).focus()
    await pilot.press("enter")
    await settle(app, pilot)
    return screen, [n.message for n in app._notifications]


async def run_started_by_scan(app: Any, pilot: Any, code: str = "CP-02") -> tuple[Any, Any]:
    """From the start: a checkpoint's placard scanned starts the run with it reached; the
    run's screen and its checkpoint table, focused."""
    from pilot_support import settle
    from textual.widgets import DataTable

    from fieldapp.tui.screens.patrol_run import PatrolRunScreen

    await settle(app, pilot, rounds=2)
    app.scan_text(placard(code), "wedge")
    await settle(app, pilot, rounds=3)
    screen = app.screen
    assert isinstance(screen, PatrolRunScreen)
    table = screen.query_one("#patrol-run-points", DataTable)
    table.focus()
    return screen, table


async def cursor_on_window(app: Any, pilot: Any, screen: Any, window: str) -> None:
    """The patrols screen's attendance list with its cursor moved to `window`'s row (its
    second column, e.g. "06:30-09:00"), settled."""
    from pilot_support import settle
    from textual.widgets import DataTable

    table = screen.query_one("#patrols-attendance", DataTable)
    windows = [str(table.get_row_at(n)[1]) for n in range(table.row_count)]
    table.move_cursor(row=windows.index(window))
    await settle(app, pilot)
