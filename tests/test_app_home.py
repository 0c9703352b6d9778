"""The app shell against the real store: home, scanning, choosing by hand, language.

Pilot drives the real app (make_app) on the demo workspace in a temporary FIELDAPP_HOME.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from pilot_support import SIZE, settle
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import Input, Label, OptionList, Static

from fieldapp.domain.cadence import bucket
from fieldapp.domain.clock import today
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.services.demo.workspace import DemoInfo
from fieldapp.store.models import Inspection, Outbox, Setting, Venue
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.widgets import PagedTable
from fieldapp.tui.widgets.bucket_tile import BucketTile

pytestmark = pytest.mark.usefixtures("chinese")


def text_of(widget: Static) -> str:
    return str(widget.render())


def expected_buckets() -> Counter[str]:
    """Due buckets counted one venue at a time with the domain rule (not load_home's SQL)."""
    grids = grid_codes_under([code for code, _ in me().grids])
    day = today()
    return Counter(bucket(v.due_on, day) for v in Venue.select().where(Venue.grid.in_(grids)))


def venue_in_my_grids() -> Venue:
    grids = grid_codes_under([code for code, _ in me().grids])
    return Venue.select().where(Venue.grid.in_(grids)).order_by(Venue.code).first()


def inspector_screen_name(app: FieldApp) -> str:
    return type(app.screen).__name__


async def test_home_shows_me_grids_buckets_and_unsynced(demo_home: Path) -> None:
    who = me()
    counts = expected_buckets()
    unsynced = Outbox.select().where(Outbox.state == "pending").count()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        assert who.name in text_of(screen.query_one("#me-name", Label))
        assert "网格员" in text_of(screen.query_one("#me-name", Label))
        grids_text = text_of(screen.query_one("#me-grids", Label))
        for _, name in who.grids:
            assert name in grids_text
        for key, label in (("overdue", "已逾期"), ("today", "今日到期"), ("week", "本周到期")):
            shown = text_of(screen.query_one(f"#bucket-{key}", Static))
            assert shown == f"{label} {counts[key]}"
        assert f"未同步记录：{unsynced}" in text_of(screen.query_one("#status", Static))
        due = screen.query_one("#due", PagedTable)
        assert due.row_count == min(50, counts["overdue"] + counts["today"] + counts["week"])
        # Overdue first: the first row is in the overdue bucket when there is one.
        if counts["overdue"]:
            assert str(due.get_row_at(0)[0]) == "已逾期"


async def test_typed_known_code_opens_that_venue_as_manual_presence(demo_home: Path) -> None:
    venue = venue_in_my_grids()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.query_one("#scan-input", Input).has_focus
        # A venue code typed in the scan dialog names the venue but proves nothing:
        # it is a venue chosen by hand, so the reason is asked; the code is no reason, so
        # the note starts empty.
        await pilot.press(*venue.code.lower(), "enter")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "PresenceDialog"
        assert app.screen.query_one("#presence-note", Input).value == ""
        await pilot.press("down", "enter", "enter")  # placard_damaged; no note
        await settle(app, pilot)
        await settle(app, pilot)
        drafts = list(
            Inspection.select().where(
                (Inspection.venue == venue.id) & (Inspection.status == "draft")
            )
        )
        assert len(drafts) == 1
        assert drafts[0].presence == "manual"
        assert drafts[0].presence_reason == "placard_damaged"
        assert drafts[0].presence_note == ""
        assert drafts[0].presence_payload == ""
        assert inspector_screen_name(app) == "InspectScreen"


async def test_scan_unknown_code_says_why_in_the_open_dialog_and_creates_nothing(
    demo_home: Path,
) -> None:
    """A refused code is said in the scan dialog, which stays open for the next try with
    the code selected (the next scan replaces it); Esc closes it."""
    from fieldapp.i18n import t

    before = Inspection.select().count()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press(*"ZZ-9999", "enter")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ScanDialog"
        shown = "\n".join(s.text for s in app.screen._compositor.render_strips())
        # Wrapped Chinese may break between any two characters: read the lines joined.
        joined = "".join(line.strip(" █") for line in shown.splitlines())
        assert "ZZ-9999" in shown and "按名称查找" in joined, shown
        # "/" would type into the field here: the way to the search goes by Esc first.
        said = str(app.screen.query_one("#scan-message").render())
        assert said == t("scan.unknown_in_dialog", code="ZZ-9999") and "按 Esc 后再按 /" in said
        await pilot.press(*"ZZ-8888", "enter")  # typed over the selected code
        await settle(app, pilot)
        assert app.screen.query_one("#scan-input", Input).value == "ZZ-8888"
        shown = "\n".join(s.text for s in app.screen._compositor.render_strips())
        assert "ZZ-8888" in shown and "ZZ-9999" not in shown, shown
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
    assert Inspection.select().count() == before


async def test_choosing_by_hand_records_manual_presence_with_reason(demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        due = home.query_one("#due", PagedTable)
        venue_id = str(due.coordinate_to_cell_key(due.cursor_coordinate).row_key.value)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "PresenceDialog"
        reasons = app.screen.query_one("#presence-reasons", OptionList)
        assert str(reasons.get_option_at_index(1).prompt) == "标牌损坏、无法扫描"
        await pilot.press("down")  # the cursor on the first; placard_damaged
        await pilot.press("tab")
        await pilot.press(*"二维码褪色", "enter")
        await settle(app, pilot)
        await settle(app, pilot)
        inspection = Inspection.get((Inspection.venue == venue_id) & (Inspection.status == "draft"))
        assert inspection.presence == "manual"
        assert inspection.presence_reason == "placard_damaged"
        assert inspection.presence_note == "二维码褪色"
        assert inspector_screen_name(app) == "InspectScreen"


async def test_other_reason_needs_a_note(demo_home: Path) -> None:
    before = Inspection.select().count()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("end", "enter")  # "other" without a note
        await pilot.pause()
        assert type(app.screen).__name__ == "PresenceDialog"
        assert "备注" in text_of(app.screen.query_one("#presence-error", Static))
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
    assert Inspection.select().count() == before


async def test_draft_at_start_up_is_offered_and_resumed(demo_home: Path) -> None:
    from fieldapp.services.inspection import inspections

    venue = venue_in_my_grids()
    draft_id = inspections.start_inspection(
        venue.id, presence="manual", reason="other", note="门卫未开门"
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ResumeDialog"
        assert venue.name in text_of(app.screen.query_one(".dialog-body", Static))
        await pilot.press("y")
        await settle(app, pilot)
        assert inspector_screen_name(app) == "InspectScreen"
        assert getattr(app.screen, "inspection_id", draft_id) == draft_id
    # Resuming does not start a second inspection of the venue.
    drafts = Inspection.select().where(
        (Inspection.venue == venue.id) & (Inspection.status == "draft")
    )
    assert drafts.count() == 1


async def test_language_switch_to_english_relabels_and_is_stored(demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        overdue = app.screen.query_one("#bucket-overdue", Static)
        assert text_of(overdue).startswith("已逾期")
        await pilot.press("f9")
        await settle(app, pilot)
        overdue = app.screen.query_one("#bucket-overdue", Static)
        assert text_of(overdue).startswith("Overdue")
        footer_labels = {b.description for _, b, _, _ in app.screen.active_bindings.values()}
        assert "Find venue" in footer_labels
    assert Setting.get_by_id("language").value == "en"


async def test_make_app_with_lang_en_starts_in_english(demo_home: Path) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert text_of(app.screen.query_one("#bucket-today", Static)).startswith("Due today")
        assert "Inspector" in text_of(app.screen.query_one("#me-name", Label))


async def test_not_enrolled_device_says_what_to_run(home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert type(app.screen).__name__ == "NotEnrolledScreen"
        body = text_of(app.screen.query_one("#enroll-body", Static))
        assert "fieldapp demo" in body and "fieldapp enroll" in body


async def test_command_palette_lists_app_actions(demo_home: Path) -> None:
    from fieldapp.tui.commands import FieldCommands

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        provider = FieldCommands(app.screen)
        labels = [label for label, *_ in provider._commands()]
        for expected in ("查找场所", "扫码", "刷新", "退出", "English"):
            assert any(label.startswith(expected) for label in labels), labels


async def test_bench_exit_on_ready(demo_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_BENCH_EXIT_ON_READY", "1")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
    assert app.return_code == 0


def test_demo_fixture_acts_as_inspector(demo_info: DemoInfo) -> None:
    assert me().person_id == demo_info.acting_as


async def test_an_unfinished_inspection_shows_when_it_started_at_120_columns(
    demo_home: Path,
) -> None:
    """The start time comes first in the drafts pane, so a long venue name cannot push it
    out of sight. At 80 columns the pane (26 cells) is the name's alone: with the start
    it had 9 cells (test_home_draft_venue_room); the resume dialog says when it started."""
    from fieldapp.domain.clock import today
    from fieldapp.services.inspection import inspections
    from fieldapp.tui.views.home import brief_local_time

    venue = venue_in_my_grids()
    draft_id = inspections.start_inspection(
        venue.id, presence="manual", reason="other", note="门卫未开门"
    )
    started = brief_local_time(Inspection.get_by_id(draft_id).started_at, today())
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("escape")  # not now: the resume dialog back to home
        await settle(app, pilot)
        table = app.screen.query_one("#drafts")
        first_row = "".join(segment.text for segment in table.render_line(1))
        assert first_row.split()[0] == started
        assert venue.name[:4] in first_row


async def test_the_scan_dialogs_chinese_hint_never_starts_a_line_with_punctuation(
    demo_home: Path,
) -> None:
    """At 80 columns a wrapped Chinese sentence must not leave its "。" or "，" alone at
    the start of a line (Textual wraps without the rules of Chinese typesetting)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2")
        await settle(app, pilot)
        hint = app.screen.query_one(".dialog-body", Static)
        lines = [
            "".join(s.text for s in hint.render_line(y)).strip() for y in range(hint.size.height)
        ]
        assert "".join(lines).startswith("用扫码枪扫描")  # the hint, wrapped as shown
        assert not [line for line in lines if line[:1] in "。，、；：）"]


async def _tiles_showing_888(
    app: FieldApp, pilot: Pilot[None]
) -> dict[str, tuple[BucketTile, list[str], list[str]]]:
    """Each home tile showing a count of 888: (tile, its lines, the lines inside its border
    that hold text)."""
    from fieldapp.i18n import t

    shown = {}
    for name in ("overdue", "today", "week", "activities"):
        tile = app.screen.query_one(f"#bucket-{name}", BucketTile)
        tile.show(t(f"bucket.{name}"), 888, t(f"bucket.short.{name}"))
        await pilot.pause()
        lines = ["".join(s.text for s in tile.render_line(y)) for y in range(tile.size.height)]
        shown[name] = (tile, lines, [line.strip("│ ") for line in lines if line.strip("│╭╮╰╯─ ")])
    return shown


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_due_tiles_fit_a_three_digit_count_at_80_columns(
    demo_home: Path, lang: str
) -> None:
    """A town's 80-column laptop: each tile's label and a count of hundreds stay on one
    line inside the tile, with room to spare before its border."""
    from fieldapp.i18n import t

    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for name, (tile, lines, drawn) in (await _tiles_showing_888(app, pilot)).items():
            assert drawn == [t("home.bucket", label=t(f"bucket.{name}"), count=888)], lines
            assert cell_len(drawn[0]) < tile.content_region.width, (name, lines)


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_with_the_key_panel_open_the_tiles_still_show_their_counts(
    demo_home: Path, lang: str
) -> None:
    """F1 at 80 columns puts the keys beside home, and the tiles narrow: the label gives
    way (its short form before the count where that fits, else cut after the count),
    never the count."""
    from fieldapp.i18n import t

    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f1")
        await settle(app, pilot)
        for name, (_tile, lines, drawn) in (await _tiles_showing_888(app, pilot)).items():
            short = t("home.bucket", label=t(f"bucket.short.{name}"), count=888)
            assert len(drawn) == 1 and (drawn[0].startswith("888") or drawn == [short]), lines
