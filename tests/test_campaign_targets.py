"""Campaign targets per grid: the fireworks ban asks each community for 3 enforcement
cases between 4 and 26 February; the dashboard's figures show how far each village got,
and the daily report carries the day's figures against the target."""

from __future__ import annotations

import datetime as dt

from rounds_support import INSPECTOR_A11, INSPECTOR_V2, SUPERVISOR, Clock, act_as, china

from fieldapp.i18n import set_language
from fieldapp.services.common.campaigns import load_campaigns
from fieldapp.services.daily_report import reports
from fieldapp.services.dashboard.targets import target_progress
from fieldapp.services.incidents import events
from fieldapp.services.incidents.reporting import IncidentReport, report_incident
from fieldapp.store.campaign_models import CampaignRun
from fieldapp.tui.views.work_lines import work_lines


def fireworks_sale(reporter: str, at: str, outcome: str) -> None:
    """Reported in the reporter's grid; the supervisor records the outcome."""
    act_as(reporter)
    incident = report_incident(IncidentReport("fireworks_sale", at, "售卖烟花", address="路口"))
    act_as(SUPERVISOR)
    events.append_event(incident.id, "outcome_recorded", data={"outcome": outcome})


def test_enforcement_cases_per_community_against_the_target(tree: Clock) -> None:
    load_campaigns()
    CampaignRun.create(code="spring_festival", version=2, active=True, phase="禁燃期",
                       starts_on="2026-02-04", ends_on="2026-02-26", grids=["T1"])  # fmt: skip
    tree.set(china(2026, 2, 11, 8))
    fireworks_sale(INSPECTOR_A11, "2026-02-11 06:40", "fined")
    fireworks_sale(INSPECTOR_A11, "2026-02-11 07:10", "goods_seized")
    fireworks_sale(INSPECTOR_A11, "2026-02-11 07:30", "warned")  # not an enforcement case
    tree.set(china(2026, 2, 12, 9))
    fireworks_sale(INSPECTOR_V2, "2026-02-12 08:00", "case_filed")
    tree.set(china(2026, 2, 20, 9))
    rows = {
        (p.grid_code, p.target): (p.done, p.wanted)
        for p in target_progress()
        if p.campaign == "spring_festival"
    }
    assert rows[("V1", "enforcement_cases_per_community")] == (2, 3)
    assert rows[("V2", "enforcement_cases_per_community")] == (1, 3)
    assert rows[("T1", "enforcement_cases_per_community")] == (3, 6)  # two communities
    assert ("A11", "enforcement_cases_per_community") not in rows  # an area is no community
    (v1,) = [p for p in target_progress() if p.grid_code == "V1"]
    assert (v1.first, v1.last) == (dt.date(2026, 2, 4), dt.date(2026, 2, 20))
    assert v1.campaign_name == "春节禁燃" and round(v1.rate or 0, 2) == 0.67

    act_as(INSPECTOR_A11)
    day = reports.report_counts("A11", dt.date(2026, 2, 11))
    assert day["campaigns"]["spring_festival"]["figures"]["enforcement_cases"] == 2
    assert day["campaigns"]["spring_festival"]["targets"] == {"enforcement_cases_per_community": 3}
    # F8's card said 春节禁燃：执法案件 2/3, the 3 not said to be the target.
    assert "春节禁燃：执法案件 2（目标 3）" in work_lines(day)
    set_language("en")
    try:
        assert "Enforcement cases 2 (target 3)" in work_lines(day)
    finally:
        set_language("zh")
    assert "campaigns" not in reports.report_counts("A11", dt.date(2026, 3, 1))  # over


def test_a_target_nothing_counts_is_refused_when_the_campaign_is_loaded() -> None:
    set_language("en")  # the problems in English (pinned; the Chinese: test_checklist_validation)
    import pytest

    from fieldapp.domain.campaigns_toml import load_campaign_text
    from fieldapp.domain.checklist_toml import ChecklistInvalid

    text = 'code = "x"\nversion = 1\nzh = "x"\nen = "x"\n[targets]\npatrols_a_week = 3\n'
    with pytest.raises(ChecklistInvalid) as refused:
        load_campaign_text(text, "x.toml")
    assert 'did you mean "patrols_per_day"' in refused.value.errors[0].message
