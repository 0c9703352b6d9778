"""The read-only record at 80x24: the photo keys only on an item with photos (the footer
offered "o 用看图程序打开 [ 上一张 ] 下一张" beside "此项没有照片", and `o` only said it
again; with one photo, neither [ nor ]), an item's text cut with "…" (cut bare, it read as the whole text), and a judged
value said as its verdict is ("合格（4）" beside "不合格（2）", not a bare "4")."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from pilot_support import footer_keys_seen, settle, shown_from_start
from test_inspection_record import rows, submitted_with_photos
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from fieldapp.i18n import t
from fieldapp.store.models import Venue
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.inspection_record import InspectionRecordScreen
from fieldapp.tui.widgets.key_footer import KeyFooter

PHOTO_KEYS = {"open_photo", "photo(-1)", "photo(1)"}


def offered(screen: InspectionRecordScreen) -> set[str]:
    return {b.binding.action for b in screen.active_bindings.values() if b.enabled}


@asynccontextmanager
async def record_open(
    demo_home: Path, lang: str, width: int = 80
) -> AsyncIterator[tuple[FieldApp, Pilot[None], InspectionRecordScreen, str, str]]:
    """The record of an inspection of DM-0003 with photos, open at `width`×24: the app,
    its pilot, the screen, and the codes of the items with two photos and with one."""
    venue = Venue.get(Venue.code == "DM-0003")
    inspection_id, first, second = submitted_with_photos(demo_home, venue)
    app = make_app(lang=lang)
    async with app.run_test(size=(width, 24)) as pilot:
        screen = await shown_from_start(app, pilot, InspectionRecordScreen(inspection_id))
        yield app, pilot, screen, first, second


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_photo_keys_are_offered_only_for_an_item_with_photos(
    demo_home: Path, lang: str
) -> None:
    async with record_open(demo_home, lang) as (app, pilot, screen, first, _):
        table = screen.query_one("#record-items", DataTable)
        shown = rows(table)
        assert shown[first][3] == "2"  # the first item's two photos
        assert offered(screen) >= PHOTO_KEYS and "open_photo" in footer_keys_seen(screen)
        bare = next(code for code, cells in shown.items() if not cells[3])
        table.move_cursor(row=list(shown).index(bare))
        await settle(app, pilot)
        assert not offered(screen) & PHOTO_KEYS
        assert not set(footer_keys_seen(screen)) & PHOTO_KEYS, footer_keys_seen(screen)
        await pilot.press("o")  # not offered: nothing said
        await settle(app, pilot)
        assert not list(app._notifications)
        table.move_cursor(row=list(shown).index(first))  # back on photos: offered again
        await settle(app, pilot)
        assert "open_photo" in footer_keys_seen(screen)


@pytest.mark.parametrize(
    ("lang", "width", "passed"), [("zh", 70, "合格（4）"), ("en", 80, "Pass (4)")]
)
async def test_a_long_item_is_cut_with_an_ellipsis_and_a_judged_value_has_its_verdict(
    demo_home: Path, lang: str, width: int, passed: str
) -> None:
    async with record_open(demo_home, lang, width) as (app, pilot, screen, first, _):
        shown = rows(screen.query_one("#record-items", DataTable))
        assert shown[first][2] == passed  # a count within its limit: passed, with the count
        lines = [strip.text for strip in screen._compositor.render_strips()]
        item_rows = [line for line in lines if line.lstrip().startswith(tuple(shown))]
        cut = [line for line in item_rows if "…" in line]
        assert cut, "\n".join(lines)  # some text is longer than its column at this width
        for line in cut:  # "…" ends the text, right before the answer's column
            code = line.split()[0]
            text = shown[code][1]
            assert text not in line


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_one_photo_offers_no_switching(demo_home: Path, lang: str) -> None:
    """With one photo neither [ nor ] applies: the footer showed "[ Prev photo" (no `]`
    at 80 columns) and the pane "Photo 1/1 · [ ] switch"."""
    async with record_open(demo_home, lang) as (app, pilot, screen, first, second):
        table = screen.query_one("#record-items", DataTable)
        shown = rows(table)
        title = screen.query_one("#record-photo-title", Static)
        assert "[ ]" in str(title.render())  # two photos: [ ] switch between them
        table.move_cursor(row=list(shown).index(second))
        await settle(app, pilot)
        assert shown[second][3] == "1"  # the hazard's one photo
        assert str(title.render()) == t("record.photo_one")
        assert "[" not in str(title.render())
        assert offered(screen) & PHOTO_KEYS == {"open_photo"}
        seen = footer_keys_seen(screen)
        assert "open_photo" in seen and not {"photo(-1)", "photo(1)"} & set(seen), seen
        await pilot.press("right_square_bracket")  # not offered: nothing happens
        await settle(app, pilot)
        assert str(title.render()) == t("record.photo_one")


@pytest.mark.parametrize(
    ("lang", "width", "said"),
    [("zh", 80, "[] 上/下一张"), ("zh", 120, "[] 上/下一张"), ("en", 120, "[] Prev/next photo")],
)  # in English at 80 columns they are in F1's list, with the keys that do not fit
async def test_the_photo_keys_read_as_a_pair_not_as_brackets_around_words(
    demo_home: Path, lang: str, said: str, width: int
) -> None:
    """Side by side, "[ Prev photo ] Next photo" read as a word in brackets: one group now."""
    async with record_open(demo_home, lang, width) as (_, _, screen, _, _):
        row = screen.query_one(KeyFooter).text
        assert said in row and "[ " not in row, row
