"""A device whose storage is full (its home on a small tmpfs, filled): answering an item,
and the signer's name with F10 on the summary, are refused in words — the storage is full,
what was saved is kept, free space in the data folder and try again — with the item and
the name still on screen, and the app running. With room again the same keys save."""

from __future__ import annotations

import pytest
from full_disk import FullDisk, full_disk  # noqa: F401 - the fixture
from inspect_support import inspecting, settle
from textual.widgets import Input, Static

from fieldapp.i18n import t
from fieldapp.store.models import Answer, Inspection
from fieldapp.tui.screens.summary import SummaryScreen

SIZE = (80, 24)


def said(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


def refusal(disk: FullDisk) -> str:
    return t("storage_full.refused", folder=str(disk.home.resolve()))


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_an_answer_on_a_full_disk_is_refused_in_words(
    full_disk: FullDisk,  # noqa: F811
    lang: str,
) -> None:
    async with inspecting(lang, SIZE) as (app, pilot, screen):
        screen.go_to("COM-02")  # a yes/no item
        await settle(app, pilot)
        code = screen.code
        full_disk.fill()
        await pilot.press("y")
        await settle(app, pilot)
        assert app.is_running and app.screen is screen
        assert refusal(full_disk) in said(app), said(app)
        assert screen.code == code  # the item answered stays, to answer again
        assert not Answer.select().where(Answer.item_code == code).exists()

        full_disk.free()
        await pilot.press("y")
        await settle(app, pilot)
        assert Answer.get(Answer.item_code == code).outcome == "pass"
        assert screen.code != code


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_signers_name_on_a_full_disk_is_refused_and_kept(
    full_disk: FullDisk,  # noqa: F811
    lang: str,
) -> None:
    async with inspecting(lang, SIZE) as (app, pilot, screen):
        screen.action_finish()
        await settle(app, pilot)
        summary = app.screen
        assert isinstance(summary, SummaryScreen), summary
        summary.query_one("#representative", Input).focus()
        await pilot.press(*"Li Si")
        full_disk.fill()
        await pilot.press("f10")
        await settle(app, pilot)
        assert app.is_running and app.screen is summary
        message = str(summary.query_one("#summary-message", Static).render())
        assert message == refusal(full_disk), message
        assert summary.query_one("#representative", Input).value == "Li Si"
        assert Inspection.get().representative == ""

        await pilot.press("escape")  # leaving keeps the name: refused too, it stays
        await settle(app, pilot)
        assert app.screen is summary

        full_disk.free()
        await pilot.press("f10")
        await settle(app, pilot)
        assert Inspection.get().representative == "Li Si"
        assert app.is_running
