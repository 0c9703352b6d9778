"""What the export's dates pick on the people and follow-up sheets (a tester's export of
2026-01-01..12-01 listed a follow-up plan started on 12-06): follow-up plans that run on
a day of the dates, by the plan's own days (start day for its number of days); the
people sheet is the register as it stands at the export, everyone whatever the dates,
and its title says so with the day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from people_support import member_named, returnee_family
from rounds_support import Clock, china

from fieldapp.cli import main
from fieldapp.domain.personal import new_key
from fieldapp.services.export.ledger import ExportFilter, export_ledger
from fieldapp.services.followups import plans
from fieldapp.services.people import registry
from fieldapp.store import keyring

THE_YEAR = ExportFilter(dt.date(2026, 1, 1), dt.date(2026, 12, 1))  # the tester's dates


@pytest.fixture
def plans_around_the_dates(tree: Clock) -> None:
    """The family registered on 12-06, after the dates; four follow-up plans around them."""
    tree.set(china(2026, 12, 6, 9))
    keyring.save_key(new_key())
    registry.save_household(returnee_family("A11"))
    father, mother, child = (str(member_named(n).id) for n in ("陈建国", "林秀英", "陈小明"))
    plans.create_plan(father, start_on=dt.date(2025, 12, 23), days=10)  # last day 01-01
    plans.create_plan(father, start_on=dt.date(2026, 12, 1), days=3)  # first day 12-01
    plans.create_plan(mother, start_on=dt.date(2026, 12, 6), days=14)  # the tester's
    plans.create_plan(child, start_on=dt.date(2025, 12, 22), days=10)  # last day 12-31


def _sheet(book: openpyxl.Workbook, prefix: str) -> tuple[str, list[dict[str, object]]]:
    [title] = [name for name in book.sheetnames if name.startswith(prefix)]
    header, *body = book[title].iter_rows(values_only=True)
    return title, [dict(zip(header, row, strict=True)) for row in body]


def test_follow_ups_that_run_within_the_dates(plans_around_the_dates: None, tmp_path: Path):
    out = tmp_path / "year.xlsx"
    export_ledger(out, where=THE_YEAR)
    book = openpyxl.load_workbook(out, read_only=True)
    _, followups = _sheet(book, "随访台账")
    started = sorted((row["姓名"], row["开始日期"]) for row in followups)
    assert started == [("陈建国", dt.datetime(2025, 12, 23)), ("陈建国", dt.datetime(2026, 12, 1))]
    title, people = _sheet(book, "人员台账")
    # The register as of the export: everyone, though registered after the dates.
    assert title == "人员台账（截至2026-12-06）"
    assert sorted(row["姓名"] for row in people) == ["林秀英", "陈小明", "陈建国"]
    book.close()


def test_without_dates_every_plan_is_listed(plans_around_the_dates: None, tmp_path: Path):
    out = tmp_path / "all.csv"
    export_ledger(out, fmt="csv", where=ExportFilter(), lang="en")
    lines = (tmp_path / "all_followups.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 1 + 4


def test_the_english_sheet_title_says_the_register_is_as_of_the_export(
    plans_around_the_dates: None, tmp_path: Path
) -> None:
    out = tmp_path / "year.xlsx"
    export_ledger(out, where=THE_YEAR, lang="en")
    book = openpyxl.load_workbook(out, read_only=True)
    assert "People as of 2026-12-06" in book.sheetnames
    book.close()


def test_export_help_says_what_the_dates_pick_on_these_sheets() -> None:
    result = CliRunner().invoke(main, ["--lang", "en", "export", "--help"], terminal_width=200)
    said = " ".join(result.output.split())
    assert "follow-ups by the days they run" in said
    assert "The people sheet is a register: everyone as of the export, whatever the dates" in said
