"""The ledger says a presence resting only on placard codes read from photos as the record
does (照片 / Photo), where it said 扫码 / Scanned as for a scan on site: an auditor reading
the export tells them apart. One scan on site among them (a scanner's burst) is a scan;
presence confirmed by hand reads as before. XLSX and CSV read back from real files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from inspect_support import answer_every_item
from rounds_support import add_venue, build_tree, china, china_clock
from test_export import sheet_rows

from fieldapp.reports.ledger import csv_paths
from fieldapp.services.export.ledger import export_ledger
from fieldapp.services.inspection import inspections
from fieldapp.services.inspection.scan_proof import CAMERA, WEDGE, ScanMark

ID, PRESENCE = 13, 7  # the inspections sheet's columns


def submitted(venue_id: str, *sources: str) -> str:
    """An inspection of the venue, started from scans of `sources` in turn (none: by
    hand), answered and submitted."""
    marks = [ScanMark.now(source, "2026-06-10T02:00:00.000Z") for source in sources]
    if not marks:
        inspection_id = inspections.start_inspection(venue_id)
    else:
        inspection_id = inspections.start_inspection(
            venue_id, presence="scanned", payload="placard", scan=marks[0]
        )
    for mark in marks[1:]:
        inspections.record_presence(inspection_id, presence="scanned", payload="placard", scan=mark)
    answer_every_item(inspection_id)
    inspections.submit(inspection_id, "店主")
    return inspection_id


@pytest.mark.parametrize(
    ("lang", "photo", "scanned", "by_hand"),
    [
        ("zh", "照片", "扫码", "手工确认（其他原因）"),
        ("en", "Photo", "Scanned", "Confirmed by hand (Other)"),
    ],
)
def test_a_placard_read_from_a_photo_is_said_so_in_the_ledger(
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    lang: str,
    photo: str,
    scanned: str,
    by_hand: str,
) -> None:
    with china_clock(monkeypatch) as clock:
        build_tree()
        clock.set(china(2026, 6, 10))
        ids = {
            "photo": submitted(add_venue("S-PH", "small_shop", "A11"), CAMERA),
            "photos": submitted(add_venue("S-PH2", "small_shop", "A11"), CAMERA, CAMERA),
            "on_site": submitted(add_venue("S-ON", "small_shop", "A11"), WEDGE),
            "both": submitted(add_venue("S-BO", "small_shop", "A11"), CAMERA, WEDGE),
            "by_hand": submitted(add_venue("S-HA", "small_shop", "A11")),
        }
        expected = {
            ids["photo"]: photo,
            ids["photos"]: photo,
            ids["on_site"]: scanned,
            ids["both"]: scanned,
            ids["by_hand"]: by_hand,
        }
        export_ledger(tmp_path / "ledger.xlsx", lang=lang)
        export_ledger(tmp_path / "ledger.csv", fmt="csv", lang=lang)
    _, *body = sheet_rows(tmp_path / "ledger.xlsx", 0)
    assert {row[ID]: row[PRESENCE] for row in body} == expected
    path = csv_paths(tmp_path / "ledger.csv")["inspections"]
    with path.open(encoding="utf-8-sig", newline="") as handle:
        _, *rows = list(csv.reader(handle))
    assert {row[ID]: row[PRESENCE] for row in rows} == expected
