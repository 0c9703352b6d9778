"""The hand-over letter (移交抄告单) of incidents handed over together, as a PDF file.

An ID number or phone typed into an incident's free text is masked on the letter as on
every screen (`domain.personal.mask_numbers_in_text`): data minimisation under PIPL; the
receiving unit gets full particulars through the official channel, not this paper.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from fieldapp.domain.clock import today
from fieldapp.domain.personal import mask_numbers_in_text
from fieldapp.i18n import t, written_in
from fieldapp.paths import data_home, private_folder
from fieldapp.reports import LETTER_LANGUAGE
from fieldapp.reports.incident_letters import IncidentLetter, LetterIncident, render_incident_letter
from fieldapp.services.common.identity import me
from fieldapp.services.common.periods import local_date_of
from fieldapp.services.incidents import events
from fieldapp.services.incidents.queue import incident_rows
from fieldapp.store.incident_models import Incident, IncidentEvent
from fieldapp.store.models import Person


class LetterError(LookupError):
    """No letter can be printed for this choice; the message says why."""


def _history(incident_id: str) -> tuple[str, ...]:
    names = {p.id: p.name for p in Person.select(Person.id, Person.name)}
    lines = []
    for e in (
        IncidentEvent.select()
        .where(IncidentEvent.incident == incident_id)
        .order_by(IncidentEvent.at)
    ):
        day = local_date_of(e.at)  # the office's date: 02:59 in Beijing is 18:59Z the day before
        lines.append(f"{day} {t(f'incident.event.{e.type}')} {names.get(e.actor, e.actor)}")
    return tuple(lines)


def _hand_over_note(incident_id: str, folded_order: tuple[str, ...], refused: set[str]) -> str:
    """The note typed with the hand-over that took effect (the last one in fold order)."""
    notes = {
        e.id: e.note
        for e in IncidentEvent.select(IncidentEvent.id, IncidentEvent.note).where(
            (IncidentEvent.incident == incident_id) & (IncidentEvent.type == "handed_over")
        )
    }
    for event_id in reversed(folded_order):
        if event_id in notes and event_id not in refused:
            return notes[event_id].strip()
    return ""


def incident_letter(incident_ids: Iterable[str]) -> IncidentLetter:
    ids = list(dict.fromkeys(incident_ids))
    if not ids:
        raise LetterError(t("incident.letter.none"))
    rows = {r.id: r for r in incident_rows("all", limit=100_000) if r.id in ids}
    handovers: set[tuple[str, str]] = set()
    handed_on: dt.date | None = None
    entries = []
    for incident_id in ids:
        incident = Incident.get_or_none(Incident.id == incident_id)
        row = rows.get(incident_id)
        if incident is None or row is None:
            raise LetterError(t("incident.refused.not_found"))
        folded = events.fold_of(incident_id)
        if not folded.handed_over_to:
            raise LetterError(t("incident.letter.not_handed_over", incident=row.place))
        handovers.add((folded.handed_over_to, folded.reference))
        handed_on = folded.handed_over_on or handed_on
        refused = {c.event_id for c in folded.conflicts}
        files = [str(m.get("name", "")) for m in incident.media]
        with written_in(LETTER_LANGUAGE):  # the letter's words, not the screen's
            said = t("incident.evidence", photos=row.photos, media=row.media)
            history = _history(incident_id)
            # 张三 摊主；李四 帮工 as typed in a Chinese letter, not with an ASCII "; "
            people = t("incident.letter.people_sep").join(
                mask_numbers_in_text(f"{p.get('name', '')} {p.get('role', '')}".strip())
                for p in incident.people
            )
        evidence = "\n".join([*files, said])
        entries.append(
            LetterIncident(
                occurred=row.occurred_at,
                category=incident.category,
                place=row.place,
                description=mask_numbers_in_text(incident.description),
                people=people,
                note=mask_numbers_in_text(_hand_over_note(incident_id, folded.order, refused)),
                evidence=evidence,
                history=history,
            )
        )
    if len(handovers) > 1:
        raise LetterError(t("incident.letter.mixed"))
    unit, reference = handovers.pop()
    return IncidentLetter(
        unit=unit,
        reference=reference,
        handed_over_on=handed_on or today(),
        incidents=tuple(entries),
        handler=me().name,
    )


def write_letter(incident_ids: Iterable[str]) -> Path:
    """Write the letter under FIELDAPP_HOME/documents; its path. A letter of another
    incident with the same 文号 is kept: this one takes the next free name (…-2.pdf)."""
    from fieldapp.services.common.file_names import free_path, name_part

    letter = incident_letter(incident_ids)
    folder = private_folder(data_home() / "documents")
    path = free_path(folder / f"incident-letter-{name_part(letter.reference)}.pdf", "pdf")
    render_incident_letter(letter, path, lang=LETTER_LANGUAGE)
    return path
