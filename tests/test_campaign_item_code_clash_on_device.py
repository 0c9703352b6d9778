"""A campaign published before the office refused it may hold an item coded as an item of
the kind's checklist (COM-01). On a device the inspection showed 1/23, PgDn from 22/23
jumped back to COM-01 and the campaign's item, never reached, took COM-01's answer. The
device now leaves that item out (and logs it): every code is asked once, the checklist's
COM-01 as the checklist words it, and the campaign's other items are asked."""

from __future__ import annotations

import logging

import pytest

from fieldapp.domain.campaigns import Campaign, CampaignSection, with_campaigns
from fieldapp.domain.checklist import Item, Section
from fieldapp.domain.checklist_toml import load_checklist_text
from fieldapp.paths import CHECKLISTS_DIR


def _item(code: str, zh: str) -> Item:
    return Item(code=code, zh=zh, en=zh, answer="yesno", severity="general")


def test_a_campaign_item_with_a_checklist_items_code_is_left_out(
    caplog: pytest.LogCaptureFixture,
):
    path = CHECKLISTS_DIR / "rental_housing.toml"
    checklist = load_checklist_text(path.read_text(encoding="utf-8"), path.name)
    section = Section(
        "FLD",
        "防汛检查",
        "Flood checks",
        (_item("FLD-01", "地下室有挡水板"), _item("COM-01", "重复")),
    )
    flood = Campaign(
        "flood", 1, "防汛检查", "Flood checks", (CampaignSection(("rental_housing",), section),)
    )

    with caplog.at_level(logging.WARNING):
        joined = with_campaigns(checklist, "rental_housing", [flood])

    codes = [item.code for item in joined.items]
    assert len(codes) == len(set(codes)) == len(checklist.items) + 1
    assert codes[-1] == "FLD-01"
    assert joined.item("COM-01").zh == checklist.item("COM-01").zh != "重复"
    assert "COM-01" in caplog.text and "flood" in caplog.text
