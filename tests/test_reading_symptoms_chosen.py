"""The reading dialog (Ctrl+T, e on a due reading) started its symptoms on 无发热、咳嗽、乏力等
症状, so F10 after the temperature saved a reading whose symptoms question nobody had
answered. It now starts on 请选择 / Choose and saves only once a choice is made, saying
what is missing as the other dialogs' required choices do, with the field's name, and
beside any other problem (a temperature that is none) at once. At 80x24, zh and en."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from people_support import open_reading, returnee_planned_at
from pilot_support import screen_text, settle
from textual.widgets import Input, Select

from fieldapp.i18n import set_language
from fieldapp.store.followup_models import FollowupReading
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.followup import ReadingDialog
from fieldapp.tui.widgets.dialog_foot import FormMessage

SAID = {
    "zh": ("请选择", "症状还没有选择：按回车打开列表选一项", "无发热、咳嗽、乏力等症状"),
    "en": ("Choose", "Symptoms: nothing chosen yet: press Enter to open", "No fever, cough"),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_reading_is_saved_only_once_its_symptoms_are_chosen(
    demo_home: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 07:00 on the office's clock: the 08:00 reading is due (from 06:00), whatever the hour
    # the suite runs at (on the real clock it failed from midnight to 06:00).
    returnee_planned_at(monkeypatch, dt.time(7, 0))
    prompt, missing, none = SAID[lang]
    app = make_app(lang=lang)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            dialog = await open_reading(app, pilot)
            assert prompt in screen_text(app) and none not in screen_text(app)
            temperature = dialog.query_one("#reading-temperature", Input)
            temperature.value = "abc"  # its change handled after F10's refusal: kept
            await pilot.press("f10")
            await settle(app, pilot)
            # Both at once, each naming its field, the cursor in the first: the symptoms'
            # alone left the temperature unsaid, and F10 put the cursor in the list.
            said = str(dialog.query_one("#reading-said", FormMessage).render()).split("\n")
            assert len(said) == 2 and said[1].startswith(missing), said
            assert said[0].startswith(("体温请填写", "Enter the temperature")), said
            assert temperature.has_focus
            temperature.value = "36.5"  # mended: its line goes, the symptoms' stays
            await pilot.pause()
            assert str(dialog.query_one("#reading-said", FormMessage).render()) == said[1]
            await pilot.press("f10")
            await settle(app, pilot, rounds=2)
            assert app.screen is dialog and FollowupReading.select().count() == 0
            assert missing in screen_text(app)
            assert dialog.query_one("#reading-symptoms", Select).has_focus
            await pilot.press("enter", "down", "enter")  # the list opens on 请选择
            await settle(app, pilot)
            assert none in screen_text(app)
            await pilot.press("f10")
            await settle(app, pilot, rounds=3)
            assert not isinstance(app.screen, ReadingDialog)
            assert [r.answers["FUP-02"] for r in FollowupReading.select()] == ["yes"]
    finally:
        set_language("zh")
