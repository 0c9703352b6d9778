"""Where a person's grids end, as the device sees it: what the server accepts from a
supervisor of a town for its villages, and the reasons it gives a device that writes
beyond its grids (each reason names the record, the grid and the person, so the
inspector knows what to ask the administrator for). Grids: T1 > V1 > A1, T1 > V2."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner, Result
from sync_world import daily_report, server_count

from fieldapp.cli import main
from fieldapp.paths import CAMPAIGNS_DIR
from sync.server import admin
from sync.server import db as server_db
from sync.server.models import DailyReport

SWITCHED_AT = "2026-06-10T02:00:00.000Z"


def _campaign(url: str, *args: str) -> Result:
    result = CliRunner().invoke(
        main, ["--lang", "en", "admin", "--db", url, "campaign", *args], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return result


def _switch(person_id: str, phase: str) -> dict[str, object]:
    return {
        "code": "spring_festival", "active": True, "phase": phase, "switched_by": person_id,
        "switched_at": SWITCHED_AT,
    }  # fmt: skip


@pytest.mark.usefixtures("chinese")  # the CLI speaks English here: not after
def test_a_town_supervisor_moves_on_a_campaign_the_office_runs_in_their_villages(
    live_server, seed, make_device
):
    url = live_server.db_url
    for path in sorted(CAMPAIGNS_DIR.glob("*.toml")):
        _campaign(url, "publish", str(path))
    _campaign(
        url, "start", "spring_festival", "--grid", "V1", "--grid", "V2", "--phase", "节前宣传"
    )

    village = make_device("village").enroll("p-sup2")  # 赵六 supervises V1 only
    beyond = village.enqueue("campaign.switch", _switch("p-sup2", "禁燃期"))
    with village.client() as client:
        client.sync_once()
    refused = village.outbox()[beyond]
    assert refused.state == "rejected"
    assert "is on for V1, V2, beyond the grids of 赵六 (p-sup2)" in refused.last_error
    assert refused.refusal_code == "campaign_beyond_grids"
    assert json.loads(refused.refusal_params) == {"campaign": "spring_festival"}
    # one the office never published (a device may hold it from the app's files): the
    # office's advice, publish its file, is no step a grid head can take
    unknown = village.enqueue("campaign.switch", {**_switch("p-sup2", ""), "code": "flood"})
    with village.client() as client:
        client.sync_once()
    assert village.outbox()[unknown].refusal_code == "campaign_not_published"

    town = make_device("town").enroll("p-sup")  # 李四 supervises T1: V1 and V2 are under it
    moved = town.enqueue("campaign.switch", _switch("p-sup", "禁燃期"))
    with town.client() as client:
        assert client.sync_once().ok
    assert town.outbox()[moved].state == "acked"
    listed = _campaign(url, "list").output
    assert "(spring_festival): on · phase Ban in force" in listed  # phases_en
    assert "grids V1, V2" in listed  # still the office's two villages, not 李四's town


def test_a_report_beyond_the_inspectors_grids_is_refused_naming_it_the_grid_and_the_person(
    make_device, seed
):
    device = make_device("a").enroll("p-insp")  # 张三, grid V1
    report = daily_report("V2", "p-insp")
    elsewhere = device.enqueue("daily_report.submit", report)
    unknown = device.enqueue("daily_report.submit", daily_report("X9", "p-insp"))
    with device.client() as client:
        client.sync_once()
    rows = device.outbox()
    assert rows[elsewhere].state == rows[unknown].state == "rejected"
    assert rows[elsewhere].last_error.endswith(
        f"daily report {report['id']} belongs to grid V2, which is not among the grids of "
        "张三 (p-insp); ask the administrator to assign the grid"
    )
    assert rows[unknown].last_error.endswith("grid X9 is not known to the server")


def test_an_administrator_files_a_report_for_a_grid_that_is_not_theirs(make_device, seed, tmp_path):
    people = tmp_path / "admins.csv"
    people.write_text("id,name,role,phone,grids\np-admin,钱七,admin,,\n", encoding="utf-8")
    with server_db.current().connection_context():
        admin.import_people(people)
    device = make_device("office").enroll("p-admin")  # 钱七 has no grid of their own
    filed = device.enqueue("daily_report.submit", daily_report("V2", "p-admin"))
    with device.client() as client:
        assert client.sync_once().ok
    assert device.outbox()[filed].state == "acked"
    assert server_count(DailyReport, DailyReport.grid == "V2") == 1


def test_a_report_in_another_persons_name_is_refused_saying_whom_the_device_acts_for(
    make_device, seed
):
    device = make_device("a").enroll("p-insp")  # 张三
    report = daily_report("V1", "p-insp2")  # 王五's report, sent from 张三's device
    borrowed = device.enqueue("daily_report.submit", report)
    with device.client() as client:
        client.sync_once()
    refused = device.outbox()[borrowed]
    assert refused.state == "rejected"
    assert refused.last_error.endswith(
        f"daily report {report['id']} names person p-insp2, but this device acts for p-insp; "
        "a device records only the work of its own person"
    )
    assert server_count(DailyReport) == 0


def test_a_report_dated_with_its_time_is_filed_under_its_day_and_a_bad_date_says_how_to_write(
    make_device, seed
):
    device = make_device("a").enroll("p-insp")
    timed = daily_report("V1", "p-insp") | {"date": "2026-06-10T18:00:00+08:00"}
    written = daily_report("V1", "p-insp") | {"date": "10/06/2026"}
    kept = device.enqueue("daily_report.submit", timed)
    refused = device.enqueue("daily_report.submit", written)
    with device.client() as client:
        client.sync_once()
    rows = device.outbox()
    assert rows[kept].state == "acked"
    assert server_count(DailyReport, DailyReport.date == "2026-06-10") == 1
    assert rows[refused].state == "rejected"
    assert rows[refused].last_error.endswith(
        "the report date '10/06/2026' is not a date (use YYYY-MM-DD)"
    )
