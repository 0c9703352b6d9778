"""The ledger's events sheet lists the hazard events that happened in the export's dates,
whatever day their hazard was found: an auditor exporting last week sees last week's
verification of a hazard found a month ago. Each row names its hazard (id, found on,
venue, item), and the hazards sheet holds that hazard too: the hazards found in the dates
and those acted on in them (the summary says how many were found before), so no event
row points to a hazard the file does not have. The grid filter still holds, and a
refused inspection's hazards stay out with their events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from ledger_support import sheet
from rounds_support import (
    INSPECTOR_A11,
    INSPECTOR_A12,
    INSPECTOR_V2,
    SUPERVISOR,
    Clock,
    act_as,
    add_venue,
    build_tree,
    china,
    china_clock,
    inspect,
)

from fieldapp.services.export.ledger import ExportFilter, export_ledger
from fieldapp.services.export.summary import export_summary
from fieldapp.services.inspection import findings
from fieldapp.store.db import db
from fieldapp.store.models import Finding, Outbox
from fieldapp.store.refused_records import mark_refused

LAST_WEEK = ExportFilter(dt.date(2026, 6, 4), dt.date(2026, 6, 10))  # the clock: 6-10
FOUND = china(2026, 5, 11)  # 30 days before


def _hazard(clock: Clock, code: str, grid: str, inspector: str, at: dt.datetime = FOUND) -> str:
    """A hazard (SHP-03 failed) found `at` in a new shop."""
    venue_id = add_venue(code, "small_shop", grid)
    inspection_id = inspect(clock, venue_id, at, fail=("SHP-03",), inspector=inspector)
    return str(Finding.get(Finding.inspection == inspection_id).id)


def _at(clock: Clock, when: dt.datetime, person: str) -> None:
    clock.set(when)
    act_as(person)


@pytest.fixture
def world(home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    with china_clock(monkeypatch) as clock:
        build_tree()
        old = _hazard(clock, "S-OLD", "A11", INSPECTOR_A11)
        far = _hazard(clock, "S-FAR", "A21", INSPECTOR_V2)
        refused = _hazard(clock, "S-REF", "A12", INSPECTOR_A12)
        _at(clock, china(2026, 5, 31), INSPECTOR_V2)  # 10 days before: not last week
        findings.report_rectification(far, fixed=True, note="", photos=[])
        _at(clock, china(2026, 5, 31, 11), INSPECTOR_A12)
        findings.report_rectification(refused, fixed=True, note="", photos=[])
        _at(clock, china(2026, 5, 31, 12), INSPECTOR_A11)
        findings.report_rectification(old, fixed=True, note="", photos=[])
        _at(clock, china(2026, 6, 8), SUPERVISOR)  # 2 days before: last week
        findings.append_event(old, "verified")
        findings.append_event(far, "verified")
        findings.append_event(refused, "verified")
        new = _hazard(clock, "S-NEW", "A11", INSPECTOR_A11, china(2026, 6, 8, 11))  # last week
        _refuse_inspection_of(refused)
        act_as(SUPERVISOR)
        yield {"old": old, "far": far, "refused": refused, "new": new}


def _refuse_inspection_of(finding_id: str) -> None:
    inspection_id = Finding.get_by_id(finding_id).inspection_id
    op = Outbox.get(
        (Outbox.type == "inspection.submit") & Outbox.payload.contains(str(inspection_id))
    )
    with db.atomic():
        Outbox.update(state="rejected").where(Outbox.seq == op.seq).execute()
        mark_refused([op.op_id])


def _events(out: Path) -> list[tuple[object, ...]]:
    header, *body = sheet(out, 2)
    at = header.index("时间")
    kind = header.index("处理事项")
    return sorted((row[0], row[kind], str(row[at])[:10]) for row in body)


def test_last_weeks_events_whenever_their_hazard_was_found(
    world: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "week.xlsx"
    calls: list[tuple[int, int]] = []
    result = export_ledger(out, where=LAST_WEEK, progress=lambda d, t: calls.append((d, t)))
    expected = [
        (world["far"], "复查通过", "2026-06-08"),
        (world["new"], "发现隐患", "2026-06-08"),
        (world["old"], "复查通过", "2026-06-08"),
    ]
    assert _events(out) == sorted(expected)  # not the reports of 10 days ago, nor refused's
    assert result.events == 3 and calls[-1][0] == calls[-1][1]
    hazards = sorted(row[0] for row in sheet(out, 1)[1:])
    # The hazards sheet: found last week, or acted on last week (the old and the far).
    assert hazards == sorted(world[k] for k in ("new", "old", "far"))
    assert (result.findings, result.earlier_findings) == (3, 2)
    assert [name for name, _ in result.sheets][:3] == ["inspections", "findings", "events"]
    assert export_summary(result, "week.xlsx") == (
        "已导出 1 条检查记录、3 条隐患、3 条隐患处理记录到 week.xlsx。"
        "隐患中有 2 条在所选日期前发现，因日期内有处理记录一并列出。"
    )


def test_the_hazards_found_in_the_dates_are_said_alone(world: dict[str, str], tmp_path: Path):
    result = export_ledger(tmp_path / "new.xlsx", where=ExportFilter(grid="A11"))
    assert result.earlier_findings == 0
    assert (
        export_summary(result, "new.xlsx")
        == "已导出 2 条检查记录、2 条隐患、4 条隐患处理记录到 new.xlsx"
    )


def test_an_event_row_names_its_hazard(world: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "week.xlsx"
    export_ledger(out, where=LAST_WEEK)
    header, *body = sheet(out, 2)
    row = dict(zip(header, next(r for r in body if r[0] == world["old"]), strict=True))
    assert row["发现日期"] == dt.datetime(2026, 5, 11)
    assert (row["场所编号"], row["场所名称"], row["检查项编码"]) == ("S-OLD", "场所S-OLD", "SHP-03")


def test_the_grid_filter_holds_for_events(world: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "v1.xlsx"
    result = export_ledger(out, where=ExportFilter(LAST_WEEK.first, LAST_WEEK.last, grid="V1"))
    assert [e[0] for e in _events(out)] == sorted([world["new"], world["old"]])
    assert result.events == 2


def test_an_event_ten_days_ago_is_not_last_weeks(world: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "day.xlsx"
    export_ledger(out, where=ExportFilter(dt.date(2026, 5, 31), dt.date(2026, 5, 31)))
    reported = [
        (world["far"], "报告已整改", "2026-05-31"),
        (world["old"], "报告已整改", "2026-05-31"),
    ]
    assert _events(out) == sorted(reported)
