"""Text a person typed that Excel would run as a formula (an incident's address
`=HYPERLINK(…)`, a narrative `=1+2 …`) is written to the CSV ledger after a single quote,
so Excel opening the file shows it as text; numbers and dates keep their cells. The
workbook writes strings as strings already (strings_to_formulas off). Read back from the
real CSV files an export writes."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from rounds_support import INSPECTOR_A11, SUPERVISOR, Clock, act_as, china

from fieldapp.services.export.ledger import ExportFilter, export_ledger
from fieldapp.services.incidents.reporting import IncidentReport, report_incident

LINK = '=HYPERLINK("http://x","y")'
SUM = "=1+2 夜间燃放"


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig") as f:
        return list(csv.reader(f))


def test_typed_formulas_are_written_as_text(tree: Clock, tmp_path: Path) -> None:
    tree.set(china(2026, 2, 11, 7))
    act_as(INSPECTOR_A11)
    report_incident(IncidentReport("fireworks_sale", "2026-02-11 06:40", SUM, address=LINK))
    act_as(SUPERVISOR)
    result = export_ledger(tmp_path / "台账.csv", fmt="csv",
                           where=ExportFilter(dt.date(2026, 2, 1), dt.date(2026, 2, 28)))  # fmt: skip
    incidents = next(p for p in result.paths if p.stem.endswith("_incidents"))
    header, row = _rows(incidents)
    cells = dict(zip(header, row, strict=True))
    everything = "\n".join(row)
    assert "'" + LINK in everything and "'" + SUM in everything, cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row), cells
    assert "2026-02-11" in everything  # a date is still the date Excel reads
