"""The English screens call one thing by one name, as the Chinese ones do: a hazard handed
over (已移交) reads "Handed over" on home as on the review screen (home said "Referred"),
and a daily report not filed by its deadline (逾期未报) reads "Past due", apart from one
filed after it (迟报, "Filed late"): "[Late]" next to "[Filed late]" read alike ("Not
filed, late" said it too, but at 80 columns left no room for a sub-grid's name). Closing
out a hazard (销号) reads "Close out": its dialog, titled "Close — 1 selected" with a
"Close" button, read as closing the window."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pilot_support import SIZE, at_home, open_screen, screen_text, settle
from textual.widgets import Button, Label, OptionList

from fieldapp.domain import clock
from fieldapp.domain.clock import today, wall_clock
from fieldapp.services import review
from fieldapp.services.daily_report import reports as daily_reports
from fieldapp.services.demo.workspace import act_as
from fieldapp.store.models import Finding
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.bulk_action import BulkActionDialog
from fieldapp.tui.screens.daily_report import DailyReportScreen


async def test_a_hazard_handed_over_reads_handed_over_on_home_as_in_review(
    demo_supervisor: Path,
) -> None:
    act_as("supervisor")
    overdue = [
        f.id
        for f in Finding.select().where(Finding.state == "open")
        if f.severity == "major" or f.current_deadline < today()
    ]
    data = {"unit": "fire_brigade", "reference": "DW-2026-9"}
    assert any(r.applied for r in review.bulk_apply(overdue, "handed_over", "", data))
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await at_home(app, pilot)
        home = screen_text(app)
        await pilot.press("f5")
        await settle(app, pilot, rounds=2)
        await pilot.press("4")  # handed over
        await settle(app, pilot, rounds=2)
        queue = screen_text(app)
        await pilot.press("1", "c")  # 销号 a hazard reported fixed
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, BulkActionDialog)
        title = str(dialog.query_one(".dialog-title", Label).render())
        buttons = [str(b.label) for b in dialog.query(Button)]
    assert title == "Close out — 1 selected" and "Close out" in buttons, (title, buttons)
    assert "Handed over" in queue
    assert "Referred" not in home
    assert "Handed over" in home, home


DAY = dt.date(2026, 6, 10)


def local(hour: int, minute: int) -> dt.datetime:
    return wall_clock(dt.datetime.combine(DAY, dt.time(hour, minute)))


async def test_a_report_not_filed_by_its_deadline_does_not_read_like_one_filed_late(
    demo_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = [local(18, 10)]  # after the 18:00 deadline: one filed late, the rest not filed
    monkeypatch.setattr(clock, "_now", lambda: at[0].astimezone(dt.UTC))
    daily_reports.file_report("T01-DM", remarks="all quiet")
    act_as("supervisor")
    at[0] = local(18, 30)
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "f8", DailyReportScreen)
        grids = screen.query_one("#report-grids", OptionList)
        prompts = [str(grids.get_option_at_index(i).prompt) for i in range(grids.option_count)]
    filed = [p for p in prompts if "[Filed late] " in p]
    not_filed = [p for p in prompts if "[Past due] " in p]
    assert filed and not_filed, prompts
    assert not any("[Late]" in p for p in prompts), prompts


async def test_the_english_export_names_each_grid_with_its_code_in_ascii_brackets(
    demo_supervisor: Path,
) -> None:
    """English is punctuated in ASCII: "示例镇 (T01)", not "示例镇（T01）"."""
    from textual.widgets import Select

    from fieldapp.tui.screens.export import ExportScreen

    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(app, pilot, "ctrl+e", ExportScreen)
        await settle(app, pilot, rounds=2)
        grids = screen.query_one("#export-grid", Select)
        names = [str(prompt) for prompt, _ in grids._options]
    assert any(name.strip() == "示例镇 (T01)" for name in names), names
    assert not any("（" in name or "）" in name for name in names), names


@pytest.mark.parametrize("count", [1, 2])
def test_a_refused_zero_report_reads_right_for_one_record_or_more(count: int) -> None:
    """'1 incidents were reported in this grid today': the refusal states the figure
    instead of building a plural around it."""
    from fieldapp.i18n import set_language

    set_language("en")
    for key in ("report.zero_refused", "report.zero_refused_incidents"):
        text = daily_reports.ZeroReportRefused(
            {"hazards_found" if key == "report.zero_refused" else "incidents": count}
        ).text()
        assert f": {count}." in text and f"{count} incidents" not in text, text
        assert f"{count} hazards" not in text, text


async def test_a_hazard_to_rectify_reads_alike_on_home_and_in_review(demo_home: Path) -> None:
    """待整改 reads "To rectify" in Home's hazards as in the review list (F5), where
    home said "Open"."""
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await at_home(app, pilot, rounds=3)
        home = app.screen.query_one("#findings").region
        home_rows = screen_text(app).splitlines()[home.y + 1 : home.bottom]
        await pilot.press("f5")
        await settle(app, pilot, rounds=2)
        review = screen_text(app)
    term = "To rectify"
    assert any(f" {term} " in row for row in home_rows), "\n".join(home_rows)
    assert f" {term} " in review, review
    assert not any(" Open " in row for row in home_rows), "\n".join(home_rows)


@pytest.mark.parametrize(
    "state", ["open", "rectification_reported", "handed_over", "outcome_recorded", "closed"]
)
def test_each_hazard_state_has_one_english_name(state: str) -> None:
    """Home's short state is the review list's column, and the full name is the same on
    the review detail, the inspection record and the exported ledger (it said "Open" and
    "Rectification reported" there)."""
    from fieldapp import i18n

    english = i18n._load()["en"]
    assert english[f"finding_state.short.{state}"] == english[f"review_ui.state_col.{state}"]
    full = {
        english[f"{prefix}.{state}"] for prefix in ("finding_state", "review.state", "ledger.state")
    }
    assert len(full) == 1, full


STATES = ("open", "rectification_reported", "handed_over", "outcome_recorded", "closed")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("state", STATES)
def test_each_hazard_state_has_one_name_in_each_language(lang: str, state: str) -> None:
    """One state, one term: Home's list said 已报改, F5 待复查, the re-inspection dialog
    已报整改 and its refusal 待复查（已报整改）; in English the lists said "To re-check" and
    the dialog "reported fixed". The short name is the head of the full one."""
    from fieldapp import i18n

    texts = i18n._load()[lang]
    prefixes = ("finding_state", "review.state", "ledger.state", "inspect.state")
    full = {texts[f"{prefix}.{state}"] for prefix in prefixes}
    assert len(full) == 1, full
    short = {texts[f"finding_state.short.{state}"], texts[f"review_ui.state_col.{state}"]}
    assert len(short) == 1, short
    assert full.pop().startswith(short.pop())


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("severity", ["general", "major"])
def test_each_severity_has_one_name_in_each_language(lang: str, severity: str) -> None:
    """The hazard form and the summary said "general", the lists "General"."""
    from fieldapp import i18n

    texts = i18n._load()[lang]
    prefixes = ("severity", "inspect.severity", "review.severity", "ledger.severity")
    names = {texts[f"{prefix}.{severity}"] for prefix in prefixes}
    assert len(names) == 1, names


# The heading over a hazard's severity: F5's column and its filter, Home's hazards, the
# summary before submitting and the inspection record (F5 said "Sev." and its filter
# "Level", the record "Hazard"), and in English the exported ledger too.
SEVERITY_HEADINGS = (
    "review_ui.col.severity",
    "review_ui.filter.severity",
    "home.col.severity",
    "summary.col.severity",
    "record.col.severity",
)


@pytest.mark.parametrize(("lang", "ledger"), [("zh", ()), ("en", ("ledger.col.severity",))])
def test_the_severity_column_has_one_heading(lang: str, ledger: tuple[str, ...]) -> None:
    from fieldapp import i18n

    texts = i18n._load()[lang]
    headings = {key: texts[key] for key in (*SEVERITY_HEADINGS, *ledger)}
    assert len(set(headings.values())) == 1, headings


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_re_check_queue_is_named_as_the_state_it_holds(lang: str) -> None:
    """F5's first queue holds hazards reported fixed: its tab and key said "To verify"
    where their state said "To re-check" (the tab is "Re-check": at 80 columns the six
    tabs have room for no more)."""
    from fieldapp import i18n

    texts = i18n._load()[lang]
    queue = {texts["review.queue.awaiting_verification"], texts["binding.review.queue_1"]}
    assert len(queue) == 1, queue
    state = texts["finding_state.short.rectification_reported"]
    assert queue.pop().lower() in state.lower(), state


# What F5 and Home show: their lists, details, dialogs and the footer's tips (binding.*).
REVIEW_AND_HOME = ("review", "binding.review", "binding.bulk", "home", "finding_state")
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def test_review_and_home_say_hazard_in_english_not_finding() -> None:
    """F5 said "Re-check: no findings" and "Put the cursor on a finding" where the rest of
    English says hazard. Keys and placeholders ({finding}) are code and may say it."""
    from fieldapp import i18n

    english = i18n._load()["en"]
    said = {
        key: text
        for key, text in english.items()
        if key.startswith(REVIEW_AND_HOME) and "finding" in PLACEHOLDER.sub("", text).lower()
    }
    assert said == {}
    assert "hazards" in english["review_ui.page_empty"]
