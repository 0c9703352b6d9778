"""An incident handed over, as the incident letter tests need one: reported by the demo's
inspector (a fireworks stall), handed over by its supervisor; and a PDF's text."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
from incident_time_support import incident_at, incident_day

from fieldapp.services.demo import workspace as demo
from fieldapp.services.incidents import events, reporting


def handed_over_incident(
    place: str = "鼎美村村口",
    *,
    people: str = "",
    unit: str = "fire_brigade",
    reference: str = "鼎综治移〔2026〕9号",
) -> str:
    """The incident's id, reported at `incident_at()` and handed over to `unit` under
    `reference` that day; the demo then acts as its supervisor."""
    demo.act_as("inspector")
    incident = reporting.report_incident(
        reporting.IncidentReport("fireworks_sale", incident_at(), "路边摆摊销售烟花",
                                 address=place, people=reporting.parse_people(people))
    )  # fmt: skip
    demo.act_as("supervisor")
    data = {"unit": unit, "reference": reference, "date": incident_day()}
    events.append_event(incident.id, "handed_over", data=data)
    return incident.id


def pdf_text(pdf: Path) -> str:
    """Every page's text, whitespace taken out (the layout breaks lines anywhere)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    return "".join("".join((p.extract_text() or "").split()) for p in reader.pages)
