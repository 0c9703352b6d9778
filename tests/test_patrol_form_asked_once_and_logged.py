"""A checkpoint's short form (`e` on a patrol run) at 80x24 showed its question twice, as
the dialog's title and as the field's label, and its answer was nowhere in the window's
visit log (`v`). The title says whose form and which question of how many; the log
shows each answer under the visit."""

from __future__ import annotations

from pathlib import Path

from patrol_screen_support import ROUTE_ID, run_started_by_scan, seed_patrol_store
from pilot_support import settle
from textual.widgets import Label, Static

from fieldapp.i18n import t
from fieldapp.store.patrol_models import PatrolRun
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.followup import AskDialog
from fieldapp.tui.screens.patrol_visits import PatrolVisitsScreen, form_answer


async def test_the_question_is_asked_once_and_its_answer_logged(home: Path) -> None:
    seed_patrol_store()
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen, table = await run_started_by_scan(app, pilot)  # with CP-02 reached
        table.move_cursor(row=1)  # CP-02, the fireworks point: one yes/no question
        await pilot.press("e")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, AskDialog)
        question = t("patrol.form.sale_seen")
        title = str(dialog.query_one(".dialog-title", Label).render())
        assert question not in title and "CP-02" in title, title
        assert title == t("patrol.run.form_title", checkpoint="CP-02", index=1, total=1)
        await pilot.press("enter", "down", "enter", "f10")  # 是
        await settle(app, pilot, rounds=2)
        assert app.screen is screen

        run = PatrolRun.get()
        await app.push_screen(PatrolVisitsScreen(ROUTE_ID, run.day, run.window))
        await settle(app, pilot, rounds=2)
        detail = str(app.screen.query_one("#visits-visit", Static).render())
        assert form_answer("sale_seen", "yes") in detail, detail
        assert t("patrol.form.yes") in form_answer("sale_seen", "yes")
