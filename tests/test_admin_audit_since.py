"""`fieldapp admin audit --since`: a date that is not one, or a day that does not exist,
is refused as every date option refuses it; it read as a text bound and said "审计记录中没有
符合条件的条目" (no entries match), and a time written with a space listed the whole day."""

from __future__ import annotations

import datetime as dt

from click.testing import CliRunner, Result

from fieldapp.cli import main
from sync.server.office_time import office_now


def _audit(db: str, lang: str, *args: str) -> Result:
    return CliRunner().invoke(main, ["--lang", lang, "admin", "--db", db, "audit", *args])


def _server(tmp_path) -> str:  # type: ignore[no-untyped-def]
    db = f"sqlite:///{tmp_path / 'srv.sqlite3'}"
    assert CliRunner().invoke(main, ["admin", "--db", db, "init"]).exit_code == 0
    return db  # init wrote the placard key's entry


def test_a_bad_date_or_a_day_that_does_not_exist_is_refused(tmp_path) -> None:
    db = _server(tmp_path)
    bad = _audit(db, "zh", "--since", "bad")
    assert bad.exit_code == 2, bad.output
    assert "错误：--since bad 不是日期或时间" in bad.output
    assert "没有符合条件" not in bad.output
    missing = _audit(db, "zh", "--since", "2026-02-30")
    assert missing.exit_code == 2
    assert (
        "错误：--since 2026-02-30：" in missing.output
        and "没有 30 日，请检查日期。" in missing.output
    )
    english = _audit(db, "en", "--since", "2026-12-06T25:00")
    assert english.exit_code == 2
    assert "Error: --since 2026-12-06T25:00 is not a date or time" in english.output


def test_a_day_or_a_time_lists_what_was_written_from_then(tmp_path) -> None:
    """Both in the office's time, as `admin devices` says it: the trail said UTC (…Z) and
    read --since as UTC, 8 hours from every other office listing."""
    db = _server(tmp_path)
    office = office_now()
    today = office.date()
    minute = dt.timedelta(minutes=1)
    for since in (today.isoformat(), f"{office - 2 * minute:%Y-%m-%d %H:%M}"):
        listed = _audit(db, "en", "--since", since)
        assert listed.exit_code == 0, listed.output
        assert "placard_key.created" in listed.output
        written = dt.datetime.strptime(listed.output[:19], "%Y-%m-%d %H:%M:%S")
        assert abs(written - office) < 2 * minute
    assert _audit(db, "en", "--since", f"{office + 2 * minute:%Y-%m-%d %H:%M}").output.strip() == (
        "No audit entries match."
    )
    for later in (f"{today} 23:59:59", f"{today + dt.timedelta(days=1)} 8:00"):
        # a space before the time compared below "T" and listed the whole day
        assert _audit(db, "en", "--since", later).output.strip() == "No audit entries match."
