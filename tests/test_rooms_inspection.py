"""Functional: a rental-housing inspection by keyboard — the rooms section asked once per
room let (3), its items coded per room (RNT-02#2) in findings and in the ledger, and the
partitions section hidden by the answer that there are none."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from inspect_support import PERSON_ID, seed_store, settle
from textual.widgets import Static

from fieldapp.services.export.ledger import export_ledger
from fieldapp.store.models import Answer, Finding, Inspection, Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.finding import FindingDialog
from fieldapp.tui.screens.inspect import InspectScreen
from fieldapp.tui.screens.summary import SummaryScreen

SIZE = (120, 36)
RENTAL_ID = "0190a000-0000-7000-8000-000000000002"


def _text(screen: InspectScreen, widget_id: str) -> str:
    return str(screen.query_one(f"#{widget_id}", Static).render())


async def test_three_rooms_one_by_one_and_no_partitions(home: Path, tmp_path: Path) -> None:
    seed_store()
    Venue.create(
        id=RENTAL_ID,
        code="XC-0002",
        name="王宅出租屋（示例）",
        kind="rental_housing",
        grid="T01",
        attributes={"has_gas": False},  # the gas-alarm item is not asked
    )
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_venue(RENTAL_ID, presence="manual", reason="placard_missing")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, InspectScreen)
        assert "COM-17" not in screen.codes
        await pilot.press("2", "enter")  # COM-01: two extinguishers
        for _ in range(7):  # COM-02 … COM-10
            await pilot.press("y")
        assert screen.item.code == "RNT-01"
        await pilot.press("5", "enter", "y")  # five tenants, all registered
        assert screen.item.code == "RNT-12"
        await pilot.press("3", "enter")  # three rooms let
        await pilot.press("y", "y", "y", "y")  # RNT-03, 06, 08, 09
        assert screen.item.code == "RNT-13"
        await pilot.press("n")  # not partitioned: the partitions section goes
        assert "RNT-07" not in screen.codes
        assert screen.codes[-9:] == [
            f"{c}#{n}" for n in (1, 2, 3) for c in ("RNT-02", "RNT-04", "RNT-05")
        ]

        assert screen.item.code == "RNT-02#1"
        assert _text(screen, "inspect-section") == "RNR#1 逐间检查"
        await pilot.press("2", "enter", "y", "y")  # room 1: two people, alarm, no gas
        assert _text(screen, "inspect-section") == "RNR#2 逐间检查"
        await pilot.press("3", "enter")  # room 2: three people, over the office's 2
        assert isinstance(app.screen, FindingDialog)
        await pilot.press("f10")
        await pilot.press("n")  # no smoke alarm in room 2
        assert isinstance(app.screen, FindingDialog)
        await pilot.press("f10")
        await pilot.press("y")
        await pilot.press("1", "enter", "y", "y")  # room 3
        assert _text(screen, "inspect-progress").endswith("已答 25")

        await pilot.press("f10")
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert summary.summary.total == 25 and summary.summary.missing_required == []
        await pilot.press(*"王房东", "enter")
        await settle(app, pilot)

    inspection = Inspection.get(Inspection.venue == RENTAL_ID)
    assert inspection.status == "submitted" and inspection.inspector_id == PERSON_ID
    assert sorted(f.item_code for f in Finding.select()) == ["RNT-02#2", "RNT-04#2"]
    assert Answer.get(item_code="RNT-02#2").value == "3"
    assert Answer.get(item_code="RNT-13").outcome == "fail"  # "no": recorded, no hazard

    out = tmp_path / "ledger.xlsx"
    export_ledger(out)
    book = openpyxl.load_workbook(out, read_only=True)
    header, row = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)][:2]
    findings = [list(r) for r in book.worksheets[1].iter_rows(values_only=True)]
    book.close()
    codes = [str(h).split(" ", 1)[0] for h in header]
    assert codes.count("RNT-04") == 1  # one column per code, whatever the rooms
    assert row[codes.index("RNT-04")] == "#1 合格；#2 不合格；#3 合格"
    assert row[codes.index("RNT-02")] == "#1 2；#2 3（不合格）；#3 1"
    assert sorted(r[5] for r in findings[1:]) == ["RNT-02#2", "RNT-04#2"]
