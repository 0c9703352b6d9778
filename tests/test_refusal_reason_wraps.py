"""At 80 columns the reason a record was refused is read whole, wrapped below the list:
F3 (my incidents) cut it on one line (…请联系管理员分), and the read-only inspection cut its
line about the returned inspection it supersedes before the inspector's name."""

from __future__ import annotations

from pathlib import Path

import pytest
import test_refused_records_ui as refused_records_ui
from incident_time_support import incident_at
from inspect_support import answer_every_item
from pilot_support import open_screen, shown_from_start
from test_refused_records_ui import shown

from fieldapp.services.incidents import reporting
from fieldapp.services.inspection import inspections
from fieldapp.store.models import Inspection, Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.inspection_record import InspectionRecordScreen
from fieldapp.tui.screens.my_incidents import MyIncidentsScreen

LONG_GRID = "老渡口农贸市场第一网格"


def refuse_last_op() -> None:
    """The newest op refused outside a grid with a long name, as the sync client records it."""
    refused_records_ui.refuse_last_op(grid_name=LONG_GRID)


def joined(text: str) -> str:
    """The screen's text with its lines run together, spaces out: a wrapped line reads on."""
    return "".join(text.split())


@pytest.mark.parametrize(
    ("lang", "end"),
    [("zh", "请联系管理员分配"), ("en", "ask the administrator to assign it")],
)
async def test_my_incidents_shows_the_whole_refusal_at_80_columns(
    demo_home: Path, lang: str, end: str
) -> None:
    made = reporting.IncidentReport(
        "fireworks_sale", incident_at(), "有人燃放烟花", address="鼎美村祠堂"
    )
    reporting.report_incident(made)
    refuse_last_op()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f3", MyIncidentsScreen)
        text = shown(app)
    assert "".join(end.split()) in joined(text), text


async def test_a_re_inspection_names_whom_it_supersedes_at_80_columns(demo_home: Path) -> None:
    venue = Venue.select().order_by(Venue.code).first()
    first = inspections.start_inspection(venue.id, reason="placard_missing")
    answer_every_item(first)
    inspections.submit(first, "店主")
    Inspection.update(review_state="returned").where(Inspection.id == first).execute()
    redo = inspections.start_inspection(venue.id, reason="placard_missing")
    answer_every_item(redo)
    inspections.submit(redo, "店主")
    assert Inspection.get_by_id(redo).supersedes == first
    inspector = Inspection.get_by_id(first).inspector.name
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await shown_from_start(app, pilot, InspectionRecordScreen(redo))
        text = shown(app)
    assert "supersedesthereturnedinspection" in joined(text), text
    assert f"by{''.join(inspector.split())}" in joined(text), text
