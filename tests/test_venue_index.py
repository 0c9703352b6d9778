"""Venues added by the thousand (the demo, a large import) are found by name, code and
address like any other, and the store keeps indexing venues added one at a time after."""

from __future__ import annotations

import sqlite3

import pytest
from peewee import IntegrityError
from rounds_support import add_venue

from fieldapp.services.inspection.venues import search
from fieldapp.store.db import db
from fieldapp.store.venue_index import venues_added_in_bulk

INSERT = (
    "INSERT INTO venue (id, code, name, kind, address, grid_code, contact, phone, risk_level,"
    " updated_at) VALUES (?, ?, ?, 'small_shop', ?, 'A11', '', '', 'normal', '2026-06-10')"
)


def _codes(text: str) -> list[str]:
    return [hit.code for hit in search(text)]


def test_venues_added_in_bulk_are_found_and_later_ones_too(tree) -> None:
    before = add_venue("DM-0001", "small_shop", "A11")
    assert before
    rows = [
        (f"b-{n}", f"DM-{n + 100:04d}", f"鼎美村·顺发{n}号商店", f"鼎美村{n}号路")
        for n in range(600)
    ]
    with db.atomic(), venues_added_in_bulk(db):
        db.connection().executemany(INSERT, rows)
    assert _codes("顺发599号") == ["DM-0699"]
    assert _codes("DM-0450") == ["DM-0450"]
    assert _codes("村42号路") == ["DM-0142"]
    assert len(search("顺发", limit=1000)) == 600
    db.execute_sql("UPDATE venue SET name = '鼎美村·福满楼' WHERE code = 'DM-0100'")
    assert _codes("福满楼") == ["DM-0100"] and _codes("顺发0号") == []
    add_venue("DM-0999", "small_shop", "A11")  # one at a time again: the trigger is back
    assert "DM-0999" in _codes("DM-0999")


def test_a_bulk_add_that_fails_leaves_the_index_and_its_trigger_as_they_were(tree) -> None:
    with pytest.raises(RuntimeError, match="needs an open transaction"), venues_added_in_bulk(db):
        pass
    with pytest.raises(ValueError), db.atomic(), venues_added_in_bulk(db):
        db.connection().execute(INSERT, ("b-1", "DM-0500", "鼎美村·半途", "鼎美村1号"))
        raise ValueError("the file ran out halfway")
    assert _codes("半途") == []
    add_venue("DM-0501", "small_shop", "A11")
    assert _codes("DM-0501") == ["DM-0501"]


def _venue_indexes() -> list[tuple[str, str]]:
    return db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'venue' "
        "AND sql IS NOT NULL ORDER BY name"
    ).fetchall()


def test_a_bulk_add_to_an_empty_store_keeps_every_venue_index_and_one_code_per_venue(tree) -> None:
    """Into an empty store the venue indexes are made after the rows: all of them come
    back, lookups by code use theirs, and a code given twice still fails the whole add."""
    indexes = _venue_indexes()
    assert [name for name, _ in indexes if name == "venue_code"] == ["venue_code"]
    assert db.execute_sql("SELECT count(*) FROM venue").fetchone() == (0,)
    twice = [
        ("b-1", "DM-0700", "鼎美村·重号甲", "鼎美村1号"),
        ("b-2", "DM-0700", "鼎美村·重号乙", "鼎美村2号"),
    ]
    with pytest.raises(IntegrityError), db.atomic(), venues_added_in_bulk(db):
        db.connection().executemany(INSERT, twice)
    assert db.execute_sql("SELECT count(*) FROM venue").fetchone() == (0,)
    assert _venue_indexes() == indexes and _codes("重号") == []
    rows = [
        (f"b-{n}", f"DM-{n:04d}", f"鼎美村·兴隆{n}号商店", f"鼎美村{n}号路") for n in range(300)
    ]
    with db.atomic(), venues_added_in_bulk(db):
        db.connection().executemany(INSERT, rows)
    assert _venue_indexes() == indexes
    plan = db.execute_sql("EXPLAIN QUERY PLAN SELECT id FROM venue WHERE code = 'DM-0042'")
    assert "venue_code" in " ".join(str(step[-1]) for step in plan.fetchall())
    assert _codes("兴隆42号") == ["DM-0042"]
    with pytest.raises(sqlite3.IntegrityError), db.atomic():  # and unique again afterwards
        db.connection().execute(INSERT, ("b-x", "DM-0042", "鼎美村·又一家", "鼎美村9号"))
