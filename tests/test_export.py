"""The ledger export: stable item columns across two checklist versions (XLSX read back
with openpyxl, and CSV), filters, progress, and the `fieldapp export` / `report` CLI."""

from __future__ import annotations

import copy
import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from rounds_support import Clock, add_venue, build_tree, china, china_clock, inspect

from fieldapp.cli import main
from fieldapp.paths import store_path
from fieldapp.reports.ledger import Labels, XlsxSink, csv_paths
from fieldapp.services.common.checklists import clear_cache
from fieldapp.services.export.ledger import ExportFilter, export_ledger
from fieldapp.store.models import Checklist as ChecklistRow
from fieldapp.store.models import DailyReport, Outbox
from fieldapp.store.opening import open_store

SHIPPED = 5  # the shipped small-shop checklist's version; the test publishes the next
V2_ORDER = [
    *(f"COM-{n:02d}" for n in range(1, 13)),
    "COM-15",
    "COM-17",
    "SHP-01",
    "SHP-02",
    "SHP-04",
    "SHP-05",  # new in v2
    "SHP-03",  # removed in v2: keeps its column, after the newest version's items
]


def publish_small_shop_v2() -> None:
    """The next version of the small-shop checklist: SHP-03 removed, SHP-05 added."""
    v1 = ChecklistRow.get(
        (ChecklistRow.checklist_id == "small_shop") & (ChecklistRow.version == SHIPPED)
    )
    body = copy.deepcopy(v1.body)
    body["version"] = SHIPPED + 1
    section = next(s for s in body["sections"] if s["code"] == "SHP")
    template = next(i for i in section["items"] if i["code"] == "SHP-02")
    section["items"] = [i for i in section["items"] if i["code"] != "SHP-03"]
    section["items"].append(
        {**template, "code": "SHP-05", "zh": "灭火毯配置数量", "en": "Fire blankets (count)"}
    )
    ChecklistRow.insert(
        checklist_id="small_shop",
        version=SHIPPED + 1,
        kinds=["small_shop"],
        title_zh=v1.title_zh,
        title_en=v1.title_en,
        body=body,
        sha256="v2-test",
        source="test",
        loaded_at="2026-06-07T00:00:00.000Z",
    ).execute()
    clear_cache()


