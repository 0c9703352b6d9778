"""A server database made by an older server loses the indexes that only repeated the start
of another or that nothing reads (each pushed record wrote a b-tree more for each), and a
finding's events are still found by an index."""

from __future__ import annotations

from live_server import forget_schema

from sync.server import db as server_db

# As older servers made them: (table, name, column).
OLD_INDEXES = (
    ("finding_event", "finding_event_finding_id", "finding_id"),
    ("inspection", "inspection_venue_id", "venue_id"),
    ("inspection", "inspection_inspector_id", "inspector_id"),
    ("finding", "finding_inspection_id", "inspection_id"),
)


def _index_names(table: str) -> set[str]:
    return {index.name for index in server_db.current().get_indexes(table)}


def test_an_older_servers_unread_indexes_are_dropped_at_start(server_db_url: str) -> None:
    server_db.open_database(server_db_url)
    server_db.init_schema()
    database = server_db.current()
    with database.connection_context():
        for table, name, column in OLD_INDEXES:
            assert name not in _index_names(table)  # a new server's
            database.execute_sql(f'CREATE INDEX "{name}" ON "{table}" ("{column}")')
            assert name in _index_names(table)  # as an older server made it
    forget_schema()
    server_db.init_schema()  # the next start of the server
    with database.connection_context():
        for table, name, _column in OLD_INDEXES:
            assert name not in _index_names(table)
        assert "finding_event_finding_id_server_order" in _index_names("finding_event")
        assert "finding_venue_id" in _index_names("finding")  # the overdue alerts read it
