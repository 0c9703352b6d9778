"""Seeding the demo's server straight from the demo store, and handing in a colleague's work.

The server is seeded once from the demo store's own rows, so ids agree on both sides and
no demo data is written twice: grids, people and checklists with the admin import
functions, the venues (up to a million) copied in pages with their feed rows. The demo
store's outbox also holds a colleague's work (the second inspector's inspections): the
server authorises every op by the device's person, so that work is handed in by the
colleague's own (simulated) device, and only the device's own ops wait for its first sync.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

from fieldapp.domain.at_rest import is_sealed
from fieldapp.store.db import db, write_transaction, written_once
from fieldapp.store.models import Checklist, Grid, Outbox, Person, PersonGrid


def _write_csv(path: Path, header: list[str], rows: list[list[Any]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([["" if v is None else str(v) for v in row] for row in rows])
    return path


def export_directory(dest: Path) -> dict[str, Any]:
    """The open demo store's grids, people and checklists as admin import files."""
    dest.mkdir(parents=True, exist_ok=True)
    grids = Grid.select().order_by(Grid.code)
    links: dict[str, list[str]] = {}
    for link in PersonGrid.select():
        links.setdefault(link.person_id, []).append(link.grid_code)
    files: dict[str, Any] = {
        "grids": _write_csv(
            dest / "grids.csv",
            ["code", "name", "level", "parent"],
            [[g.code, g.name, g.level, g.parent_code] for g in grids],
        ),
        "people": _write_csv(
            dest / "people.csv",
            ["id", "name", "role", "phone", "grids"],
            [
                [p.id, p.name, p.role, p.phone, ";".join(sorted(links.get(p.id, [])))]
                for p in Person.select().order_by(Person.id)
            ],
        ),
        "checklists": [],
    }
    for row in Checklist.select().order_by(Checklist.checklist_id, Checklist.version):
        path = dest / f"checklist-{row.checklist_id}-v{row.version}.json"
        path.write_text(json.dumps(row.body, ensure_ascii=False), encoding="utf-8")
        files["checklists"].append(path)
    return files


def seed_server(db_url: str, seed_dir: Path) -> bool:
    """Seed the server database at `db_url` from the open demo store, once, writing the
    admin import files it reads to `seed_dir`. Returns False when it was seeded already."""
    from sync.server import admin, placard_keys
    from sync.server import db as server_db
    from sync.server.models import Venue as ServerVenue

    server_db.open_database(db_url)
    server_db.init_schema()
    with server_db.current().connection_context():
        placard_keys.ensure_key()
        placard_keys.restrict_database_file()
        if ServerVenue.select().exists():
            return False
        files = export_directory(seed_dir)
        admin.import_grids(files["grids"])
        admin.import_people(files["people"])
        with written_once(server_db.current()):
            _seed_venues()
        from fieldapp.services.demo.households import seed_households

        seed_households(seed_dir)
        for path in files["checklists"]:
            admin.publish_checklist(path)
        from fieldapp.paths import CAMPAIGNS_DIR
        from sync.server.campaigns import publish_campaign

        for path in sorted(CAMPAIGNS_DIR.glob("*.toml")):
            publish_campaign(path)  # published, off until the office starts one
        from fieldapp.services.demo.patrols import seed_patrols

        seed_patrols(seed_dir)  # after the campaigns: its route patrols for one
    return True


SEED_CHUNK = 5_000  # venues per page read and per insert: memory stays flat

# The server venue's columns, also the keys of its feed record (in that record's order).
_SEED_COLUMNS = (
    "id", "code", "name", "kind", "address", "grid", "contact", "phone", "risk_level",
    "placard_key_id", "updated_at", "lat", "lon", "last_inspected_at", "attributes",
)  # fmt: skip


