"""The read-only inspection record in the words of the screen the inspection was made on:
its answers are named as the inspection screen's keys name them ("Pass", "Fail", where
English showed "pass" and "fail" as if raw values), in Chinese as in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import shown_from_start
from test_inspection_record import rows, submitted_with_photos
from textual.widgets import DataTable

from fieldapp.i18n import t
from fieldapp.store.models import Venue
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.inspection_record import InspectionRecordScreen


@pytest.mark.parametrize(
    ("lang", "passed", "failed"), [("en", "Pass", "Fail"), ("zh", "合格", "不合格")]
)
async def test_the_records_answers_read_as_the_inspection_screens_keys(
    demo_home: Path, lang: str, passed: str, failed: str
) -> None:
    venue = Venue.get(Venue.code == "DM-0003")
    inspection_id, _, second = submitted_with_photos(demo_home, venue)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await shown_from_start(app, pilot, InspectionRecordScreen(inspection_id))
        shown = rows(screen.query_one("#record-items", DataTable))
        answers = {cells[2] for cells in shown.values()}
        assert passed in answers and passed == t("binding.inspect.pass"), answers
        assert shown[second][2] == failed == t("binding.inspect.fail")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("outcome", ["pass", "fail", "na"])
def test_an_answer_has_the_name_of_its_key(lang: str, outcome: str) -> None:
    """The card's "Answer: …", the record and the hazard dialogs say an answer as the key
    that gives it is labelled in the footer."""
    from fieldapp import i18n

    texts = i18n._load()[lang]
    assert texts[f"inspect.outcome.{outcome}"] == texts[f"binding.inspect.{outcome}"]
