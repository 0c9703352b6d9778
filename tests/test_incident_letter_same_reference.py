"""Two incidents handed over under the same 文号 and `l` on each wrote both letters to
documents/incident-letter-公移_2026_12号.pdf: the first was lost. The second letter now
takes the next free name (…-2.pdf), as the README promises; the first stays as it was."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf

from fieldapp.services.demo import workspace as demo
from fieldapp.services.incidents import events, letters, reporting


def _text(pdf: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    return "".join("".join((p.extract_text() or "").split()) for p in reader.pages)


def _handed_over(place: str) -> str:
    demo.act_as("inspector")
    incident = reporting.report_incident(
        reporting.IncidentReport("fireworks_sale", "2026-02-11 06:40", "路边摆摊", address=place)
    )
    demo.act_as("supervisor")
    data = {"unit": "police_station", "reference": "公移〔2026〕12号", "date": "2026-02-11"}
    events.append_event(incident.id, "handed_over", data=data)
    return incident.id


def test_a_second_letter_with_the_same_reference_keeps_the_first(demo_home: Path) -> None:
    first = letters.write_letter([_handed_over("东门村口")])
    written = first.read_bytes()
    second = letters.write_letter([_handed_over("西门桥头")])
    assert first.name == "incident-letter-公移_2026_12号.pdf"
    assert second.name == "incident-letter-公移_2026_12号-2.pdf"
    assert first.read_bytes() == written
    assert "东门村口" in _text(first) and "西门桥头" in _text(second)
