"""The people and follow-up sheets read the register in keyset pages: with pages smaller
than the register every person and every plan is written once, in the sheet's order, and
the follow-up sheet's figures come a page at a time, not two queries a plan."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from rounds_support import Clock, china

from fieldapp.domain.personal import new_key
from fieldapp.services.export import people_sheets
from fieldapp.services.export.ledger import export_ledger
from fieldapp.services.followups import plans, readings
from fieldapp.services.people import registry
from fieldapp.services.people.registry import HouseholdForm, MemberForm
from fieldapp.store import keyring
from fieldapp.store.db import db
from fieldapp.store.people_models import HouseholdMember

HOUSEHOLDS = [("二组", "H2"), ("一组", "H3"), ("二组", "H1"), ("一组", "H1"), ("一组", "H2")]
STARTS = [dt.date(2026, 6, d) for d in (9, 3, 9, 1, 5, 9, 2)]  # three start the same day


def _sheet(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@contextmanager
def _statements() -> Iterator[list[str]]:
    """Every statement the store's connection runs inside the block."""
    seen: list[str] = []
    connection = db.connection()
    connection.set_trace_callback(seen.append)
    try:
        yield seen
    finally:
        connection.set_trace_callback(None)


def _register(tree: Clock) -> list[str]:
    """Households saved out of the sheet's order, two people each; the names in the
    sheet's order (building, household, then as saved)."""
    tree.set(china(2026, 6, 10, 7, 50))
    keyring.save_key(new_key())
    for building, code in HOUSEHOLDS:
        people = [MemberForm(f"{building}{code}-{i}", sex="male") for i in (1, 2)]
        registry.save_household(HouseholdForm("A11", code=code, building=building,
                                              members=people))  # fmt: skip
    return [f"{b}{c}-{i}" for b, c in sorted(HOUSEHOLDS) for i in (1, 2)]


def _plans(names: list[str], starts: list[dt.date]) -> list[str]:
    ids = {m.name: str(m.id) for m in HouseholdMember.select()}
    return [plans.create_plan(ids[name], start_on=start, days=14)
            for name, start in zip(names, starts, strict=False)]  # fmt: skip


def test_every_person_and_plan_once_in_order_with_small_pages(
    tree: Clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = _register(tree)
    made = _plans(names, STARTS)
    readings.record_reading(made[0], "2026-06-10T08:00", {"FUP-01": "37.9", "FUP-02": "no"})
    tree.set(china(2026, 6, 10, 16, 5))  # the afternoon check, taken in the afternoon
    readings.record_reading(made[0], "2026-06-10T16:00", {"FUP-01": "36.5", "FUP-02": "yes"})
    monkeypatch.setattr(people_sheets, "PAGE", 3)  # 10 people and 7 plans: several pages
    with _statements() as seen:
        result = export_ledger(tmp_path / "ledger.csv", fmt="csv", lang="en")
    assert result.people == len(names) == 10
    people = _sheet(tmp_path / "ledger_people.csv")
    assert [row["Name"] for row in people] == names
    followups = _sheet(tmp_path / "ledger_followups.csv")
    by_start = sorted(zip(STARTS, made, names, strict=False))  # the sheet's order: start, id
    assert [row["Name"] for row in followups] == [name for _, _, name in by_start]
    assert [row["Start"] for row in followups] == [str(s) for s, _, _ in by_start]
    first = next(row for row in followups if row["Name"] == names[0])
    assert (first["Readings"], first["Abnormal"]) == ("2", "1") and first["Cases"]
    assert all(row["Readings"] == "0" and not row["Cases"] for row in followups if row != first)
    people_pages = [s for s in seen if 'FROM "household_member"' in s and "ORDER BY" in s]
    assert len(people_pages) == 5, people_pages  # 3 + 3 + 3 + 1 people, then the empty page
    pages = [s for s in seen if s.startswith("SELECT") and 'FROM "followup_plan"' in s]
    assert len(pages) == 4, pages  # 3 + 3 + 1 plans, then the empty page


def test_follow_up_queries_do_not_grow_with_the_plans(tree: Clock, tmp_path: Path) -> None:
    names = _register(tree)

    def queries() -> int:
        with _statements() as seen:
            export_ledger(tmp_path / "ledger.csv", fmt="csv", lang="en")
        return sum(1 for s in seen if "followup_" in s and s.startswith("SELECT"))

    _plans(names[:2], STARTS)
    few = queries()
    _plans(names[2:], STARTS + STARTS)  # one plan a person at a time: 8 more
    assert len(_sheet(tmp_path / "ledger_followups.csv")) == 2  # the last export: 2 plans
    many = queries()
    assert len(_sheet(tmp_path / "ledger_followups.csv")) == 10
    assert many == few <= 3, (few, many)  # not two a plan
