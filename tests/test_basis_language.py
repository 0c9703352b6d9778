"""A check's basis (the rule it rests on) in the UI's language: an English inspector reads
"Basis: Fire Protection Law of the PRC, Art. 28" where a Chinese one reads "依据：消防法第28条".
`basis_en` sits beside `basis` in checklists (the checklist and each item), campaigns and
activity types; it is checked like `basis`, and a key nobody knows is still refused. Every
shipped basis in Chinese has its English line."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from inspect_support import inspecting, settle
from textual.widgets import Static

from fieldapp.domain.activities import ActivityTypeInvalid, activity_type_from
from fieldapp.domain.campaigns import Campaign
from fieldapp.domain.campaigns_toml import load_campaign_text
from fieldapp.domain.checklist import Checklist
from fieldapp.domain.checklist_toml import (
    ChecklistInvalid,
    load_checklist_text,
    validate_checklist_text,
)
from fieldapp.paths import ACTIVITIES_FILE, CAMPAIGNS_DIR, CHECKLISTS_DIR

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
SHOP = CHECKLISTS_DIR / "small_shop.toml"
ITEM_BASIS = 'basis = "消防法第28条"\nbasis_en = "Fire Protection Law of the PRC, Art. 28"\n'


@pytest.mark.parametrize(
    ("lang", "shown", "not_shown"),
    [
        ("en", "Basis: Fire Protection Law of the PRC, Art. 28", "消防法"),
        ("zh", "依据：消防法第28条", "Fire Protection Law"),
    ],
)
async def test_the_basis_shows_in_the_inspectors_language(
    home: object, lang: str, shown: str, not_shown: str
) -> None:
    async with inspecting(lang, (120, 36)) as (app, pilot, screen):
        screen.go_to("COM-03")  # escape routes clear: 消防法第28条
        await settle(app, pilot)
        basis = str(screen.query_one("#item-basis", Static).render())
        assert shown in basis
        assert not_shown not in basis


def test_basis_en_is_read_from_a_checklist_and_its_items() -> None:
    checklist = load_checklist_text(SHOP.read_text(encoding="utf-8"), SHOP.name)
    item = checklist.item("COM-03")
    assert (item.basis, item.basis_en) == (
        "消防法第28条",
        "Fire Protection Law of the PRC, Art. 28",
    )
    assert item.basis_for("en") == "Fire Protection Law of the PRC, Art. 28"
    assert item.basis_for("zh") == "消防法第28条"
    assert checklist.basis_for("en").startswith("Thresholds of the nine kinds of small premises")
    assert Checklist.from_dict(checklist.to_dict()) == checklist


def test_without_basis_en_the_english_ui_shows_the_basis_and_the_body_is_as_it_was() -> None:
    text = SHOP.read_text(encoding="utf-8")
    bare = re.sub(r"^basis_en = .*\n", "", text, flags=re.MULTILINE)
    checklist = load_checklist_text(bare, SHOP.name)
    assert checklist.item("COM-03").basis_for("en") == "消防法第28条"
    body = checklist.to_dict()
    assert "basis_en" not in body  # a checklist without it keeps the body it always had
    assert all("basis_en" not in i for s in body["sections"] for i in s["items"])


def test_basis_en_must_be_text_and_an_unknown_key_is_still_refused() -> None:
    from fieldapp.i18n import set_language

    set_language("en")  # the problems in English (pinned; the Chinese: test_checklist_validation)
    text = SHOP.read_text(encoding="utf-8")
    assert validate_checklist_text(text, SHOP.name) == []
    wrong = text.replace(ITEM_BASIS, 'basis = "消防法第28条"\nbasis_en = 28\n', 1)
    assert [e.message for e in validate_checklist_text(wrong, SHOP.name)] == [
        "basis_en must be text: put it in quotes"
    ]
    misspelt = text.replace(ITEM_BASIS, 'basis = "消防法第28条"\nbasis_english = "Art. 28"\n', 1)
    [error] = validate_checklist_text(misspelt, SHOP.name)
    assert error.message.startswith('unknown key "basis_english"')
    top = text.replace("basis_en = ", "basis_english = ", 1)  # the checklist's own line
    [error] = validate_checklist_text(top, SHOP.name)
    assert error.message.startswith('unknown key "basis_english"') and error.item_code == ""


def test_a_campaigns_basis_en_is_read_and_an_unknown_key_refused() -> None:
    from fieldapp.i18n import set_language

    set_language("en")  # the problems in English (pinned; the Chinese: test_checklist_validation)
    path = CAMPAIGNS_DIR / "spring_festival.toml"
    text = path.read_text(encoding="utf-8")
    campaign = load_campaign_text(text, path.name)
    assert campaign.basis_for("en").endswith(
        "Regulations on the Safety Administration of Fireworks and Firecrackers"
    )
    assert campaign.basis_for("zh") == "篇五；烟花爆竹安全管理条例"
    assert Campaign.from_dict(campaign.to_dict()) == campaign
    with pytest.raises(ChecklistInvalid, match='unknown key "basis_english"'):
        load_campaign_text(text.replace("basis_en = ", "basis_english = ", 1), path.name)
    with pytest.raises(ChecklistInvalid, match="basis_en must be text"):
        load_campaign_text(re.sub(r"^basis_en = .*$", "basis_en = 5", text, count=1,
                                  flags=re.MULTILINE), path.name)  # fmt: skip


def test_an_activity_types_basis_en_is_read_and_an_unknown_key_refused() -> None:
    from fieldapp.i18n import set_language

    set_language("en")  # the problem in English (pinned; the Chinese: tests/sync/test_cli.py)
    data = {
        "code": "brigade_drill", "zh": "志愿消防队演练", "en": "Volunteer fire brigade drill",
        "cadence": {"every": "quarter"}, "basis": "义务消防队每季度至少演练一次",
        "basis_en": "The volunteer fire brigade drills at least once a quarter",
    }  # fmt: skip
    kind = activity_type_from(data)
    assert kind.basis_for("en") == "The volunteer fire brigade drills at least once a quarter"
    assert kind.basis_for("zh") == "义务消防队每季度至少演练一次"
    with pytest.raises(ActivityTypeInvalid, match="unknown key 'basis_english'"):
        activity_type_from({**data, "basis_english": "x"})


def _bases(table: object) -> list[dict[str, str]]:
    """Every table (at any depth) that has a basis."""
    found: list[dict[str, str]] = []
    if isinstance(table, dict):
        if "basis" in table:
            found.append(table)
        for value in table.values():
            found += _bases(value)
    elif isinstance(table, list):
        for value in table:
            found += _bases(value)
    return found


@pytest.mark.parametrize(
    "path",
    [
        *sorted(CHECKLISTS_DIR.glob("*.toml")),
        *sorted(CAMPAIGNS_DIR.glob("*.toml")),
        ACTIVITIES_FILE,
    ],
    ids=lambda p: p.stem,
)
def test_every_shipped_basis_in_chinese_has_its_english_line(path: Path) -> None:
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    for table in _bases(document):
        if CJK.search(table["basis"]):
            english = table.get("basis_en", "")
            assert english and not CJK.search(english), (table.get("code"), table["basis"])
