"""The incident hand-over letter (移交抄告单) masks personal numbers as the screens do and
carries the note typed with the hand-over (data minimisation under PIPL)."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
from incident_time_support import incident_at, incident_day

from fieldapp.services.demo import workspace as demo
from fieldapp.services.incidents import events, letters, reporting

ID_NUMBER = "350102199001011234"
PHONE = "13800138000"


def _text(pdf: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    return "".join("".join((p.extract_text() or "").split()) for p in reader.pages)


def test_the_letter_masks_id_numbers_and_phones_and_says_the_hand_over_note(
    demo_home: Path,
) -> None:
    people = reporting.parse_people(f"张三 摊主 身份证{ID_NUMBER} 电话{PHONE}; 李四")
    incident = reporting.report_incident(
        reporting.IncidentReport(
            "fireworks_sale",
            incident_at(),
            f"路边摆摊销售烟花，摊主电话{PHONE}",
            address="鼎美村村口",
            people=people,
        )
    )
    demo.act_as("supervisor")
    data = {"unit": "fire_brigade", "reference": "鼎综治移〔2026〕9号", "date": incident_day()}
    events.append_event(incident.id, "handed_over", note="现场烟花已暂扣", data=data)

    text = _text(letters.write_letter([incident.id]))

    assert "3501**********1234" in text and "138****8000" in text, text
    assert ID_NUMBER not in text and PHONE not in text, text
    assert "李四" in text
    assert "移交说明：现场烟花已暂扣" in text, text
