"""A store from before venues had their names' pinyin (schema 27): on upgrade its venues
are spelled and its search index made again with the pinyin, so Find venue finds them by
`dongfang` or `dfsc` as it finds venues added since; Chinese finds what it found."""

from __future__ import annotations

from pathlib import Path

from fieldapp.services.inspection.venues import search
from fieldapp.store import migrations
from fieldapp.store.db import db
from fieldapp.store.migrations import SCHEMA_VERSION, current_version
from fieldapp.store.models import Grid, Venue
from fieldapp.store.opening import close_store, open_store

# The index and triggers of schema 27, without the pinyin.
OLD_INDEX = (
    "CREATE VIRTUAL TABLE venue_fts USING fts5("
    "name, code, address, content='venue', content_rowid='rowid', tokenize='trigram')",
    "CREATE TRIGGER venue_fts_ai AFTER INSERT ON venue BEGIN "
    "INSERT INTO venue_fts(rowid, name, code, address) "
    "VALUES (new.rowid, new.name, new.code, new.address); END",
    "CREATE TRIGGER venue_fts_ad AFTER DELETE ON venue BEGIN "
    "INSERT INTO venue_fts(venue_fts, rowid, name, code, address) "
    "VALUES ('delete', old.rowid, old.name, old.code, old.address); END",
    "CREATE TRIGGER venue_fts_au AFTER UPDATE OF name, code, address ON venue BEGIN "
    "INSERT INTO venue_fts(venue_fts, rowid, name, code, address) "
    "VALUES ('delete', old.rowid, old.name, old.code, old.address); "
    "INSERT INTO venue_fts(rowid, name, code, address) "
    "VALUES (new.rowid, new.name, new.code, new.address); END",
)


def _store_of_schema_27(path: Path) -> None:
    open_store(path, migrate=False)
    with db.atomic():
        for step in migrations.MIGRATIONS[:27]:
            step(db)
        for name in ("venue_fts_ai", "venue_fts_ad", "venue_fts_au"):
            db.execute_sql(f"DROP TRIGGER {name}")
        db.execute_sql("DROP TABLE venue_fts")
        db.execute_sql("ALTER TABLE venue DROP COLUMN romanized")
        for statement in OLD_INDEX:
            db.execute_sql(statement)
        db.execute_sql("PRAGMA user_version = 27")
        Grid.create(code="T01", name="示例镇", level="town")
        for code, name in (
            ("A-1", "示例镇·东方市场"),
            ("A-2", "示例镇·红星超市"),
            ("A-3", "Shell"),
        ):
            db.execute_sql(  # the columns of schema 27: no romanized yet
                "INSERT INTO venue (id, code, name, kind, address, grid_code, contact, phone, "
                "risk_level, updated_at) VALUES (?, ?, ?, 'small_shop', '兴业路', 'T01', '', '', "
                "'normal', '')",
                (code, code, name),
            )
    close_store()


def _codes(text: str) -> list[str]:
    return [hit.code for hit in search(text)]


def test_an_older_stores_venues_are_found_by_pinyin_after_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _store_of_schema_27(path)
    open_store(path)
    try:
        assert current_version(db) == SCHEMA_VERSION
        assert _codes("dongfang") == ["A-1"]  # through the index (3 letters or more)
        assert _codes("dfsc") == ["A-1"]
        assert _codes("hx") == ["A-2"]  # under 3 letters: tested venue by venue
        assert _codes("东方市") == ["A-1"]  # Chinese, as before
        assert _codes("shell") == ["A-3"]  # a name in letters, as before
        db.execute_sql("INSERT INTO venue_fts(venue_fts) VALUES ('integrity-check')")
        # Renamed after the upgrade: found by its new pinyin, no longer by its old.
        Venue.update(name="示例镇·西湖市场", romanized="xihushichang xhsc").where(
            Venue.code == "A-1"
        ).execute()
        assert _codes("xihu") == ["A-1"] and _codes("dongfang") == []
        db.execute_sql("INSERT INTO venue_fts(venue_fts) VALUES ('integrity-check')")
    finally:
        close_store()


def test_a_venue_added_to_a_new_store_is_found_by_its_pinyin_with_v_or_u(
    tmp_path: Path,
) -> None:
    open_store(tmp_path / "new.sqlite3")
    try:
        Grid.create(code="T01", name="示例镇", level="town")
        Venue.create(id="v", code="A-1", name="示例镇·绿地超市", kind="small_shop", grid="T01")
        assert _codes("lvdi") == _codes("ludi") == _codes("ldcs") == ["A-1"]
    finally:
        close_store()
