"""The ledger (台账) lists its rows by date: an office printing a month's inspections read
them in the order the records were made on the devices, so an inspection of the 2nd
entered (or synced) after one of the 8th came after it. Inspections are listed by the
time they were submitted, hazards by the day they were found and events by when they
happened, each then by id; across pages too."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from ledger_support import sheet
from rounds_support import (
    INSPECTOR_A11,
    SUPERVISOR,
    act_as,
    add_venue,
    build_tree,
    china,
    china_clock,
    inspect,
)

from fieldapp.services.export.ledger import ExportFilter, export_ledger

JUNE = ExportFilter(dt.date(2026, 6, 1), dt.date(2026, 6, 30))
DAYS = (8, 2, 5)  # the order the inspections are entered in


def _column(path: Path, index: int, heading: str) -> list[object]:
    header, *body = sheet(path, index)
    return [row[header.index(heading)] for row in body]


@pytest.mark.parametrize("page", [2000, 1])  # one page, and a page per row
def test_the_ledgers_rows_are_in_date_order(
    home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, page: int
) -> None:
    with china_clock(monkeypatch) as clock:
        build_tree()
        for day in DAYS:
            venue = add_venue(f"S-{day:02}", "small_shop", "A11")
            inspect(clock, venue, china(2026, 6, day), fail=("SHP-03",), inspector=INSPECTOR_A11)
        act_as(SUPERVISOR)
        out = tmp_path / "june.xlsx"
        export_ledger(out, where=JUNE, page=page)
    in_order = ["S-02", "S-05", "S-08"]
    assert _column(out, 0, "场所编号") == in_order
    assert _column(out, 1, "场所编号") == in_order
    assert _column(out, 2, "场所编号") == in_order  # each hazard's finding event
