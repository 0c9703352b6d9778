"""Home's hazards pane (我负责的隐患) shows what it has room for whole: an item's code
whole or not at all (at 80 columns it read "COM-0", a code of another item, under a
header cut to "检查"), and a venue's name that does not fit ends with "…"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pilot_support import settle
from rich.cells import cell_len
from test_home_hazards_beside_a_draft import start_a_draft
from venue_name_support import reads_as

from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.home import HomeScreen

CODE = re.compile(r"\b[A-Z]{2,}-\d*")
WHOLE = re.compile(r"[A-Z]{2,}-\d{2,}$")


async def pane_lines(app: FieldApp, pilot) -> list[str]:  # type: ignore[no-untyped-def]
    """The findings table as seen: each line of its region, cut at its edges."""
    await settle(app, pilot, rounds=2)
    if type(app.screen).__name__ == "ResumeDialog":
        await pilot.press("n")
        await settle(app, pilot, rounds=2)
    assert isinstance(app.screen, HomeScreen)
    region = app.screen.query_one("#findings").region
    strips = app.screen._compositor.render_strips()
    return [strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)]


@pytest.mark.parametrize(("lang", "item"), [("zh", "检查项"), ("en", "Item")])
async def test_at_80_columns_an_item_code_is_whole_or_left_out(
    demo_home: Path, lang: str, item: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        lines = await pane_lines(app, pilot)
        header, rows = lines[0], [line for line in lines[1:] if line.strip()]
        assert rows, lines
        cut = [code for line in rows for code in CODE.findall(line) if not WHOLE.match(code)]
        assert cut == [], "\n".join(lines)  # no "COM-0" nor "CAT-" for COM-04, CAT-02
        assert item in header or item[:2] not in header, header
        # Nothing lies past the pane's edge, to be scrolled to (en: the Item column).
        assert app.screen.query_one("#findings").max_scroll_x == 0


async def test_at_120_columns_a_long_venue_name_ends_with_an_ellipsis(
    demo_home: Path,
) -> None:
    # Beside an unfinished inspection: with none, the hazards have the whole width and
    # every name of the demo is whole.
    start_a_draft()
    app = make_app(lang="zh")
    async with app.run_test(size=(120, 36)) as pilot:
        lines = await pane_lines(app, pilot)
        table = app.screen.query_one("#findings")
        column = [str(c.key.value) for c in table.ordered_columns].index("venue")
        names = [str(table.get_row_at(n)[column]) for n in range(table.row_count)]
        seen = [line for line in lines[1:] if line.strip()]
        for line, name in zip(seen, names, strict=False):
            shown = re.split(r"\s{2,}", line.strip())[1]  # after the deadline
            assert reads_as(shown, name), (shown, name)
        assert any("…" in s for s in seen), seen
        assert all(cell_len(line) <= table.region.width for line in lines)
