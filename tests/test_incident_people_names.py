"""The incident form's 涉及人员 took `王某；；、、😀 摊主` and saved a person named "😀" with
the role 摊主, where the person form refuses such a name: each person involved is held to
the person form's rule (`person_name`), the refusal says which entry it is, the cursor
goes to the field and nothing is saved (the sync server: tests/sync/test_free_text_server)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import a_stall_selling_fireworks, open_screen, settle
from textual.widgets import Input, Static

from fieldapp.store.incident_models import Incident
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.incident import IncidentDialog

SAID = {
    "zh": ("涉及人员“😀 摊主”：请写人员的姓名", "王某"),
    "en": ("People involved ('😀 摊主'): Write the person's name", "王某"),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_person_involved_named_by_an_emoji_is_refused_and_named(
    demo_home: Path, lang: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_screen(app, pilot, "f4", IncidentDialog)
        a_stall_selling_fireworks(dialog)
        dialog.query_one("#incident-description", Input).value = "路口摆摊卖烟花"
        people = dialog.query_one("#incident-people", Input)
        people.value = "王某；；、、😀 摊主"
        await pilot.press("f10")
        await settle(app, pilot, rounds=2)
        said = str(dialog.query_one("#incident-error", Static).render())
        refused, kept = SAID[lang]
        assert said.startswith(refused) and kept not in said, said
        assert app.screen is dialog and app.focused is people
        assert not Incident.select().exists()
        people.value = "王某；李四 摊主"
        await pilot.press("f10")
        await settle(app, pilot, rounds=3)
        assert app.screen is not dialog
    saved = Incident.get()
    assert [p["name"] for p in saved.people] == ["王某", "李四"]
