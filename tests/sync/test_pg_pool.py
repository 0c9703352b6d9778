"""PostgreSQL restarted under a running server: the pooled connections it dropped.

A connection handed back moments ago is handed out again without a round trip to check
it (sync/server/pg_pool.py); one idle for a while is checked first. Either way a push
that meets a dropped connection is answered 503, sent again, and applied once."""

from __future__ import annotations

import psycopg
import pytest
from sync_world import PG_URL, inspection_submit

from sync.protocol import OP_INSPECTION_SUBMIT
from sync.server import pg_pool
from sync.server.models import Inspection

pytestmark = pytest.mark.skipif(not PG_URL, reason="needs FIELDAPP_TEST_PG_URL")


@pytest.fixture
def server_db_url(server_db_url: str) -> str:
    if not server_db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    return server_db_url


def _drop_connections(url: str) -> int:
    """What a PostgreSQL restart does to the server's pooled connections."""
    with psycopg.connect(url, autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
    return len(rows)


def _push_until_applied(api, op) -> list[int]:  # noqa: ANN001
    statuses = []
    for _ in range(10):
        answer = api.push([op])
        statuses.append(answer.status_code)
        if answer.status_code == 200:
            assert answer.json()["results"][0]["status"] == "applied"
            return statuses
        assert answer.status_code == 503, answer.text
        assert "try again" in answer.json()["message"].lower(), answer.text
    raise AssertionError(f"never applied: {statuses}")


def _inspections(inspection_id: str) -> int:
    from sync.server import db as server_db

    with server_db.current().connection_context():
        return Inspection.select().where(Inspection.id == inspection_id).count()


def test_connections_dropped_moments_after_use_cost_a_retry_not_a_record(
    api, server_db_url, monkeypatch
):
    monkeypatch.setattr(pg_pool, "CHECK_AFTER_IDLE", 60.0)  # however slow this machine is
    first = inspection_submit(api.seed.venues["DM-0001"], "p-insp")
    assert api.answers([api.op(OP_INSPECTION_SUBMIT, first)])[0]["status"] == "applied"
    assert _drop_connections(server_db_url) >= 1

    payload = inspection_submit(api.seed.venues["DM-0002"], "p-insp")
    # The connection the first push handed back is taken again unchecked: a 503 (one per
    # dropped connection met), then the push is applied.
    statuses = _push_until_applied(api, api.op(OP_INSPECTION_SUBMIT, payload))
    assert statuses[0] == 503 and statuses[-1] == 200
    assert _inspections(payload["inspection"]["id"]) == 1


def test_connections_idle_a_while_are_checked_before_use(api, server_db_url, monkeypatch):
    first = inspection_submit(api.seed.venues["DM-0001"], "p-insp")
    assert api.answers([api.op(OP_INSPECTION_SUBMIT, first)])[0]["status"] == "applied"
    monkeypatch.setattr(pg_pool, "CHECK_AFTER_IDLE", 0.0)  # as if the pool sat idle
    assert _drop_connections(server_db_url) >= 1

    payload = inspection_submit(api.seed.venues["DM-0002"], "p-insp")
    assert _push_until_applied(api, api.op(OP_INSPECTION_SUBMIT, payload)) == [200]
    assert _inspections(payload["inspection"]["id"]) == 1


def test_a_connection_being_opened_holds_up_no_other_request(seed, server_db_url, monkeypatch):
    """A request that finds no idle connection opens one (PostgreSQL starts a backend for
    it, ~13 ms here, far longer on a busy machine); meanwhile the others hand theirs back
    and take them again at once. peewee opened it holding the database's lock, which every
    checkout and hand-back takes: 50 devices pushing at once into a server with few idle
    connections waited for ~30 such opens one after another."""
    import threading
    import time

    import peewee

    from sync.server import db as server_db

    db = server_db.current()
    with db.connection_context():  # one idle connection in the pool
        db.execute_sql("SELECT 1")
    opening, slow = threading.Event(), 1.5
    real_open = peewee.PostgresqlDatabase._connect

    def slow_open(self):  # noqa: ANN001, ANN202
        opening.set()
        time.sleep(slow)
        return real_open(self)

    monkeypatch.setattr(peewee.PostgresqlDatabase, "_connect", slow_open)
    holding, hand_back = threading.Event(), threading.Event()

    def hold() -> None:
        with db.connection_context():  # the idle one
            holding.set()
            hand_back.wait(10)

    def open_new() -> None:
        with db.connection_context():  # none idle: a new one
            db.execute_sql("SELECT 1")

    holder, opener = threading.Thread(target=hold), threading.Thread(target=open_new)
    holder.start()
    assert holding.wait(10)
    opener.start()
    assert opening.wait(10)
    began = time.monotonic()
    hand_back.set()
    holder.join(10)
    with db.connection_context():  # the one handed back, while the other is being opened
        assert db.execute_sql("SELECT 2").fetchone() == (2,)
    assert time.monotonic() - began < slow / 2
    opener.join(10)
    assert not opener.is_alive()
