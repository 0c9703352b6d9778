"""A campaign the office switches on at the server reaches the device with its next sync
and adds its checks to inspections started after that; switched off, they go again. An
inspection keeps the campaigns it started under."""

from __future__ import annotations

import pytest
from click.testing import CliRunner, Result

from fieldapp.cli import main
from fieldapp.paths import CAMPAIGNS_DIR
from fieldapp.services.common.campaigns import clear_cache as clear_campaigns
from fieldapp.services.common.checklists import clear_cache, load_checklists
from fieldapp.services.inspection import inspections
from fieldapp.services.inspection.home import load_home

pytestmark = pytest.mark.usefixtures("chinese")  # the CLI speaks English here: not after


def _admin(url: str, *args: str) -> Result:
    result = CliRunner().invoke(
        main, ["--lang", "en", "admin", "--db", url, "campaign", *args], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return result


def _synced_laptop(make_device):  # type: ignore[no-untyped-def]
    """The inspector's laptop, enrolled, with the shipped checklists and its first sync."""
    device = make_device("laptop").enroll("p-insp")
    clear_cache()
    clear_campaigns()
    assert load_checklists().ok
    with device.client() as client:
        assert not client.sync_once().errors
    return device


def _codes(inspection_id: str) -> list[str]:
    return list(inspections.load(inspection_id).state.visible)


def test_a_campaign_switched_at_the_server_reaches_the_device(live_server, seed, make_device):
    url = live_server.db_url
    for path in sorted(CAMPAIGNS_DIR.glob("*.toml")):
        assert "Published campaign" in _admin(url, "publish", str(path)).output
    assert "Spring Festival fireworks ban (spring_festival): off" in _admin(url, "list").output

    device = _synced_laptop(make_device)
    shop = seed.venues["DM-0002"]  # a small shop in V1
    before = inspections.start_inspection(shop)
    assert not any(code.startswith("SPF-") for code in _codes(before))
    assert load_home().campaigns == ()

    started = _admin(url, "start", "spring_festival", "--grid", "V1", "--phase", "禁燃期")
    assert "on · phase Ban in force" in started.output and "· grids V1" in started.output
    with device.client() as client:
        assert not client.sync_once().errors
    during = inspections.start_inspection(shop)
    assert _codes(during)[-2:] == ["SPF-01", "SPF-02"]
    view = inspections.load(during)
    assert [(a.campaign.code, a.phase) for a in view.campaigns] == [("spring_festival", "禁燃期")]
    assert [a.campaign.code for a in load_home().campaigns] == ["spring_festival"]
    assert not any(code.startswith("SPF-") for code in _codes(before))  # kept as it started

    assert "off" in _admin(url, "stop", "spring_festival").output
    with device.client() as client:
        assert not client.sync_once().errors
    after = inspections.start_inspection(shop)
    assert not any(code.startswith("SPF-") for code in _codes(after))
    assert _codes(during)[-2:] == ["SPF-01", "SPF-02"]  # still what it started with


def test_the_office_is_told_what_it_got_wrong(live_server, seed):
    url = live_server.db_url
    runner = CliRunner()

    def refused(*args: str) -> str:
        result = runner.invoke(main, ["--lang", "en", "admin", "--db", url, "campaign", *args])
        assert result.exit_code == 1, result.output
        return result.output

    assert "publish its file first" in refused("start", "epidemic")
    _admin(url, "publish", str(CAMPAIGNS_DIR / "epidemic.toml"))
    assert "has no phase '大流行'" in refused("start", "epidemic", "--phase", "大流行")
    assert "Unknown grid codes: X9" in refused("start", "epidemic", "--grid", "X9")
    assert "before it starts" in refused(
        "start", "epidemic", "--from", "2026-03-01", "--to", "2026-02-01"
    )


def test_a_supervisor_switches_a_campaign_from_the_device(live_server, seed, make_device):
    from fieldapp.services.common.campaign_switch import SwitchRefused, campaign_lines, switch
    from fieldapp.store.models import Outbox

    url = live_server.db_url
    for path in sorted(CAMPAIGNS_DIR.glob("*.toml")):
        _admin(url, "publish", str(path))
    supervisor = make_device("supervisor").enroll("p-sup2")  # supervises V1
    clear_campaigns()
    with supervisor.client() as client:
        assert not client.sync_once().errors
    switch("spring_festival", active=True, phase="禁燃期")
    (line,) = [x for x in campaign_lines() if x.code == "spring_festival"]
    assert (line.active, line.waiting) == (False, (True, "禁燃期"))
    with supervisor.client() as client:
        assert not client.sync_once().errors
    (line,) = [x for x in campaign_lines() if x.code == "spring_festival"]
    assert (line.active, line.phase, line.grids, line.waiting) == (True, "禁燃期", ("V1",), None)
    assert "on · phase Ban in force" in _admin(url, "list").output

    # The office switched the epidemic campaign on everywhere: it stays the office's.
    _admin(url, "start", "epidemic", "--phase", "有病例")
    with supervisor.client() as client:
        client.sync_once()
    switch("epidemic", active=False)
    with supervisor.client() as client:
        client.sync_once()
    (line,) = [x for x in campaign_lines() if x.code == "epidemic"]
    assert line.active and "is on beyond your grids; only the office" in line.refused  # coded

    inspector = make_device("inspector").enroll("p-insp")
    with inspector.client() as client:
        client.sync_once()
    with pytest.raises(SwitchRefused):
        switch("spring_festival", active=False)
    inspector.enqueue(
        "campaign.switch",
        {"code": "spring_festival", "active": False, "phase": "", "switched_by": "p-insp",
         "switched_at": "2026-06-10T02:00:00.000Z"},
    )  # fmt: skip
    with inspector.client() as client:
        client.sync_once()
    (op,) = Outbox.select().where(Outbox.type == "campaign.switch")
    assert op.state == "rejected" and "only a supervisor may switch" in op.last_error
    assert "spring_festival): on" in _admin(url, "list").output


def test_a_campaign_the_office_dates_is_asked_on_those_days_only(
    live_server, seed, make_device, monkeypatch
):
    """Switched on today for tomorrow only (the office gives this year's 除夕): the device
    holds it after a sync, but an inspection today does not ask its checks, one tomorrow
    does, and one the day after does not again."""
    import datetime as dt

    from fieldapp.domain import clock
    from fieldapp.services.common.campaigns import runs

    url = live_server.db_url
    for path in sorted(CAMPAIGNS_DIR.glob("*.toml")):
        _admin(url, "publish", str(path))
    tomorrow = clock.today() + dt.timedelta(days=1)
    day = tomorrow.isoformat()
    _admin(url, "start", "spring_festival", "--grid", "V1", "--from", day, "--to", day)
    _synced_laptop(make_device)
    (run,) = [r for r in runs() if r.code == "spring_festival"]
    assert (run.active, run.phase, run.starts_on, run.ends_on) == (True, "节前宣传", day, day)
    shop = seed.venues["DM-0002"]  # a small shop in V1

    def asked_on(date: dt.date) -> bool:
        at = dt.datetime.combine(date, dt.time(12)).astimezone(dt.UTC)
        monkeypatch.setattr(clock, "_now", lambda: at)
        started = inspections.start_inspection(shop)
        return any(code.startswith("SPF-") for code in _codes(started))

    assert not asked_on(tomorrow - dt.timedelta(days=1))
    assert asked_on(tomorrow)
    assert not asked_on(tomorrow + dt.timedelta(days=1))


def test_a_campaign_without_phases_has_none_on_the_device(live_server, seed, make_device, tmp_path):
    """The office's own campaign with no phases: on the device it is on with no phase (not
    a made-up one), and an inspection records it with none."""
    text = (CAMPAIGNS_DIR / "spring_festival.toml").read_text(encoding="utf-8")
    text = text.replace('code = "spring_festival"', 'code = "market_week"')
    text = "\n".join(line for line in text.splitlines() if not line.startswith("phases"))
    definition = tmp_path / "market_week.toml"
    definition.write_text(text, encoding="utf-8")
    url = live_server.db_url
    _admin(url, "publish", str(definition))
    _admin(url, "start", "market_week", "--grid", "V1")
    _synced_laptop(make_device)
    started = inspections.start_inspection(seed.venues["DM-0002"])
    view = inspections.load(started)
    assert [(a.campaign.code, a.phase) for a in view.campaigns] == [("market_week", "")]


def test_a_supervisor_starting_a_stopped_campaign_keeps_its_grids(live_server, seed, make_device):
    """The office ran spring_festival in V2 and stopped it; the T1 supervisor switching it
    on again starts it in V2 still: a new run starts with every grid unless given, and
    the device gives none for grids within the supervisor's."""
    from fieldapp.services.common.campaign_switch import campaign_lines, switch

    url = live_server.db_url
    _admin(url, "publish", str(CAMPAIGNS_DIR / "spring_festival.toml"))
    _admin(url, "start", "spring_festival", "--grid", "V2")
    _admin(url, "stop", "spring_festival")
    supervisor = make_device("supervisor").enroll("p-sup")  # supervises T1 > V1, V2
    clear_campaigns()
    with supervisor.client() as client:
        assert not client.sync_once().errors
    switch("spring_festival", active=True, phase="")
    with supervisor.client() as client:
        assert not client.sync_once().errors
    (line,) = [x for x in campaign_lines() if x.code == "spring_festival"]
    assert (line.active, line.grids) == (True, ("V2",))
    assert "grids V2" in _admin(url, "list").output
