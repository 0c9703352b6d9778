"""Venue attributes in the field: the inspector sees what the form knows of the venue
(find venue, the inspection's header), why a section is asked once per room, is asked the
number of rooms by alt+v when the venue has none recorded, and corrects it (not beyond the
60 rooms the checklist asks one by one: the form, the service and the server refuse
more); the correction goes to the server with the next sync (refused outside the person's
grids, or with a value the attribute cannot take) and reaches the other devices of the
grid."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from people_support import pin_the_synced_key
from pilot_support import settle
from sync_world import Device
from textual.widgets import Input, Static

from fieldapp.cli import main
from fieldapp.i18n import set_language, t, written_in
from fieldapp.services.common.checklists import clear_cache
from fieldapp.services.common.refusal_reasons import reason_in_words, stored_params
from fieldapp.services.inspection import venue_facts
from fieldapp.services.syncing.runs import after_sync
from fieldapp.store.models import Outbox
from fieldapp.store.models import Venue as LocalVenue
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.venue_facts import VenueFactsDialog
from fieldapp.tui.screens.find_venue import FindVenueScreen
from fieldapp.tui.screens.inspect import InspectScreen
from sync.server import db as server_db
from sync.server.models import Venue

OFFICE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "office"
VENUES = (
    "code,name,kind,grid,rooms,staff\n"
    "FM-0001,悦足坊,foot_massage,V1,,6\n"  # rooms not recorded
    "FM-0002,康足堂,foot_massage,V1,12,4\n"
)


def _admin(url: str, *args: str) -> None:
    result = CliRunner().invoke(main, ["--lang", "en", "admin", "--db", url, *args])
    assert result.exit_code == 0, result.output


def _office(url: str, workdir: Path) -> None:
    (workdir / "fm_venues.csv").write_text(VENUES, encoding="utf-8")
    _admin(url, "import-kinds", str(OFFICE / "kinds.csv"))
    _admin(url, "publish-checklist", str(OFFICE / "foot_massage.toml"))
    _admin(url, "import-venues", str(workdir / "fm_venues.csv"))


def _sync(device: Device):  # type: ignore[no-untyped-def]
    with device.client() as client:
        result = client.sync_once()
    after_sync(result)
    return result


def _inspector_on_fm_0001(live_server, make_device, workdir: Path):  # type: ignore[no-untyped-def]
    """The office's foot-massage kind and venues on the server, an inspector's device
    enrolled and synced with its key pinned: (the device, FM-0001's local id)."""
    _office(live_server.db_url, workdir)
    inspector = make_device("inspector").enroll("p-insp")
    clear_cache()
    assert _sync(inspector).ok
    pin_the_synced_key()
    return inspector, LocalVenue.get(LocalVenue.code == "FM-0001").id


def _text(screen, selector: str) -> str:  # type: ignore[no-untyped-def]
    text = str(screen.query_one(selector, Static).render())
    if selector == "#inspect-facts":  # and, at the line's right, the key that corrects them
        text += " " + str(screen.query_one("#inspect-facts-key", Static).render())
    return text


LINES = {
    "zh": {
        "facts": "场所信息：房间数 未登记（包间逐间检查按此逐个问） · 员工数 6 · alt+v 更正",
        "ask": "房间数未登记：本节按房间数逐个检查，请填写房间数。",
        "after": "场所信息：房间数 3（不问 FMS-04）（包间逐间检查按此逐个问） · 员工数 6 · alt+v 更正",
        "room": "FMR#2 包间逐间检查 · 第 2/3（按房间数）",
        "found": "康足堂（FM-0002）：房间数 12 · 员工数 4",
        "unknown": "FMR#1 包间逐间检查 · 房间数未登记，先问 1 次（alt+v 填写）",
        "bad": "房间数：“三”不是不小于 0 的数",
        "many": "房间数：61 超过了检查表能逐个检查的数量（最多 60 个），多出的不会被检查：请核对数字；"
        "确实更多时，请告知办公室把场所分成几个场所登记",
    },
    "en": {
        "facts": "Venue: Rooms: not recorded (repeats Each treatment room) · Staff: 6 · alt+v to correct",
        "ask": "Rooms is not recorded: this section is asked that many times. Enter Rooms.",
        "after": "Venue: Rooms: 3 (not asked: FMS-04) (repeats Each treatment room) · Staff: 6 · alt+v to correct",
        "room": "FMR#2 Each treatment room · 2 of 3 (by Rooms)",
        "found": "康足堂 (FM-0002): Rooms: 12 · Staff: 4",
        "unknown": "FMR#1 Each treatment room · Rooms not recorded: asked once (alt+v to enter)",
        "bad": "Rooms: '三' is not a number of 0 or more",
        "many": "Rooms: 61 is more than the checklist can check one by one (at most 60), so the"
        " rest would never be checked: check the number; if there really are more, ask the"
        " office to register the venue as several venues",
    },
}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_inspector_sees_corrects_and_sends_the_venue_attributes(
    live_server, seed, make_device, server_workdir: Path, lang: str
):
    inspector, venue_id = _inspector_on_fm_0001(live_server, make_device, server_workdir)
    lines = LINES[lang]
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot, rounds=2)
        # Find venue: the venue under the cursor says what it has recorded.
        await pilot.press("slash", *"FM-0002", "enter")
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, FindVenueScreen)
        assert _text(app.screen, "#find-facts") == lines["found"]
        await pilot.press("escape")

        app.open_venue(venue_id, presence="manual", reason="placard_missing")
        await settle(app, pilot, rounds=2)
        screen = app.screen
        assert isinstance(screen, InspectScreen)
        assert _text(screen, "#inspect-facts") == lines["facts"]
        assert "FMS-04" in screen.codes  # rooms unknown: when in doubt, ask
        while not screen.item.code.startswith("FMS-03"):
            await pilot.press(
                "3", "enter"
            ) if screen.item.answer == "number" else await pilot.press("y")
        await settle(app, pilot)
        assert app.screen is screen  # the per-room section says the count is missing,
        assert _text(screen, "#inspect-section") == lines["unknown"]
        await pilot.press("alt+v")  # and its key asks it
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, VenueFactsDialog)
        assert _text(dialog, "#venue-facts-ask") == lines["ask"]
        assert dialog.focused is dialog.query_one("#fact-rooms", Input)
        rooms = dialog.query_one("#fact-rooms", Input).region  # empty, yet not blank:
        row = app.screen._compositor.render_strips()[rooms.y].crop(rooms.x, rooms.right).text
        assert t("venue_facts.unknown") in row
        await pilot.press("三", "enter")
        assert _text(dialog, "#venue-facts-error") == lines["bad"]
        # More rooms than the checklist asks one by one: refused, the number kept to mend.
        await pilot.press("backspace", "6", "1", "enter")
        assert _text(dialog, "#venue-facts-error") == lines["many"]
        assert app.screen is dialog and dialog.query_one("#fact-rooms", Input).value == "61"
        await pilot.press("backspace", "backspace", "3", "enter")
        await settle(app, pilot)
        assert app.screen is screen
        assert _text(screen, "#inspect-facts") == lines["after"]
        assert "FMS-04" not in screen.codes  # three rooms: no exit-sign item
        assert [c for c in screen.codes if c.startswith("FMS-03")] == [
            "FMS-03#1", "FMS-03#2", "FMS-03#3"]  # fmt: skip
        await pilot.press("y")
        assert _text(screen, "#inspect-section") == lines["room"]
        await pilot.press("v")  # not 3 after all: the count is cleared, the form stays open
        await settle(app, pilot)
        assert isinstance(app.screen, VenueFactsDialog)
        await pilot.press("backspace", "enter")
        await settle(app, pilot)
        assert app.screen is screen and "FMS-04" in screen.codes
        assert _text(screen, "#inspect-section") == lines["unknown"]
        await pilot.press("v")
        await settle(app, pilot)
        await pilot.press("3", "enter")
        await settle(app, pilot)
        assert app.screen is screen and _text(screen, "#inspect-facts") == lines["after"]

        # 康足堂's 12 rooms, cleared at room 1: the count is the inspector's to leave
        # empty now, not asked again while the form closes.
        await pilot.press("escape")
        await settle(app, pilot)
        app.open_venue(LocalVenue.get(LocalVenue.code == "FM-0002").id, presence="manual",
                       reason="placard_missing")  # fmt: skip
        await settle(app, pilot, rounds=2)
        second = app.screen
        assert isinstance(second, InspectScreen) and "FMS-03#12" in second.codes
        while not second.item.code.startswith("FMS-03"):
            await pilot.press(
                "3", "enter"
            ) if second.item.answer == "number" else await pilot.press("y")
        await pilot.press("v")
        await settle(app, pilot)
        await pilot.press("backspace", "enter")
        await settle(app, pilot, rounds=2)
        assert app.screen is second and _text(second, "#inspect-section") == lines["unknown"]

    # The service refuses it too, whoever calls it, and stores nothing; a count no section
    # repeats over is not bounded.
    with pytest.raises(ValueError, match="at most 60"):
        venue_facts.correct(venue_id, {"staff": 200, "rooms": 61})
    assert LocalVenue.get_by_id(venue_id).attributes == {"rooms": 3, "staff": 6}
    assert Outbox.select().where(Outbox.type == "venue.attributes").count() == 4
    assert venue_facts.correct(venue_id, {"staff": 200}) == {"rooms": 3, "staff": 200}
    venue_facts.correct(venue_id, {"staff": 6})
    result = _sync(inspector)
    assert result.ok and not result.errors, result
    with server_db.current().connection_context():
        assert Venue.get_by_id(venue_id).attributes == {"rooms": 3, "staff": 6}
    supervisor = make_device("supervisor").enroll("p-sup")
    _sync(supervisor)
    assert LocalVenue.get_by_id(venue_id).attributes == {"rooms": 3, "staff": 6}
    set_language("zh")


