"""The 三包一 team's medical worker typed as the dialog's own example, 卫生院 周丽, was
taken as two workers, 卫生院 and 周丽 (and Li Ming, Zhao Fang as four): a space split
names. Only the list separators (、，,；;) part people now."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_support import edit_person, key_behind_pin, returnee_family
from pilot_support import settle
from test_controlled_plan import _fill
from textual.widgets import Input, SelectionList

from fieldapp.domain.control_team import names_in
from fieldapp.i18n import t
from fieldapp.services.common.identity import me
from fieldapp.services.people import registry
from fieldapp.store.followup_models import FollowupPlan
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.plan import PlanDialog

pytestmark = pytest.mark.usefixtures("chinese")


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        ("卫生院 周丽", ["卫生院 周丽"]),
        ("李明、赵芳", ["李明", "赵芳"]),
        ("Li Ming, Zhao Fang", ["Li Ming", "Zhao Fang"]),
        ("王五；赵六;  钱七 ，孙八", ["王五", "赵六", "钱七", "孙八"]),
    ],
)
def test_only_list_separators_part_names(typed: str, names: list[str]) -> None:
    assert names_in(typed) == names


def test_the_dialog_s_example_is_one_medical_worker() -> None:
    example = t("plan.team.medical_worker.example").removeprefix("如 ")
    assert names_in(example) == [example]


async def test_a_medical_worker_typed_with_a_space_is_one_person(demo_home: Path) -> None:
    key_behind_pin()
    registry.save_household(returnee_family(me().grids[0][0]))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await edit_person(app, pilot, "陈建国")
        dialog.query_one("#person-tags", SelectionList).select("controlled")
        await pilot.press("ctrl+s")
        await settle(app, pilot, rounds=4)
        plan = app.screen
        assert isinstance(plan, PlanDialog)
        assert plan.query_one("#plan-medical_worker", Input).placeholder == "如 卫生院 周丽"
        await _fill(app, pilot, {"town_cadre": "王建华", "village_cadre": "李明、赵芳",
                                 "medical_worker": "卫生院 周丽"})  # fmt: skip
    held = FollowupPlan.get()
    assert [(m["role"], m["name"]) for m in held.team] == [
        ("town_cadre", "王建华"),
        ("village_cadre", "李明"),
        ("village_cadre", "赵芳"),
        ("medical_worker", "卫生院 周丽"),
    ]
