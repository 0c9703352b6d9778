"""A 50,000-venue `admin import-venues` held SQLite's write lock for its whole write, 90 s
and more, writing a venue and reading it back as a model at a time: a device's sync waited
~80 s behind it and failed with HTTP 503, a web sign-in took 107 s. The file is still
checked whole first and written in one transaction (all or nothing, as promised), but a
statement writes 500 venues and their feed records are read back as rows, so the lock is
held for a handful of statements per thousand venues; what devices pull is as before. The
command says how far it is: the file checked, then every 5,000 venues written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sync_world import seed_server

from fieldapp.cli import main
from sync.server import db as server_db
from sync.server.feed import ChangeLog
from sync.server.models import Venue
from sync.server.venue_import import import_venues

ROWS = 2000


def _venue_statements_in_the_write(run: object) -> int:
    """How many statements on the venues the write transaction of `run()` held the lock
    for (the feed's rows go in one executemany, which the trace lists a row at a time)."""
    seen: list[str] = []
    connection = server_db.current().connection()
    connection.set_trace_callback(seen.append)
    try:
        run()  # type: ignore[operator]
    finally:
        connection.set_trace_callback(None)
    begin = next(i for i, sql in enumerate(seen) if sql.startswith("BEGIN IMMEDIATE"))
    end = next(i for i, sql in enumerate(seen) if i > begin and sql.startswith("COMMIT"))
    return sum(1 for sql in seen[begin:end] if '"venue"' in sql)


def test_a_big_import_writes_in_few_statements_and_feeds_every_venue(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    seed_server(url, tmp_path)
    sheet = tmp_path / "场所.csv"
    lines = ["编号,场所名称,类别,网格,地址,电话,风险等级"]
    lines += [f"BIG-{n:05},批量场所{n},超市,V1,批量路{n}号,138{n:08},中" for n in range(ROWS)]
    sheet.write_text("\n".join(lines) + "\n", "utf-8")
    with server_db.current().connection_context():
        held = Venue.select().count()
        statements = _venue_statements_in_the_write(lambda: import_venues(sheet))
        assert statements <= 2 * ROWS / 500, statements  # was 2 a venue: 4,000
        assert Venue.select().count() == held + ROWS
        fed = {c.record_id: c for c in ChangeLog.select().where(ChangeLog.type == "venue")}
        venue = Venue.get(Venue.code == "BIG-01234")
        assert venue.id in fed and venue.name == "批量场所1234" and venue.phone == "13800001234"
        assert sum(1 for v in Venue.select() if v.code.startswith("BIG-")) == ROWS
        assert all(v.id in fed for v in Venue.select() if v.code.startswith("BIG-"))
        lines[1235] = lines[1235].replace("批量场所1234", "批量场所1234（改）")
        sheet.write_text("\n".join(lines) + "\n", "utf-8")
        again = import_venues(sheet)  # only the renamed one changes
        assert (again.new, again.updated, again.unchanged) == (0, 1, ROWS - 1)
        assert Venue.get(Venue.code == "BIG-01234").name == "批量场所1234（改）"


@pytest.mark.usefixtures("chinese")  # the CLI's --lang sets it: reset after
def test_the_command_says_how_far_it_is(tmp_path: Path) -> None:
    db = tmp_path / "server.sqlite3"
    seed_server(f"sqlite:///{db}", tmp_path)
    sheet = tmp_path / "场所.csv"
    lines = ["编号,场所名称,类别,网格"] + [f"P-{n:05},场所{n},超市,V1" for n in range(12000)]
    sheet.write_text("\n".join(lines) + "\n", "utf-8")
    run = CliRunner().invoke(
        main, ["--lang", "zh", "admin", "--db", f"sqlite:///{db}", "import-venues", str(sheet)]
    )
    assert run.exit_code == 0, run.output
    said = run.output.splitlines()
    assert said[:4] == [
        "已检查 12000 行，没有问题，正在写入……",
        "已写入 5000/12000 个场所……",
        "已写入 10000/12000 个场所……",
        "已写入 12000/12000 个场所……",
    ], said
    assert said[4].startswith("已导入 12000 行（场所）：新增 12000 个场所"), said