def test_the_server_refuses_a_correction_outside_the_grid_or_of_no_attribute(
    live_server, seed, make_device, server_workdir: Path
):
    _office(live_server.db_url, server_workdir)
    other = make_device("other").enroll("p-insp2")  # an inspector of V2
    _sync(other)
    with server_db.current().connection_context():
        venue_id = Venue.get(Venue.code == "FM-0002").id
    stamp = "2026-06-10T02:00:00.000Z"
    outside = other.enqueue(
        "venue.attributes",
        {"venue_id": venue_id, "attributes": {"rooms": 2},
         "corrected_by": "p-insp2", "corrected_at": stamp},
    )  # fmt: skip
    inspector = make_device("inspector").enroll("p-insp")
    own = {"venue_id": venue_id, "corrected_by": "p-insp", "corrected_at": stamp}
    unknown = inspector.enqueue("venue.attributes", {**own, "attributes": {"colour": 1}})
    negative = inspector.enqueue("venue.attributes", {**own, "attributes": {"rooms": -1}})
    flag = inspector.enqueue("venue.attributes", {**own, "attributes": {"has_gas": 3}})
    many = inspector.enqueue("venue.attributes", {**own, "attributes": {"rooms": 61}})
    cleared = inspector.enqueue("venue.attributes", {**own, "attributes": {"staff": None}})

    other.open()
    assert "belongs to grid V1, which is not among the grids of 王五" in _reason(other, outside)
    inspector.open()
    reasons = _reasons(inspector)
    assert "'colour' is not a venue attribute" in reasons[unknown]
    assert "rooms must be a number from 0 to 1000000" in reasons[negative]
    assert "has_gas must be true or false" in reasons[flag]
    # An older device's count beyond what the checklist asks one by one (its form took it).
    assert "rooms 61 is more than the foot_massage checklist asks one by one" in reasons[many]
    row = inspector.outbox()[many]
    params = stored_params(row.refusal_params)
    assert (row.refusal_code, params["value"], params["limit"]) == (
        "venue_count_beyond_checklist", "61", "60",
    )  # fmt: skip
    with written_in("zh"):
        said = reason_in_words(row.refusal_code, params, "")
    assert said == (
        "场所 FM-0002 康足堂 的房间数 61 超过了检查表能逐个检查的数量（最多 60 个）："
        "请核对数字后重新更正；确实更多时，请告知办公室把场所分成几个场所登记"
    )
    assert reasons[cleared] == ""
    with server_db.current().connection_context():
        assert Venue.get_by_id(venue_id).attributes == {"rooms": 12}  # staff no longer recorded


def _reasons(device: Device) -> dict[str, str]:
    """op id -> why the server refused it ("" for an op it applied)."""
    result = _sync(device)
    refused = {r.op_id: r.reason for r in result.rejected}
    return {op_id: refused.get(op_id, "") for op_id in device.outbox()}


def _reason(device: Device, op_id: str) -> str:
    return _reasons(device)[op_id]