def _seed_venues() -> None:
    """The demo store's venues go to the server as they are, page by page, each with its
    feed row, in one transaction. They were made valid by the demo itself, so they skip
    the admin import's per-row checks and upserts and are never made into model objects
    (a million venues in flat memory). They keep the store's `updated_at`, so the device's
    first pull finds them unchanged and leaves them (and their search index) as they are.

    The demo venues' history (most have a last inspection date and no inspection the
    server will ever receive) goes with them as each venue's last inspection, at 09:30
    local time that day, so every device that pulls the venue dates it the same. An
    inspection pushed later moves it forward as usual."""
    from fieldapp.services.demo.bulk import local_moment
    from sync.server import audit
    from sync.server import db as server_db
    from sync.server.bulk import execute_many
    from sync.server.feed import append_changes
    from sync.server.models import Venue as ServerVenue
    from sync.server.records import venue_record_change

    stamp = server_db.now_iso()
    moments: dict[str, str] = {}

    def last_inspected_at(day: str | None) -> str | None:
        if not day:
            return None
        if day not in moments:
            moment = local_moment(dt.date.fromisoformat(day), 9, 30)
            moments[day] = moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")
        return moments[day]

    select = (
        "SELECT id, code, name, kind, address, grid_code, contact, phone, risk_level, "
        "last_inspected_on, attributes, updated_at FROM venue WHERE id > ? ORDER BY id LIMIT ?"
    )
    stored_attributes = ServerVenue.attributes.db_value
    no_attributes = stored_attributes({})
    seeded, after = 0, ""
    with server_db.write_transaction():
        while page := db.execute_sql(select, (after, SEED_CHUNK)).fetchall():
            after = page[-1][0]
            rows, records = [], []
            for venue in page:
                text = venue[10]
                attributes = json.loads(text) if text and text != "{}" else {}
                values = (*venue[:9], None, venue[11] or stamp, None, None,
                          last_inspected_at(venue[9]))  # fmt: skip
                rows.append(
                    (*values, stored_attributes(attributes) if attributes else no_attributes)
                )
                records.append(dict(zip(_SEED_COLUMNS, (*values, attributes), strict=True)))
            del page
            execute_many(ServerVenue, _SEED_COLUMNS, rows)
            # Without lat/lon (None here) a float can only be in the attributes.
            append_changes(
                venue_record_change(r, may_hold_floats=bool(r["attributes"])) for r in records
            )
            seeded += len(records)
        audit.record(audit.VENUES_IMPORTED, subject="demo store", detail={"rows": seeded})


def _author(op: Outbox) -> str:
    """Who recorded `op`; "" for an op sealed at rest (personal data the device's own
    person recorded behind their PIN: never a colleague's work to hand in)."""
    if is_sealed(op.payload):
        return ""
    payload = json.loads(op.payload)
    if op.type == "inspection.submit":
        return str(payload["inspection"]["inspector_id"])
    if op.type == "finding.event":
        return str(payload["event"]["actor"])
    return str(payload.get("reporter", ""))


def hand_in_colleague_work(person_id: str) -> dict[str, int]:
    """Ops in the open store's outbox recorded for other people are applied on the
    server as sent by each one's own device (enrolled here); their answers are recorded
    in the outbox. Returns person id -> ops handed in."""
    from fieldapp.domain.clock import now_iso
    from sync.protocol import Op
    from sync.server import auth
    from sync.server import db as server_db
    from sync.server.apply import apply_op
    from sync.server.scope import DeviceContext

    pending = list(Outbox.select().where(Outbox.state == "pending").order_by(Outbox.seq))
    by_person: dict[str, list[Outbox]] = {}
    for op in pending:
        author = _author(op)
        if author and author != person_id:
            by_person.setdefault(author, []).append(op)
    counts: dict[str, int] = {}
    for author, ops in by_person.items():
        with server_db.current().connection_context():
            code = auth.issue_enrollment_code(author, hours=1).code
            enrolled = auth.enroll(code, f"demo device of {author}")
            who = DeviceContext(
                device_id=enrolled.device_id,
                person_id=author,
                person_name=enrolled.person.name,
                role=enrolled.person.role,
            )
            answers = [
                apply_op(who, Op(op_id=o.op_id, seq=o.seq, type=o.type,
                                 payload=json.loads(o.payload)))
                for o in ops
            ]  # fmt: skip
        stamp = now_iso()
        with write_transaction():
            for op, answer in zip(ops, answers, strict=True):
                if answer.status in ("applied", "duplicate"):
                    values: dict[str, Any] = {"state": "acked", "acked_at": stamp}
                else:
                    values = {
                        "state": "rejected",
                        "last_error": answer.reason or "",
                        "refused_at": stamp,
                        "refusal_code": answer.reason_code,  # worded by the sync screen
                        "refusal_params": json.dumps(answer.reason_params or {}),
                    }
                Outbox.update(attempts=Outbox.attempts + 1, **values).where(
                    Outbox.op_id == op.op_id
                ).execute()
        counts[author] = len(ops)
    return counts
