"""Each admin command and each start of the server made the whole schema again: ~140
statements, over a second on PostgreSQL for `admin setting list`. A database that has
this program's schema is now left as it is; one made by another version of the program
(another fingerprint) is made again, and `admin init` always makes it again."""

from __future__ import annotations

from click.testing import CliRunner
from live_server import forget_schema

from fieldapp.cli import main
from sync.server import db as server_db
from sync.server.models import Meta
from sync.server.schema_fingerprint import FINGERPRINT_KEY


def _columns(table: str) -> set[str]:
    with server_db.current().connection_context():
        return {c.name for c in server_db.current().get_columns(table)}


def _drop(statement: str) -> None:
    with server_db.current().connection_context():
        server_db.current().execute_sql(statement)


def test_a_database_another_version_made_gets_what_is_missing(seed) -> None:
    _drop("ALTER TABLE venue DROP COLUMN last_inspected_at")
    server_db.init_schema()  # this program's fingerprint: taken as made
    assert "last_inspected_at" not in _columns("venue")
    with server_db.current().connection_context():
        Meta.update(value="another version").where(Meta.key == FINGERPRINT_KEY).execute()
    server_db.init_schema()
    assert "last_inspected_at" in _columns("venue")
    with server_db.current().connection_context():
        assert Meta.get_by_id(FINGERPRINT_KEY).value != "another version"


def test_admin_init_makes_the_schema_again(seed, server_db_url: str) -> None:
    _drop("ALTER TABLE venue DROP COLUMN last_inspected_at")
    result = CliRunner().invoke(main, ["--lang", "en", "admin", "--db", server_db_url, "init"])
    assert result.exit_code == 0, result.output
    assert "last_inspected_at" in _columns("venue")


def test_a_database_without_a_fingerprint_is_made_again(seed) -> None:
    _drop("ALTER TABLE venue DROP COLUMN last_inspected_at")
    forget_schema()  # as a server from before fingerprints left it
    server_db.init_schema()
    assert "last_inspected_at" in _columns("venue")
