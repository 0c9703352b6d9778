"""A revoked device deletes the people data it holds at its next contact with the server:
the server's 401 says `device_revoked`, and afterwards neither the key nor the names are
on the laptop (store file and WAL read as bytes), while its other records stay."""

from __future__ import annotations

import datetime as dt

import pytest
from people_support import (
    FAMILY_IDS,
    member_named,
    office_clock_at,
    record_when_open,
    returnee_family,
)

from fieldapp.domain.personal import PersonalDataLocked
from fieldapp.services.followups import plans
from fieldapp.services.people import registry
from fieldapp.services.syncing import runs
from fieldapp.store import keyring
from fieldapp.store.followup_models import FollowupReading
from fieldapp.store.models import Outbox, Venue
from fieldapp.store.people_models import HouseholdMember
from sync.client import DeviceNotEnrolled, DeviceRevoked
from sync.server import auth
from sync.server import db as server_db

NAMES = ("陈建国", "林秀英", "陈小明")


def _laptop_bytes(home) -> bytes:  # type: ignore[no-untyped-def]
    return b"".join(path.read_bytes() for path in sorted(home.iterdir()) if path.is_file())


def test_a_revoked_device_deletes_its_people_data_at_its_next_contact(
    make_device, monkeypatch: pytest.MonkeyPatch
) -> None:
    worker = make_device("worker").enroll("p-insp")  # grid V1
    with worker.client() as client:
        assert client.sync_once().ok  # the personal-data key comes down
    registry.save_household(returnee_family())
    with worker.client() as client:
        assert client.sync_once().ok  # the family goes up
    father = member_named("陈建国")
    office_clock_at(monkeypatch, dt.time(7, 0))  # today's 08:00 (open) and 16:00 are its slots
    plan_id = plans.create_plan(str(father.id))
    record_when_open(plan_id, plans.due_readings()[0].slot_at, {"FUP-01": "36.6", "FUP-02": "yes"})
    registry.save_household(returnee_family())  # a second, unsent registration
    venues = Venue.select().count()
    assert venues and keyring.has_key()
    assert "陈建国".encode() in _laptop_bytes(worker.home)

    with server_db.current().connection_context():
        assert auth.revoke(worker.device_id)
    outcome = runs.run_sync(max_retries=0)  # as the app's sync runs it
    assert (outcome.kind, outcome.revoked) == (runs.NOT_ENROLLED, True)
    with worker.client() as client, pytest.raises(DeviceRevoked):
        client.sync_once()  # and the next contact says so again

    assert not keyring.has_key() and keyring.state() == keyring.NONE
    with pytest.raises(PersonalDataLocked):
        keyring.cipher()
    assert HouseholdMember.select().count() == 0 and FollowupReading.select().count() == 0
    assert not Outbox.select().where(Outbox.type == "household.upsert").exists()
    assert Venue.select().count() == venues, "only the people data goes"
    held = _laptop_bytes(worker.home)
    for name in NAMES:
        assert name.encode() not in held, f"{name} is still in the store's bytes"
    for number in FAMILY_IDS:
        assert number.encode() not in held


def test_an_unknown_token_is_not_a_revocation(make_device) -> None:
    worker = make_device("worker").enroll("p-insp")
    with worker.client() as client:
        assert client.sync_once().ok
    registry.save_household(returnee_family())
    from fieldapp.store.models import SyncState

    SyncState.update(token="not-a-token").where(SyncState.id == 1).execute()
    with worker.client() as client, pytest.raises(DeviceNotEnrolled) as refused:
        client.sync_once()
    assert not isinstance(refused.value, DeviceRevoked)
    outcome = runs.run_sync(max_retries=0)
    assert (outcome.kind, outcome.revoked) == (runs.NOT_ENROLLED, False)
    assert keyring.has_key() and HouseholdMember.select().count() == 3


async def test_unlocking_a_revoked_device_online_deletes_its_people_data(
    make_device, monkeypatch: pytest.MonkeyPatch
) -> None:
    from people_support import CHEAP_KDF, PIN
    from pilot_support import settle
    from textual.widgets import Input

    from fieldapp.tui.app import make_app
    from fieldapp.tui.screens.lock import LockScreen

    worker = make_device("worker").enroll("p-insp")
    monkeypatch.setenv("FIELDAPP_HOME", str(worker.home))
    with worker.client() as client:
        assert client.sync_once().ok
    registry.save_household(returnee_family())
    keyring.set_pin(PIN, CHEAP_KDF)
    keyring.lock()  # as after a restart
    with server_db.current().connection_context():
        assert auth.revoke(worker.device_id)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, LockScreen)
        app.screen.query_one("#lock-pin", Input).focus()
        await pilot.press(*PIN, "enter")
        await settle(app, pilot, rounds=4)
        assert app.sync_outcome is not None and app.sync_outcome.revoked
    assert not keyring.has_key() and HouseholdMember.select().count() == 0
