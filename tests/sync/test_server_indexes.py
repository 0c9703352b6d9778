"""A server database made by an older server loses the two indexes that only repeated the
start of another (each pushed answer and hazard event wrote a b-tree more for them), and an
inspection's answers are still found by an index: the primary key's."""

from __future__ import annotations

from sync.server import db as server_db

OLD_INDEXES = {
    "answer": 'CREATE INDEX "answer_inspection_id" ON "answer" ("inspection_id")',
    "finding_event": 'CREATE INDEX "finding_event_finding_id" ON "finding_event" ("finding_id")',
}


def _index_names(table: str) -> set[str]:
    return {index.name for index in server_db.current().get_indexes(table)}


def test_an_older_servers_second_indexes_are_dropped_at_start(server_db_url: str) -> None:
    server_db.open_database(server_db_url)
    server_db.init_schema()
    database = server_db.current()
    with database.connection_context():
        assert "answer_inspection_id" not in _index_names("answer")  # a new server's
        for sql in OLD_INDEXES.values():  # as an older server made them
            database.execute_sql(sql)
        assert "answer_inspection_id" in _index_names("answer")
    server_db.init_schema()  # the next start of the server
    with database.connection_context():
        assert "answer_inspection_id" not in _index_names("answer")
        assert "finding_event_finding_id" not in _index_names("finding_event")
        assert "finding_event_finding_id_server_order" in _index_names("finding_event")
        if server_db.is_postgres_url(server_db_url):
            return
        plan = " ".join(
            str(row[-1])
            for row in database.execute_sql(
                "EXPLAIN QUERY PLAN SELECT * FROM answer WHERE inspection_id = ?", ("i",)
            )
        )
        assert "USING INDEX sqlite_autoindex_answer_1" in plan, plan
