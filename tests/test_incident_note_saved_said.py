"""A note added on one incident's view (F3, Enter, n) is said as a note saved: the toast
read 备注：已执行 1 条。, the queue's count of incidents acted on, for one note."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import open_first_incident, settle
from test_incident_record_actions import handed_over

from fieldapp.store.incident_models import IncidentEvent
from fieldapp.tui.app import make_app
from fieldapp.tui.dialogs.bulk_action import BulkActionDialog

SAID = {"zh": "备注已保存。", "en": "Note saved."}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_note_on_one_incident_is_said_saved(demo_home: Path, lang: str) -> None:
    incident_id = handed_over()
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_incident(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        assert isinstance(app.screen, BulkActionDialog)
        await pilot.press(*"已电话联系", "f10")
        await settle(app, pilot, rounds=3)
        said = [n.message for n in app._notifications]
        assert said and said[-1] == SAID[lang], said
        assert not any("1" in s for s in said), said
        notes = IncidentEvent.select().where(
            (IncidentEvent.incident == incident_id) & (IncidentEvent.type == "note")
        )
        assert [e.note for e in notes] == ["已电话联系"]
