"""The campaigns section (ctrl+k) as a supervisor and an inspector meet it, keyboard only,
at 80x24 in both languages: which campaigns are on, a switch sent as one op and shown as
waiting, the next phase, and an inspector who sees the list without the switch keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from inspect_support import pulled_campaign, seed_store, switch_on_campaign
from pilot_support import open_screen, settle
from textual.widgets import DataTable, Label, Static

from fieldapp.i18n import set_language, t
from fieldapp.services.common.campaign_switch import campaign_lines
from fieldapp.store.models import Outbox, Person
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.campaigns import CampaignsScreen
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.widgets.key_footer import KeyFooter

SMALL = (80, 24)


def _rows(screen: CampaignsScreen) -> list[list[str]]:
    table = screen.query_one("#campaigns-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]


def _switches() -> list[dict[str, object]]:
    query = Outbox.select().where(Outbox.type == "campaign.switch").order_by(Outbox.seq)
    return [json.loads(op.payload) for op in query]


@pytest.fixture
def supervisor(home: Path) -> None:
    seed_store()
    Person.update(role="supervisor").execute()
    switch_on_campaign("epidemic", "有病例")
    pulled_campaign("spring_festival", active=False)  # published, off


def test_only_the_campaigns_the_office_published_are_listed(home: Path) -> None:
    """The app's own spring_festival file, never published by the server, was listed and
    offered to switch, which the server then refused: a grid head could do nothing."""
    seed_store()
    switch_on_campaign("epidemic", "有病例")  # both files loaded, epidemic pulled

    assert [line.code for line in campaign_lines()] == ["epidemic"]


@pytest.mark.usefixtures("chinese", "supervisor")
async def test_a_supervisor_switches_a_campaign_on_and_moves_one_to_its_next_phase() -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "ctrl+k", CampaignsScreen)
        assert _rows(screen) == [
            ["疫情防控", "进行中", "有病例", "不限日期", "全部网格"],
            ["春节禁燃", "未开启", "-", "不限日期", "-"],  # off: it runs nowhere
        ]
        detail = str(screen.query_one("#campaigns-detail", Static).render())
        assert detail.startswith("疫情防控的阶段：")  # which campaign's phases
        assert "空格开/关" in str(screen.query_one("#campaigns-title", Label).render())
        footer = screen.query_one(KeyFooter)
        assert "campaigns.toggle" not in {b.id for b in footer.hidden}  # fits at 80 columns

        await pilot.press("down", "space")
        await settle(app, pilot)
        # Asked first, naming the campaign and where it will run (by the grid's name).
        dialog = app.screen
        assert type(dialog).__name__ == "ConfirmDialog"
        assert str(dialog.query_one(".dialog-title", Label).render()) == (
            "开启专项行动“春节禁燃”（阶段：节前宣传）？"
        )
        assert "范围：示例镇全镇。" in str(dialog.query_one(".dialog-body", Static).render())
        assert _switches() == []  # nothing sent before the answer
        await pilot.press("escape")  # Esc cancels
        await settle(app, pilot)
        assert app.screen is screen and _switches() == []
        await pilot.press("space")
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot, rounds=2)
        (sent,) = _switches()
        assert (sent["code"], sent["active"], sent["phase"]) == (
            "spring_festival",
            True,
            "节前宣传",
        )
        assert _rows(screen)[1][1] == "未开启 → 进行中 节前宣传（待同步）"
        assert [n.message for n in app._notifications][-1] == (
            "已记下开启“春节禁燃”（阶段：节前宣传），同步到服务器后生效。"
        )

        await pilot.press("up", "p")
        await settle(app, pilot)
        assert str(app.screen.query_one(".dialog-title", Label).render()) == (
            "把专项行动“疫情防控”切换到阶段“社区传播”？"
        )
        await pilot.press("y")
        await settle(app, pilot, rounds=2)
        assert _switches()[-1] == {**_switches()[-1], "code": "epidemic", "phase": "社区传播"}
        assert _rows(screen)[0][1] == "进行中 → 进行中 社区传播（待同步）"
        assert "无病例 → 有病例 → 社区传播" in str(
            screen.query_one("#campaigns-detail", Static).render()
        )

        await pilot.press("ctrl+k")  # a section is not opened twice
        await settle(app, pilot)
        assert sum(isinstance(s, CampaignsScreen) for s in app.screen_stack) == 1
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)


@pytest.mark.usefixtures("supervisor")
async def test_the_campaigns_section_in_english_at_80_columns() -> None:
    set_language("en")
    try:
        app = make_app(lang="en")
        async with app.run_test(size=SMALL) as pilot:
            screen = await open_screen(app, pilot, "ctrl+k", CampaignsScreen)
            assert _rows(screen)[0] == ["Epidemic control", "on", "Cases", "No dates", "all grids"]
            table = screen.query_one("#campaigns-table", DataTable)
            assert [str(c.label) for c in table.columns.values()] == [
                "Name", "State", "Phase", "Dates", "Grids",
            ]  # fmt: skip
            footer = screen.query_one(KeyFooter)
            assert "On/off" in footer.text and "Next phase" in footer.text, footer.text
    finally:
        set_language("zh")


@pytest.mark.usefixtures("chinese")
async def test_an_inspector_sees_which_campaigns_are_on_and_cannot_switch(home: Path) -> None:
    seed_store()
    switch_on_campaign("epidemic", "有病例")
    pulled_campaign("spring_festival", active=False)  # published, off
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "ctrl+k", CampaignsScreen)
        assert _rows(screen)[0][:3] == ["疫情防控", "进行中", "有病例"]
        await pilot.press("space", "p")
        await settle(app, pilot)
        assert _switches() == []
        said = [n.message for n in app._notifications][-2:]
        assert said == [t("campaigns.not_mine")] * 2  # each key answered, not nothing
        assert "只有网格长可以开关专项行动" in str(
            screen.query_one("#campaigns-detail", Static).render()
        )


@pytest.mark.usefixtures("chinese")
async def test_an_inspector_is_not_offered_the_switch_keys(home: Path) -> None:
    """Neither the footer nor F1 offers an inspector 开/关 or 下一阶段: keys that would only
    explain that they are not theirs."""
    from fieldapp.tui.widgets.keys_panel import KeysPanel

    seed_store()
    switch_on_campaign("epidemic", "有病例")
    pulled_campaign("spring_festival", active=False)  # published, off
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "ctrl+k", CampaignsScreen)
        row = screen.query_one(KeyFooter).text
        assert "刷新" in row, row  # the footer is there
        assert "开/关" not in row and "下一阶段" not in row, row
        await pilot.press("f1")
        await settle(app, pilot)
        rows = screen.query_one(KeysPanel).rows()
        assert rows and not {"开/关", "下一阶段"} & {description for _, description in rows}, rows
        shown = "\n".join(s.text for s in screen._compositor.render_strips())
        assert "开/关" not in shown and "下一阶段" not in shown, shown


@pytest.mark.usefixtures("chinese", "supervisor")
async def test_a_campaign_running_in_some_grids_shows_them_by_name() -> None:
    """As the server sends back a supervisor's switch: the run holds the grid codes."""
    from fieldapp.store.campaign_models import CampaignRun

    CampaignRun.update(grids=["T01"]).where(CampaignRun.code == "epidemic").execute()
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "ctrl+k", CampaignsScreen)
        assert _rows(screen)[0][4] == "示例镇全镇"  # the town, in the form of 全部网格
        await pilot.press("space")  # off: asked, naming where it stops
        await settle(app, pilot)
        assert str(app.screen.query_one(".dialog-title", Label).render()) == (
            "关闭专项行动“疫情防控”？"
        )
        assert "范围：示例镇全镇。" in str(app.screen.query_one(".dialog-body", Static).render())
        await pilot.press("n")
        await settle(app, pilot)
        assert app.screen is screen and _switches() == []


