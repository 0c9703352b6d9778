"""The incident queue's tabs say, at 80×24, the key that shows each queue (1–5: at 80
columns the footer has room for none of them, they were under F1 alone) and how many
incidents wait in it, in Chinese and in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from incident_time_support import incident_at
from pilot_support import open_screen, screen_text

from fieldapp.i18n import t
from fieldapp.services.demo import workspace as demo
from fieldapp.services.incidents import queue as service
from fieldapp.services.incidents import reporting
from fieldapp.services.incidents.queue import QUEUES
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.incidents import IncidentsScreen


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_each_tab_says_its_key_and_count(demo_home: Path, lang: str) -> None:
    for place in ("鼎美村村口", "老渡口农贸市场东门"):
        reporting.report_incident(
            reporting.IncidentReport("fireworks_sale", incident_at(), "摆摊销售", address=place)
        )
    demo.act_as("supervisor")
    counts = service.queue_counts()
    assert counts["all"] == 2
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "f3", IncidentsScreen)
        tabs = screen.query_one("#incident-tabs").region
        line = screen_text(app).splitlines()[tabs.y]
        for n, queue in enumerate(QUEUES, start=1):
            with_lang = t(f"incident.queue.{queue}")
            assert f"{n}·{with_lang} {counts.get(queue, 0)}" in line, line
        await pilot.press("5")
        await pilot.pause()
        assert screen.queue == "all"
