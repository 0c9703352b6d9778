"""A full export's purpose (asked by `fieldapp export --full-personal-data`, as a reveal's)
reaches the server's audit trail with the export's entry; a masked one carries none."""

from __future__ import annotations

from sync_world import InProcessDevice

from sync.server import audit
from sync.server import db as server_db


def test_a_full_exports_purpose_is_kept_in_the_trail(in_process_app, seed) -> None:
    sup = InProcessDevice(in_process_app, seed, person_id="p-sup2")
    export = {"id": "e-1", "at": "2026-12-01T08:00:00.000Z", "what": "ledger",
              "format": "csv", "people": 3}  # fmt: skip
    full = {**export, "full": True, "purpose": "other", "purpose_note": "户籍核对 DM-017"}
    answer = sup.push([sup.op("export.recorded", full),
                       sup.op("export.recorded", {**export, "id": "e-2"})])  # fmt: skip
    assert answer.status_code == 200, answer.text
    assert [r["status"] for r in answer.json()["results"]] == ["applied", "applied"]
    with server_db.current().connection_context():
        trail = [e.detail for e in audit.entries() if e.action == audit.PERSONAL_DATA_EXPORTED]
    assert [(d["full"], d.get("purpose"), d.get("purpose_note")) for d in trail] == [
        (True, "other", "户籍核对 DM-017"), (False, None, None)]  # fmt: skip
