"""F5 at 80x24: a grid head verifying a fix he reported himself on home. The verify
dialog says before F10 that the fix goes to another grid head: for the one row chosen,
or, in bulk, how many of the chosen are his and which; F10 still refuses those rows with
the reason (未能执行 1 条) and verifies the others. Someone else's fix: nothing said."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle

from fieldapp.i18n import set_language
from fieldapp.services.demo import workspace as demo
from fieldapp.services.inspection import findings
from fieldapp.services.review import ReviewRow
from fieldapp.store.models import Finding
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.dialogs.bulk_action import BulkActionDialog
from fieldapp.tui.screens.review import ReviewScreen
from fieldapp.tui.screens.review_rows import own_fixes_said

pytestmark = pytest.mark.usefixtures("chinese")

SINGLE = {
    "zh": "这条整改是你报告的，须由另一位网格长复查，按 F10 会被拒绝",
    "en": "You reported this fix yourself: another grid head re-checks it, so F10 will",
}
SOME = {
    "zh": "条中有 1 条整改是你报告的，须由另一位网格长复查",
    "en": "chosen fixes was reported by you",
}


def my_fix() -> str:
    """A general hazard the grid head reports fixed himself (on home)."""
    demo.act_as("supervisor")
    mine = (
        Finding.select()
        .where((Finding.state == "open") & (Finding.severity == "general"))
        .order_by(Finding.current_deadline.desc())
        .first()
        .id
    )
    findings.append_event(mine, "rectification_reported", note="已清理")
    return str(mine)


async def awaiting(app: FieldApp, pilot) -> ReviewScreen:  # type: ignore[no-untyped-def]
    await settle(app, pilot, rounds=2)
    await pilot.press("f5", "1")
    await settle(app, pilot, rounds=2)
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    return screen


async def cursor_to(pilot, screen: ReviewScreen, finding_id: str) -> None:  # type: ignore[no-untyped-def]
    for _ in range(len(screen.rows)):
        if (row := screen.highlighted) is not None and row.finding_id == finding_id:
            return
        await pilot.press("down")
        await pilot.pause()
    raise AssertionError("the fix is not in the queue")


def shown(app: FieldApp) -> str:
    return "\n".join(s.text for s in app.screen._compositor.render_strips())


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_verify_dialog_says_my_own_fix_before_f10(demo_home: Path, lang: str) -> None:
    mine = my_fix()
    set_language(lang)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await awaiting(app, pilot)
        label = next(r.label for r in screen.rows if r.finding_id == mine)
        others = [r.finding_id for r in screen.rows if r.finding_id != mine]
        assert others
        await cursor_to(pilot, screen, mine)
        await pilot.press("v")  # the one row
        await settle(app, pilot)
        assert isinstance(app.screen, BulkActionDialog)
        aside = app.screen.query_one("#bulk-aside")
        assert SINGLE[lang] in " ".join(str(aside.render()).split())
        assert aside.region.bottom <= 24 and aside.region.height >= 2  # seen at 80x24
        await pilot.press("escape")
        await settle(app, pilot)

        await pilot.press("asterisk", "v")  # all of them
        await settle(app, pilot)
        assert isinstance(app.screen, BulkActionDialog)
        said = str(app.screen.query_one("#bulk-aside").render())
        assert SOME[lang] in said and label in said
        assert f"{len(others) + 1}" in said.splitlines()[0]
        assert label.split(" · ")[0] in shown(app)  # the row said is seen at 80x24

        await pilot.press("f10")  # the refusal after F10, as it was
        await settle(app, pilot, rounds=2)
        assert type(app.screen).__name__ == "ReasonsDialog"
        refused = "复查须由报告整改以外的人进行" if lang == "zh" else "someone other than"
        assert refused in " ".join(shown(app).split())
        await pilot.press("escape")
        await settle(app, pilot, rounds=2)
        done = "未能执行 1 条" if lang == "zh" else "could not be done for 1"
        assert any(done in n.message for n in app._notifications)
    assert Finding.get_by_id(mine).state == "rectification_reported"
    assert all(Finding.get_by_id(f).state == "closed" for f in others)


async def test_someone_else_s_fix_opens_the_dialog_with_nothing_said(demo_home: Path) -> None:
    my_fix()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await awaiting(app, pilot)
        theirs = next(r for r in screen.rows if not r.own_fix)
        await cursor_to(pilot, screen, theirs.finding_id)
        await pilot.press("v")
        await settle(app, pilot)
        assert isinstance(app.screen, BulkActionDialog)
        assert not app.screen.query("#bulk-aside")
        assert "你报告的" not in shown(app)


@pytest.mark.parametrize(
    ("lang", "all_mine", "some_mine"),
    [
        ("zh", "所选 2 条整改都是你报告的", "所选 3 条中有 2 条整改是你报告的"),
        ("en", "All 2 of the chosen fixes were reported by you", "2 of the 3 chosen fixes were"),
    ],
)
def test_all_or_some_of_the_chosen_are_said_with_their_count(
    lang: str, all_mine: str, some_mine: str
) -> None:
    def row(code: str, own_fix: bool) -> ReviewRow:
        return ReviewRow(
            f"f-{code}", "v1", code, "鼎美村·惠民大排档(示例)", "COM-04", "general",
            "rectification_reported", None, False, "陈晓明", None, False, own_fix=own_fix,
        )  # fmt: skip

    set_language(lang)
    mine = [row("DM-0001", True), row("DM-0002", True)]
    assert own_fixes_said(mine).startswith(all_mine)
    said = own_fixes_said([*mine, row("DM-0003", False)])
    assert said.startswith(some_mine) and "DM-0003" not in said
    assert said.splitlines()[1:] == [r.label for r in mine]
    assert own_fixes_said([row("DM-0003", False)]) == ""
