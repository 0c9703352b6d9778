"""A household registered on the device that the server refuses (here: its grid, made on
the device, is unknown to the server) is this device's alone: People (F11) marks it
服务器拒收 with the reason in the person's language, and r sends it again once the cause is
fixed, x discards it, as for a refused inspection (`refused_records`). Its op stays
sealed at rest throughout: only the household's id is beside it."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import FATHER, pin_the_synced_key, returnee_family
from pilot_support import open_screen, settle
from sync_world import sync_as_the_app
from textual.widgets import DataTable, Label

from fieldapp.i18n import t
from fieldapp.services.people import registry
from fieldapp.store.models import Grid, Outbox
from fieldapp.store.people_models import Household, HouseholdMember
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.screens.people import PeopleScreen
from sync.server import db as server_db
from sync.server.models import Grid as ServerGrid
from sync.server.people_models import Household as ServerHousehold

pytestmark = pytest.mark.usefixtures("chinese")
NEW_AREA = "V1-X"  # a grid under the worker's V1 that the office has not made yet


def _register_in_an_unknown_grid(make_device) -> tuple[object, str]:  # type: ignore[no-untyped-def]
    worker = make_device("worker").enroll("p-insp")  # grid V1
    sync_as_the_app(worker)  # the grids, the person and the personal key
    pin_the_synced_key()
    Grid.create(code=NEW_AREA, name="鼎美村新区", level="area", parent="V1")
    household_id = registry.save_household(returnee_family(NEW_AREA))
    [op] = Outbox.select().where(Outbox.type == "household.upsert")
    assert op.record_id == household_id  # the id beside the op, for SQL to read
    assert FATHER not in op.payload and "陈建国" not in op.payload  # the payload sealed
    result = sync_as_the_app(worker)
    assert [r.code for r in result.rejected] == ["unknown_grid"], result.rejected
    return worker, household_id


def _people_rows(screen: PeopleScreen) -> list[list[str]]:
    table = screen.query_one("#people-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]


async def test_a_refused_household_is_marked_and_sent_again_once_its_grid_exists(
    make_device, tmp_path: Path
) -> None:
    worker, household_id = _register_in_an_unknown_grid(make_device)
    reason = t("refused.why", reason=t("refusal.unknown_grid", grid=NEW_AREA))
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        rows = _people_rows(screen)
        assert len(rows) == 3
        assert all(row[2].startswith("服务器拒收 ") for row in rows), rows  # household column
        refusal = screen.query_one("#people-refusal", Label)
        assert refusal.display and str(refusal.render()) == reason
        assert screen.check_action("send_again", ()) and screen.check_action("discard_refused", ())
        with server_db.current().connection_context():  # the administrator makes the grid
            ServerGrid.create(code=NEW_AREA, name="鼎美村新区", level="area", parent="V1")
        await pilot.press("r")
        await settle(app, pilot, rounds=3)
        await app.workers.wait_for_complete()
        await settle(app, pilot)
        assert not any("服务器拒收" in cell for row in _people_rows(screen) for cell in row)
        assert not screen.query_one("#people-refusal", Label).display
    sync_as_the_app(worker)  # whatever the app's own sync left to send
    assert Outbox.get(Outbox.record_id == household_id).state == "acked"  # sent once, taken
    with server_db.current().connection_context():
        assert ServerHousehold.get_by_id(household_id).grid_code == NEW_AREA


async def test_a_refused_household_discarded_is_gone_from_the_device(make_device) -> None:
    _worker, household_id = _register_in_an_unknown_grid(make_device)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        assert str(screen.query_one("#people-refusal", Label).render()).startswith("服务器拒收")
        await pilot.press("x")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(app, pilot, rounds=3)
        assert app.screen is screen
        assert _people_rows(screen) == []
    assert Household.get_or_none(Household.id == household_id) is None
    assert not HouseholdMember.select().where(HouseholdMember.household == household_id).exists()
    [op] = Outbox.select().where(Outbox.type == "household.upsert")
    assert op.state == "discarded"  # kept, sealed, for the record
    assert FATHER not in op.payload
