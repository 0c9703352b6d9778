"""People's data sealed at rest: the store file and its WAL hold no name, address, phone,
ID number or temperature of a registered family; the PIN opens them on screen; locked,
the people screen says how to unlock; a pull applied while locked is sealed too; a store
from before sealing gets its people sealed at the first unlock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from people_support import (
    CHEAP_KDF,
    FAMILY_IDS,
    PIN,
    key_behind_pin,
    member_named,
    returnee_family,
)
from pilot_support import SIZE, open_screen, settle
from test_people_screen import screen_text
from textual.widgets import Input

from fieldapp.domain import device_pin
from fieldapp.domain.personal import PersonalDataLocked, new_key
from fieldapp.services.common import device_lock
from fieldapp.services.common.identity import me
from fieldapp.services.followups import plans, readings
from fieldapp.services.people import registry
from fieldapp.store import keyring
from fieldapp.store.db import db
from fieldapp.store.models import Outbox, Person, Venue
from fieldapp.store.personal_data import PERSONAL_OPS, opened_payloads
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.lock import LockScreen
from fieldapp.tui.screens.people import PeopleScreen
from sync.client.people_rows import apply_household

NAMES = ("陈建国", "林秀英", "陈小明")
ADDRESS = "鼎美村三组17号"
PHONES = ("13800138000", "13900139000")
FEVER, NORMAL = "38.6", "36.4"
PLATE = "桂A12345"


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(device_pin, "DEFAULT_PARAMS", CHEAP_KDF)


def store_bytes() -> bytes:
    """The store file and its WAL as they are on the disk (what a copied laptop gives)."""
    path = Path(str(db.database))
    wal = Path(str(path) + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def clear_in_store() -> list[str]:
    held = store_bytes()
    staff = {p.name for p in Person.select()}  # the demo has an inspector called 林秀英
    # A reading is held as a JSON string: quoted, so that a clock's float in the demo's
    # inspections (a monotonic start of 52836.495…) is not taken for a temperature.
    secrets = (*NAMES, ADDRESS, *PHONES, *FAMILY_IDS, f'"{FEVER}"', f'"{NORMAL}"', PLATE)
    return [s for s in secrets if s not in staff and s.encode("utf-8") in held]


def register_and_read(grid: str) -> str:
    """A returnee family registered offline (with a car), two temperatures, one abnormal."""
    form = returnee_family(grid)
    form.vehicles = [registry.VehicleForm(PLATE)]
    registry.save_household(form)
    day = dt.date.today() - dt.timedelta(days=1)  # dated back: yesterday's slots, both due
    plan_id = plans.create_plan(str(member_named("陈建国").id), start_on=day)
    readings.record_reading(plan_id, f"{day}T08:00", {"FUP-01": NORMAL, "FUP-02": "no"})
    readings.record_reading(plan_id, f"{day}T16:00", {"FUP-01": FEVER, "FUP-02": "no"})
    return plan_id


def test_a_registered_family_and_its_readings_are_not_in_the_store_file(demo_home: Path) -> None:
    key_behind_pin()
    register_and_read(me().grids[0][0])
    assert clear_in_store() == []
    ops = list(Outbox.select().where(Outbox.type.in_(PERSONAL_OPS)))
    assert len(ops) == 4 and all(NAMES[0] not in op.payload for op in ops)
    # Venues hold no personal data: they stay plain (their search reads them in SQL).
    venue = Venue.select().first()
    assert venue.name.encode("utf-8") in store_bytes()
    # With the PIN the registry reads as it was typed.
    shown = registry.households("陈小")
    assert {m.name for m in shown[0].members} == set(NAMES)
    assert shown[0].address == ADDRESS and shown[0].vehicles[0][1] == PLATE


def test_locked_nothing_opens_and_the_push_holds_the_people_back(demo_home: Path) -> None:
    key_behind_pin()
    register_and_read(me().grids[0][0])
    keyring.lock()
    with pytest.raises(PersonalDataLocked, match="PIN"):
        registry.households("")
    pending = list(Outbox.select().where(Outbox.state == "pending").order_by(Outbox.seq))
    sendable, held_back = opened_payloads(pending)
    assert held_back and len(sendable) < len(pending)
    assert all(op.type not in PERSONAL_OPS for op in sendable)
    keyring.unlock(PIN)
    sendable, held_back = opened_payloads(pending)
    assert not held_back and NAMES[0] in sendable[-3].payload + sendable[-4].payload


def test_a_pull_applied_while_locked_is_sealed_and_opens_with_the_pin(demo_home: Path) -> None:
    key_behind_pin()
    keyring.lock()  # what `fieldapp sync` from the command line, or a locked app, does
    member = {"id": "m-1", "name": "王租客", "sex": "female", "birth_year": 1990,
              "id_number": "", "phone": "", "tags": ["tenant"], "note": "三楼"}  # fmt: skip
    with db.atomic():
        apply_household({"id": "h-1", "grid_code": me().grids[0][0], "code": "DM-021",
                         "address": "鼎美村五组3号", "members": [member],
                         "vehicles": [{"id": "v-1", "plate": PLATE}]})  # fmt: skip
    held = store_bytes()
    assert "王租客".encode() not in held and "鼎美村五组3号".encode() not in held
    assert PLATE.encode() not in held
    keyring.unlock(PIN)
    household = registry.household("h-1")
    assert household.members[0].name == "王租客" and household.address == "鼎美村五组3号"
    assert household.members[0].tags == ("tenant",)


def test_unlocked_processes_share_one_data_key_beside_the_store(demo_home: Path) -> None:
    """A key file per process would pile up over months of app starts: unlocked, a new
    process seals under the newest key there; only a write while locked adds one."""
    from fieldapp.store import at_rest as store_at_rest

    def new_process() -> None:
        store_at_rest._writers.clear()
        store_at_rest._opened.clear()

    key_behind_pin()
    register_and_read(me().grids[0][0])
    new_process()
    neighbour = registry.HouseholdForm(grid_code=me().grids[0][0], code="DM-018",
                                       address="鼎美村三组18号",
                                       members=[registry.MemberForm("赵大海", sex="male")])  # fmt: skip
    registry.save_household(neighbour)
    assert len(list(keyring.sealing_dir().iterdir())) == 1
    keyring.lock()
    new_process()
    with db.atomic():
        apply_household({"id": "h-2", "grid_code": me().grids[0][0], "code": "DM-022",
                         "address": "鼎美村五组9号", "members": [], "vehicles": []})  # fmt: skip
    assert len(list(keyring.sealing_dir().iterdir())) == 2
    keyring.unlock(PIN)
    assert registry.household("h-2").address == "鼎美村五组9号"
    assert {m.name for h in registry.households("") for m in h.members} >= {"陈建国", "赵大海"}


def test_a_store_from_before_sealing_is_sealed_at_the_first_unlock(demo_home: Path) -> None:
    keyring.save_key(new_key())  # no PIN yet: nothing to seal to, written clear
    register_and_read(me().grids[0][0])
    assert {NAMES[0], f'"{NORMAL}"'} <= set(clear_in_store())
    device_lock.set_pin(PIN)
    assert clear_in_store() == []
    keyring.lock()
    device_lock.unlock(PIN)
    assert member_named("陈建国").name == "陈建国"


async def test_the_people_screen_locked_says_how_to_unlock(demo_home: Path) -> None:
    key_behind_pin()
    registry.save_household(returnee_family(me().grids[0][0]))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot, "f11", PeopleScreen)
        await settle(app, pilot, rounds=2)
        assert "陈建国" in screen_text(app)
        keyring.lock()  # the key forgotten under the screen (an idle lock, a revoked key)
        people = app.screen
        assert isinstance(people, PeopleScreen)
        people.reload()
        await settle(app, pilot, rounds=2)
        text = screen_text(app)
        assert "陈建国" not in text and "Ctrl+L" in text
        await pilot.press("ctrl+l")
        await settle(app, pilot)
        assert isinstance(app.screen, LockScreen)
        app.screen.query_one("#lock-pin", Input).focus()
        await pilot.press(*PIN, "enter")
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, PeopleScreen)
        assert "陈建国" in screen_text(app)
