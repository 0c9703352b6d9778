"""What the office shapes as data reaches devices with no code change: it adds 足浴店 (a
kind with its checklist, cadence, precautions and venue attributes), a fourth grid level
and a setting on the server; an inspector's device syncs, inspects a 足浴店 end to end
(answered, a hazard, synced) and a supervisor's device reviews the hazard."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pypdf import PdfReader
from sync_world import sync_as_the_app

from fieldapp.cli import main
from fieldapp.i18n import set_language, t
from fieldapp.services import review
from fieldapp.services.common import settings
from fieldapp.services.common.checklists import clear_cache
from fieldapp.services.common.kinds import grid_levels, venue_kinds
from fieldapp.services.daily_report.reports import deadlines
from fieldapp.services.inspection import inspections
from fieldapp.services.review.queues import ReviewFilters
from fieldapp.store.models import Venue as LocalVenue
from sync.server import db as server_db
from sync.server import placard_keys
from sync.server.models import Finding, Venue

OFFICE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "office"

pytestmark = pytest.mark.usefixtures("chinese")


def _admin(url: str, *args: str, ok: bool = True, lang: str = "en") -> Result:
    result = CliRunner().invoke(main, ["--lang", lang, "admin", "--db", url, *args])
    assert (result.exit_code == 0) is ok, result.output
    set_language("zh")  # the office's commands spoke English; the devices speak Chinese
    return result


def test_the_office_adds_a_kind_and_a_device_inspects_one_after_async_as_the_app(
    live_server, seed, make_device, server_workdir
):
    url = live_server.db_url
    venues = server_workdir / "foot_venues.csv"
    venues.write_text(
        "code,name,kind,grid,rooms,staff\nFM-0001,悦足坊,foot_massage,V1,12,6\n", encoding="utf-8"
    )
    # A venue of a kind the server does not know yet is refused, row and column named.
    refused = _admin(url, "import-venues", str(venues), ok=False).output
    assert "row 2, column kind: 'foot_massage' is not a venue kind" in refused
    assert (
        "Imported 1 row (venue kinds)"
        in _admin(url, "import-kinds", str(OFFICE / "kinds.csv")).output
    )
    _admin(url, "import-levels", str(OFFICE / "levels.csv"))
    assert (
        "checklist foot_massage version 1"
        in _admin(url, "publish-checklist", str(OFFICE / "foot_massage.toml")).output
    )
    _admin(url, "import-venues", str(venues))
    _admin(url, "setting", "set", "cadence_days", '{"foot_massage": 14}')
    placard = server_workdir / "fm.pdf"
    with server_db.current().connection_context():
        placard_keys.ensure_key()
    # The kind's name and precautions, in the language the placards are printed in.
    _admin(url, "placards", "--venue", "FM-0001", "--out", str(placard), lang="zh")
    printed = PdfReader(placard).pages[0].extract_text()
    assert "足浴店" in printed and "包间内严禁住人" in printed
    english = server_workdir / "fm-en.pdf"
    _admin(url, "placards", "--venue", "FM-0001", "--out", str(english))
    printed = PdfReader(english).pages[0].extract_text()
    assert "Foot-massage shop" in printed and "No one sleeps in the treatment rooms" in printed
    listed = _admin(url, "setting", "list").output
    assert 'cadence_days = {"foot_massage": 14}' in listed
    assert (  # the setting's cadence, the one devices use, not the sheet's 30
        "venue kind foot_massage: Foot-massage shop, inspected every 14 days (set by "
        "cadence_days; the kinds sheet has 30)" in listed
    )

    inspector = make_device("inspector").enroll("p-insp")
    clear_cache()
    sync_as_the_app(inspector)
    assert venue_kinds()[-1] == "foot_massage"
    assert grid_levels()[-1] == "building" and deadlines()["building"] == "17:30"
    assert t("kind.foot_massage") == "足浴店"
    assert t("placard.tips.foot_massage").splitlines()[1] == "包间内严禁住人"
    assert settings.cadence()["foot_massage"] == 14  # the setting over the kind's 30
    venue_id = seed_venue = LocalVenue.get(LocalVenue.code == "FM-0001").id
    assert LocalVenue.get_by_id(seed_venue).attributes == {"rooms": 12, "staff": 6}

    inspection_id = inspections.start_inspection(
        venue_id, presence="manual", reason="other", note="门卫未开门"
    )
    view = inspections.load(inspection_id)
    assert (view.checklist.id, view.checklist.version) == ("foot_massage", 1)
    assert "FMS-04" in view.state.visible  # 12 rooms: the exit-sign item is asked
    assert [c for c in view.state.visible if c.startswith("FMS-03")][-1] == "FMS-03#12"
    for item in (view.checklist.item(code) for code in view.state.visible):
        if item.code == "COM-01":
            inspections.record_answer(inspection_id, item, "value", "3")
        elif item.code == "FMS-01":  # someone sleeps in a treatment room
            finding = inspections.record_answer(inspection_id, item, "fail")
            assert finding is not None and finding.severity == "major"
        else:
            inspections.record_answer(inspection_id, item, "pass")
    inspections.submit(inspection_id, "店长")
    sync_as_the_app(inspector)
    with server_db.current().connection_context():
        (hazard,) = Finding.select().where(Finding.inspection == inspection_id)
        assert (hazard.item_code, hazard.severity) == ("FMS-01", "major")
        assert Venue.get_by_id(venue_id).attributes == {"rooms": 12, "staff": 6}

    supervisor = make_device("supervisor").enroll("p-sup")
    sync_as_the_app(supervisor)
    assert t("kind.foot_massage") == "足浴店"
    (row,) = review.review_queue(ReviewFilters(queue="active", kinds=("foot_massage",)))
    assert (row.finding_id, row.venue_code) == (hazard.id, "FM-0001")
    (result,) = review.bulk_apply(
        [hazard.id], "handed_over", data={"unit": "fire_brigade", "reference": "FM-1"}
    )
    assert result.applied, result.reason
    sync_as_the_app(supervisor)
    with server_db.current().connection_context():
        assert Finding.get_by_id(hazard.id).state == "handed_over"


def test_the_office_is_told_each_bad_row_and_nothing_is_published(live_server, server_workdir):
    url = live_server.db_url
    bad = server_workdir / "bad_kinds.csv"
    bad.write_text(
        "code,zh,en,cadence_days,attributes\n"
        "foot_massage,足浴店,Foot massage,thirty,rooms\n"
        "Chess Room,棋牌室,,7,tables\n",
        encoding="utf-8",
    )
    output = _admin(url, "import-kinds", str(bad), ok=False).output
    assert "nothing imported, 4 problems:" in output
    assert "row 2, column cadence_days: 'thirty' is not a whole number 1–366" in output
    assert "row 3, column code: 'Chess Room' must be lower-case" in output
    assert "row 3, column en: this cell is empty: fill it in" in output
    assert "row 3, column attributes: 'tables' is not a venue attribute" in output
    refused = _admin(url, "setting", "set", "cadence_days", '{"foot_massage": 0}', ok=False)
    assert "cadence_days.foot_massage must be whole days, 1 to 366" in refused.output
    assert "language" in _admin(url, "setting", "set", "language", '"en"', ok=False).output
    assert "No settings, venue kinds or grid levels" in _admin(url, "setting", "list").output
