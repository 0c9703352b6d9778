"""At 80×24 a form's refusal is seen: the message stays in sight above the dialog's
buttons while its fields scroll, and so does the field the cursor is in."""

from __future__ import annotations

from pathlib import Path

import inspect_support
import pilot_support
import pytest
from inspect_support import (
    inspect_screen,
    inspecting,
    make_png,
    seed_store,
    submitted_with_one_finding,
)
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, Static

from fieldapp.i18n import t
from fieldapp.services.demo import workspace as demo
from fieldapp.store.models import FindingEvent
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.dialogs.finding import FindingDialog
from fieldapp.tui.dialogs.photo import PhotoDialog
from fieldapp.tui.dialogs.reinspect import ReinspectDialog
from fieldapp.tui.dialogs.review_filters import ReviewFiltersDialog

SMALL = (80, 24)
# The hotel's gas alarm item, COM-17: its options as each language shows them.
CHOICES = {
    "zh": "已安装且有效 / 未安装 / 已安装但失效",
    "en": "Installed and working / Not installed / Installed but not working",
}


def in_sight(app: FieldApp, widget: Widget) -> bool:
    """Whether a person sees `widget`: it is what the screen shows at its first line's
    middle (not scrolled out of its dialog, not under another widget)."""
    region = widget.region
    if not region.width or not region.height:
        return False
    try:
        under, _ = app.screen.get_widget_at(region.x + region.width // 2, region.y)
    except Exception:  # noqa: BLE001 - outside the screen: not seen
        return False
    return under is widget or widget in under.ancestors


def shown(app: FieldApp, widget: Widget) -> str:
    """The text the screen shows where `widget` is, its lines joined."""
    region = widget.region
    strips = app.screen._compositor.render_strips()[region.y : region.bottom]
    return "".join(strip.crop(region.x, region.right).text.strip() for strip in strips)


def said(app: FieldApp, selector: str) -> str:
    message = app.screen.query_one(selector, Static)
    return str(message.render()) if in_sight(app, message) else ""


async def test_a_bad_deadline_is_said_in_sight_at_80x24(home: Path) -> None:
    async with inspecting("zh", SMALL) as (app, pilot, _):
        await pilot.press("0", "enter")  # COM-01 asks for at least 1: the finding form
        assert isinstance(app.screen, FindingDialog)
        await pilot.press("tab")  # from the description, where it opens
        deadline = app.screen.query_one("#finding-deadline", Input)
        assert app.focused is deadline
        await pilot.press("ctrl+u", *"2026-02-30", "f10")
        await inspect_support.settle(app, pilot)
        assert said(app, "#finding-message").startswith("2026 年 2 月没有 30 日，请检查日期")
        assert app.focused is deadline and in_sight(app, deadline)


async def test_a_photo_that_cannot_be_read_is_said_in_sight_at_80x24(
    home: Path, tmp_path: Path
) -> None:
    async with inspecting("en", SMALL) as (app, pilot, _):
        await pilot.press("0", "enter", "ctrl+o")
        assert isinstance(app.screen, PhotoDialog)
        await pilot.press(*str(tmp_path / "no-such.jpg"), "enter")
        await inspect_support.settle(app, pilot)
        assert "no-such.jpg" in said(app, "#photo-message")


async def test_a_bad_date_in_the_hazard_filters_is_said_in_sight_at_80x24(
    demo_home: Path,
) -> None:
    demo.act_as("supervisor")
    app = make_app(lang="zh")
    async with app.run_test(size=SMALL) as pilot:
        await _on_screen_of("f5", app, pilot)
        await pilot.press("6", "g")
        await pilot_support.settle(app, pilot)
        assert isinstance(app.screen, ReviewFiltersDialog)
        last = app.screen.query_one("#filter-to", Input)
        while app.focused is not last:
            await pilot.press("tab")
        await pilot_support.settle(app, pilot)
        assert in_sight(app, last)
        await pilot.press(*"2026-99-99", "f10")
        await pilot_support.settle(app, pilot)
        assert isinstance(app.screen, ReviewFiltersDialog)
        assert "没有 99 月" in said(app, "#filter-error")
        assert in_sight(app, last)


async def _on_screen_of(key: str, app: FieldApp, pilot: Pilot[None]) -> None:
    """From home once it has settled, the screen `key` opens, settled too."""
    await pilot_support.settle(app, pilot, rounds=3)
    await pilot.press(key)
    await pilot_support.settle(app, pilot, rounds=2)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_daily_report_remarks_are_in_sight_at_80x24(demo_home: Path, lang: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=SMALL) as pilot:
        await _on_screen_of("f8", app, pilot)
        remarks = app.screen.query_one("#report-remarks", Input)
        while app.focused is not remarks:
            await pilot.press("tab")
        await pilot.press(*"今天正常")
        await pilot_support.settle(app, pilot)
        assert remarks.value == "今天正常" and in_sight(app, remarks)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_empty_rounds_hint_is_whole_at_80x24(demo_home: Path, lang: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=SMALL) as pilot:
        await _on_screen_of("f7", app, pilot)
        hint = app.screen.query_one("#round-progress-label", Static)
        assert shown(app, hint).replace(" ", "") == t("round.empty").replace(" ", "")


async def test_the_due_list_names_its_venues_whole_at_80x24(demo_home: Path) -> None:
    from textual.widgets import DataTable

    from fieldapp.store.models import Venue

    app = make_app(lang="zh")
    async with app.run_test(size=SMALL) as pilot:
        await _on_screen_of("f7", app, pilot)
        table = app.screen.query_one("#rounds-due", DataTable)
        code = str(table.get_row_at(0)[3])
        name = Venue.get(Venue.code == code).name
        assert name.replace(" ", "") in shown(app, table).replace(" ", ""), shown(app, table)
        hint = app.screen.query_one("#round-progress-label", Static)
        assert in_sight(app, hint)  # the round, below the list


@pytest.mark.parametrize("role", ["inspector", "supervisor"])
async def test_a_bad_export_date_is_said_whole_at_80x24(demo_home: Path, role: str) -> None:
    demo.act_as(role)
    app = make_app(lang="zh")
    async with app.run_test(size=SMALL) as pilot:
        await pilot_support.settle(app, pilot, rounds=3)
        await pilot.press("ctrl+e")
        await pilot_support.settle(app, pilot, rounds=2)
        app.screen.query_one("#export-from", Input).focus()
        await pilot.press(*"2026-1345", "f10")
        await pilot_support.settle(app, pilot)
        status = app.screen.query_one("#export-status", Static)
        text = str(status.render())
        assert "2026-06-01" in text  # how to write a date, by example
        assert shown(app, status).replace(" ", "") == text.replace(" ", "").replace("\n", "")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_daily_report_card_keeps_each_count_on_one_line_at_80_columns(lang: str) -> None:
    """The card beside the grid list is 34 cells wide at 80 columns: a count and its unit
    are never wrapped apart ("新到人员：0" / "人；…")."""
    from rich.cells import cell_len

    from fieldapp.i18n import set_language
    from fieldapp.tui.screens.daily_report import PEOPLE_KEYS
    from fieldapp.tui.views.work_lines import PATROL_KEYS, work_lines

    set_language(lang)
    try:
        people = t("report.people_counts", **dict.fromkeys(PEOPLE_KEYS, 12)).splitlines()
        patrols = work_lines(dict.fromkeys(PATROL_KEYS, 12)).strip().splitlines()
    finally:
        set_language("zh")
    assert len(people) == len(PEOPLE_KEYS)
    assert max(cell_len(line) for line in people + patrols) <= 34, people + patrols


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_refused_answer_is_said_in_sight_at_80x24(home: Path, lang: str) -> None:
    seed_store()
    app = make_app(lang=lang)
    async with app.run_test(size=SMALL) as pilot:
        screen = await inspect_screen(app, pilot)
        screen.go_to("CAT-05")  # the hood last cleaned: a date, with guidance and a basis
        await pilot.pause()
        await pilot.press(*"2999-01-01", "enter")
        await inspect_support.settle(app, pilot)
        assert "2999-01-01" in said(app, "#item-message")
        assert in_sight(app, screen.card.answer_input)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_refused_choice_is_said_in_sight_at_80x24(demo_home: Path, lang: str) -> None:
    """A hotel's choice item asked because of a venue fact, in a campaign: its lines and
    the campaign's notice fill the screen."""
    from fieldapp.store.models import Venue

    inspect_support.switch_on_campaign("epidemic", "有病例")
    app = make_app(lang=lang)
    async with app.run_test(size=SMALL) as pilot:
        await pilot_support.settle(app, pilot, rounds=3)
        venue = Venue.select().where(Venue.kind == "hotel").order_by(Venue.code).first()
        app.open_venue(str(venue.id), presence="manual", reason="placard_missing")
        await pilot_support.settle(app, pilot, rounds=2)
        screen = app.screen
        screen.go_to("COM-17")
        await pilot.pause()
        await pilot.press("9", "enter")
        await pilot_support.settle(app, pilot)
        assert said(app, "#item-message") == t("answer.expected_choice", choices=CHOICES[lang])
        assert in_sight(app, screen.card.answer_input)
        section = app.screen.query_one("#inspect-section", Static)  # why it is asked: one
        seen, said_all = shown(app, section), str(section.render())  # line, cut with "…"
        assert section.region.height == 1
        assert seen == said_all or (seen.endswith("…") and said_all.startswith(seen[:-1]))


async def test_the_reinspection_opens_with_its_hazard_in_sight_and_tabs_to_the_photo(
    home: Path, tmp_path: Path
) -> None:
    seed_store()
    finding_id = submitted_with_one_finding()
    photo = make_png(tmp_path / "fixed.png")
    app = make_app(lang="zh")
    async with app.run_test(size=SMALL) as pilot:
        await pilot_support.settle(app, pilot)
        app.push_screen(ReinspectDialog(finding_id))
        await pilot_support.settle(app, pilot)
        dialog = app.screen
        assert in_sight(app, dialog.query_one(".dialog-title"))  # which hazard this is
        await pilot.press("enter", "tab", *"已清理", "tab")  # fixed; the note; then the photo
        assert app.focused is dialog.query_one("#reinspect-photo", Input)
        await pilot.press(*str(photo), "f10")
        await pilot_support.settle(app, pilot)
    opened, reported = FindingEvent.select().where(FindingEvent.finding == finding_id)
    assert reported.note == "已清理" and len(reported.photos) == 1


async def test_the_photo_dialog_opens_with_its_title_in_sight(home: Path) -> None:
    async with inspecting("zh", SMALL) as (app, pilot, _):
        await pilot.press("0", "enter", "ctrl+o")  # COM-01 fails: the finding form, a photo
        await inspect_support.settle(app, pilot)
        assert isinstance(app.screen, PhotoDialog)
        assert in_sight(app, app.screen.query_one(".dialog-title"))


async def test_f10_attaches_the_photo_typed_as_the_footer_says(home: Path, tmp_path: Path) -> None:
    photo = make_png(tmp_path / "extinguisher.png")
    async with inspecting("zh", SMALL) as (app, pilot, _):
        await pilot.press("0", "enter", "ctrl+o")  # COM-01 fails: the finding form, a photo
        await inspect_support.settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, PhotoDialog)
        assert "f10 附加" in shown(app, dialog.query_one("KeyFooter"))
        await pilot.press("f10")  # nothing typed yet: said, nothing attached
        await inspect_support.settle(app, pilot)
        assert said(app, "#photo-message") == t("photo.empty")
        await pilot.press(*str(photo), "f10")
        await inspect_support.settle(app, pilot)
        assert isinstance(app.screen, FindingDialog) and len(app.screen.photos) == 1


