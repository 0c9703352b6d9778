"""Helpers for the people-registry tests: valid ID numbers and a returnee family."""

from __future__ import annotations

from typing import Any

from fieldapp.domain.device_pin import KdfParams
from fieldapp.domain.personal import new_key
from fieldapp.services.common.identity import me
from fieldapp.services.people.registry import HouseholdForm, MemberForm, save_household
from fieldapp.store import keyring
from fieldapp.store.people_models import Household, HouseholdMember

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_number(region: str, birth: str, serial: str) -> str:
    """A valid 18-character ID number: region (6 digits), birth date YYYYMMDD, serial (3)."""
    body = region + birth + serial
    total = sum(int(d) * w for d, w in zip(body, _WEIGHTS, strict=True))
    return body + "10X98765432"[total % 11]


FATHER = id_number("450102", "19800312", "123")
MOTHER = id_number("450102", "19820605", "246")
CHILD = id_number("450102", "20120901", "371")
FAMILY_IDS = (FATHER, MOTHER, CHILD)


def returnee_family(grid: str = "V1") -> HouseholdForm:
    """A family of three back from a risk area on 2026-06-09, as typed on the device."""
    common = {"tags": ("returnee",), "arrived_on": "2026-06-09"}
    return HouseholdForm(
        grid_code=grid,
        code="DM-017",
        building="三组",
        address="鼎美村三组17号",
        members=[
            MemberForm("陈建国", sex="male", id_number=FATHER, phone="13800138000", **common),
            MemberForm("林秀英", sex="female", id_number=MOTHER, phone="13900139000", **common),
            MemberForm("陈小明", sex="male", id_number=CHILD, **common),
        ],
    )


def household_of_one(
    name: str, *, code: str = "DM-021", address: str = "鼎美村二组21号", **member: Any
) -> None:
    """A household in my first grid with one person in it, `name` (with `member`'s
    fields), saved as the people screen saves one."""
    form = HouseholdForm(
        grid_code=me().grids[0][0],
        code=code,
        address=address,
        members=[MemberForm(name, **member)],
    )
    save_household(form)


def held_on_two_devices(make_device: Any, name: str, **member: Any) -> tuple[Any, Any, str]:
    """`name` registered by the inspector (张三, p-insp) in a household of one and held by
    the inspector's and the supervisor's (李四, p-sup) devices; the supervisor's is open.
    Returns the two devices and the household's id."""
    inspector = make_device("inspector").enroll("p-insp")
    with inspector.client() as client:
        assert client.sync_once().ok
    household_of_one(name, **member)
    (household_id,) = [h.id for h in Household.select()]
    with inspector.client() as client:
        assert client.sync_once().ok
    supervisor = make_device("supervisor").enroll("p-sup")
    with supervisor.client() as client:
        assert client.sync_once().ok
    return inspector, supervisor, household_id


PIN = "250913"
CHEAP_KDF = KdfParams(time_cost=1, memory_kib=8, parallelism=1)  # Argon2id at a test's cost


def pin_the_synced_key() -> None:
    """Put the personal-data key a sync brought behind PIN, opened for this process: what
    the set-PIN screen does the first time, so the app starts past it."""
    if keyring.state() == keyring.CLEAR:
        keyring.set_pin(PIN, CHEAP_KDF)


def key_behind_pin() -> None:
    """A personal-data key on the device, wrapped under PIN and opened for this process
    (as after the lock screen), so the app starts past the PIN."""
    keyring.save_key(new_key())
    keyring.set_pin(PIN, CHEAP_KDF)


def returnee_under_a_plan() -> str:
    """The device opened past its PIN, the demo's returnee family in my first grid, and a
    follow-up plan running for 陈建国 (its id), as the people screen's plan tests start."""
    from fieldapp.services.common.identity import me
    from fieldapp.services.followups import plans
    from fieldapp.services.people import registry

    key_behind_pin()
    registry.save_household(returnee_family(me().grids[0][0]))
    return plans.create_plan(str(member_named("陈建国").id))


def member_named(name: str) -> HouseholdMember:
    """The person of that name on this device. Names are sealed at rest (a query cannot
    match them): the members are opened and matched here, as the people screen does."""
    return next(m for m in HouseholdMember.select() if m.name == name)


