"""The supervisor acts on one incident from its own view, and is told what to do first.

c on an incident handed over said only "事件当前为“已移交”，不能执行“结案”。": it names the
step to take first and its key (o, record the outcome). The incident's view (Enter) had
none of a/h/o/c/n: it offers the queue's actions, the same bindings (one definition), is
read again once one is applied and the queue with it when Esc goes back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from incident_time_support import incident_at, incident_day
from pilot_support import footer_keys_seen, open_screen, settle

from fieldapp.domain import incidents as lifecycle
from fieldapp.i18n import t
from fieldapp.services.demo import workspace as demo
from fieldapp.services.incidents import events, reporting
from fieldapp.store.incident_models import Incident
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.bulk_action import BulkActionDialog
from fieldapp.tui.screens.incident_actions import ACTION_BINDINGS
from fieldapp.tui.screens.incident_record import IncidentRecordScreen
from fieldapp.tui.screens.incidents import IncidentsScreen

SMALL = (80, 24)


def handed_over() -> str:
    incident = reporting.report_incident(
        reporting.IncidentReport(
            "fireworks_sale", incident_at(), "摆摊销售烟花爆竹", address="鼎美村村口"
        )
    )
    demo.act_as("supervisor")
    data = {"unit": "police_station", "reference": "鼎综治移〔2026〕7号", "date": incident_day()}
    events.append_event(incident.id, "handed_over", data=data)
    return str(incident.id)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_closing_an_incident_handed_over_says_to_record_its_outcome_first(
    demo_home: Path, lang: str
) -> None:
    handed_over()
    app = make_app(lang=lang)
    async with app.run_test(size=SMALL) as pilot:
        await open_screen(app, pilot, "f3", IncidentsScreen)
        await pilot.press("c")
        await settle(app, pilot)
        said = [n.message for n in app._notifications][-1]
        assert said == t(
            "incident.refused.state_first",
            state=t("incident.state.handed_over"),
            event=t("incident.event.closed"),
            first=t("incident.event.outcome_recorded"),
            press="o",
        ), said
        assert "o" in said.split() and said.endswith("。" if lang == "zh" else ".")


async def test_the_incident_view_offers_the_queues_actions_and_applies_them(
    demo_home: Path,
) -> None:
    incident_id = handed_over()
    assert [b for b in IncidentsScreen.BINDINGS if b in ACTION_BINDINGS] == ACTION_BINDINGS
    app = make_app(lang="zh")
    async with app.run_test(size=SMALL) as pilot:
        queue = await open_screen(app, pilot, "f3", IncidentsScreen)
        await pilot.press("enter")
        await settle(app, pilot, rounds=2)
        record = app.screen
        assert isinstance(record, IncidentRecordScreen)
        offered = footer_keys_seen(record)
        assert {"bulk('outcome_recorded')", "bulk('closed')"} <= set(offered), offered
        await pilot.press("c")  # refused as on the list, with the step to take first
        await settle(app, pilot)
        assert [n.message for n in app._notifications][-1].endswith("先按 o 记录处理结果。")
        await pilot.press("o")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, BulkActionDialog)
        dialog.choose("#bulk-outcome", "goods_seized")
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        assert app.screen is record
        assert Incident.get_by_id(incident_id).state == lifecycle.OUTCOME_RECORDED
        assert record.record is not None and record.record.state == lifecycle.OUTCOME_RECORDED
        await pilot.press("c")
        await settle(app, pilot)
        assert isinstance(app.screen, BulkActionDialog)  # now it may be closed
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        assert Incident.get_by_id(incident_id).state == lifecycle.CLOSED
        await pilot.press("escape")
        await settle(app, pilot, rounds=2)
        assert app.screen is queue and queue.rows == []  # the open queue read again


async def test_an_inspectors_view_of_their_incident_offers_no_supervisor_actions(
    demo_home: Path,
) -> None:
    from fieldapp.tui.screens.my_incidents import MyIncidentsScreen

    reporting.report_incident(
        reporting.IncidentReport("fireworks_sale", incident_at(), "摆摊", address="村口")
    )
    app = make_app(lang="zh")
    async with app.run_test(size=SMALL) as pilot:
        await open_screen(app, pilot, "f3", MyIncidentsScreen)
        await pilot.press("enter")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, IncidentRecordScreen)
        offered = [k for k in footer_keys_seen(app.screen) if k.startswith("bulk")]
        assert offered == ["bulk('note')"]  # a note anyone may add, the reporter too
