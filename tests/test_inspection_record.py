"""A submitted inspection, looked at again read-only: from a venue on Home (inspector) and
from the supervisor's inspection list (Enter), with its answers, note, photos (a count on
the item, the photo drawn as text art, `o` for the system viewer) and its hazard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from inspect_support import make_png
from pilot_support import screen_text, settle, shown_from_start
from textual.widgets import DataTable, Static

from fieldapp.domain.clock import today
from fieldapp.services.common.photos import import_photo
from fieldapp.services.demo import workspace as demo
from fieldapp.services.inspection import inspections
from fieldapp.services.inspection.history import inspection_record, venue_inspections
from fieldapp.store.models import Venue
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.find_venue import FindVenueScreen
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.inspection_record import InspectionRecordScreen
from fieldapp.tui.screens.inspection_review import InspectionReviewScreen
from fieldapp.tui.screens.review import ReviewScreen
from fieldapp.tui.screens.venue_history import VenueHistoryScreen
from fieldapp.tui.widgets.photo_preview import PhotoPreview

pytestmark = pytest.mark.usefixtures("chinese")

NOTE = "灭火器放在收银台后面"
HAZARD = "安全出口被纸箱堵住"


def submitted_with_photos(
    home: Path, venue: Venue, *, note: str = NOTE, presence_note: str = ""
) -> tuple[str, str, str]:
    """An inspection of `venue` with every item answered, a note and two photos on the first
    and a failed second item with a hazard and a photo. Returns (id, first, second code)."""
    inspection_id = inspections.start_inspection(
        venue.id, presence="manual", reason="placard_missing", note=presence_note
    )
    checklist = inspections.load(inspection_id).checklist
    items = checklist.items
    first, second = items[0], next(i for i in items[1:] if i.can_fail and i.answer == "yesno")
    for item in items:
        if item is second:
            finding = inspections.record_answer(inspection_id, item, "fail")
            assert finding is not None
            sha = import_photo(make_png(home / "exit.png"))
            inspections.save_finding(
                finding.id,
                severity="major",
                description=HAZARD,
                deadline=today() + dt.timedelta(days=3),
                photos=[sha],
            )
        elif item.answer in ("yesno", "photo"):
            inspections.record_answer(inspection_id, item, "pass")
        elif item.answer == "number":
            inspections.record_answer(inspection_id, item, "value", "4")
        elif item.answer == "choice":
            inspections.record_answer(inspection_id, item, "value", item.choices[0])
        elif item.answer == "date":
            inspections.record_answer(inspection_id, item, "value", today().isoformat())
        else:
            inspections.record_answer(inspection_id, item, "value", "有")
    inspections.set_note(inspection_id, first.code, note)
    for name in ("a.png", "b.png"):
        path = home / name
        make_png(path)
        inspections.add_answer_photo(inspection_id, first.code, import_photo(path))
    inspections.submit(inspection_id, "店主")
    return inspection_id, first.code, second.code


def rows(table: DataTable[str]) -> dict[str, list[str]]:
    return {
        str(table.coordinate_to_cell_key((n, 0)).row_key.value): [
            str(cell) for cell in table.get_row_at(n)
        ]
        for n in range(table.row_count)
    }


async def check_record(app: FieldApp, pilot, first: str, second: str) -> None:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, InspectionRecordScreen)
    # Esc goes back to the list of inspections it was opened from, and says so.
    assert screen.active_bindings["escape"].binding.description == "返回检查记录"
    meta = str(screen.query_one("#record-meta", Static).render())
    assert "标牌缺失" in meta and "店主" in meta
    table = screen.query_one("#record-items", DataTable)
    shown = rows(table)
    assert shown[first][3] == "2"  # two photos, counted on their item
    assert shown[second][2] == "不合格" and shown[second][3] == "1" and shown[second][4] == "重大"
    detail = str(screen.query_one("#record-item", Static).render())
    assert NOTE in detail
    photo = screen.query_one(PhotoPreview)
    drawn = "".join(strip.text for strip in photo.render_lines(photo.region.reset_offset))
    assert "▄" in drawn or "▀" in drawn  # the photo in half blocks
    title = str(screen.query_one("#record-photo-title", Static).render())
    assert "1/2" in title
    await pilot.press("right_square_bracket")
    await settle(app, pilot)
    assert "2/2" in str(screen.query_one("#record-photo-title", Static).render())
    table.move_cursor(row=list(shown).index(second))
    await settle(app, pilot)
    detail = str(screen.query_one("#record-item", Static).render())
    assert HAZARD in detail and "待整改" in detail
    await pilot.press("o")  # no viewer on a test machine: it says where the photo is
    await settle(app, pilot)
    assert any(".jpg" in str(n.message) for n in app._notifications)
    await pilot.press("escape")
    await settle(app, pilot)
    assert not isinstance(app.screen, InspectionRecordScreen)


async def test_an_inspector_looks_at_a_venues_inspection_again(demo_home: Path) -> None:
    venue = Venue.get(Venue.code == "DM-0003")
    inspection_id, first, second = submitted_with_photos(demo_home, venue)
    assert venue_inspections(venue.id)[0].inspection_id == inspection_id
    assert inspection_record(inspection_id).photo_count == 3
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=3)
        if not isinstance(app.screen, HomeScreen):
            await pilot.press("escape")  # past the offer to resume a draft
            await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("slash")  # inspected today: not due, so found by its code
        await settle(app, pilot)
        await pilot.press(*"DM-0003", "enter")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, FindVenueScreen)
        await pilot.press("i")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, VenueHistoryScreen)
        assert app.screen.query_one("#history-table", DataTable).row_count >= 1  # newest first
        await pilot.press("enter")
        await settle(app, pilot, rounds=3)
        await check_record(app, pilot, first, second)
        assert isinstance(app.screen, VenueHistoryScreen)


async def test_a_supervisor_opens_a_submitted_inspection_with_enter(demo_home: Path) -> None:
    venue = Venue.get(Venue.code == "DM-0003")
    _, first, second = submitted_with_photos(demo_home, venue)
    demo.act_as("supervisor")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot, rounds=3)
        await pilot.press("f5")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("i")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, InspectionReviewScreen)  # on the hazard's inspection
        await pilot.press("ctrl+home")  # to the top of the list
        await settle(app, pilot)
        await pilot.press("enter")  # the newest: the one just submitted
        await settle(app, pilot, rounds=3)
        await check_record(app, pilot, first, second)
        assert isinstance(app.screen, InspectionReviewScreen)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_no_line_of_the_record_ends_or_begins_on_a_separator_at_80_columns(
    demo_home: Path, lang: str
) -> None:
    """At 80 columns the English presence line wrapped as "… representative: 店主 ·" and
    "Review: Awaiting review", then as "… representative: 店主" and "· Review: Awaiting
    review": a part goes to the next line, and the line break stands for its "·"."""
    venue = Venue.get(Venue.code == "DM-0003")
    inspection_id, _, second = submitted_with_photos(demo_home, venue)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await shown_from_start(app, pilot, InspectionRecordScreen(inspection_id))
        for row in (0, list(rows(screen.query_one("#record-items", DataTable))).index(second)):
            screen.query_one("#record-items", DataTable).move_cursor(row=row)
            await settle(app, pilot)
            lines = [strip.text.rstrip() for strip in screen._compositor.render_strips()]
            assert not [line for line in lines if line.endswith("·")], "\n".join(lines)
            assert not [line for line in lines if line.lstrip().startswith("·")], "\n".join(lines)
            meta = str(screen.query_one("#record-meta", Static).render())
            assert "店主" in meta and meta.count("\n") <= 3  # all of it in its four rows


