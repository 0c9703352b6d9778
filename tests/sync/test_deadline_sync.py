"""A rectification deadline a supervisor extends on their device reaches the inspector's
device with its new date: the inspector's list of hazards shows it, and it is no longer
counted overdue."""

from __future__ import annotations

import datetime as dt

from sync_world import event, finding_event, inspection_submit

from fieldapp.services.inspection.home import load_home
from fieldapp.store.models import Finding


def test_an_extended_deadline_reaches_the_inspector_with_its_new_date(make_device, seed):
    inspector = make_device("insp").enroll("p-insp")
    submit = inspection_submit(seed.venues["DM-0001"], "p-insp")
    finding = submit["findings"][0]
    inspector.enqueue("inspection.submit", submit)
    with inspector.client() as client:
        assert client.sync_once().ok
    assert load_home().overdue_findings == 1  # due 2026-06-20, long past

    boss = make_device("boss").enroll("p-sup")
    extended = event(
        "deadline_extended", "p-sup", base=finding["events"][0]["id"], role="supervisor",
        data={"deadline": "2099-06-30"},
    )  # fmt: skip
    boss.enqueue("finding.event", finding_event(finding["id"], extended))
    with boss.client() as client:
        assert client.sync_once().ok

    inspector.open()
    with inspector.client() as client:
        assert client.sync_once().ok
    row = Finding.get_by_id(finding["id"])
    assert (row.deadline, row.current_deadline) == (dt.date(2026, 6, 20), dt.date(2099, 6, 30))
    home = load_home()
    assert home.overdue_findings == 0
    assert [(f.id, f.current_deadline) for f in home.open_findings] == [
        (finding["id"], dt.date(2099, 6, 30))
    ]
