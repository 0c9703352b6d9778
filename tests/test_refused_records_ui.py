"""A record the server refused to create is marked so in the real app at 80x24: an
incident in 我上报的事件 (F3), an inspection in its venue's history; the reason shows
below the list, R sends it again (the mark goes, the op waits to be sent), X discards it
after a question that says what is lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from incident_time_support import incident_at
from inspect_support import answer_every_item
from pilot_support import open_screen, settle

from fieldapp.domain.clock import now_iso
from fieldapp.reports.ledger import csv_paths
from fieldapp.services.export.ledger import export_ledger
from fieldapp.services.incidents import reporting
from fieldapp.services.inspection import inspections
from fieldapp.store.db import db
from fieldapp.store.incident_models import Incident
from fieldapp.store.models import Inspection, Outbox, Venue
from fieldapp.store.refused_records import mark_refused
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.screens.incidents import IncidentsScreen
from fieldapp.tui.screens.my_incidents import MyIncidentsScreen
from fieldapp.tui.screens.venue_history import VenueHistoryScreen
from fieldapp.tui.widgets import PagedTable
from sync.protocol import refusals

pytestmark = pytest.mark.usefixtures("chinese")
SMALL = (80, 24)


def shown(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def refuse_last_op(grid_name: str = "芸美村") -> Outbox:
    """The newest op refused outside the grid, recorded as the sync client records it."""
    op = Outbox.select().order_by(Outbox.seq.desc()).get()
    reason = refusals.outside_grid("venue YM-1", "V2", "张三", "p-1", grid_name=grid_name)
    with db.atomic():
        Outbox.update(
            state="rejected",
            last_error=str(reason),
            refused_at=now_iso(),
            refusal_code=reason.code,
            refusal_params=json.dumps(reason.params, ensure_ascii=False),
        ).where(Outbox.seq == op.seq).execute()
        mark_refused([op.op_id])
    return Outbox.get(Outbox.seq == op.seq)


def exported_sheet(out: Path, sheet: str) -> str:
    """A sheet of the exported ledger as text (the audit op the export leaves goes, so the
    record's op stays the newest)."""
    export_ledger(out, fmt="csv")
    Outbox.delete().where(Outbox.type == "export.recorded").execute()
    return csv_paths(out)[sheet].read_text(encoding="utf-8-sig")


def test_a_refused_incident_is_not_in_the_exported_ledger(demo_home: Path, tmp_path: Path) -> None:
    """As its inspections, hazards and activities sheets: the office has no such incident."""
    place = "鼎美村祠堂东侧空地"  # the refused incident's, in no other record
    made = reporting.IncidentReport("fireworks_sale", incident_at(), "有人燃放烟花",
                                    address=place)  # fmt: skip
    reporting.report_incident(made)
    assert place in exported_sheet(tmp_path / "recorded.csv", "incidents")
    refuse_last_op()
    assert place not in exported_sheet(tmp_path / "refused.csv", "incidents")


async def test_a_refused_incident_is_marked_and_sent_again_or_discarded(demo_home: Path) -> None:
    made = reporting.IncidentReport(
        "fireworks_sale", incident_at(), "有人燃放烟花", address="鼎美村祠堂"
    )
    incident_id = reporting.report_incident(made).id
    op = refuse_last_op()
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "f3", MyIncidentsScreen)
        text = shown(app)
        assert "服务器拒收" in text and "芸美村" in text  # the mark, and why below
        assert "r 重新上报" in text and "x 丢弃" in text
        await pilot.press("r")
        await settle(app, pilot, rounds=3)
        assert Outbox.get(Outbox.seq == op.seq).state == "pending"
        text = shown(app)
        assert "服务器拒收" not in text and "重新上报" not in text
        assert screen.rows[0].refusal is None

        refuse_last_op()
        screen.synced()
        await settle(app, pilot, rounds=2)
        await pilot.press("x")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "连同它的处理记录" in shown(app)
        await pilot.press("y")
        await settle(app, pilot, rounds=3)
        assert app.screen is screen
        assert Incident.get_or_none(Incident.id == incident_id) is None
        assert Outbox.get(Outbox.seq == op.seq).state == "discarded"
        assert "有人燃放烟花" not in shown(app)


async def test_a_refused_inspection_is_marked_in_its_venue_history(demo_home: Path) -> None:
    venue = Venue.select().order_by(Venue.code).first()
    inspection_id = inspections.start_inspection(venue.id, reason="placard_missing")
    answer_every_item(inspection_id)
    inspections.submit(inspection_id, "店主")
    op = refuse_last_op()
    assert Inspection.get_by_id(inspection_id).status == "refused"
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot, rounds=2)
        screen = VenueHistoryScreen(venue.id, venue.name, venue.code)
        app.push_screen(screen)
        await settle(app, pilot, rounds=3)
        text = shown(app)
        assert "服务器拒收" in text and "芸美村" in text
        assert "r 重新上报" in text and "x 丢弃" in text
        await pilot.press("r")
        await settle(app, pilot, rounds=3)
        assert Outbox.get(Outbox.seq == op.seq).state == "pending"
        assert Inspection.get_by_id(inspection_id).status == "submitted"
        assert "服务器拒收" not in shown(app)


async def test_the_supervisors_queue_marks_a_refused_incident_in_english(
    demo_supervisor: Path,
) -> None:
    made = reporting.IncidentReport(
        "fireworks_sale", incident_at(), "有人燃放烟花", address="鼎美村祠堂"
    )
    reporting.report_incident(made)
    refuse_last_op()
    app = make_app(lang="en")
    async with app.run_test(size=SMALL) as pilot:
        await open_screen(app, pilot, "f3", IncidentsScreen)
        table = app.screen.query_one(PagedTable)
        table.move_cursor(row=0)  # newest first: the refused one
        await settle(app, pilot)
        text = shown(app)
        assert "Refused" in text and "ask the administrator to assign it" in text  # whole
        assert "r Send again" in text and "x Discard" in text
