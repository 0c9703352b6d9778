"""A database an older server made keeps each answer as a row of an `answer` table. The
next start moves them into their inspections and drops the table, and a supervisor pulls
the inspections, answers and photos as before, byte for byte."""

from __future__ import annotations

import json

from live_server import forget_schema
from sync_world import InProcessDevice

from sync.server import db as server_db

OLD_TABLE = (
    'CREATE TABLE "answer" ("inspection_id" VARCHAR(255) NOT NULL, "item_code" VARCHAR(255)'
    ' NOT NULL, "outcome" VARCHAR(255) NOT NULL, "value" TEXT NOT NULL, "note" TEXT NOT NULL,'
    ' "photos" TEXT NOT NULL, PRIMARY KEY ("inspection_id", "item_code"))'
)


def _pulled(device: InProcessDevice) -> bytes:
    response = device.get("/pull?limit=2000")
    assert response.status_code == 200 and not response.json()["more"], response.text
    return response.content


def _as_an_older_server_left_it() -> None:
    """Answers out of their inspections, into the answer table, as rows."""
    db = server_db.current()
    p = db.param
    with db.connection_context(), server_db.write_transaction():
        held = db.execute_sql("SELECT id, answers FROM inspection").fetchall()
        db.execute_sql(OLD_TABLE)
        for inspection_id, text in held:
            for a in json.loads(text):
                db.execute_sql(
                    f"INSERT INTO answer VALUES ({p}, {p}, {p}, {p}, {p}, {p})",
                    (inspection_id, a["item_code"], a["outcome"], a["value"], a["note"],
                     json.dumps(a["photos"])),
                )  # fmt: skip
        db.execute_sql("ALTER TABLE inspection DROP COLUMN answers")
    forget_schema()


def test_an_older_servers_answer_rows_move_into_their_inspections(api, in_process_app, seed):
    sha = "ab" * 32
    for note in ("灭火器压力不足", 'a "quoted" note\n'):
        submit = api.inspection()
        submit["answers"][0].update(note=note, photos=[sha], value="3")
        assert (
            api.push([api.op("inspection.submit", submit)]).json()["results"][0]["status"]
            == "applied"
        )
    boss = InProcessDevice(in_process_app, seed, "p-sup")
    before = _pulled(boss)
    inspections = [c for c in json.loads(before)["changes"] if c["type"] == "inspection"]
    assert len(inspections) == 2
    assert {c["record"]["answers"][0]["note"] for c in inspections} == {
        "灭火器压力不足",
        'a "quoted" note\n',
    }

    _as_an_older_server_left_it()
    db = server_db.current()
    with db.connection_context():
        assert db.table_exists("answer")
    server_db.init_schema()  # the start of this server on it
    with db.connection_context():
        assert not db.table_exists("answer")
    assert _pulled(InProcessDevice(in_process_app, seed, "p-sup")) == before
    server_db.init_schema()  # and the start after: nothing more to move
    assert _pulled(InProcessDevice(in_process_app, seed, "p-sup")) == before