def test_a_line_of_parts_folds_in_place_of_a_separator() -> None:
    from fieldapp.tui.widgets.separated_text import fold_at_separators

    line = "Presence: by hand · Venue representative: 店主 · Review: Awaiting review"
    assert fold_at_separators(line, 50) == (
        "Presence: by hand · Venue representative: 店主\nReview: Awaiting review"
    )
    assert fold_at_separators(line, 200) == line
    assert (
        fold_at_separators("鼎美村·春风超市（DM-0003）· 超市", 24)
        == "鼎美村·春风超市（DM-0003）\n超市"
    )
    long = "审阅：退回（" + "补" * 30 + "）"  # wider than the line: Textual wraps it
    assert fold_at_separators(f"到场：已扫码 · {long}", 40) == f"到场：已扫码\n{long}"


async def test_an_english_record_shows_options_in_english_and_the_whole_text(
    demo_home: Path,
) -> None:
    """In English at 120 columns the record showed "已安装且有效" for a gas alarm's option
    and cut every item's text at 28 cells: the options by their English labels, in the
    table and below it, and the text as wide as the screen leaves it."""
    venue = Venue.get(Venue.code == "DM-0003")
    inspection_id, _, _ = submitted_with_photos(demo_home, venue)
    app = make_app(lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await shown_from_start(app, pilot, InspectionRecordScreen(inspection_id))
        table = screen.query_one("#record-items", DataTable)
        shown = rows(table)
        assert shown["COM-17"][2] == "Installed and working"
        table.move_cursor(row=list(shown).index("COM-17"))
        await settle(app, pilot)
        detail = str(screen.query_one("#record-item", Static).render())
        assert "Installed and working" in detail and "已安装" not in detail
        lines = [strip.text for strip in screen._compositor.render_strips()]
        gas = "Gas-leak alarm installed and working where gas is used"
        assert any(gas in line for line in lines), "\n".join(lines)
        assert not any("已安装" in line for line in lines)


def left_pane(text: str) -> str:
    """The screen's lines left of the detail pane's border, run together (a long note
    wraps anywhere)."""
    return "".join(line.split("│")[0].strip() for line in text.splitlines())


PRESENCE_NOTE = (
    "这是一个很长的备注，标牌被雨水冲掉了，老板说下周会重新张贴，我们会跟进处理。"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
)


@pytest.mark.parametrize(("lang", "review"), [("zh", "审阅：待审阅"), ("en", "Review: Awaiting")])
async def test_a_long_presence_note_leaves_the_representative_in_the_header(
    demo_home: Path, lang: str, review: str
) -> None:
    """At 80x24 a long no-scan note filled the header's rows and the representative and
    the review state never showed: the note is cut to its line with "…", and `n` shows it
    whole below the table."""
    venue = Venue.get(Venue.code == "DM-0003")
    inspection_id, _, _ = submitted_with_photos(demo_home, venue, presence_note=PRESENCE_NOTE)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await shown_from_start(app, pilot, InspectionRecordScreen(inspection_id))
        shown = screen_text(app)
        assert "店主" in shown and review in shown, shown
        assert "这是一个很长的备注" in shown and "…" in shown and "0123456789" not in shown
        assert "COM-01" in shown  # the table in sight below the header
        footer = shown.splitlines()[-1]
        assert "n " in footer and ("备注全文" in footer or "Notes in full" in footer), footer
        await pilot.press("n")
        await settle(app, pilot)
        await pilot.press("end")
        await settle(app, pilot)
        assert "0123456789" in left_pane(screen_text(app)), screen_text(app)


async def test_an_items_long_note_is_read_whole_by_keyboard(demo_home: Path) -> None:
    """At 80x24 the detail pane cut a 400-character note after four lines, and Tab,
    PageDown and End did not scroll it: Tab (said in the footer) focuses the detail,
    which scrolls to the note's end."""
    venue = Venue.get(Venue.code == "DM-0003")
    note = "很长的备注" * 78 + "到此为止"
    inspection_id, _, _ = submitted_with_photos(demo_home, venue, note=note)
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await shown_from_start(app, pilot, InspectionRecordScreen(inspection_id))
        shown = screen_text(app)
        assert "tab 详情全文" in shown.splitlines()[-1], shown
        assert "备注：很长的备注" in left_pane(shown) and "到此为止" not in left_pane(shown)
        await pilot.press("tab", "end")
        await settle(app, pilot)
        shown = screen_text(app)
        assert "到此为止" in left_pane(shown), shown
        assert "tab 回到列表" in shown.splitlines()[-1], shown
        await pilot.press("tab", "down")  # back on the table: the next item's detail
        await settle(app, pilot)
        assert "COM-02" in left_pane(screen_text(app)).split("─")[-1]


def test_the_header_fits_its_rows_with_the_longest_name_and_a_long_comment(
    demo_home: Path,
) -> None:
    """The longest representative's name the summary takes and a long review comment: the
    header at 80 columns holds five rows at most (its CSS bound), the state still in them."""
    from dataclasses import replace

    from rich.cells import cell_len

    from fieldapp.services.inspection.inspections import REPRESENTATIVE_MAX
    from fieldapp.tui.screens.inspection_record import meta_lines
    from fieldapp.tui.widgets.separated_text import fold_at_separators

    venue = Venue.get(Venue.code == "DM-0003")
    inspection_id, _, _ = submitted_with_photos(demo_home, venue, presence_note=PRESENCE_NOTE)
    record = replace(
        inspection_record(inspection_id),
        representative="王" * REPRESENTATIVE_MAX,
        review_state="returned",
        review_comment="请补拍" * 40 + "结尾",
    )
    width = 80 - 2  # less the header's padding
    header = fold_at_separators("\n".join(meta_lines(record, width)), width)
    assert len(header.splitlines()) <= 5 and "审阅：已退回（请补拍" in header, header
    assert all(cell_len(line) <= width for line in header.splitlines())  # none wraps again
    assert "结尾" not in header and "结尾" in "\n".join(meta_lines(record))
