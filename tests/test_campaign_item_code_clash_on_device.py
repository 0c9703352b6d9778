"""A campaign published before the office refused it may hold an item coded as an item of
the kind's checklist (COM-01). On a device the inspection showed 1/23, PgDn from 22/23
jumped back to COM-01 and the campaign's item, never reached, took COM-01's answer. The
device now leaves that item out (and logs it): every code is asked once, the checklist's
COM-01 as the checklist words it, and the campaign's other items are asked. The campaigns
screen (ctrl+k) says which item was left out and to ask the office, once for the campaign."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from inspect_support import pulled_campaign, seed_store
from pilot_support import open_screen
from textual.widgets import DataTable, Static

from fieldapp.domain.campaigns import Campaign, CampaignSection, left_out, with_campaigns
from fieldapp.domain.checklist import Item, Section
from fieldapp.domain.checklist_toml import load_checklist_text
from fieldapp.paths import CHECKLISTS_DIR
from fieldapp.services.common.campaigns import store_definition
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.campaigns import CampaignsScreen


def _item(code: str, zh: str) -> Item:
    return Item(code=code, zh=zh, en=zh, answer="yesno", severity="general")


def _flood() -> Campaign:
    """A campaign whose second item takes the code of the rental_housing checklist's first."""
    section = Section(
        "FLD",
        "防汛检查",
        "Flood checks",
        (_item("FLD-01", "地下室有挡水板"), _item("COM-01", "重复")),
    )
    return Campaign(
        "flood", 1, "防汛检查", "Flood checks", (CampaignSection(("rental_housing",), section),)
    )


def test_a_campaign_item_with_a_checklist_items_code_is_left_out(
    caplog: pytest.LogCaptureFixture,
):
    path = CHECKLISTS_DIR / "rental_housing.toml"
    checklist = load_checklist_text(path.read_text(encoding="utf-8"), path.name)
    flood = _flood()

    with caplog.at_level(logging.WARNING):
        joined = with_campaigns(checklist, "rental_housing", [flood])

    codes = [item.code for item in joined.items]
    assert len(codes) == len(set(codes)) == len(checklist.items) + 1
    assert codes[-1] == "FLD-01"
    assert joined.item("COM-01").zh == checklist.item("COM-01").zh != "重复"
    assert "COM-01" in caplog.text and "flood" in caplog.text
    assert [
        (item.number, item.code) for item in left_out(checklist, "rental_housing", [flood])
    ] == [(2, "COM-01")]


@pytest.mark.usefixtures("chinese")
async def test_the_campaigns_screen_says_which_item_is_left_out_once(home: Path) -> None:
    seed_store()
    store_definition(_flood())
    dry = Section("DRY", "防旱检查", "Drought checks", (_item("DRY-01", "水缸有水"),))
    store_definition(
        Campaign(
            "dry", 1, "防旱检查", "Drought checks", (CampaignSection(("rental_housing",), dry),)
        )
    )
    pulled_campaign("flood", active=False)
    pulled_campaign("dry", active=False)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, "ctrl+k", CampaignsScreen)
        table = screen.query_one("#campaigns-table", DataTable)
        codes = [str(key.value) for key in table.rows]
        table.move_cursor(row=codes.index("flood"))
        await pilot.pause()
        detail = str(screen.query_one("#campaigns-detail", Static).render())
        said = "防汛检查第 2 项（COM-01）与检查表中一项编码相同，检查时已略去：请联系办公室。"
        assert detail.count(said) == 1, detail
        table.move_cursor(row=codes.index("dry"))  # a campaign without a clash
        await pilot.pause()
        assert "已略去" not in str(screen.query_one("#campaigns-detail", Static).render())
