"""The incident letter is Chinese: people typed `张三 摊主；李四 帮工` were printed with an
ASCII "; " between them; they are now joined as typed, with the full-width ；."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf

from fieldapp.i18n import set_language
from fieldapp.services.demo import workspace as demo
from fieldapp.services.incidents import events, letters, reporting


def test_the_letter_keeps_the_chinese_separator_between_people(demo_home: Path) -> None:
    incident = reporting.report_incident(
        reporting.IncidentReport("fireworks_sale", "2026-02-11 06:40", "路边摆摊销售烟花",
                                 address="鼎美村村口",
                                 people=reporting.parse_people("张三 摊主；李四 帮工")))  # fmt: skip
    demo.act_as("supervisor")
    data = {"unit": "fire_brigade", "reference": "鼎综治移〔2026〕9号", "date": "2026-02-11"}
    events.append_event(incident.id, "handed_over", data=data)
    set_language("en")  # the screen's language is not the letter's
    try:
        pdf = letters.write_letter([incident.id])
    finally:
        set_language("zh")
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    text = "".join("".join((p.extract_text() or "").split()) for p in reader.pages)
    assert "张三摊主；李四帮工" in text, text
    assert "摊主;" not in text
