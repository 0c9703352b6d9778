"""A kind the office adds is named like a shipped one in the narrow lists: home's due
list and find venue say its short name (or its name, cut to the column), never the
catalogue key `kind_short.foot_massage`, and a long one does not take the venue's name's
room at 80 columns. From 130 columns (a browser's 1280 pixels) the list has room for the
whole name of a kind whose short one was cut ("Foot-massag…" beside empty space before).
Its names are bounded on import, row by row."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from people_support import pin_the_synced_key
from pilot_support import at_home, settle
from sync_world import sync_as_the_app
from textual.widgets import Input

from fieldapp.cli import main
from fieldapp.domain.text_bounds import KIND_SHORT_CELLS
from fieldapp.i18n import set_language
from fieldapp.services.common.checklists import clear_cache
from fieldapp.store.models import Venue as LocalVenue
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.find_venue import FindVenueScreen
from fieldapp.tui.widgets import PagedTable
from sync.server import db as server_db
from sync.server.office_models import VenueKindRow

pytestmark = pytest.mark.usefixtures("chinese")

OFFICE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "office"
LONG_ZH = "足浴养生会所连锁旗舰店"  # 11 characters, 22 cells: wider than the column
KINDS = (
    "code,zh,en,prefix,short_zh,short_en\n"
    "foot_massage,足浴店,Foot-massage shop,FMS,,Foot massage\n"
    f"longkind,{LONG_ZH},Foot-massage and sauna club,LK,,\n"
)
VENUES = "code,name,kind,grid\nFMS-0001,悦足坊,足浴店,V1\nLK-0001,康足堂,longkind,V1\n"


def _admin(url: str, *args: str, ok: bool = True) -> str:
    result = CliRunner().invoke(main, ["--lang", "en", "admin", "--db", url, *args])
    assert (result.exit_code == 0) is ok, result.output
    set_language("zh")
    return result.output


def _kind_cells(table: PagedTable, column: str) -> dict[str, str]:
    """The kind cell of each row, by the row's venue code (`column`: the kind's key)."""
    return {
        LocalVenue.get_by_id(str(row_key.value)).code: str(table.get_cell(row_key, column))
        for row_key in table.rows
    }


@pytest.mark.parametrize(
    ("lang", "foot", "long", "whole"),
    [
        ("zh", "足浴店", "足浴养生会…", LONG_ZH),
        ("en", "Foot massage", "Foot-massag…", "Foot-massage and sauna club"),
    ],
)
async def test_an_office_kind_is_named_in_home_and_find_venue(
    live_server, seed, make_device, server_workdir: Path, lang: str, foot: str, long: str,
    whole: str,
):  # fmt: skip
    url = live_server.db_url
    (server_workdir / "kinds.csv").write_text(KINDS, encoding="utf-8")
    (server_workdir / "venues.csv").write_text(VENUES, encoding="utf-8")
    _admin(url, "import-kinds", str(server_workdir / "kinds.csv"))
    _admin(url, "publish-checklist", str(OFFICE / "foot_massage.toml"))
    # A kind no checklist covers is not due (b6fd187): the long-named kind gets one too.
    checklist = (OFFICE / "foot_massage.toml").read_text(encoding="utf-8")
    checklist = checklist.replace('id = "foot_massage"', 'id = "longkind"')
    checklist = checklist.replace('kinds = ["foot_massage"]', 'kinds = ["longkind"]')
    (server_workdir / "longkind.toml").write_text(checklist, encoding="utf-8")
    _admin(url, "publish-checklist", str(server_workdir / "longkind.toml"))
    _admin(url, "import-venues", str(server_workdir / "venues.csv"))
    inspector = make_device("inspector").enroll("p-insp")
    clear_cache()
    sync_as_the_app(inspector)
    pin_the_synced_key()

    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot)
        due = app.screen.query_one("#due", PagedTable)
        shown = _kind_cells(due, "kind")
        assert (shown["FMS-0001"], shown["LK-0001"]) == (foot, long)
        assert due.columns["kind"].width <= KIND_SHORT_CELLS
        await pilot.resize_terminal(133, 40)  # a browser at 1280x800
        await settle(app, pilot, rounds=2)
        shown = _kind_cells(due, "kind_whole")
        assert (shown["FMS-0001"], shown["LK-0001"]) == (foot, whole)
        await pilot.resize_terminal(80, 24)
        await settle(app, pilot, rounds=2)

        await pilot.press("slash")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, FindVenueScreen)
        screen.query_one("#query", Input).value = "FMS"
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        results = screen.query_one("#results", PagedTable)
        assert [str(c) for c in results.get_row_at(0)[:3]] == ["FMS-0001", "悦足坊", foot]
    set_language("zh")


def test_a_kind_name_longer_than_a_list_line_is_refused_row_by_row(
    live_server, server_workdir: Path
):
    url = live_server.db_url
    bad = server_workdir / "huge_kinds.csv"
    bad.write_text(
        "code,zh,en\n"
        f"huge,{'足' * 100_000},Huge\n"
        f"{'a' * 41},长编码,Long code\n"
        f"fine,{'足' * 30},{'F' * 31}\n",
        encoding="utf-8",
    )
    output = _admin(url, "import-kinds", str(bad), ok=False)
    assert "nothing imported, 3 problems:" in output
    assert "row 2, column zh: too long (100000 characters, at most 30)" in output
    assert "row 3, column code: too long (41 characters, at most 40)" in output
    assert "row 4, column en: too long (31 characters, at most 30)" in output
    assert "足" * 31 not in output and "a" * 41 not in output  # said by length, not printed
    with server_db.current().connection_context():
        assert VenueKindRow.select().count() == 0
