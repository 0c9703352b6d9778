"""An item answered pass today whose hazard from an earlier inspection is still open: the
summary before submitting says it stays open until re-checked and how to move it on, and
records 'reported fixed' only when the inspector asks for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import (
    answer_every_item,
    inspect_screen,
    seed_store,
    settle,
    submitted_with_one_finding,
)
from textual.widgets import DataTable, Static

from fieldapp.i18n import t
from fieldapp.store.models import Finding, FindingEvent
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.reinspect import ReinspectDialog
from fieldapp.tui.screens.summary import SummaryScreen

SIZE = (120, 36)


def events(finding_id: str) -> list[str]:
    return [e.type for e in FindingEvent.select().where(FindingEvent.finding == finding_id)]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_pass_on_an_item_with_an_open_hazard_is_said_and_closes_nothing(
    home: Path, lang: str
) -> None:
    seed_store()
    finding_id = submitted_with_one_finding()  # COM-03 failed before
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        screen = await inspect_screen(app, pilot)
        answer_every_item(screen.inspection_id)  # COM-03 passes today
        await pilot.press("f10")  # finish (the first item's number field has the keys)
        await settle(app, pilot)
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        table = summary.query_one("#summary-passed-open", DataTable)
        assert table.row_count == 1
        assert [str(c) for c in table.get_row_at(0)][:2] == [
            "COM-03",
            "待整改" if lang == "zh" else "To rectify",
        ]
        hint = str(summary.query_one("#summary-passed-open-hint", Static).render())
        if lang == "zh":
            assert "今天合格不会关闭这些隐患" in hint and "复查" in hint and "Ctrl+B" in hint
        else:
            assert "does not close" in hint and "re-checks" in hint and "Ctrl+B" in hint
        # The role is named as everywhere else in the app (网格长 / Grid head).
        assert t("role.supervisor") in hint and "{role}" not in hint
        (report_fixed,) = summary._bindings.key_to_bindings["ctrl+b"]
        for words in (hint, report_fixed.tooltip):
            assert "督导" not in words and "supervisor" not in words, words
        assert events(finding_id) == ["opened"]  # nothing recorded by passing

        if lang == "en":
            return
        # Reported fixed on purpose: the re-inspection dialog, then the row says so.
        await pilot.press("ctrl+b")
        await settle(app, pilot)
        assert isinstance(app.screen, ReinspectDialog)
        await pilot.press("enter", "f10")  # 已整改
        await settle(app, pilot)
        assert app.screen is summary
        assert str(table.get_row_at(0)[1]) == "待复查（已报整改）"
        assert events(finding_id) == ["opened", "rectification_reported"]
        await pilot.press(*"王老板", "f10")
        await settle(app, pilot)
    assert Finding.get_by_id(finding_id).state == "rectification_reported"  # not closed


async def test_a_hazard_already_reported_fixed_is_said_so_not_reported_twice(home: Path) -> None:
    """Ctrl+B on a hazard already reported fixed says so (its state) instead of opening
    the re-inspection dialog, where a second report could be recorded."""
    seed_store()
    finding_id = submitted_with_one_finding()
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        screen = await inspect_screen(app, pilot)
        answer_every_item(screen.inspection_id)
        await pilot.press("f10")
        await settle(app, pilot)
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        await pilot.press("ctrl+b")
        await settle(app, pilot)
        assert isinstance(app.screen, ReinspectDialog)
        await pilot.press("enter", "f10")  # 已整改
        await settle(app, pilot)
        assert app.screen is summary
        await pilot.press("ctrl+b")
        await settle(app, pilot)
        assert app.screen is summary  # no dialog to record it again
        said = [n.message for n in app._notifications][-1]
        assert "COM-03" in said and "待复查（已报整改）" in said, said
    assert events(finding_id) == ["opened", "rectification_reported"]
