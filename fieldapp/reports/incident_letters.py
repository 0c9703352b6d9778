"""The incident hand-over letter (事件移交抄告单) as PDF: plain data in, PDF out.

The layout helpers and the CJK font are the hazard letter's (`reports.notices`), so every
printed document looks and finds its font the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from fieldapp.i18n import said_in
from fieldapp.reports.notices import _date, _output, _paragraph, _table, letter_opening
from fieldapp.reports.placards import CjkFont


@dataclass(frozen=True, slots=True)
class LetterIncident:
    occurred: str  # local time as a person reads it
    category: str  # code
    place: str
    description: str
    people: str  # "name role; …"
    evidence: str  # file names and counts
    history: tuple[str, ...]
    note: str = ""  # typed with the hand-over


@dataclass(frozen=True, slots=True)
class IncidentLetter:
    unit: str  # fieldapp.domain.incidents.HAND_OVER_UNITS
    reference: str
    handed_over_on: dt.date
    incidents: tuple[LetterIncident, ...]
    handler: str
    office: str = ""


def _label(key: str, lang: str, **values: object) -> str:
    return said_in(lang, key, **values)


def render_incident_letter(
    letter: IncidentLetter,
    out: Path | str | None = None,
    *,
    font: CjkFont | None = None,
    lang: str = "zh",
) -> bytes:
    """The letter to the receiving unit; written to `out` when given."""
    L = lambda key, **v: _label(key, lang, **v)  # noqa: E731
    unit = L(f"incident.unit.{letter.unit}")
    pdf, width = letter_opening(
        L("incident.letter.title"),
        (L("incident.letter.reference"), letter.reference),
        L("incident.letter.to", unit=unit),
        L("incident.letter.body"),
        [
            (L("incident.letter.unit"), unit),
            (L("incident.letter.reference"), letter.reference),
            (L("incident.letter.date"), _date(letter.handed_over_on)),
        ],
        font,
        lang,
    )
    rows = []
    for n, i in enumerate(letter.incidents, 1):
        what = f"{L(f'incident.category.{i.category}')}\n{i.description}"
        if i.people:
            what += f"\n{L('incident.letter.people')}：{i.people}"
        if i.note:
            what += f"\n{L('incident.letter.note')}：{i.note}"
        rows.append(
            [str(n), f"{i.occurred}\n{i.place}", what, i.evidence or "—", "\n".join(i.history)]
        )
    head = [
        L("incident.letter.col.no"),
        L("incident.letter.col.when_where"),
        L("incident.letter.col.what"),
        L("incident.letter.col.evidence"),
        L("incident.letter.col.history"),
    ]
    _table(pdf, head, rows)
    pdf.ln(8)
    _paragraph(pdf, L("incident.letter.from", office=letter.office or L("incident.letter.office")))
    _paragraph(pdf, L("incident.letter.handler", name=letter.handler))
    pdf.ln(10)
    pdf.set_font_size(11)
    pdf.cell(width / 2, 8, L("incident.letter.sign_receiver"))
    pdf.cell(width / 2, 8, L("incident.letter.sign_date"), new_x="LMARGIN", new_y="NEXT")
    return _output(pdf, out)
