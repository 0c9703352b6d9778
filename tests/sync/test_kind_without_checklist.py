"""A venue of a kind the office added but published no checklist for: import-venues
imports it and warns, naming the kind; on a device, starting its inspection says in the
person's language that there is no checklist yet and whom to ask — not an English store
error with a retry that cannot help — and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from people_support import pin_the_synced_key
from pilot_support import at_home, settle
from sync_world import sync_as_the_app

from fieldapp.cli import main
from fieldapp.i18n import set_language
from fieldapp.services.common.checklists import clear_cache
from fieldapp.services.inspection import inspections
from fieldapp.services.inspection.startable import StartRefused
from fieldapp.store.models import Inspection
from fieldapp.store.models import Venue as LocalVenue
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen

pytestmark = pytest.mark.usefixtures("chinese")

OFFICE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "office"
KINDS = "code,zh,en\nfoot_massage,足浴店,Foot-massage shop\nsauna,桑拿房,Sauna\n"
VENUES = "code,name,kind,grid\nFMS-0001,悦足坊,足浴店,V1\nSA-0001,汗蒸馆,sauna,V1\n"


def _admin(url: str, *args: str, lang: str = "en") -> str:
    result = CliRunner().invoke(main, ["--lang", lang, "admin", "--db", url, *args])
    assert result.exit_code == 0, result.output
    set_language("zh")
    return result.output


def _office(url: str, workdir: Path) -> tuple[str, str]:
    """The two kinds, 足浴店's checklist, the venues: import-venues' output in each
    language (the import run twice: the second replaces the first's rows)."""
    (workdir / "kinds.csv").write_text(KINDS, encoding="utf-8")
    (workdir / "venues.csv").write_text(VENUES, encoding="utf-8")
    _admin(url, "import-kinds", str(workdir / "kinds.csv"))
    _admin(url, "publish-checklist", str(OFFICE / "foot_massage.toml"))
    english = _admin(url, "import-venues", str(workdir / "venues.csv"))
    chinese = _admin(url, "import-venues", str(workdir / "venues.csv"), lang="zh")
    return english, chinese


def test_import_venues_warns_of_a_kind_with_no_checklist(live_server, server_workdir: Path):
    english, chinese = _office(live_server.db_url, server_workdir)
    assert "Imported 2 rows" in english  # imported all the same
    assert (
        "Warning: no checklist is published yet for these venue kinds: Sauna (sauna). "
        "Their venues cannot be inspected yet" in english
    )
    assert "foot_massage" not in english  # its checklist is published
    assert "场所类型 桑拿房 (sauna) 还没有发布检查表" in chinese


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "此类场所（桑拿房）还没有检查表，无法开始检查；请联系办公室发布检查表。"),
        ("en", "There is no checklist for this kind of venue (Sauna) yet"),
    ],
)
async def test_starting_an_inspection_with_no_checklist_is_refused_plainly(
    live_server, seed, make_device, server_workdir: Path, lang: str, said: str
):
    _office(live_server.db_url, server_workdir)
    inspector = make_device("inspector").enroll("p-insp")
    clear_cache()
    sync_as_the_app(inspector)
    pin_the_synced_key()
    sauna = LocalVenue.get(LocalVenue.code == "SA-0001").id
    before = Inspection.select().count()

    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(app, pilot)
        app.open_venue(sauna, presence="manual", reason="placard_missing")
        await settle(app, pilot, rounds=2)
        shown = [(n.message, n.severity) for n in app._notifications]
        assert [s for s in shown if said in s[0]] == [(shown[-1][0], "warning")]
        assert not any("ChecklistNotFound" in m or "in the store" in m for m, _ in shown)
        assert isinstance(app.screen, HomeScreen)
    assert Inspection.select().count() == before  # nothing written
    set_language("zh")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "此类场所（桑拿房）还没有检查表，无法开始检查；请联系办公室发布检查表。"),
        ("en", "There is no checklist for this kind of venue (Sauna) yet"),
    ],
)
def test_the_service_refuses_it_in_words_for_every_caller(
    live_server, seed, make_device, server_workdir: Path, lang: str, said: str
):
    """Not only the TUI: start_inspection itself refuses, worded, before writing."""
    _office(live_server.db_url, server_workdir)
    inspector = make_device("inspector").enroll("p-insp")
    clear_cache()
    sync_as_the_app(inspector)
    sauna = LocalVenue.get(LocalVenue.code == "SA-0001").id
    before = Inspection.select().count()
    set_language(lang)
    try:
        with pytest.raises(StartRefused) as refused:
            inspections.start_inspection(sauna, presence="manual", reason="placard_missing")
    finally:
        set_language("zh")
    assert said in str(refused.value)
    assert Inspection.select().count() == before  # nothing written
