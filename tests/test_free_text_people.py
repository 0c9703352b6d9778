"""People's names and household addresses (F11 → n) by the free-text rule
(`fieldapp.domain.free_text`): an emoji or a lone character is no name; what is held
from before the rule still saves unchanged."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from people_support import key_behind_pin, returnee_family

from fieldapp.services.common.identity import me
from fieldapp.services.demo import workspace as demo
from fieldapp.services.people import registry
from fieldapp.store.people_models import Household, HouseholdMember

pytestmark = pytest.mark.usefixtures("chinese")


def test_a_person_named_by_an_emoji_or_one_character_is_not_saved(demo_home: Path) -> None:
    key_behind_pin()
    family = returnee_family(me().grids[0][0])
    for name in ("😀", "陈"):
        members = [replace(family.members[0], name=name)]
        with pytest.raises(registry.RegistryInvalid) as refused:
            registry.save_household(replace(family, members=members))
        assert any("单个字、表情符号和其他符号都不行" in p.message for p in refused.value.problems)
    with pytest.raises(registry.RegistryInvalid) as refused:
        registry.save_household(replace(family, address="😀"))
    assert [p.where for p in refused.value.problems] == ["household.address"]
    assert Household.select().where(Household.code == family.code).count() == 0
    registry.save_household(replace(family, members=[replace(family.members[0], name="Li")]))


def test_a_name_held_from_before_the_rule_still_saves_unchanged(demo_home: Path) -> None:
    key_behind_pin()
    family = returnee_family(me().grids[0][0])
    household_id = registry.save_household(family)
    held = HouseholdMember.select().where(HouseholdMember.household == household_id)
    member = next(m for m in held if m.name == "陈小明")
    HouseholdMember.update(name="😀").where(HouseholdMember.id == member.id).execute()
    Household.update(address="。", code="😀1").where(Household.id == household_id).execute()
    members = [*family.members[:2], replace(family.members[2], id=member.id, name="😀")]
    kept = replace(family, id=household_id, address="。", code="😀1", members=members,
                   note="复核")  # synced so: held, not typed  # fmt: skip
    registry.save_household(kept)  # the junk held is not new input
    renamed = replace(kept, members=[*members[:2], replace(members[2], name="😀😀")])
    with pytest.raises(registry.RegistryInvalid):
        registry.save_household(renamed)


@pytest.mark.parametrize(
    ("field", "typed", "said"),
    [("code", "😀户号", "户号只能写文字、数字和标点，不能有表情符号或控制字符。"),
     ("building", "楼😀", "楼栋/屯只能写文字、数字和标点，不能有表情符号或控制字符。"),
     ("building", "三组\t", None),  # a tab typed at the end is trimmed as spaces are
     ("building", "三\u200d组", "楼栋/屯只能写文字、数字和标点，不能有表情符号或控制字符。"),
     ("address", "鼎美村😀17号", "不能有表情符号或控制字符")],
)  # fmt: skip
def test_a_household_s_labels_refuse_emoji_and_control_characters(
    demo_home: Path, field: str, typed: str, said: str | None
) -> None:
    demo.act_as("supervisor")
    form = returnee_family(me().grids[0][0])
    setattr(form, field, typed)
    if said is None:
        registry.checked_household(form)
        return
    with pytest.raises(registry.RegistryInvalid) as refused:
        registry.checked_household(form)
    (problem,) = refused.value.problems
    assert problem.where == f"household.{field}" and said in problem.message
