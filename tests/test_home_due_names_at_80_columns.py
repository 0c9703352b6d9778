"""Home's due list shows a venue's name, what a user reads, at 80×24 whole or in at least
22 cells (11 Chinese characters), in Chinese and in English alike (a due column saying
"first visit", 11 cells, left English names 20), its place cut before its own part
(`venue_name_in`) (at 80 columns it cut the names at 18 and 11 cells), and beside it the
venue's code, what F2 takes: the status column gives its room up there (the due date says
it, marked ⚠ when overdue). Left out at 80 columns once, the code gave an inspector
nothing to type. At 120×36 the status is shown too."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import at_home, screen_text
from venue_name_support import shown_in

from fieldapp.i18n import t
from fieldapp.store.models import Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen

NAME_CELLS = {"zh": 22, "en": 22}
NEVER = "DM-0002"  # a venue of the inspector's grids, due today in the demo


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_due_lists_names_are_read_whole(
    demo_home: Path, lang: str, size: tuple[int, int]
) -> None:
    Venue.update(due_on=None).where(Venue.code == NEVER).execute()  # never inspected
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        await at_home(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, HomeScreen) and screen.home_view is not None
        pane = screen.query_one("#due").region
        lines = screen_text(app).splitlines()[pane.y : pane.bottom]
        text = "\n".join(lines)
        in_sight = screen.home_view.due[: pane.height - 2]  # under the header, above the bar
        assert len(in_sight) >= 5, text
        for row in in_sight:
            assert shown_in(row.name, text, NAME_CELLS[lang]), f"{row.name!r} cut:\n{text}"
        wide = size[0] >= 100
        assert t("home.col.code") in lines[0], lines[0]
        assert (t("home.col.bucket") in lines[0]) is wide, lines[0]
        for row in in_sight:
            line = next(line for line in lines if f" {row.code} " in line)
            assert shown_in(row.name, line, NAME_CELLS[lang]), line
            if row.code == NEVER:
                assert f" {t('home.never')} " in line, line
            if not wide and row.bucket == "overdue":
                assert f"{row.due_brief} {t('home.overdue_mark')}" in line, line


async def test_the_code_stays_and_the_status_comes_with_the_width(demo_home: Path) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, HomeScreen) and screen.home_view is not None
        first = screen.home_view.due[0]
        status = t(f"bucket.{first.bucket}")
        for width, height in ((80, 24), (100, 30), (120, 36), (80, 24)):
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            line = next(line for line in screen_text(app).splitlines() if first.code in line)
            assert shown_in(first.name, line, NAME_CELLS["zh"]), (width, line)
            assert (f" {status} " in line) is (width >= 100), (width, line)
