"""Patrols (Ctrl+G) at 80x24: `v` on a window walked in the attendance list opens its
checkpoint visits in the order made, each with its time, checkpoint, note and photo
count; the highlighted visit's photo has the record's keys (`o` opens it in the system
viewer, said where none can start) and a visit without one offers none. Esc goes back."""

from __future__ import annotations

from pathlib import Path

import pytest
from patrol_screen_support import ROUTE_ID, cursor_on_window, placard, point_id, seed_patrol_store
from patrol_support import FrozenClock
from pilot_support import footer_keys_seen, open_screen, screen_lines, settle
from test_refused_activities_and_runs import _table_rows
from test_refused_records_ui import shown
from textual.widgets import DataTable, Static

from fieldapp.i18n import t
from fieldapp.services.patrols import runs
from fieldapp.store.patrol_models import PatrolRoute
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.patrol_visits import PatrolVisitsScreen
from fieldapp.tui.screens.patrols import PatrolsScreen

PHOTO_KEYS = {"open_photo", "photo(-1)", "photo(1)"}


def offered(screen: PatrolsScreen | PatrolVisitsScreen) -> set[str]:
    return {b.binding.action for b in screen.active_bindings.values() if b.enabled}


def _walked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """The morning window walked: CP-01 scanned at 06:40 with a photo and a note, CP-03
    by hand at 06:55 for another reason (its note says which), CP-02 and CP-04 left. Returns the photo's
    sha256."""
    from PIL import Image

    seed_patrol_store()
    windows = ["06:30-09:00", "18:00-20:00"]  # the evening's row: not walked
    PatrolRoute.update(schedule={"days": ["daily"], "windows": windows}).execute()
    clock = FrozenClock(monkeypatch, "2026-11-02", "06:40")
    run = runs.start_run(ROUTE_ID)
    scanned = runs.record_scan(run.id, placard("CP-01"), "wedge")
    assert scanned.accepted and scanned.scan_id
    picture = tmp_path / "east-gate.jpg"
    Image.new("RGB", (40, 30), (200, 40, 40)).save(picture)
    visit = runs.annotate(scanned.scan_id, note="东口无人值守", photos=[str(picture)])
    clock.set("06:55")
    runs.record_manual(run.id, point_id("CP-03"), "other", "标牌被广告遮挡")
    runs.finish_run(run.id)
    clock.set("10:00")
    return str(visit.photos[0])


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_walked_window_opens_its_visits_with_notes_and_photos(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    sha = _walked(monkeypatch, tmp_path)
    monkeypatch.delenv("DISPLAY", raising=False)  # no viewer can start: said, with the path
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        patrols = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        assert "visits" not in offered(patrols)  # the due list: no window to open
        await pilot.press("v")
        await settle(app, pilot)
        assert app.screen is patrols
        await pilot.press("tab")
        await settle(app, pilot)
        await cursor_on_window(app, pilot, patrols, "18:00-20:00")
        assert "visits" not in offered(patrols)  # not walked yet
        await cursor_on_window(app, pilot, patrols, "06:30-09:00")
        assert "visits" in offered(patrols)
        assert "visits" in footer_keys_seen(patrols)
        assert t("binding.attendance.visits") in shown(app)

        await pilot.press("v")
        await settle(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, PatrolVisitsScreen)
        visits = screen.query_one("#visits-table", DataTable)
        assert _table_rows(visits) == [
            ["06:40", "CP-01 村东口", "东口无人值守", "1"],
            ["06:55", "CP-03 1号消火栓", "标牌被广告遮挡", ""],
        ]
        text = shown(app)
        assert "烟花爆竹巡逻" in text and "06:30-09:00" in text
        assert t("patrol.visits.col.note") in text and t("patrol.visits.col.photos") in text
        assert t("record.photo_one") in text
        assert t("patrol.visits.note", note="东口无人值守") in text
        detail = str(screen.query_one("#visits-visit", Static).render())
        assert t("patrol.visits.scanned") in detail
        assert offered(screen) & PHOTO_KEYS == {"open_photo"}  # one photo: no [ ]
        await pilot.press("o")
        await settle(app, pilot)
        said = [n.message for n in app._notifications]
        assert any(sha in message for message in said), said

        visits.move_cursor(row=1)  # by hand, no photo: its reason said, no photo keys
        await settle(app, pilot)
        assert t("patrol.visits.no_photos") in shown(app)
        detail = str(screen.query_one("#visits-visit", Static).render())  # wrapped on screen
        assert t("presence_reason.other_short") in detail and "标牌被广告遮挡" in detail
        assert t("presence_reason.other") not in detail  # the option's prompt, no reason
        assert not offered(screen) & PHOTO_KEYS
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is patrols


async def test_the_walker_s_name_is_kept_whole_at_80_columns(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A checkpoint's long name put the line's edge inside the walker's name: 巡逻人：李 /
    巡查. The visit's line breaks where a phrase ends, the name whole on the next line."""
    from fieldapp.store.patrol_models import Checkpoint

    _walked(monkeypatch, tmp_path)
    Checkpoint.update(name="村东口临时销售点").where(Checkpoint.code == "CP-01").execute()
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        patrols = await open_screen(app, pilot, "ctrl+g", PatrolsScreen)
        await pilot.press("tab")
        await settle(app, pilot)
        await cursor_on_window(app, pilot, patrols, "06:30-09:00")
        await pilot.press("v")
        await settle(app, pilot, rounds=3)
        pane = [line.split("│")[0].strip() for line in screen_lines(app) if "│" in line]
        assert pane[:2] == ["06:40 CP-01 村东口临时销售点 · 巡逻人：", "李巡查"], pane
