"""The person form (F11, n or e) took a 120-character name that the server then refused,
naming its field path (members.0.name). The form now refuses, in words, what the wire
(sync.protocol.people) would: a name over 100 characters, a note over 2,000, a household
number over 40 and a building over 100; what it takes at those limits the wire takes too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from people_support import edit_person, key_behind_pin, member_named, returnee_family
from pilot_support import settle
from textual.widgets import Input

from fieldapp.services.common.identity import me
from fieldapp.services.people import registry
from fieldapp.services.people.registry import HouseholdForm, MemberForm, RegistryInvalid
from fieldapp.store.models import Outbox
from fieldapp.store.personal_data import payload_text
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.person import PersonDialog
from sync.protocol import HouseholdUpsert


@pytest.fixture
def unlocked(demo_home: Path) -> Path:
    key_behind_pin()
    return demo_home


@pytest.mark.parametrize(
    ("lang", "said"),
    [("zh", "姓名最多 100 个字，现在有 120 个字。"),
     ("en", "A name takes at most 100 characters; it has 120.")],
)  # fmt: skip
async def test_a_120_character_name_is_refused_in_the_form(
    unlocked: Path, lang: str, said: str
) -> None:
    registry.save_household(returnee_family(me().grids[0][0]))
    app = make_app(lang=lang)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            dialog = await edit_person(app, pilot, "陈建国")
            dialog.query_one("#person-name", Input).value = "陈" * 120
            await pilot.press("ctrl+s")
            await settle(app, pilot, rounds=3)
            assert isinstance(app.screen, PersonDialog)  # opened again, with the problem
            shown = str(app.screen.query_one("#person-problems").render())
            assert said in shown and "members.0" not in shown
        assert member_named("陈建国").name == "陈建国"
    finally:
        from fieldapp.i18n import set_language

        set_language("zh")


def _form(name: str, note: str = "", code: str = "DM-021", building: str = "") -> HouseholdForm:
    member = MemberForm(name, note=note)
    return HouseholdForm(grid_code=me().grids[0][0], code=code, building=building,
                         address="鼎美村二组21号", members=[member])  # fmt: skip


def test_each_text_is_refused_past_the_wires_most_and_taken_at_it(unlocked: Path) -> None:
    with pytest.raises(RegistryInvalid) as refused:
        registry.checked_household(
            _form("张" * 101, note="记" * 2001, code="D" * 41, building="楼" * 101)
        )
    said = {p.where: p.message for p in refused.value.problems}
    assert said == {
        "household.code": "户号最多 40 个字，现在有 41 个字。",
        "household.building": "楼栋最多 100 个字，现在有 101 个字。",
        "members.0.name": "姓名最多 100 个字，现在有 101 个字。",
        "members.0.note": "备注最多 2000 个字，现在有 2001 个字。",
    }
    household_id = registry.save_household(
        _form("张" * 100, note="记" * 2000, code="D" * 40, building="楼" * 100)
    )
    (row,) = Outbox.select().where(Outbox.type == "household.upsert")
    payload = json.loads(payload_text(row))
    assert HouseholdUpsert.model_validate(payload).id == household_id  # the server takes it
