"""Keys typed quickly on the inspect screen, as a fast typist or a scanner sends them: the
hazard form a failing answer opens must not be saved by the keys that follow (only F10, as
its footer says), and `u` goes to the item on screen when it has no answer yet, so
`u y u y` answers items one after another instead of every other one."""

from __future__ import annotations

from pathlib import Path

from inspect_support import inspecting, settle
from pilot_support import footer_keys_seen
from textual.widgets import Input

from fieldapp.store.models import Answer, Finding
from fieldapp.tui.dialogs.finding import FindingDialog

SIZE = (80, 24)


async def test_enter_typed_ahead_does_not_save_the_hazard(home: Path) -> None:
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        inspection_id = screen.inspection_id
        # COM-01 (at least 1) fails at 0: the hazard form opens; "u5" and Enter follow
        await pilot.press("0", "enter", "u", "5", "enter")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, FindingDialog)  # still open: nothing was saved
        assert "save" in footer_keys_seen(dialog)  # F10 保存, in sight
        # the keys went to the fields, where the inspector sees them before saving
        assert dialog.query_one("#finding-description", Input).value == "u5"
        assert app.focused is not dialog.query_one("#finding-description", Input)
        finding = Finding.get(inspection=inspection_id, item_code="COM-01")
        assert "u5" not in finding.description
        await pilot.press("f10")  # the form's own key saves it
        await settle(app, pilot)
        assert not isinstance(app.screen, FindingDialog)


async def test_u_goes_to_the_item_on_screen_when_it_is_unanswered(home: Path) -> None:
    async with inspecting("zh", SIZE) as (app, pilot, screen):
        inspection_id = screen.inspection_id
        codes = screen.codes[screen.codes.index("COM-06") :]
        screen.go_to("COM-06")
        await pilot.pause()
        for _ in range(3):
            await pilot.press("u", "y")
            await settle(app, pilot)
        answers = Answer.select().where(Answer.inspection == inspection_id)
        assert sorted(a.item_code for a in answers) == codes[:3]  # none left out between
        assert screen.item.code == codes[3]
        await pilot.press("u")  # unanswered itself: u stays on it
        assert screen.item.code == codes[3]
        await pilot.press("y")
        screen.go_to(codes[1])
        await pilot.press("u")  # from an answered item: the next unanswered one
        assert screen.item.code == codes[4]
