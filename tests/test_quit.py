"""Ctrl+Q asks first while work is open (an inspection not submitted, a form typed into)
and quits at once where nothing would be left: on Home, on the lock screen, and when it
is pressed again while asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import inspecting
from people_support import CHEAP_KDF, PIN
from pilot_support import at_home, settle
from textual.widgets import Input

from fieldapp.domain import device_pin
from fieldapp.domain.personal import new_key
from fieldapp.i18n import t
from fieldapp.store import keyring
from fieldapp.store.models import Answer, Finding, Inspection
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.confirm import ConfirmDialog
from fieldapp.tui.dialogs.incident import IncidentDialog
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.inspect import InspectScreen
from fieldapp.tui.screens.lock import LockScreen

SIZE = (80, 24)


def asked(app) -> str:  # type: ignore[no-untyped-def]
    """The quit question's text, or "" when none is up."""
    screen = app.screen
    if not isinstance(screen, ConfirmDialog):
        return ""
    return f"{screen.title_text}\n{screen.body_text}"


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
async def test_quitting_an_inspection_not_submitted_is_asked_first(home: Path, lang: str) -> None:
    async with inspecting(lang, SIZE) as (app, pilot, screen):
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        assert t("quit.inspection") in asked(app), app.screen
        await pilot.press("n")  # stays: back on the inspection
        await settle(app, pilot)
        assert app.screen is screen and app.is_running
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        await pilot.press("escape")  # Esc stays too
        await settle(app, pilot)
        assert app.screen is screen and app.is_running
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        assert not app.is_running


async def test_ctrl_q_pressed_again_while_asked_quits(home: Path) -> None:
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        assert isinstance(screen, InspectScreen)
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        assert asked(app)
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        assert not app.is_running


async def test_quitting_from_home_is_at_once(demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=2)
        if type(app.screen).__name__ == "ResumeDialog":
            await pilot.press("n")  # a draft kept on the device asks nothing on Home
            await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        assert not app.is_running


async def test_quitting_a_form_typed_into_is_asked_first(demo_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await at_home(app, pilot)
        app.action_report_incident()
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, IncidentDialog)
        form.query(Input).first().value = "楼道堆放纸箱"
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        assert t("form.discard.body") in asked(app)
        await pilot.press("n")
        await settle(app, pilot)
        assert app.screen is form and app.is_running


async def test_the_lock_screen_quits_at_once_over_an_inspection(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing below the lock is shown there: its ctrl+q quits without a question."""
    monkeypatch.setattr(device_pin, "DEFAULT_PARAMS", CHEAP_KDF)
    keyring.save_key(new_key())
    keyring.set_pin(PIN)
    async with inspecting("zh", SIZE) as (app, pilot, _screen):
        app.action_lock()
        await settle(app, pilot)
        assert isinstance(app.screen, LockScreen)
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        assert not app.is_running


def footer(app) -> str:  # type: ignore[no-untyped-def]
    return app.screen._compositor.render_strips()[-1].text


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_value_typed_and_not_entered_is_kept_when_quitting(home: Path, lang: str) -> None:
    """CAT-04: 5 typed, no Enter, ctrl+q, y: after a restart CAT-04 said 未答, though the
    question said every answer was saved. The question now says the 5 is saved, and it
    is; its footer shows y and n (with Esc, which answers as n) by the buttons' words, not
    esc alone."""
    async with inspecting(lang, SIZE) as (app, pilot, screen):
        screen.go_to("CAT-04")
        await settle(app, pilot)
        await pilot.press("5")
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        assert t("quit.typed_kept", code="CAT-04", value="5") in asked(app)
        keys = footer(app)
        assert f"y {t('quit.yes')}" in keys and f"n/esc {t('quit.no')}" in keys, keys
        await pilot.press("y")
        await settle(app, pilot)
        assert not app.is_running
        inspection_id = screen.inspection_id
    answer = Answer.get(Answer.inspection == inspection_id, Answer.item_code == "CAT-04")
    assert (answer.outcome, answer.value) == ("value", "5")
    assert Inspection.get_by_id(inspection_id).current_item == "CAT-04"  # resumed there


async def test_a_value_that_is_no_answer_is_said_to_be_lost_when_quitting(home: Path) -> None:
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        screen.go_to("CAT-04")
        await settle(app, pilot)
        await pilot.press("5", "个")
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        assert t("quit.typed_lost", code="CAT-04", value="5个") in asked(app)
        await pilot.press("y")
        await settle(app, pilot)
        inspection_id = screen.inspection_id
    assert (
        not Answer.select()
        .where((Answer.inspection == inspection_id) & (Answer.item_code == "CAT-04"))
        .exists()
    )


async def test_a_value_typed_and_not_entered_is_dropped_when_leaving(home: Path) -> None:
    """Esc is "back": what was typed and not entered is not saved, and that is said."""
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        screen.go_to("CAT-04")
        await settle(app, pilot)
        await pilot.press("3", "escape")
        await settle(app, pilot)
        assert app.screen is not screen
        assert (
            not Answer.select()
            .where((Answer.inspection == screen.inspection_id) & (Answer.item_code == "CAT-04"))
            .exists()
        )
        dropped = t("inspect.typed_dropped", code="CAT-04", value="3")
        assert any(n.message == dropped for n in app._notifications)


async def test_leaving_with_a_value_that_is_no_answer_says_it_is_not_kept(home: Path) -> None:
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        screen.go_to("CAT-04")
        await settle(app, pilot)
        await pilot.press("5", "个", "escape")
        await settle(app, pilot)
        assert app.screen is not screen
        lost = t("inspect.typed_dropped", code="CAT-04", value="5个")
        assert any(n.message == lost for n in app._notifications)


# One language (zh): nothing checked here depends on the wording; each run is an app start.
@pytest.mark.parametrize("lang", ["zh"])
async def test_a_failing_value_typed_and_not_entered_is_not_saved_when_quitting(
    home: Path, lang: str
) -> None:
    """COM-01 answered 4, then 1 typed without Enter, ctrl+q, y: the question said the 1
    would be saved, and on resume COM-01 read 不合格 (1) with a hazard nobody confirmed.
    As Esc does, quitting does not save a value that fails the item, and says so."""
    async with inspecting(lang, SIZE) as (app, pilot, screen):
        await pilot.press("4", "enter")  # COM-01 passes
        await settle(app, pilot)
        screen.go_to("COM-01")
        await settle(app, pilot)
        await pilot.press("1")
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        question = asked(app)
        assert t("quit.typed_fails", code="COM-01", value="1") in question, question
        assert t("quit.typed_kept", code="COM-01", value="1") not in question
        await pilot.press("y")
        await settle(app, pilot)
        assert not app.is_running
        inspection_id = screen.inspection_id
    answer = Answer.get(Answer.inspection == inspection_id, Answer.item_code == "COM-01")
    assert (answer.outcome, answer.value) == ("value", "4")
    assert not Finding.select().where(Finding.inspection == inspection_id).exists()
