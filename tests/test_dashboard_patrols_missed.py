"""The completion tab's patrol column (F6) says what its figure is: patrols not done in
full out of the patrols due, as 完成/应检 beside it says inspections done out of due. It
was headed 漏巡/漏岗 over "1/4" — one patrol missed and four checkpoints missed in it — a
pair testers read as a fraction ("Missed" over "1/4" in English). Now 漏巡/应巡 over
"1/6", "Missed" over "1 of 6", whole at 80 columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from test_dashboard_completion_at_80_columns import completion_tab

from fieldapp.store.models import Grid, Person
from fieldapp.store.patrol_models import Checkpoint, PatrolRoute
from fieldapp.tui.app import make_app


def _a_route_not_walked() -> None:
    """A route in the first village with a window at midnight each day, never walked: every
    day of the month so far brings one patrol due and missed."""
    grid = Grid.select().where(Grid.level == "village").order_by(Grid.code).first()
    person = Person.select().first()
    Checkpoint.create(id="cp-test-1", code="CP-T1", name="村口", kind="village_entrance",
                      grid=grid.code, form="")  # fmt: skip
    PatrolRoute.create(
        id="route-test-1", code="FW-T1", name="巡逻", grid=grid.code, ordered=False,
        checkpoints=["cp-test-1"], schedule={"days": ["daily"], "windows": ["00:00-00:01"]},
        people=[person.id],
    )  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "header", "value"),
    [("zh", "漏巡/应巡", "{missed}/{due}"), ("en", "Missed", "{missed} of {due}")],
)
async def test_the_patrol_column_reads_as_missed_out_of_due_at_80_columns(
    demo_supervisor: Path, lang: str, header: str, value: str
) -> None:
    _a_route_not_walked()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await completion_tab(app, pilot)
        screen = app.screen
        data = screen.data
        assert data is not None
        table = screen.query_one("#grids-table").region
        strips = screen._compositor.render_strips()[table.y : table.bottom - 1]
        head, rows = strips[0].text, strips[1:]
    assert f" {header} " in head, head
    start = cell_len(head[: head.index(f" {header} ") + 1])
    # The cell under the header, up to the next column (columns are two cells apart).
    seen = [row.crop(start, row.cell_length).text.split("  ")[0].strip() for row in rows]
    in_sight = data.grids[: len(seen)]
    wanted = [value.format(missed=g.patrols_missed, due=g.patrols_due) for g in in_sight]
    assert seen == wanted, (head, seen)
    assert any(g.patrols_due > 0 for g in in_sight)
    assert all(g.patrols_missed <= g.patrols_due for g in data.grids)
