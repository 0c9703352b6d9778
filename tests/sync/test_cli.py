"""`fieldapp admin`, `fieldapp enroll` and `fieldapp sync` as a person runs them."""

from __future__ import annotations

import json
import re

import openpyxl
from click.testing import CliRunner
from sync_world import inspection_submit

from fieldapp.cli import main
from fieldapp.store.models import Outbox, Venue
from fieldapp.store.opening import open_store
from sync.protocol import canonical_json, payload_hash


def _run(*args, env=None):
    result = CliRunner().invoke(main, ["--lang", "en", *args], env=env, catch_exceptions=False)
    return result


def test_imports_are_all_or_nothing_and_name_every_bad_row(tmp_path):
    db = f"sqlite:///{tmp_path / 'srv.sqlite3'}"
    assert _run("admin", "--db", db, "init").exit_code == 0
    bad = tmp_path / "grids.csv"
    bad.write_text(
        "code,name,level,parent\nT1,镇,town,\nV1,,village,T1\nV2,村,city,NOPE\nT1,重复,town,\n",
        encoding="utf-8",
    )
    result = _run("admin", "--db", db, "import-grids", str(bad))
    assert result.exit_code == 1
    message = result.output
    assert "nothing imported" in message
    assert "row 3, column name" in message
    assert "row 4, column level" in message and "row 4, column parent" in message
    assert "row 5, column code" in message
    good = tmp_path / "grids.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (
        ["code", "name", "level", "parent"],
        ["T1", "镇", "town", None],
        ["V1", "村", "village", "T1"],
    ):
        sheet.append(row)
    book.save(good)
    result = _run("admin", "--db", db, "import-grids", str(good))
    assert result.exit_code == 0, result.output
    assert "Imported 2" in result.output
    people = tmp_path / "people.csv"
    people.write_text(
        "id,name,role,grids\np1,张三,inspector,V1\np2,李四,boss,V9\n", encoding="utf-8"
    )
    result = _run("admin", "--db", db, "import-people", str(people))
    assert result.exit_code == 1
    assert "row 3, column role" in result.output and "row 3, column grids" in result.output


def test_an_import_refused_in_chinese_names_each_problem_in_chinese(tmp_path):
    """The office's administrator works in Chinese (no --lang): the refusal, every row's
    problem and what to do are Chinese; the columns stay the file's own header names."""
    db = f"sqlite:///{tmp_path / 'srv.sqlite3'}"
    zh = ["admin", "--db", db]
    assert CliRunner().invoke(main, [*zh, "init"]).exit_code == 0
    bad = tmp_path / "grids.csv"
    bad.write_text("code,name,level,parent\nT1,镇,town,\nV2,,village,NOPE\n", encoding="utf-8")
    result = CliRunner().invoke(main, [*zh, "import-grids", str(bad)])
    assert result.exit_code == 1
    assert "grids.csv：未导入任何内容，共 2 处问题：" in result.output
    assert "第 3 行 name 列：名称为空：请填写名称" in result.output
    assert "第 3 行 parent 列：本文件和服务器上都没有网格 NOPE" in result.output
    latin = tmp_path / "venues.csv"
    latin.write_bytes("code,name,kind,grid\nDM-1,鼎美,market,V1\n".encode("gbk"))
    result = CliRunner().invoke(main, [*zh, "import-venues", str(latin)])
    assert result.exit_code == 1
    assert "CSV 文件不是 UTF-8 编码：请另存为“CSV UTF-8（逗号分隔）”格式后再导入" in result.output
    assert not re.search(r"row \d|nothing imported|not UTF-8;", result.output)
    setting = ["setting", "set", "cadence_days", '{"foot_massage": 0}']
    result = CliRunner().invoke(main, [*zh, *setting])
    assert result.exit_code == 1
    assert "错误：cadence_days.foot_massage 应为 1 到 366 之间的整数天数" in result.output
    drill = {"code": "drill", "zh": "演练", "en": "Drill", "cadence": {"every": "fortnight"}}
    setting = ["setting", "set", "activity_types", json.dumps([drill])]
    result = CliRunner().invoke(main, [*zh, *setting])
    assert result.exit_code == 1
    assert (
        "activity_types 有误：types[1].cadence.every 只能是 month、quarter、year 中的一个：请改正"
        in result.output
    )
    assert "must be one of" not in result.output
    result = _run("admin", "--db", db, *setting)
    assert "types[1].cadence.every must be one of month, quarter, year" in result.output
    # The same file with --lang en: English.
    result = _run("admin", "--db", db, "import-venues", str(latin))
    assert "the CSV file is not UTF-8; save it as CSV UTF-8" in result.output


def test_enroll_then_sync_headless(tmp_path, live_server, seed, monkeypatch):
    code_output = _run("admin", "--db", live_server.db_url, "enroll-code", "--person", "p-insp")
    assert code_output.exit_code == 0, code_output.output
    code = re.search(r"\b([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})\b", code_output.output).group(1)
    assert "█" in code_output.output or "▀" in code_output.output  # the QR

    home = tmp_path / "field"
    monkeypatch.setenv("FIELDAPP_HOME", str(home))
    enrolled = _run("enroll", live_server.url, code, "--name", "laptop")
    assert enrolled.exit_code == 0, enrolled.output
    assert "张三" in enrolled.output and "V1" in enrolled.output

    open_store(home / "fieldapp.sqlite3")
    payload = inspection_submit(seed.venues["DM-0001"], "p-insp")
    Outbox.insert(
        op_id="op-cli", type="inspection.submit", payload=canonical_json(payload),
        payload_hash=payload_hash(payload), created_at="t",
    ).execute()  # fmt: skip
    synced = _run("sync")
    assert synced.exit_code == 0, synced.output
    assert "1 sent" in synced.output
    open_store(home / "fieldapp.sqlite3")
    assert Outbox.get_by_id(1).state == "acked"
    assert Venue.select().count() == 2

    outside = inspection_submit(seed.venues["YM-0001"], "p-insp")
    Outbox.insert(
        op_id="op-out", type="inspection.submit", payload=canonical_json(outside),
        payload_hash=payload_hash(outside), created_at="t",
    ).execute()  # fmt: skip
    refused = _run("sync")
    assert refused.exit_code == 1
    assert "refused 1" in refused.output
    assert "not among the grids of 张三 (p-insp)" in refused.output  # who, by name

    devices = _run("admin", "--db", live_server.db_url, "devices")
    device_id = devices.output.splitlines()[1].split("\t")[0]  # under the header
    assert _run("admin", "--db", live_server.db_url, "revoke", device_id).exit_code == 0
    revoked = _run("sync")
    assert revoked.exit_code == 3 and "enrolled again" in revoked.output
