"""The people registry over a real server: sealed end to end, masked, in-grid only,
reveals audited."""

from __future__ import annotations

from dataclasses import replace

import pytest
from people_support import FAMILY_IDS, FATHER, member_named, pin_the_synced_key, returnee_family

from fieldapp.domain import personal
from fieldapp.services.export.ledger import export_ledger
from fieldapp.services.people import registry, reveal
from fieldapp.store import keyring
from fieldapp.store.people_models import Household, HouseholdMember
from sync.server import db as server_db
from sync.server.models import AuditEntry
from sync.server.people_models import HouseholdMember as ServerMember


def _server_text() -> str:
    """Everything the server database holds about people, as text."""
    db = server_db.current()
    with db.connection_context():
        rows = db.execute_sql("SELECT payload FROM change_log").fetchall()
        rows += db.execute_sql("SELECT id_number, phone, name FROM household_member").fetchall()
    return "\n".join(str(value) for row in rows for value in row)


def _as_shown(view: registry.HouseholdView) -> tuple:
    """What the household screen shows of a household and its members."""
    members = sorted(
        (m.name, m.sex, m.birth_year, m.id_number, m.phone, m.tags, m.arrived_on, m.left_on,
         m.note, m.registered_on)
        for m in view.members
    )  # fmt: skip
    return (view.grid_code, view.code, view.building, view.address, view.venue_id, members)


def test_a_family_registered_offline_reaches_the_supervisor_masked(make_device, server_db_url):
    worker = make_device("worker").enroll("p-insp")  # grid V1
    with worker.client() as client:
        assert client.sync_once().ok  # brings the grids, the person and the personal key
    assert keyring.load_key() is not None
    family = returnee_family()
    child = replace(family.members[2], left_on="2026-07-01", note="回校")  # back to school
    household_id = registry.save_household(replace(family, members=[*family.members[:2], child]))
    view = registry.household(household_id)
    as_registered = _as_shown(view)
    assert [m.id_number for m in view.members] == [
        "4501**********" + number[-4:] for number in FAMILY_IDS
    ]
    assert view.members[0].phone == "138****8000"
    store_bytes = (worker.home / "fieldapp.sqlite3").read_bytes()
    store_bytes += (worker.home / "fieldapp.sqlite3-wal").read_bytes()
    for number in FAMILY_IDS:
        assert number.encode() not in store_bytes  # sealed at rest on the device
    with worker.client() as client:
        result = client.sync_once()
    assert result.ok and not result.rejected, result

    for number in FAMILY_IDS:
        assert number not in _server_text()  # and on the server, its feed included
    with server_db.current().connection_context():
        assert ServerMember.select().count() == 3

    supervisor = make_device("supervisor").enroll("p-sup")  # town T1, above V1
    with supervisor.client() as client:
        assert client.sync_once().ok
    assert Household.get_by_id(household_id).code == "DM-017"
    names = {m.name for m in registry.household(household_id).members}
    assert names == {"陈建国", "林秀英", "陈小明"}
    # The household as the worker registered it: tags, dates, notes (masked numbers too).
    assert _as_shown(registry.household(household_id)) == as_registered
    father = member_named("陈建国")
    assert reveal.reveal(father.id, personal.ID_NUMBER_FIELD, purpose="identity_check") == FATHER
    export_ledger(supervisor.home / "ledger.csv", fmt="csv")  # masked, and audited too
    with supervisor.client() as client:
        assert client.sync_once().ok
    with server_db.current().connection_context():
        entries = list(AuditEntry.select().where(AuditEntry.action == "personal_data.revealed"))
    assert [(e.actor, e.subject, e.detail["field"]) for e in entries] == [
        ("p-sup", father.id, "id_number")
    ]
    assert entries[0].device == supervisor.device_id
    with server_db.current().connection_context():
        exports = list(AuditEntry.select().where(AuditEntry.action.endswith(".exported")))
    [exported] = exports  # one export, one entry (not one for the ledger and one for people)
    assert (exported.action, exported.actor, exported.device) == (
        "personal_data.exported", "p-sup", supervisor.device_id)  # fmt: skip
    assert (exported.detail["people"], exported.detail["full"]) == (3, False)
    assert exported.subject == "ledger" and exported.detail["file"].startswith("ledger")


def test_people_of_other_grids_are_never_pulled(make_device):
    worker = make_device("worker").enroll("p-insp")  # V1
    with worker.client() as client:
        assert client.sync_once().ok
    registry.save_household(returnee_family("V1"))
    with worker.client() as client:
        assert client.sync_once().ok
    other = make_device("other").enroll("p-insp2")  # V2
    with other.client() as client:
        assert client.sync_once().ok
    assert Household.select().count() == 0
    assert HouseholdMember.select().count() == 0


def test_an_inspector_may_not_reveal_and_a_bad_id_number_saves_nothing(make_device):
    worker = make_device("worker").enroll("p-insp")
    with worker.client() as client:
        assert client.sync_once().ok
    household_id = registry.save_household(returnee_family())
    member = registry.household(household_id).members[0]
    with pytest.raises(reveal.RevealRefused):
        reveal.reveal(member.id, personal.ID_NUMBER_FIELD, purpose="identity_check")
    bad = returnee_family()
    bad.members[1].id_number = FATHER[:-1] + ("0" if FATHER[-1] != "0" else "1")
    bad.members[2].birth_year = "1850"
    with pytest.raises(registry.RegistryInvalid) as refused:
        registry.save_household(bad)
    wheres = [p.where for p in refused.value.problems]
    assert wheres == ["members.1.id_number", "members.2.birth_year"]
    assert Household.select().count() == 1


async def test_the_purpose_chosen_before_a_reveal_reaches_the_servers_audit(make_device):
    """A supervisor at 80x24 presses v on a person, says why (事件处置, with the incident's
    number), sees the number; the next sync puts the purpose in the server's audit entry."""
    from pilot_support import open_screen, settle
    from textual.widgets import DataTable

    from fieldapp.tui.app import make_app
    from fieldapp.tui.screens.people import PeopleScreen

    worker = make_device("worker").enroll("p-insp")
    with worker.client() as client:
        assert client.sync_once().ok
    registry.save_household(returnee_family())
    with worker.client() as client:
        assert client.sync_once().ok
    supervisor = make_device("supervisor").enroll("p-sup")
    with supervisor.client() as client:
        assert client.sync_once().ok
    pin_the_synced_key()
    father = member_named("陈建国")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f11", PeopleScreen)
        await pilot.press("down")  # F11 opens on the search; Down goes to the list
        table = screen.query_one("#people-table", DataTable)
        table.move_cursor(row=table.get_row_index(father.id))
        await pilot.press("v")
        await settle(app, pilot)
        await pilot.press("down", "down", "enter", *"SJ-0042", "enter")  # ↓↓: 事件处置, its number
        await settle(app, pilot)
        shown = "\n".join(s.text for s in app.screen._compositor.render_strips())
        assert FATHER in shown and "用途：事件处置" in shown
    with supervisor.client() as client:
        assert client.sync_once().ok
    with server_db.current().connection_context():
        [entry] = AuditEntry.select().where(AuditEntry.action == "personal_data.revealed")
    assert (entry.actor, entry.subject, entry.detail["field"]) == ("p-sup", father.id, "id_number")
    assert (entry.detail["purpose"], entry.detail["purpose_note"]) == ("incident", "SJ-0042")
