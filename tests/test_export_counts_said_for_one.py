"""The export form (ctrl+e) in English over a range with one inspection says "Exported 1
inspection, …", each count with its own noun (it said "1 inspections, 1 hazards")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pilot_support import open_screen, settle, workers_done
from textual.widgets import Input, Static

from fieldapp.i18n import set_language
from fieldapp.services.export.ledger import ExportFilter, export_ledger
from fieldapp.store.models import Inspection
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.export import ExportScreen


def _a_day_with_one_inspection(scratch: Path) -> dt.date:
    stamps = {i.submitted_at[:10] for i in Inspection.select() if i.status == "submitted"}
    for stamp in sorted(stamps, reverse=True):
        for day in (dt.date.fromisoformat(stamp), dt.date.fromisoformat(stamp) + dt.timedelta(1)):
            found = export_ledger(scratch / f"{day}.csv", fmt="csv", where=ExportFilter(day, day))
            if found.inspections == 1:
                return day
    raise AssertionError("the demo has no day with one inspection")


async def test_one_inspection_exported_is_said_in_the_singular(
    demo_supervisor: Path, tmp_path: Path
) -> None:
    day = _a_day_with_one_inspection(tmp_path).isoformat()
    app = make_app(lang="en")
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
            screen.query_one("#export-from", Input).value = day
            screen.query_one("#export-to", Input).value = day
            screen.query_one("#export-path", Input).value = str(tmp_path / "ledger.xlsx")
            await pilot.press("f10")
            await workers_done(app)
            await settle(app, pilot, rounds=2)
            status = str(screen.query_one("#export-status", Static).render())
            assert status.startswith("Exported 1 inspection, "), status
            assert "1 inspections" not in status and "1 hazards" not in status
    finally:
        set_language("zh")
