"""The sync screen (ctrl+F12) names a refused incident report as a person says it:
"Incident reported (refused 01:53)", not "Incident update Report incident"; 上报事件 in
Chinese, not 事件处理 上报事件. At 80x24 against the real app."""

from __future__ import annotations

from pathlib import Path

import pytest
from incident_time_support import incident_at
from pilot_support import at_home, settle
from test_refused_records_ui import refuse_last_op, shown

from fieldapp.services.incidents import reporting
from fieldapp.tui.app import make_app


@pytest.mark.parametrize(
    ("lang", "named", "garbled"),
    [("en", "Incident reported (refused ", "Report incident"), ("zh", "上报事件（", "事件处理")],
)
async def test_a_refused_incident_report_is_named_as_reported(
    demo_home: Path, lang: str, named: str, garbled: str
) -> None:
    made = reporting.IncidentReport(
        "fireworks_sale", incident_at(), "有人燃放烟花", address="鼎美村祠堂"
    )
    reporting.report_incident(made)
    refuse_last_op()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot)
        await pilot.press("ctrl+f12")
        await settle(app, pilot, rounds=2)
        text = shown(app)
    assert named in text, text
    assert garbled not in text, text
