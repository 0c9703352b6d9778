"""A record the server refused stays in sight until the person has read why: the sync
screen lists every refusal still in the outbox (not only the last sync's), home's status
line counts them instead of saying all is synced, and D marks them read.

A real `python -m sync.server` on loopback refuses a real op: an inspector's correction of
a venue's attributes signed as somebody else (the server refuses what is not the device's
own person's)."""

from __future__ import annotations

from peewee import fn
from pilot_support import screen_text
from test_sync_ui import (
    SIZE,
    chinese,
    demo_server_running,
    press_f12_and_wait,
    settle,
    status_text,
    until_probed,
)

from fieldapp.i18n import set_language
from fieldapp.services.common import outbox
from fieldapp.services.demo import server as demo_server
from fieldapp.store.models import Outbox, Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.messages import local_moment
from fieldapp.tui.screens.sync import SyncRequested, SyncScreen

__all__ = ["chinese", "demo_server_running"]  # fixtures


def an_op_the_server_refuses() -> tuple[int, Venue]:
    venue = Venue.select().order_by(Venue.code).first()
    op = outbox.enqueue(
        "venue.attributes",
        {
            "venue_id": venue.id,
            "attributes": {"has_gas": True},
            "corrected_by": "somebody-else",
            "corrected_at": "2026-01-05T08:00:00Z",
        },
    )
    return op.seq, venue


async def test_a_refusal_stays_listed_until_read(
    demo_server_running: demo_server.DemoServer,
) -> None:
    seq, venue = an_op_the_server_refuses()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await until_probed(app, pilot)
        await press_f12_and_wait(app, pilot)
        text = screen_text(app)
        assert "服务器拒收的记录（1 条）" in text
        assert f"#{seq} 场所信息更正 {venue.code} {venue.name}（" in text  # what, in words
        assert "被拒收）：" in text  # when
        # The header says what is incomplete, not "0 waiting".
        assert "同步未全部完成" in text and "1 条被服务器拒收（见下）" in text
        assert "还有 0 条" not in text
        assert "已读" in text  # the key to acknowledge it is shown

        await pilot.press("escape")
        await settle(app, pilot)
        assert "1 条被服务器拒收" in status_text(app)
        assert "全部已同步" not in status_text(app)

        # Another sync refuses nothing new: the refusal is still there, and the header
        # says nothing new went rather than "0 sent".
        await press_f12_and_wait(app, pilot)
        text = screen_text(app)
        sent = local_moment(Outbox.select(fn.MAX(Outbox.acked_at)).scalar())
        assert f"全部已上报：最近的记录已于 {sent} 由自动同步或之前的同步发送" in text
        assert "上报 0 条" not in text
        assert f"#{seq} 场所信息更正 {venue.code}" in text

        await pilot.press("d")
        await settle(app, pilot)
        assert isinstance(app.screen, SyncScreen)
        text = screen_text(app)
        assert "服务器拒收的记录" not in text
        await pilot.press("escape")
        await settle(app, pilot)
        assert "全部已同步" in status_text(app)
        assert "被服务器拒收" not in status_text(app)
    row = Outbox.get(Outbox.seq == seq)
    assert row.state == "rejected" and row.refusal_seen_at  # kept for the record, read
    assert row.refused_at


async def test_f12_after_a_background_sync_says_everything_was_already_sent(
    demo_server_running: demo_server.DemoServer,
) -> None:
    """What the tester saw after submitting an inspection: the background sync had sent
    it, and F12 said "0 sent" as if nothing went (in English here)."""
    set_language("en")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await until_probed(app, pilot)
        app.post_message(SyncRequested("inspection.submit"))  # what the summary posts
        await settle(app, pilot)
        await settle(app, pilot)
        await press_f12_and_wait(app, pilot)
        text = screen_text(app)
        # when the background sync sent it (the outbox's latest acknowledgement), local
        sent = local_moment(Outbox.select(fn.MAX(Outbox.acked_at)).scalar())
        assert len(sent) == 5 and sent[2] == ":", sent  # HH:MM today
        assert f"Everything was already sent: the latest went at {sent}," in text
        assert "0 sent" not in text
