"""The monthly report (F6 `m`, `fieldapp monthly-report`) in English and for a month to
come. Its PDF broke the column headings inside words (its text read "Ven/ues",
"Insp/ecte/d", "Com/pleti/on"), and the files were named 月报-T01-2026-12 from the
English UI; a month not yet started was written with made-up figures (统计至 its first
day, one day due, today's overdue hazards), and a month before any record (2000-01) as a
report of zeros, without a word."""

from __future__ import annotations

from pathlib import Path

import pypdf
from click.testing import CliRunner
from pilot_support import at_home, settle

from fieldapp.cli import main
from fieldapp.domain.clock import today
from fieldapp.reports.monthly import headers
from fieldapp.services.dashboard import monthly
from fieldapp.tui.app import make_app


async def test_the_english_report_keeps_heading_words_whole(demo_supervisor: Path) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await at_home(app, pilot)
        await pilot.press("f6")
        await settle(app, pilot, rounds=2)
        await pilot.press("m")
        await settle(app, pilot, rounds=2)
    month = f"{today():%Y-%m}"
    exports = demo_supervisor / "exports"
    assert sorted(p.name for p in exports.iterdir()) == [
        f"monthly-report-T01-{month}.pdf",
        f"monthly-report-T01-{month}.xlsx",
    ]
    pdf = pypdf.PdfReader(exports / f"monthly-report-T01-{month}.pdf")
    words = set("\n".join(page.extract_text() for page in pdf.pages).split())
    for heading in headers("en"):
        for word in heading.split():
            assert word in words, f"{word!r} of {heading!r} is broken: {sorted(words)}"


def test_the_chinese_report_is_still_named_in_chinese(
    demo_supervisor: Path, tmp_path: Path
) -> None:
    from fieldapp.tui.screens.dashboard_assessment import write_monthly

    written = write_monthly(monthly.monthly_report(), tmp_path, "zh")
    assert [p.name for p in written] == [
        f"月报-T01-{today():%Y-%m}.xlsx",
        f"月报-T01-{today():%Y-%m}.pdf",
    ]


def next_month() -> str:
    day = today()
    return f"{day.year + day.month // 12}-{day.month % 12 + 1:02d}"


def test_a_month_not_started_is_refused_in_the_ui_language(
    demo_supervisor: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.pdf"
    english = CliRunner().invoke(
        main, ["--lang", "en", "monthly-report", "--month", next_month(), "--pdf", str(out)]
    )
    assert english.exit_code == 1, english.output
    assert f"{next_month()} has not started yet (today is {today().isoformat()})" in english.output
    chinese = CliRunner().invoke(
        main, ["--lang", "zh", "monthly-report", "--month", next_month(), "--pdf", str(out)]
    )
    assert chinese.exit_code == 1 and f"{next_month()} 还没开始" in chinese.output, chinese.output
    assert not out.exists()


def test_this_month_is_counted_up_to_today(demo_supervisor: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    result = CliRunner().invoke(
        main, ["--lang", "en", "monthly-report", "--month", f"{today():%Y-%m}", "--pdf", str(out)]
    )
    assert result.exit_code == 0 and out.exists(), result.output
    report = monthly.monthly_report(month=today())
    assert report.last == today() and report.rows[0].days == today().day


def test_a_month_before_any_record_is_refused_naming_the_first(
    demo_supervisor: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.pdf"
    first = monthly.first_record_day()
    assert first is not None and first.year > 2000
    month = f"{first:%Y-%m}"
    english = CliRunner().invoke(
        main, ["--lang", "en", "monthly-report", "--month", "2000-01", "--pdf", str(out)]
    )
    assert english.exit_code == 1, english.output
    assert (
        f"2000-01 is before the first record on this device (the earliest is in {month}), so "
        f"there is nothing to count and no file was written; choose {month} or a later month."
    ) in english.output.replace("\n", " ")
    chinese = CliRunner().invoke(
        main, ["--lang", "zh", "monthly-report", "--month", "2000-01", "--pdf", str(out)]
    )
    assert chinese.exit_code == 1
    assert f"2000-01 早于本机的第一条记录（最早的记录在 {month}）" in chinese.output
    assert not out.exists()
    kept = CliRunner().invoke(main, ["monthly-report", "--month", month, "--pdf", str(out)])
    assert kept.exit_code == 0 and out.exists(), kept.output  # the first month is written
