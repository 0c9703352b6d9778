"""The names `fieldapp admin audit` shows beside the ids its entries hold: a reveal
(`personal_data.revealed`) or a people change names its person only by the member's id,
which no screen shows; the person's name, as the people screen (F11) shows it, goes
beside it."""

from __future__ import annotations

from collections.abc import Iterable

from sync.server.people_models import HouseholdMember

CHUNK = 500  # ids per query: SQLite's bound parameters stay well under its limit


def member_names(subjects: Iterable[str]) -> dict[str, str]:
    """{member id: name} for the subjects that are people on the server (others: none)."""
    ids = sorted({subject for subject in subjects if subject})
    names: dict[str, str] = {}
    for start in range(0, len(ids), CHUNK):
        query = HouseholdMember.select(HouseholdMember.id, HouseholdMember.name).where(
            HouseholdMember.id.in_(ids[start : start + CHUNK])
        )
        names.update({str(member.id): str(member.name) for member in query})
    return names