def has_member_named(name: str) -> bool:
    return any(m.name == name for m in HouseholdMember.select())


def office_clock_at(monkeypatch: Any, at: Any) -> None:
    """fieldapp's clock stopped at today's `at` (a time) on the office's wall clock (the
    host's until a sync says the office's zone, so call it after a device's first sync):
    which readings are due, open, missed or late then does not follow the hour the suite
    runs at. A plan made then has today's slots from `at` on."""
    import datetime as dt

    from fieldapp.domain import clock

    moment = clock.wall_clock(dt.datetime.combine(clock.today(), at))  # the office's today
    monkeypatch.setattr(clock, "_now", lambda: moment.astimezone(dt.UTC))


def returnee_planned_at(monkeypatch: Any, at: Any) -> str:
    """The clock set to today at `at` (a time), the key behind the PIN, the returnee
    family saved in my first grid and a follow-up plan made then for 陈建国: its id."""
    from fieldapp.services.followups import plans

    office_clock_at(monkeypatch, at)
    key_behind_pin()
    save_household(returnee_family(me().grids[0][0]))
    return plans.create_plan(str(member_named("陈建国").id))


async def on_person(app: Any, pilot: Any, name: str, key: str) -> Any:
    """People (F11), the cursor on `name`, `key` pressed: the screen it leads to."""
    from pilot_support import open_screen, settle
    from textual.widgets import DataTable

    from fieldapp.tui.screens.people import PeopleScreen

    screen = await open_screen(app, pilot, "f11", PeopleScreen)
    await pilot.press("down")  # F11 opens on the search; Down goes to the list
    table = screen.query_one("#people-table", DataTable)
    table.focus()
    names = [table.get_row_at(row)[0] for row in range(table.row_count)]
    table.move_cursor(row=names.index(name))
    await pilot.press(key)
    await settle(app, pilot)
    return app.screen


async def edit_person(app: Any, pilot: Any, name: str) -> Any:
    """People (F11), the cursor on `name`, `e`: the person's edit dialog (PersonDialog)."""
    from fieldapp.tui.dialogs.person import PersonDialog

    dialog = await on_person(app, pilot, name, "e")
    assert isinstance(dialog, PersonDialog)
    return dialog


def record_when_open(plan_id: str, slot_at: str, answers: dict[str, str]) -> Any:
    """The reading of a slot taken once it can be (two hours before it, `OPEN_BEFORE`):
    tests on the real clock record today's 16:00 whatever hour they run at."""
    import datetime as dt

    from fieldapp.domain import clock
    from fieldapp.services.followups import readings

    real = clock._now
    slot = clock.wall_clock(dt.datetime.strptime(slot_at, "%Y-%m-%dT%H:%M"))  # office time
    at = max(real(), slot.astimezone(dt.UTC))
    clock._now = lambda: at  # type: ignore[assignment]
    try:
        return readings.record_reading(plan_id, slot_at, answers)
    finally:
        clock._now = real  # type: ignore[assignment]


async def open_reading(app: Any, pilot: Any) -> Any:
    """Follow-ups (Ctrl+T), `e` on the first reading due now: its ReadingDialog."""
    from pilot_support import open_screen, settle
    from textual.widgets import DataTable

    from fieldapp.tui.dialogs.followup import ReadingDialog
    from fieldapp.tui.screens.followups import FollowupsScreen

    screen = await open_screen(app, pilot, "ctrl+t", FollowupsScreen)
    due = screen.query_one("#followups-due", DataTable)
    now = [i for i, d in enumerate(screen.data.due) if not getattr(d, "upcoming", False)]
    due.focus()
    due.move_cursor(row=now[0])
    await pilot.press("e")
    await settle(app, pilot)
    assert isinstance(app.screen, ReadingDialog)
    return app.screen


def as_an_older_build_sent(op_id: str, change: Any) -> None:
    """The outbox op `op_id` as a device without a rule sent it: `change` edits its
    payload (a dict) in place, and the op's hash follows."""
    import json

    from fieldapp.domain.canonical import canonical_json, payload_hash
    from fieldapp.store.models import Outbox

    row = Outbox.get(Outbox.op_id == op_id)
    payload = json.loads(row.payload)
    change(payload)
    row.payload, row.payload_hash = canonical_json(payload), payload_hash(payload)
    row.save()
