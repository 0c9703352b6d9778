"""A supervisor returns one of my inspections: the inspector is told once, after the sync
that brought it (the sync screen after F12; a notice after a background sync), and Home
shows it until the venue is inspected again, with `b` listing the returns: Enter shows the
returned record, `n` inspects the venue again.

A real `python -m sync.server` on loopback, the demo's inspector and supervisor devices
(their own stores); the supervisor returns the inspection as the review screen's `t` does.
"""

from __future__ import annotations

from pathlib import Path

from inspect_support import answer_every_item
from pilot_support import screen_text
from test_sync_ui import (
    SIZE,
    chinese,
    demo_server_running,
    press_f12_and_wait,
    set_pin_if_asked,
    settle,
    until_probed,
)
from textual.widgets import Label

from fieldapp.i18n import set_language
from fieldapp.paths import store_path
from fieldapp.services.demo import server as demo_server
from fieldapp.services.demo.workspace import DemoInfo
from fieldapp.services.inspection import inspections
from fieldapp.services.inspection.returned import returned_inspections
from fieldapp.services.review import inspections as review
from fieldapp.store.models import Inspection, SyncState, Venue
from fieldapp.store.opening import close_store, open_store
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.dialogs.presence import PresenceDialog
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.inspection_record import InspectionRecordScreen
from fieldapp.tui.screens.returned import ReturnedScreen
from fieldapp.tui.screens.sync import SyncRequested, SyncScreen
from sync.client import SyncClient

__all__ = ["chinese", "demo_server_running"]  # fixtures

COMMENT = "未扫码，请补拍标牌照片"


def _sync() -> list[object]:
    with SyncClient.from_store() as client:
        result = client.sync_once()
    assert result.ok, result
    return list(result.returns)


def returned_by_the_supervisor(home: Path, server: demo_server.DemoServer) -> Inspection:
    """The inspector's newest submitted inspection, sent, then returned with COMMENT by
    the supervisor's device; the inspector's store is open again afterwards."""
    me = SyncState.get_by_id(1).person
    _sync()  # the inspector's work reaches the server
    mine = (
        Inspection.select()
        .where((Inspection.inspector == me) & (Inspection.status == "submitted"))
        .order_by(Inspection.submitted_at.desc())
        .first()
    )
    assert mine is not None and mine.review_state != "returned"
    close_store()
    supervisor = demo_server.prepare_device(home, server, "supervisor")
    open_store(store_path(supervisor.home))
    try:
        review.return_inspection(mine.id, COMMENT)
        assert _sync() == []  # the supervisor's own return is no news to them
    finally:
        close_store()
    open_store(store_path(home))
    return Inspection.get_by_id(mine.id)


def home_line(app: FieldApp) -> Label:
    home = next(s for s in app.screen_stack if isinstance(s, HomeScreen))
    return home.query_one("#home-returned", Label)


async def test_f12_says_the_return_once_and_home_lists_it_until_inspected_again(
    demo_server_running: demo_server.DemoServer, demo_info: DemoInfo
) -> None:
    returned = returned_by_the_supervisor(demo_info.home, demo_server_running)
    venue = Venue.get_by_id(returned.venue_id)
    told = f"检查记录被退回：{venue.code} {venue.name}（意见：{COMMENT}）"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await until_probed(app, pilot)
        assert not home_line(app).display  # not pulled yet
        await press_f12_and_wait(app, pilot)
        text = screen_text(app)
        assert "主管退回了您的检查记录（1 条）" in text
        assert told in text
        assert "请重新检查该场所，新的检查记录将取代被退回的那条" in text
        assert Inspection.get_by_id(returned.id).review_state == "returned"

        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        line = home_line(app)
        assert line.display
        assert f"被退回待重新检查 1 条（b 查看）：{venue.code} {venue.name}" in screen_text(app)

        # Once: the next sync learns nothing new and does not say it again.
        await press_f12_and_wait(app, pilot)
        assert "检查记录被退回" not in screen_text(app)
        await pilot.press("escape")
        await settle(app, pilot)

        await pilot.press("b")
        await settle(app, pilot)
        assert isinstance(app.screen, ReturnedScreen)
        text = screen_text(app)
        assert "被退回的检查记录（1 条）" in text
        assert venue.name in text
        assert f"主管意见：{COMMENT}" in text  # whole, under the table
        assert "查看记录" in text and "重新检查" in text  # the keys, in the footer
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, InspectionRecordScreen)
        assert app.screen.inspection_id == returned.id
        assert COMMENT in screen_text(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ReturnedScreen)

        await pilot.press("n")  # inspect the venue again: why no scan, as from Home
        await settle(app, pilot)
        assert isinstance(app.screen, PresenceDialog)
        assert venue.name in screen_text(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)

        # Once the venue is inspected again, the return is done: the line goes.
        redo = inspections.start_inspection(venue.id, reason="placard_missing")
        answer_every_item(redo)
        inspections.submit(redo, "店主")
        assert returned_inspections() == []
        await pilot.press("r")
        await settle(app, pilot)
        assert not home_line(app).display
        assert "被退回待重新检查" not in screen_text(app)


async def test_a_background_sync_tells_the_return_in_a_notice(
    demo_server_running: demo_server.DemoServer, demo_info: DemoInfo
) -> None:
    returned = returned_by_the_supervisor(demo_info.home, demo_server_running)
    venue = Venue.get_by_id(returned.venue_id)
    set_language("en")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await until_probed(app, pilot)
        app.post_message(SyncRequested("background"))
        await settle(app, pilot)
        await settle(app, pilot)
        said = [n.message for n in app._notifications]
        assert any(
            f"Inspection returned: {venue.code} {venue.name} (comment: {COMMENT}). "
            "Inspect the venue again" in message
            for message in said
        ), said
        assert not isinstance(app.screen, SyncScreen)
        await set_pin_if_asked(app, pilot)
        assert "Returned, to inspect again: 1 (b lists them)" in screen_text(app)
        # The sync screen, opened afterwards, still lists it (until looked at).
        await pilot.press("ctrl+f12")
        await settle(app, pilot)
        assert f"Inspection returned: {venue.code} {venue.name}" in screen_text(app)
