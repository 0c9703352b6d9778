"""A server database made by an older server loses the index that only repeated the start
of another (each pushed hazard event wrote a b-tree more for it), and a finding's events
are still found by an index."""

from __future__ import annotations

from live_server import forget_schema

from sync.server import db as server_db

OLD_INDEX = 'CREATE INDEX "finding_event_finding_id" ON "finding_event" ("finding_id")'


def _index_names(table: str) -> set[str]:
    return {index.name for index in server_db.current().get_indexes(table)}


def test_an_older_servers_second_index_is_dropped_at_start(server_db_url: str) -> None:
    server_db.open_database(server_db_url)
    server_db.init_schema()
    database = server_db.current()
    with database.connection_context():
        assert "finding_event_finding_id" not in _index_names("finding_event")  # a new server's
        database.execute_sql(OLD_INDEX)  # as an older server made it
        assert "finding_event_finding_id" in _index_names("finding_event")
    forget_schema()
    server_db.init_schema()  # the next start of the server
    with database.connection_context():
        assert "finding_event_finding_id" not in _index_names("finding_event")
        assert "finding_event_finding_id_server_order" in _index_names("finding_event")
