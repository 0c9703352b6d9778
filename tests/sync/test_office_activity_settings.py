"""The office publishes activity types and assessment weights as settings; a device pulls
them with its next sync: the new type is due in its village, and the month's score is
the office's weighting of it. A setting that could not be used is refused at the server,
with what is wrong, and nothing is published."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from fieldapp.cli import main
from fieldapp.i18n import set_language
from fieldapp.services.activities import due, records
from fieldapp.services.common import settings
from fieldapp.services.dashboard import monthly

HYDRANTS = [{
    "code": "hydrant_check", "zh": "消火栓检查", "en": "Hydrant check",
    "cadence": {"every": "month", "day": 1}, "levels": ["village"],
    "required": ["place", "minutes"], "record": "report",
}]  # fmt: skip

pytestmark = pytest.mark.usefixtures("chinese")


def _admin(url: str, *args: str, ok: bool = True) -> str:
    result = CliRunner().invoke(main, ["--lang", "en", "admin", "--db", url, *args])
    assert (result.exit_code == 0) is ok, result.output
    set_language("zh")
    return result.output


def test_office_activity_types_and_weights_reach_the_device(make_device, server_db_url):
    url = server_db_url
    refused = _admin(url, "setting", "set", "assessment_weights", '{"luck": 1}', ok=False)
    assert "luck is not a part" in refused
    bad = [{**HYDRANTS[0], "cadence": {"every": "fortnight"}}]
    assert "cadence.every" in _admin(
        url, "setting", "set", "activity_types", json.dumps(bad), ok=False
    )
    _admin(url, "setting", "set", "activity_types", json.dumps(HYDRANTS))
    _admin(url, "setting", "set", "assessment_weights", '{"activities": 1}')

    worker = make_device("worker").enroll("p-insp")  # V1
    with worker.client() as client:
        assert client.sync_once().ok
    assert settings.get("assessment_weights") == {"activities": 1}
    (only,) = due.due_activities()
    assert (only.kind.code, only.grid_code, only.kind.record) == ("hydrant_check", "V1", "report")
    records.record_activity(records.ActivityForm("hydrant_check", "V1", place="村口", minutes="出水正常"))  # fmt: skip
    assert due.due_activities() == []
    v1 = next(r for r in monthly.monthly_report("V1").rows if r.code == "V1")
    assert (v1.activities_due, v1.activities_on_time) == (1, 1)
    assert v1.score == 100.0  # the office weighs only the activities, and they were held
