"""A store with a record on every sheet of the ledger, each with its dates, early in June
2026: an inspection with a hazard, a returnee family with a follow-up plan, an incident
handed to the police station, an activity held and a patrol route."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from people_support import returnee_family
from rounds_support import (
    INSPECTOR_A11,
    INSPECTOR_V2,
    SUPERVISOR,
    Clock,
    act_as,
    add_venue,
    china,
    inspect,
)

from fieldapp.domain.personal import new_key
from fieldapp.services.activities import records
from fieldapp.services.export.ledger import ExportFilter
from fieldapp.services.followups import plans
from fieldapp.services.incidents import events
from fieldapp.services.incidents.reporting import IncidentReport, report_incident
from fieldapp.services.people import registry
from fieldapp.store import keyring
from fieldapp.store.patrol_models import Checkpoint, PatrolRoute

JUNE = ExportFilter(dt.date(2026, 6, 1), dt.date(2026, 6, 10))


def sheet(path: Path, index: int) -> list[list[object]]:
    """The rows of a ledger workbook's sheet `index`, its header row first."""
    book = openpyxl.load_workbook(path, read_only=True)
    rows = [list(r) for r in book.worksheets[index].iter_rows(values_only=True)]
    book.close()
    return rows


def fill_every_sheet(tree: Clock) -> None:
    tree.set(china(2026, 6, 10, 9))
    inspect(tree, add_venue("S-01", "small_shop", "A11"), china(2026, 6, 8, 9, 30),
            fail=("SHP-03",), inspector=INSPECTOR_A11)  # fmt: skip
    tree.set(china(2026, 6, 10, 9))
    keyring.save_key(new_key())
    registry.save_household(returnee_family("A11"))
    plans.create_plan(str(registry.HouseholdMember.get().id), start_on=dt.date(2026, 6, 10))
    act_as(INSPECTOR_A11)
    sale = report_incident(IncidentReport("fireworks_sale", "2026-06-09 06:40", "售卖烟花",
                                          address="东村路口"))  # fmt: skip
    act_as(SUPERVISOR)
    events.append_event(sale.id, "handed_over", data={
        "unit": "police_station", "reference": "东派移〔2026〕3号", "date": "2026-06-09"})  # fmt: skip
    act_as(INSPECTOR_V2)
    records.record_activity(records.ActivityForm("facility_check", "V2", held_on="2026-06-09",
                                                 place="西村消防室", minutes="水带完好"))  # fmt: skip
    act_as(SUPERVISOR)
    Checkpoint.create(id="cp-1", code="CP-01", name="村东口", kind="village_entrance", grid="A11")
    PatrolRoute.create(id="route-1", code="FW-01", name="巡逻", grid="A11", ordered=False,
                       checkpoints=["cp-1"], people=[INSPECTOR_A11],
                       schedule={"days": ["daily"], "windows": ["08:00-10:00"]})  # fmt: skip
