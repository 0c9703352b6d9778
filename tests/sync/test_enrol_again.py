"""Enrolling a laptop that was enrolled before, and enrolments that cannot happen.

A laptop handed from one inspector to another is enrolled again for the new one: it then
pulls the new inspector's grid whole (not only what changed since the first one's last
pull), and the sync screen no longer shows the error the old enrolment ended with. An
address that is not this machine over plain http, a server that does not answer and a
spent code are each said in words before anything is stored.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from loopback import free_port
from sync_world import Device, LiveServer, Seed, enrolment_code, inspection_submit

from fieldapp.services.syncing.runs import sync_status
from fieldapp.store.models import SyncState, Venue
from sync.client import (
    DeviceNotEnrolled,
    InsecureURL,
    ServerRefused,
    ServerUnavailable,
    enroll_device,
)
from sync.server import admin as server_admin
from sync.server import db as server_db
from sync.server.models import Device as ServerDevice
from sync.server.models import Inspection


def _venue_codes() -> list[str]:
    return sorted(v.code for v in Venue.select())


def test_a_laptop_handed_to_another_inspector_pulls_their_grid_whole(
    make_device: Callable[[str], Device], live_server: LiveServer
) -> None:
    laptop = make_device("laptop").enroll("p-insp")
    with laptop.client() as client:
        assert client.sync_once().ok
    assert _venue_codes() == ["DM-0001", "DM-0002"]  # 张三's village V1
    assert SyncState.get_by_id(1).pull_cursor  # the pull went on past those

    SyncState.update(token="a-token-the-server-never-issued").execute()
    with laptop.client() as client, pytest.raises(DeviceNotEnrolled):
        client.sync_once()
    assert "enrol it again" in sync_status().last_error  # what the sync screen shows

    answer = enroll_device(live_server.url, enrolment_code("p-insp2"))  # 王五, village V2
    assert sync_status().last_error == ""  # the old enrolment's error is gone with it
    assert SyncState.get_by_id(1).server_epoch == answer.epoch
    with laptop.client() as client:
        assert client.sync_once().ok
    assert "YM-0001" in _venue_codes()  # imported before the first inspector's pull ended

    with server_db.current().connection_context():
        named = {d.id: d.name for d in ServerDevice.select()}
    assert named[answer.device_id] == ""  # no name given, none made up


def test_enrolling_again_for_the_same_person_retires_the_old_enrolment_and_keeps_its_outbox(
    make_device: Callable[[str], Device], live_server: LiveServer, seed: Seed
) -> None:
    """`fieldapp admin devices` listed the old id as Active beside the new one. It now says
    the old one 已重新注册 / Enrolled again; its token is refused as not enrolled (which
    deletes nothing) and its unsynced inspection goes up under the new enrolment. Another
    person's enrolment on the same laptop is not retired by it."""
    laptop = make_device("laptop").enroll("p-insp")
    old_id, old_token = laptop.device_id, laptop.token
    pending = laptop.enqueue(
        "inspection.submit", inspection_submit(seed.venues["DM-0001"], "p-insp")
    )

    enroll_device(live_server.url, enrolment_code("p-insp"))
    with server_db.current().connection_context():
        assert not ServerDevice.get_by_id(laptop.device_id).revoked
        assert server_admin.retired_devices() == {old_id: "replaced"}
    SyncState.update(device_id=old_id, token=old_token).execute()  # its answer lost
    with laptop.client() as client, pytest.raises(DeviceNotEnrolled):
        client.sync_once()
    enroll_device(live_server.url, enrolment_code("p-insp"))
    with laptop.client() as client:
        assert client.sync_once().ok
    assert laptop.outbox()[pending].state == "acked"
    with server_db.current().connection_context():
        assert Inspection.select().count() == 1

    insp_id = laptop.device_id
    enroll_device(live_server.url, enrolment_code("p-insp2"))  # the laptop handed on
    with server_db.current().connection_context():
        assert not ServerDevice.get_by_id(insp_id).revoked


def test_the_device_name_given_at_enrolment_is_the_one_the_office_sees(
    make_device: Callable[[str], Device], live_server: LiveServer
) -> None:
    make_device("a").open()
    answer = enroll_device(live_server.url, enrolment_code("p-insp"), device_name="鼎美村-笔记本1")
    with server_db.current().connection_context():
        assert ServerDevice.get_by_id(answer.device_id).name == "鼎美村-笔记本1"


def test_enrolments_that_cannot_happen_say_why_and_store_nothing(
    make_device: Callable[[str], Device], live_server: LiveServer
) -> None:
    make_device("a").open()
    code = enrolment_code("p-insp")
    with pytest.raises(InsecureURL, match="plain http to another machine: use https"):
        enroll_device("http://192.0.2.7:8000", code)
    closed = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(ServerUnavailable, match=f"cannot reach {closed} "):
        enroll_device(closed, code)
    state = SyncState.get_or_none(SyncState.id == 1)
    assert state is None or not state.device_id  # nothing recorded by either

    # The office's own network, said so: plain http to an address that is not loopback
    # (0.0.0.0 reaches this machine's server on Linux) is taken when allowed explicitly.
    elsewhere = live_server.url.replace("127.0.0.1", "0.0.0.0")
    with pytest.raises(InsecureURL):
        enroll_device(elsewhere, code)
    enroll_device(elsewhere, code, allow_insecure_http=True)
    assert SyncState.get_by_id(1).server_url == elsewhere
    with pytest.raises(ServerRefused, match="already used"):
        enroll_device(live_server.url, code)
