"""Servers before 2026-12 kept each answer as a row of an `answer` table. The first start
of a newer server moves them into their inspection's `answers` column, as the canonical
JSON the feed serves, and drops the table: once, in the transaction that upgrades the
schema, so a failed start leaves the database as it was."""

from __future__ import annotations

import logging
import time
from typing import Any

import orjson
from peewee import Database

_CHUNK = 500
log = logging.getLogger("fieldapp.server")


def move_answer_rows(db: Database) -> int:
    """Move an older server's answer rows into their inspections; returns how many
    inspections got theirs. Nothing to do (0) on a database without the table."""
    if not db.table_exists("answer"):
        return 0
    log.info("moving the answer table into the inspections' rows (once; ~6 s a 100k)")
    started = time.monotonic()
    p, moved, after = db.param, 0, ""
    while True:
        ids = [
            row[0]
            for row in db.execute_sql(
                f"SELECT DISTINCT inspection_id FROM answer WHERE inspection_id > {p}"
                f" ORDER BY inspection_id LIMIT {_CHUNK}",
                (after,),
            )
        ]
        if not ids:
            break
        texts = _answers_json(db, ids)
        db.cursor().executemany(
            f"UPDATE inspection SET answers = {p} WHERE id = {p}",
            [(texts[i], i) for i in ids],
        )
        moved, after = moved + len(ids), ids[-1]
    db.execute_sql("DROP TABLE answer")
    log.info(
        "answers moved",
        extra={"inspections": moved, "seconds": round(time.monotonic() - started, 1)},
    )
    return moved


def _answers_json(db: Database, inspection_ids: list[str]) -> dict[str, str]:
    """Each inspection's answer rows as the JSON array pushed: ordered by item code,
    `{"item_code","note","outcome","photos","value"}` with keys sorted."""
    found: dict[str, list[tuple[Any, ...]]] = {i: [] for i in inspection_ids}
    marks = ", ".join([db.param] * len(inspection_ids))
    cursor = db.execute_sql(
        "SELECT inspection_id, item_code, note, outcome, photos, value FROM answer"
        f" WHERE inspection_id IN ({marks})",
        inspection_ids,
    )
    for row in cursor:
        found[row[0]].append(row[1:])
    fragment = orjson.Fragment  # photos are stored as JSON text
    return {
        inspection_id: orjson.dumps(
            [
                {
                    "item_code": code,
                    "note": note,
                    "outcome": outcome,
                    "photos": fragment(photos or "[]"),
                    "value": value,
                }
                for code, note, outcome, photos, value in sorted(answers)
            ]
        ).decode()  # fmt: skip
        for inspection_id, answers in found.items()
    }
