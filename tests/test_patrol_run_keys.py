"""The patrol run at 80×24: F10 (finish, the run's main key) is in the footer in both
languages, however many keys the checkpoint under the cursor offers."""

from __future__ import annotations

from pathlib import Path

import pytest
from patrol_screen_support import placard, seed_patrol_store
from pilot_support import settle

from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.patrol_run import PatrolRunScreen


def footer_row(app: FieldApp) -> str:
    return app.screen._compositor.render_strips()[-1].text


@pytest.mark.parametrize(("lang", "finish"), [("zh", "f10 结束巡逻"), ("en", "f10 Finish")])
async def test_f10_finish_is_in_the_footer_at_80_columns(
    home: Path, lang: str, finish: str
) -> None:
    seed_patrol_store()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        app.scan_text(placard("CP-01"), "wedge")  # starts the run
        await settle(app, pilot, rounds=3)
        assert isinstance(app.screen, PatrolRunScreen)
        assert finish in footer_row(app), footer_row(app)


async def test_a_finished_run_shows_its_missed_posts_and_is_not_walked_again(home: Path) -> None:
    from textual.widgets import Label

    from fieldapp.store.patrol_models import PatrolRun, PatrolScan

    seed_patrol_store()
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        app.scan_text(placard("CP-01"), "wedge")
        await settle(app, pilot, rounds=3)
        app.scan_text(placard("CP-03"), "wedge")
        await settle(app, pilot, rounds=3)
        await pilot.press("f10")  # two left: asks first
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot, rounds=3)
        assert not isinstance(app.screen, PatrolRunScreen)
        assert "烟花爆竹巡逻" not in str(app.screen.query_one("#home-patrols").render())
        app.scan_text(placard("CP-02"), "wedge")  # the same window: the finished run, shown
        await settle(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, PatrolRunScreen)
        status = str(screen.query_one("#patrol-run-status", Label).render())
        assert "已结束" in status and "漏岗 2/4 个：烟花爆竹销售点 CP-02、消防室 CP-04" in status
        await pilot.press("down", "m")  # CP-02, missed: nothing recorded into a finished run
        await settle(app, pilot)
        assert app.screen is screen
        assert [n.message for n in app._notifications][-1] == "这次巡逻已经结束并提交，不能再修改"
    assert PatrolRun.select().count() == 1 and PatrolScan.select().count() == 2


async def test_the_status_bar_says_a_patrol_in_progress_is_not_sent_yet(home: Path) -> None:
    from fieldapp.tui.widgets.status_bar import StatusBar

    def status() -> str:
        return str(app.screen.query_one(StatusBar).render())

    from test_home_first_frame_settled import on_first_home_frame

    seed_patrol_store()
    app = make_app(lang="zh")
    first = on_first_home_frame(app, lambda home: str(home.query_one(StatusBar).render()))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        # Drawn before the store's sync state was read, the bar said 全部已同步 for a second
        assert first and "正在检查同步状态…" in first[0] and "全部已同步" not in first[0], first
        assert "尚未同步过" in status()  # nothing waits, and nothing came from a server
        app.scan_text(placard("CP-01"), "wedge")  # a visit made: queued to be sent now
        await settle(app, pilot, rounds=3)
        await pilot.press("escape")
        await settle(app, pilot, rounds=3)
        assert "巡逻进行中，尚未结束" in status() and "全部已同步" not in status()
        assert "未同步记录：1" in status(), status()
        await pilot.press("ctrl+g")
        await settle(app, pilot, rounds=2)
        await pilot.press("enter", "f10")
        await settle(app, pilot)
        await pilot.press("y")  # finished: its op waits beside the visit's
        await settle(app, pilot, rounds=3)
        await pilot.press("escape")
        await settle(app, pilot, rounds=3)
        assert "巡逻进行中" not in status() and "未同步记录：2" in status(), status()


@pytest.mark.parametrize(
    ("lang", "shown", "change"),
    [
        ("zh", "村东口 CP-01 的备注：门口有积水", "（保存后替换原备注）"),
        ("en", "Note on 村东口 CP-01: 门口有积水", "(saving replaces it)"),
    ],
)
async def test_a_saved_note_is_shown_and_opens_to_be_changed(
    home: Path, lang: str, shown: str, change: str
) -> None:
    from textual.widgets import Input, Label

    from fieldapp.store.patrol_models import PatrolScan

    seed_patrol_store()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        app.scan_text(placard("CP-01"), "wedge")
        await settle(app, pilot, rounds=3)
        screen = app.screen
        assert isinstance(screen, PatrolRunScreen)
        await pilot.press("n")
        await settle(app, pilot)
        await pilot.press(*"门口有积水", "f10")
        await settle(app, pilot, rounds=3)
        assert app.screen is screen
        assert str(screen.query_one("#patrol-run-note", Label).render()) == shown
        await pilot.press("n")  # again: the note there starts the field, saving replaces it
        await settle(app, pilot)
        assert app.screen.query_one("#note-text", Input).value == "门口有积水"
        assert change in str(app.screen.query_one(".dialog-title", Label).render())
        await pilot.press("end", *"已清", "f10")
        await settle(app, pilot, rounds=3)
        assert str(screen.query_one("#patrol-run-note", Label).render()).endswith("门口有积水已清")
    assert [s.note for s in PatrolScan.select()] == ["门口有积水已清"]