@pytest.mark.usefixtures("supervisor")
async def test_a_campaign_running_in_the_town_says_the_town_in_english() -> None:
    """It read "1 grid (示例镇)", as one grid among others: the town's grid is all of it."""
    from fieldapp.store.campaign_models import CampaignRun

    CampaignRun.update(grids=["T01"]).where(CampaignRun.code == "epidemic").execute()
    app = make_app(lang="en")
    try:
        async with app.run_test(size=SMALL) as pilot:
            screen = await open_screen(app, pilot, "ctrl+k", CampaignsScreen)
            assert _rows(screen)[0][4] == "all of 示例镇"
    finally:
        set_language("zh")


@pytest.mark.usefixtures("chinese", "supervisor")
async def test_the_phase_key_on_a_campaign_that_is_off_says_so_and_starts_nothing() -> None:
    """p (下一阶段) on 春节禁燃, off, asked 开启专项行动“春节禁燃”…？: the phase key switched a
    campaign on. It says the campaign is off and that space starts it; space still does."""
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_screen(app, pilot, "ctrl+k", CampaignsScreen)
        assert _rows(screen)[1][:2] == ["春节禁燃", "未开启"]
        await pilot.press("down", "p")
        await settle(app, pilot)
        assert app.screen is screen and _switches() == []  # no dialog, nothing sent
        said = [n.message for n in app._notifications][-1]
        assert "春节禁燃" in said and "未开启" in said and "按空格" in said, said
        await pilot.press("space")
        await settle(app, pilot)
        assert str(app.screen.query_one(".dialog-title", Label).render()) == (
            "开启专项行动“春节禁燃”（阶段：节前宣传）？"
        )


@pytest.mark.usefixtures("supervisor")
async def test_a_switch_is_said_as_recorded_not_sent() -> None:
    """ "Sent: Spring Festival fireworks ban on Pre-festival publicity, in force after the
    next sync" said sent what waits for the sync, and read as a ban on publicity."""
    set_language("en")
    try:
        app = make_app(lang="en")
        async with app.run_test(size=SMALL) as pilot:
            await open_screen(app, pilot, "ctrl+k", CampaignsScreen)
            await pilot.press("down", "space")
            await settle(app, pilot)
            await pilot.press("y")
            await settle(app, pilot, rounds=2)
            said = [n.message for n in app._notifications]
            assert len(_switches()) == 1
    finally:
        set_language("zh")
    assert said == [
        "Switching on 'Spring Festival fireworks ban' (phase: Pre-festival publicity) is"
        " recorded, in force once synced to the server."
    ]
