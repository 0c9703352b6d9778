"""The re-inspection of a returned inspection supersedes it, end to end: `b` then `n` on
Home starts a draft that names the returned inspection (and warns of its hazards still
open, which it does not close); once submitted, the return leaves Home, the two records
say which replaces which, the server keeps the link, and the supervisor's review no longer
offers the returned one while the re-inspection waits for review in its place.

A real `python -m sync.server` on loopback, the demo's inspector and supervisor devices.
"""

from __future__ import annotations

from pathlib import Path

from inspect_support import answer_every_item
from pilot_support import screen_text
from test_returned_inspections import COMMENT, home_line
from test_sync_ui import (
    SIZE,
    chinese,
    demo_server_running,
    press_f12_and_wait,
    settle,
    until_probed,
)

from fieldapp.paths import store_path
from fieldapp.services.demo import server as demo_server
from fieldapp.services.demo.workspace import DemoInfo
from fieldapp.services.inspection import history, inspections
from fieldapp.services.inspection.returned import returned_inspections
from fieldapp.services.review import inspections as review
from fieldapp.store.models import Finding, Inspection, SyncState, Venue
from fieldapp.store.opening import close_store, open_store
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.presence import PresenceDialog
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.inspect import InspectScreen
from fieldapp.tui.screens.inspection_record import InspectionRecordScreen
from fieldapp.tui.screens.returned import ReturnedScreen
from sync.client import SyncClient
from sync.server import db as server_db
from sync.server.models import Inspection as ServerInspection

__all__ = ["chinese", "demo_server_running"]  # fixtures


def _sync() -> None:
    with SyncClient.from_store() as client:
        assert client.sync_once().ok


def _with_one_hazard(venue: Venue) -> str:
    """A submitted inspection of `venue` with its first yes/no item failed."""
    inspection_id = inspections.start_inspection(venue.id, reason="placard_missing")
    answer_every_item(inspection_id)
    view = inspections.load(inspection_id)
    item = next(i for i in view.checklist.items if i.answer == "yesno" and i.can_fail)
    inspections.record_answer(inspection_id, item, "fail")
    inspections.submit(inspection_id, "店主")
    return inspection_id


def _as_supervisor(home: Path, server: demo_server.DemoServer) -> Path:
    close_store()
    supervisor = demo_server.prepare_device(home, server, "supervisor")
    open_store(store_path(supervisor.home))
    return supervisor.home


async def test_the_re_inspection_of_a_return_supersedes_it_on_both_devices_and_the_server(
    demo_server_running: demo_server.DemoServer, demo_info: DemoInfo
) -> None:
    me = SyncState.get_by_id(1).person
    venue = Venue.select().join(Inspection).where(Inspection.inspector == me).first()
    returned_id = _with_one_hazard(venue)
    hazard = Finding.get(Finding.inspection == returned_id)
    _sync()
    boss_home = _as_supervisor(demo_info.home, demo_server_running)
    try:
        review.return_inspection(returned_id, COMMENT)
        _sync()
    finally:
        close_store()
    open_store(store_path(demo_info.home))

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await until_probed(app, pilot)
        await press_f12_and_wait(app, pilot)  # the return arrives
        await pilot.press("escape")
        await settle(app, pilot)
        assert home_line(app).display
        await pilot.press("b")
        await settle(app, pilot)
        assert isinstance(app.screen, ReturnedScreen)
        await pilot.press("n")
        await settle(app, pilot)
        assert isinstance(app.screen, PresenceDialog)
        await pilot.press("enter", "enter")  # the placard is missing; no note
        await settle(app, pilot)
        await settle(app, pilot)
        assert isinstance(app.screen, InspectScreen)
        redo = app.screen.inspection_id
        assert Inspection.get_by_id(redo).supersedes == returned_id
        said = [n.message for n in app._notifications]
        assert any(
            "被退回的检查记录仍有 1 条未关闭的隐患" in m and hazard.item_code in m for m in said
        ), said

        answer_every_item(redo)
        inspections.submit(redo, "店主")
        assert returned_inspections() == []
        assert Finding.get_by_id(hazard.id).state == "open"  # closes only by its own events
        await pilot.press("escape")
        await settle(app, pilot)
        if not isinstance(app.screen, HomeScreen):
            await pilot.press("escape")
            await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        assert not home_line(app).display

        app.push_screen(InspectionRecordScreen(returned_id))
        await settle(app, pilot)
        assert "已被" in screen_text(app) and "的重新检查取代" in screen_text(app)
        await pilot.press("escape")
        await settle(app, pilot)
        app.push_screen(InspectionRecordScreen(redo))
        await settle(app, pilot)
        assert "重新检查：取代" in screen_text(app)
    _sync()  # the re-inspection reaches the server with the link
    close_store()
    with server_db.current().connection_context():
        assert ServerInspection.get_by_id(redo).supersedes == returned_id

    open_store(store_path(boss_home))
    try:
        _sync()  # the supervisor pulls the re-inspection
        assert Inspection.get_by_id(redo).supersedes == returned_id
        shown = {r.inspection_id for r in review.list_submitted(review.InspectionFilters(), 500)}
        assert redo in shown and returned_id not in shown
        returned_view = review.InspectionFilters(review_state="returned")
        assert returned_id not in {r.inspection_id for r in review.list_submitted(returned_view)}
        record = history.inspection_record(returned_id)
        assert record.superseded_by is not None and record.superseded_by.inspection_id == redo
        assert history.inspection_record(redo).supersedes is not None
    finally:
        close_store()
    open_store(store_path(demo_info.home))