@pytest.fixture
def ledger(home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """Inspections on both versions of the small-shop checklist and one on the market's."""
    with china_clock(monkeypatch) as clock:
        build_tree()
        ids = _inspections(clock)
        yield ids


def _inspections(clock: Clock) -> dict[str, str]:
    old_shop = add_venue("S-OLD", "small_shop", "A11")
    new_shop = add_venue("S-NEW", "small_shop", "A12")
    market = add_venue("M-1", "market", "A21")
    ids = {
        "v1": inspect(clock, old_shop, china(2026, 6, 5), fail=("SHP-03",), values={"COM-01": "4"}),
        "market": inspect(clock, market, china(2026, 6, 6)),
    }
    publish_small_shop_v2()
    ids["v2"] = inspect(clock, new_shop, china(2026, 6, 8, 23, 30), values={"SHP-05": "3"})
    return ids


def sheet_rows(path: Path, index: int) -> list[list[object]]:
    book = openpyxl.load_workbook(path, read_only=True)
    rows = [list(r) for r in book.worksheets[index].iter_rows(values_only=True)]
    book.close()
    width = len(rows[0]) if rows else 0
    return [r + [None] * (width - len(r)) for r in rows]  # trailing empty cells are not stored


def test_item_columns_stay_in_place_across_versions(ledger: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "ledger.xlsx"
    calls: list[tuple[int, int]] = []
    result = export_ledger(
        out, where=ExportFilter(kind="small_shop"), progress=lambda d, t: calls.append((d, t))
    )
    assert (result.inspections, result.findings, result.events) == (2, 1, 1)
    header, *body = sheet_rows(out, 0)
    codes = [str(h).split(" ", 1)[0] for h in header[14:]]
    assert codes == V2_ORDER
    assert header[14] == "COM-01 灭火器配置数量达标"
    assert header[0] == "检查日期" and header[13] == "检查记录编号"
    col = {code: 14 + i for i, code in enumerate(codes)}
    rows = {r[13]: r for r in body}
    old, new = rows[ledger["v1"]], rows[ledger["v2"]]
    assert old[col["SHP-03"]] == "不合格" and old[col["SHP-05"]] is None
    assert new[col["SHP-05"]] == 3 and new[col["SHP-03"]] is None
    assert old[col["COM-01"]] == 4 and new[col["COM-01"]] == 2
    assert old[col["SHP-01"]] == new[col["SHP-01"]] == "合格"
    assert old[10] == 0 and old[9] == 1  # one general failure
    assert (old[11], new[11]) == (f"小商场巡查表 v{SHIPPED}", f"小商场巡查表 v{SHIPPED + 1}")
    assert new[0] == dt.datetime(2026, 6, 8)  # 23:30 in China is still the 8th
    assert old[1:6] == ["A11", "东村一片", "S-OLD", "场所S-OLD", "小商场"]
    assert old[6] == "李一" and old[7] == "手工确认（其他原因）" and old[8] == "店主"
    (finding_header, finding), (event_header, event) = sheet_rows(out, 1), sheet_rows(out, 2)
    assert finding[5] == "SHP-03" and finding[7] == "一般" and finding[11] == "待整改"
    assert finding[13] == ledger["v1"] and finding_header[0] == "隐患编号"
    assert event[0] == finding[0] and event[6] == "发现隐患" and event_header[6] == "处理事项"
    assert calls[0] == (0, 4) and calls[-1] == (4, 4)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_all_checklists_one_column_per_code(ledger: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "all.xlsx"
    export_ledger(out, page=1)  # one row per page: the paging is exercised
    header, *body = sheet_rows(out, 0)
    codes = [str(h).split(" ", 1)[0] for h in header[14:]]
    assert len(codes) == len(set(codes))
    # by checklist: the market's first, then what the shop's adds (COM-10: not in markets)
    assert codes.index("MKT-01") < codes.index("COM-10") < codes.index("SHP-01")
    assert codes[-1] == "SHP-03"
    assert len(body) == 3


def test_csv_with_filters(ledger: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "ledger.csv"
    result = export_ledger(out, fmt="csv", where=ExportFilter(first=dt.date(2026, 6, 6)))
    paths = csv_paths(out)
    assert result.paths == [paths["inspections"], paths["findings"], paths["events"]]
    with paths["inspections"].open(encoding="utf-8-sig", newline="") as handle:
        header, *body = list(csv.reader(handle))
    codes = [h.split(" ", 1)[0] for h in header[14:]]
    assert codes[-1] == "SHP-03" and "SHP-05" in codes
    assert sorted(r[13] for r in body) == sorted([ledger["market"], ledger["v2"]])
    new = next(r for r in body if r[13] == ledger["v2"])
    assert new[0] == "2026-06-08" and new[14 + codes.index("SHP-05")] == "3"
    assert new[14 + codes.index("SHP-03")] == ""
    only_a12 = export_ledger(tmp_path / "a12.csv", fmt="csv", where=ExportFilter(grid="V1"))
    assert only_a12.inspections == 2  # V1 holds A11 and A12
    none = export_ledger(
        tmp_path / "none.csv", fmt="csv", where=ExportFilter(grid="V2", kind="hotel")
    )
    assert none.inspections == 0


def test_cli_export_and_report(ledger: dict[str, str], tmp_path: Path, home: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "cli.xlsx"
    result = runner.invoke(
        main,
        ["export", "--out", str(out), "--from", "2026-06-01", "--to", "2026-06-30", "--grid", "T1"],
        env={"FIELDAPP_HOME": str(home)},
    )
    assert result.exit_code == 0, result.output
    assert "3 条检查记录" in result.output
    assert len(sheet_rows(out, 0)) == 4
    bad = runner.invoke(
        main, ["export", "--out", str(out), "--from", "2026-07-01", "--to", "2026-06-01"]
    )
    assert bad.exit_code != 0 and "开始日期晚于结束日期" in bad.output

    zero = runner.invoke(
        main, ["report", "--grid", "A12", "--zero"], env={"FIELDAPP_HOME": str(home)}
    )
    assert zero.exit_code != 0 and "不在您的管辖范围内" in zero.output
    # A hazard was found in A11 that day: the refusal says how to file instead.
    found = runner.invoke(
        main,
        ["report", "--grid", "A11", "--zero", "--date", "2026-06-05"],
        env={"FIELDAPP_HOME": str(home)},
    )
    assert found.exit_code == 1 and "不能报零报告" in found.output, found.output
    assert "去掉 --zero 再运行" in found.output, found.output
    assert found.output.endswith("：fieldapp report --grid A11 --date 2026-06-05\n")
    said_nothing = runner.invoke(  # remarks may be left out; given, they say something
        main,
        ["--lang", "en", "report", "--grid", "A11", "--remarks", "ok"],
        env={"FIELDAPP_HOME": str(home)},
    )
    assert said_nothing.exit_code == 1, said_nothing.output
    assert "Write the note in words" in said_nothing.output, said_nothing.output
    filed = runner.invoke(
        main,
        ["--lang", "en", "report", "--grid", "A11", "--remarks", "all quiet"],
        env={"FIELDAPP_HOME": str(home)},
    )
    assert filed.exit_code == 0, filed.output
    assert "report filed" in filed.output
    from fieldapp.i18n import set_language

    set_language("zh")
    open_store(store_path(home))
    assert DailyReport.select().count() == 1
    assert Outbox.select().where(Outbox.type == "daily_report.submit").count() == 1


def test_event_data_is_said_in_words_not_json() -> None:
    from fieldapp.reports.ledger import Labels
    from fieldapp.services.export.event_sheet import data_text

    data = {"unit": "fire_brigade", "reference": "消转〔2026〕12号", "resolves": ["a", "b"]}
    assert (
        data_text(data, Labels("zh")) == "移交单位：消防大队；文号：消转〔2026〕12号；确认冲突 2 条"
    )
    english = data_text({"unit": "fire_brigade", "deadline": "2026-12-10"}, Labels("en"))
    assert english == "handed over to Fire brigade; new deadline 2026-12-10"


def test_xlsx_cells_keep_what_was_typed(tmp_path: Path) -> None:
    """Text that looks like a formula or a link stays the text a person typed; dates are
    dates, numbers numbers, empty cells empty; no temporary file is left beside it."""
    out = tmp_path / "cells.xlsx"
    sink = XlsxSink(out, Labels("zh"))
    sink.sheet("findings", ["描述", "日期", "数量", "空"], [30, 11, 8, 8])
    sink.row(['=HYPERLINK("http://x")', dt.date(2026, 6, 8), 3, None])
    sink.row(["http://example.com/照片", dt.date(2026, 6, 9), 2.5, ""])
    assert sink.close() == [out]
    book = openpyxl.load_workbook(out, read_only=True, data_only=True)  # a formula: its value
    header, first, second = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    assert book.sheetnames == ["隐患台账"]
    book.close()
    assert header == ["描述", "日期", "数量", "空"]
    assert first == ['=HYPERLINK("http://x")', dt.datetime(2026, 6, 8), 3, None]
    assert second[:3] == ["http://example.com/照片", dt.datetime(2026, 6, 9), 2.5]
    assert not list(tmp_path.glob("*.part"))
