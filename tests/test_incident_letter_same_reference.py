"""Two incidents handed over under the same 文号 and `l` on each wrote both letters to
documents/incident-letter-公移_2026_12号.pdf: the first was lost. The second letter now
takes the next free name (…-2.pdf), as the README promises; the first stays as it was."""

from __future__ import annotations

from pathlib import Path

from incident_letter_support import handed_over_incident, pdf_text

from fieldapp.services.incidents import letters
from fieldapp.store.incident_models import IncidentEvent


def _handed_over(place: str) -> str:
    return handed_over_incident(place, unit="police_station", reference="公移〔2026〕12号")


def test_a_second_letter_with_the_same_reference_keeps_the_first(demo_home: Path) -> None:
    first = letters.write_letter([_handed_over("东门村口")])
    written = first.read_bytes()
    second = letters.write_letter([_handed_over("西门桥头")])
    assert first.name == "incident-letter-公移_2026_12号.pdf"
    assert second.name == "incident-letter-公移_2026_12号-2.pdf"
    assert first.read_bytes() == written
    assert "东门村口" in pdf_text(first) and "西门桥头" in pdf_text(second)


def test_a_reference_held_from_before_its_bound_still_makes_a_letter(demo_home: Path) -> None:
    """A hand-over taken with a 450-character reference (before the dialog bounded it)
    made `l` fail with File name too long, and it cannot be handed over again: the file's
    name takes the reference's first characters, the letter its whole."""
    incident = _handed_over("东门村口")
    long = "公移〔2026〕12号" + "补充说明" * 110
    handed = IncidentEvent.get(
        (IncidentEvent.incident == incident) & (IncidentEvent.type == "handed_over")
    )
    handed.data = {**handed.data, "reference": long}
    handed.save()
    letter = letters.write_letter([incident])
    assert letter.name.startswith("incident-letter-公移_2026_12号补充说明")
    assert len(letter.name.encode()) < 255
    assert "东门村口" in pdf_text(letter)
