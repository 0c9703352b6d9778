"""Free text that must say something, refused in the real app at 80x24 and by the
services behind it (`fieldapp.domain.free_text`): the incident form (F4) says why, keeps
what was typed and saves nothing; the review service refuses a reject reason of emoji
(the dialog's own test: test_free_text_reject_dialog)."""

from __future__ import annotations

from pathlib import Path

import pytest
from incident_time_support import incident_at
from pilot_support import open_screen, settle
from textual.widgets import Input, Select, Static

from fieldapp.domain.findings import REPORTED
from fieldapp.services import review
from fieldapp.services.incidents import reporting
from fieldapp.store.incident_models import Incident
from fieldapp.store.models import Finding, FindingEvent, Outbox
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.incident import IncidentDialog

pytestmark = pytest.mark.usefixtures("chinese")
SIZE = (80, 24)


def rejections() -> int:
    return FindingEvent.select().where(FindingEvent.type == "rejected").count()


def test_the_service_refuses_the_same_reject_reason(demo_supervisor: Path) -> None:
    """What the dialog refuses, the service refuses too (a caller without the dialog)."""
    finding = Finding.get(Finding.state == REPORTED)
    before, deadline = rejections(), {"deadline": "2099-01-01"}
    with pytest.raises(review.ActionRefused, match="仍未整改到位的问题"):
        review.bulk_apply([finding.id], "rejected", note="😀", data=deadline)
    assert rejections() == before


async def test_an_incident_address_or_description_saying_nothing_is_refused(
    demo_home: Path,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_screen(app, pilot, "f4", IncidentDialog)
        error = dialog.query_one("#incident-error", Static)
        address = dialog.query_one("#incident-address", Input)
        description = dialog.query_one("#incident-description", Input)
        dialog.query_one("#incident-category", Select).value = "fireworks_sale"
        for grids in dialog.query("#incident-grid").results(Select):  # one of several grids
            grids.value = dialog.grids[0][0]
        address.value, description.value = "😀", "路口摆摊销售烟花爆竹"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert "请用文字写明事发地址" in str(error.render())
        assert app.focused is address
        address.value = "x" * 500
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert "事发地址最多 200 个字，现在有 500 个字" in str(error.render())
        address.value, description.value = "鼎美村村口", "x"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        assert "请用文字写明发生了什么" in str(error.render())
        assert app.focused is description
        assert app.screen is dialog and description.value == "x"  # nothing typed is lost
    assert Incident.select().count() == 0
    assert Outbox.select().where(Outbox.type == "incident.event").count() == 0


def test_the_incident_service_refuses_the_same(demo_home: Path) -> None:
    report = reporting.IncidentReport(
        category="fireworks_sale", occurred_at=incident_at("10:00"), description="😀😀",
        address="鼎美村村口",
    )  # fmt: skip
    with pytest.raises(reporting.ReportRefused, match="发生了什么"):
        reporting.report_incident(report)
    assert Incident.select().count() == 0
