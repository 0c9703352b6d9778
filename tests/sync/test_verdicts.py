"""The inspector's own device learns the server's verdict on the scans it claimed.

An inspection record goes to supervisors only; the server sends the inspector who
submitted it an `inspection_verdict` change instead. After a sync the device keeps the
verdict on its own copy (a scan that did not verify becomes manual presence, unverified,
with the reason), tells the inspector once, and the sync screen and the inspection's
read-only view say why. A real server on loopback, real store files, the real app.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from inspect_support import answer_every_item
from peewee import fn
from people_support import pin_the_synced_key
from pilot_support import settle
from sync_world import LiveServer, enrolment_code
from textual.widgets import Static

from fieldapp.domain.placard import SigningKey
from fieldapp.i18n import set_language, t
from fieldapp.services.common.checklists import clear_cache, load_checklists
from fieldapp.services.inspection import history, inspections
from fieldapp.services.inspection.scan_proof import WEDGE, ScanMark
from fieldapp.store.models import Inspection as LocalInspection
from fieldapp.store.models import Outbox
from fieldapp.tui.app import make_app
from fieldapp.tui.messages import local_moment
from fieldapp.tui.screens.inspection_record import meta_lines
from fieldapp.tui.screens.sync import SyncScreen
from sync.client import SyncClient, enroll_device
from sync.server import admin, placard_keys
from sync.server import db as server_db

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def back_to_chinese() -> Iterator[None]:
    yield
    set_language("zh")


def _server_key() -> SigningKey:
    with server_db.current().connection_context():
        placard_keys.ensure_key()
        return placard_keys.signing_key()


def _inspect(venue_id: str, placard_text: str) -> str:
    """A whole inspection on this device, opened by scanning `placard_text`."""
    scan = ScanMark.now(WEDGE, "2026-06-10T02:00:00.000Z")
    inspection_id = inspections.start_inspection(
        venue_id, presence="scanned", payload=placard_text, scan=scan
    )
    answer_every_item(inspection_id)
    inspections.submit(inspection_id, "店主")
    return inspection_id


def _sync(**options: Any) -> SyncClient:
    return SyncClient.from_store(sleep=lambda _s: None, **options)


def _first_sync(url: str, person: str) -> None:
    enroll_device(url, enrolment_code(person), device_name=person)
    with _sync() as client:
        assert client.sync_once().ok  # venues, checklists, placard keys
    clear_cache()
    assert load_checklists().ok


def test_the_inspector_learns_which_scans_verified_once(
    home: Path, live_server: LiveServer, seed, server_workdir: Path
):
    key, stranger = _server_key(), SigningKey.generate()
    _first_sync(live_server.url, "p-insp")
    venue = seed.venues["DM-0001"]
    genuine = _inspect(venue, key.sign("DM-0001"))
    forged = _inspect(venue, stranger.sign("DM-0001"))
    assert LocalInspection.get_by_id(forged).presence_check == ""  # not known before a sync

    with _sync(page_size=1) as client:  # each verdict on a page of its own: both told
        result = client.sync_once()
    assert result.ok, result
    verdicts = {v.inspection_id: v for v in result.verdicts}
    assert set(verdicts) == {genuine, forged}
    assert (verdicts[forged].check, verdicts[forged].reason) == ("unverified", "unknown_key")
    assert verdicts[forged].venue == "鼎美村·福顺小旅馆(示例)"
    # The time of the inspection it is about, as the sync screen shows it.
    submitted_at = LocalInspection.get_by_id(forged).submitted_at
    assert submitted_at and verdicts[forged].submitted_at == submitted_at
    assert (verdicts[genuine].check, verdicts[genuine].reason) == ("verified", "")
    mine = LocalInspection.get_by_id(forged)
    assert (mine.presence, mine.presence_check, mine.presence_check_reason) == (
        "manual", "unverified", "unknown_key")  # fmt: skip
    assert LocalInspection.get_by_id(genuine).presence_check == "verified"
    with _sync() as client:
        assert client.sync_once().verdicts == []  # told once, not at every sync

    set_language("en")
    shown = " ".join(meta_lines(history.inspection_record(forged)))
    assert "the scan did not verify at the server (a signing key the server does not know)" in shown
    assert "verified by the server" in " ".join(meta_lines(history.inspection_record(genuine)))

    # Nobody else's device is told: another inspector of the same grid pulls no verdict.
    people = server_workdir / "people-more.csv"
    people.write_text("id,name,role,phone,grids\np-insp3,钱七,inspector,,V1\n", encoding="utf-8")
    with server_db.current().connection_context():
        admin.import_people(people)
    enrolled = httpx.post(f"{live_server.url}/api/v1/enroll",
                          json={"code": enrolment_code("p-insp3"), "device_name": "other"})  # fmt: skip
    token = enrolled.json()["token"]
    page = httpx.get(f"{live_server.url}/api/v1/pull", params={"limit": 2000},
                     headers={"Authorization": f"Bearer {token}"}).json()  # fmt: skip
    types = {c["type"] for c in page["changes"]}
    assert "venue" in types and "inspection_verdict" not in types and "inspection" not in types


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_after_a_sync_the_app_says_a_scan_did_not_verify_and_why(
    home: Path, live_server: LiveServer, seed, lang: str
):
    _server_key()
    _first_sync(live_server.url, "p-insp")
    pin_the_synced_key()
    _inspect(seed.venues["DM-0001"], SigningKey.generate().sign("DM-0001"))
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        if type(app.screen).__name__ == "ResumeDialog":
            await pilot.press("n")
        app.request_sync()  # as the app does in the background, its sync screen closed
        await settle(app, pilot, rounds=3)
        told = [n.message for n in app._notifications]
        expected = {
            "zh": "1 次扫码未通过服务器核验，已按手工确认到场记录；按 Ctrl+F12 查看原因。",
            "en": "1 scan did not verify at the server and counts as presence by hand; "
            "Ctrl+F12 shows why.",
        }[lang]
        assert expected in told, told
        app.request_sync()  # learns nothing new: neither told again nor wiped from the screen
        await settle(app, pilot, rounds=3)
        assert [n.message for n in app._notifications].count(expected) == 1
        await pilot.press("ctrl+f12")
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, SyncScreen)
        state = str(app.screen.query_one("#sync-state", Static).render())
        # The last outcome, shown: the second sync had nothing to send or learn.
        sent = local_moment(Outbox.select(fn.MAX(Outbox.acked_at)).scalar())
        assert t("sync_ui.done.nothing_new_since", at=sent) in state  # and when it went
        text = str(app.screen.query_one("#sync-verdicts", Static).render())
        if lang == "zh":
            assert "服务器对您扫码到场的核验（1 条）：" in text
            assert "鼎美村·福顺小旅馆(示例)" in text and "服务器不认识的签名密钥" in text
        else:
            assert "The server's check of your scans (1):" in text
            assert "not verified, a signing key the server does not know" in text
