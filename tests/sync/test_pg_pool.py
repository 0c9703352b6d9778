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
