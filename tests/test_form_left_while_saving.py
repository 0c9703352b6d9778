"""A form that saves in a worker (the incident and the activity form) cannot be left while
it saves, and closes once saved: one record is stored, and nothing crashes.

The save is held by a real condition: another connection holds the SQLite write lock
(as a sync writing at that moment would), so the incident's insert waits on the busy
timeout until the test lets go. Esc pressed meanwhile used to open "Discard what you
typed?" over a form whose result was then given by the save; `y` dismissed it a second
time and crashed (InvalidStateError), and the form stayed open to be filed again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PIL import Image
from pilot_support import choose_a_grid, open_screen, settle
from test_activities_screen import fire_safety_day_form, monday  # noqa: F401 (a fixture)
from textual.widgets import Input, Select, Static

from fieldapp.i18n import t
from fieldapp.store import db as store
from fieldapp.store.activity_models import Activity
from fieldapp.store.incident_models import Incident
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.dialogs.incident import IncidentDialog
from fieldapp.tui.screens.home import HomeScreen

pytestmark = pytest.mark.usefixtures("chinese")


@contextmanager
def write_lock_held() -> Iterator[None]:
    """Another connection holds the store's write lock until the block ends."""
    other = sqlite3.connect(store.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("COMMIT")
        other.close()


def _fill(dialog: IncidentDialog) -> None:
    dialog.query_one("#incident-category", Select).value = "fireworks_sale"
    dialog.query_one("#incident-address", Input).value = "Main road east"
    dialog.query_one("#incident-description", Input).value = "Fireworks sold at a stall. " * 60
    choose_a_grid(dialog)


async def test_esc_while_an_incident_saves_neither_asks_nor_crashes(demo_home: Path) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_screen(app, pilot, "f4", IncidentDialog)
        _fill(dialog)
        with write_lock_held():
            await pilot.press("f10")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is dialog  # no "Discard what you typed?": it is being saved
            said = str(dialog.query_one("#incident-error", Static).render())
            assert said == t("form.saving")
            await pilot.press("escape", "y", "f10")  # nothing leaves, nothing is filed again
            await pilot.pause()
            assert app.screen is dialog
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, HomeScreen)  # closed once saved
    assert Incident.select().count() == 1


async def test_a_question_opened_over_a_saving_form_is_answered_before_it_closes(
    demo_home: Path,
) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_screen(app, pilot, "f4", IncidentDialog)
        _fill(dialog)
        with write_lock_held():
            await pilot.press("f10")
            await pilot.pause()
            await pilot.press("ctrl+q")  # the quit question, over the form being saved
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDialog)
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, ConfirmDialog)  # saved underneath, the question stays
        await pilot.press("n")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)  # and then the saved form closes
    assert Incident.select().count() == 1


@pytest.mark.usefixtures("monday")  # the fire-safety day is due
async def test_esc_while_an_activity_saves_leaves_one_activity(
    demo_home: Path, tmp_path: Path
) -> None:
    picture = tmp_path / "宣传.png"
    Image.new("RGB", (40, 30), "green").save(picture)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await fire_safety_day_form(app, pilot)
        screen = app.screen_stack[-2]
        await pilot.press(*"村委会广场", "tab", *"42")  # place, then attendees
        dialog.query_one("#activity-photos", Input).value = str(picture)
        with write_lock_held():
            await pilot.press("f10")
            await pilot.pause()
            await pilot.press("escape", "y")
            await pilot.pause()
            assert app.screen is dialog
        await settle(app, pilot, rounds=2)
        assert app.screen is screen
    assert Activity.select().count() == 1


async def test_quit_while_an_incident_saves_says_so_and_waits_for_the_save(
    demo_home: Path,
) -> None:
    """The quit question over a form being saved said it "is not saved": it says it is
    saving, and quitting waits until it is saved, then quits."""
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_screen(app, pilot, "f4", IncidentDialog)
        _fill(dialog)
        with write_lock_held():
            await pilot.press("f10")
            await pilot.pause()
            await pilot.press("ctrl+q")
            await pilot.pause()
            question = app.screen
            assert isinstance(question, ConfirmDialog)
            asked = str(question.query_one(".dialog-body").render())
            assert asked == t("quit.saving")
            assert t("form.discard.body") not in asked
            await pilot.press("y")  # quit: not before the save has ended
            await pilot.pause()
            assert app.screen is dialog and app.is_running
            said = str(dialog.query_one("#incident-error", Static).render())
            assert said == t("quit.after_save")
            assert Incident.select().count() == 0
        await settle(app, pilot, rounds=2)
        assert not app.is_running  # saved, then quit
    assert app.return_code == 0
    assert Incident.select().count() == 1