async def test_every_receiving_unit_is_named_whole_at_80x24_in_english(demo_home: Path) -> None:
    demo.act_as("supervisor")
    app = make_app(lang="en")
    async with app.run_test(size=SMALL) as pilot:
        await _on_screen_of("f5", app, pilot)
        await pilot.press("6", "space", "h")  # the active hazards: hand the first one over
        await pilot_support.settle(app, pilot)
        dialog = app.screen
        assert type(dialog).__name__ == "BulkActionDialog"
        units = list(dialog.query("#bulk-unit RadioButton"))
        assert len(units) == 3
        for unit in units:
            assert in_sight(app, unit)
            assert str(unit.label) in shown(app, unit), shown(app, unit)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_finding_form_shows_its_title_and_every_field_at_80x24(
    home: Path, lang: str
) -> None:
    async with inspecting(lang, SMALL) as (app, pilot, _):
        await pilot.press("0", "enter")  # COM-01 asks for at least 1: the finding form
        await inspect_support.settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, FindingDialog)
        assert app.focused is dialog.query_one("#finding-description", Input)
        for selector in (".dialog-title", "#finding-severity", "#finding-deadline",
                         "#finding-description", "#finding-photos", "#finding-save"):  # fmt: skip
            assert in_sight(app, dialog.query_one(selector)), selector
