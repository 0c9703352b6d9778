"""The record's presence line says an "other" reason by its note alone, in the record's
language: "到场：手工确认（其他原因：标牌被广告遮挡）", not the form's prompt "其他原因（请在
备注中说明）" nested inside, and "Other: …" with an English colon in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_support import VENUE_ID, seed_store

from fieldapp.i18n import set_language
from fieldapp.services.inspection import history, inspections
from fieldapp.store.models import Inspection
from fieldapp.tui.screens.inspection_record import meta_lines


@pytest.mark.parametrize(
    ("lang", "said"),
    [("zh", "到场：手工确认（其他原因：标牌被广告遮挡）"),
     ("en", "Presence: confirmed by hand (Other: 标牌被广告遮挡)")],
)  # fmt: skip
def test_an_other_reason_is_said_by_its_note(home: Path, lang: str, said: str) -> None:
    seed_store()
    inspection_id = inspections.start_inspection(
        VENUE_ID, presence="manual", reason="other", note="标牌被广告遮挡"
    )
    # As submitted (the record shows submitted inspections; its answers do not matter here)
    Inspection.update(status="submitted", submitted_at="2026-06-10T02:00:00.000Z").where(
        Inspection.id == inspection_id
    ).execute()
    set_language(lang)
    try:
        lines = meta_lines(history.inspection_record(inspection_id))
    finally:
        set_language("zh")
    assert any(said in line for line in lines), lines
