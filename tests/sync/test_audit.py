"""The audit trail: enrolments, revocations, placard key changes, role and grid changes,
imports and exports, with actor, time and device; listed by `fieldapp admin audit`, and
append-only in the database itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from peewee import DatabaseError
from sync_world import REPO, enrolment_code

from fieldapp.cli import main
from sync.server import admin, audit, auth, placard_keys
from sync.server import db as server_db
from sync.server.models import AuditEntry

pytestmark = pytest.mark.usefixtures("chinese")  # `--lang en` below is put back afterwards


def _run(*args: str):
    return CliRunner().invoke(main, ["--lang", "en", *args], catch_exceptions=False)


def _actions(**filters) -> list[tuple[str, str, str]]:
    with server_db.current().connection_context():
        return [(e.action, e.actor, e.subject) for e in audit.entries(**filters)]


def test_who_did_what_to_which_device_key_and_person_is_listed(
    seed, server_db_url: str, server_workdir: Path
):
    db = server_db.current()
    with db.connection_context():
        audit.act_as("p-admin")
        code = enrolment_code("p-insp")
        enrolled = auth.enroll(code, "laptop-7")
        assert auth.revoke(enrolled.device_id)
        first, _ = placard_keys.ensure_key()
        second = placard_keys.rotate()
        assert placard_keys.revoke(first)
        people = server_workdir / "people-changed.csv"
        people.write_text(
            "id,name,role,phone,grids\n"
            "p-insp,张三,supervisor,,V1\n"  # promoted
            "p-insp2,王五,inspector,,V1;V2\n"  # a second grid
            "p-new,钱七,inspector,,V2\n",  # new
            encoding="utf-8",
        )
        admin.import_people(people)
        audit.act_as("")
    listed = _actions()
    wanted = [
        (audit.ENROLMENT_CODE_ISSUED, "p-admin", "p-insp"),
        (audit.DEVICE_ENROLLED, "p-insp", enrolled.device_id),
        (audit.DEVICE_REVOKED, "p-admin", enrolled.device_id),
        (audit.PLACARD_KEY_CREATED, "p-admin", first),
        (audit.PLACARD_KEY_ROTATED, "p-admin", second),
        (audit.PLACARD_KEY_REVOKED, "p-admin", first),
        (audit.PERSON_ROLE_CHANGED, "p-admin", "p-insp"),
        (audit.PERSON_GRIDS_CHANGED, "p-admin", "p-insp2"),
        (audit.PERSON_ADDED, "p-admin", "p-new"),
        (audit.PEOPLE_IMPORTED, "p-admin", "people-changed.csv"),
    ]
    assert [entry for entry in listed if entry in wanted] == wanted
    with db.connection_context():
        entries = {e.action: e for e in audit.entries(since="2000-01-01")}
    assert entries[audit.DEVICE_ENROLLED].device == enrolled.device_id
    assert entries[audit.PERSON_ROLE_CHANGED].detail == {"from": "inspector", "to": "supervisor"}
    assert entries[audit.PERSON_GRIDS_CHANGED].detail == {"from": ["V2"], "to": ["V1", "V2"]}
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z", entries[audit.DEVICE_REVOKED].at)

    shown = _run("admin", "--db", server_db_url, "audit", "--actor", "p-insp")
    assert shown.exit_code == 0, shown.output
    lines = shown.output.strip().splitlines()
    assert len(lines) == 1 and audit.DEVICE_ENROLLED in lines[0] and enrolled.device_id in lines[0]
    everything = _run("admin", "--db", server_db_url, "audit", "--since", "2000-01-01")
    assert all(action in everything.output for action, _a, _s in wanted)
    later = _run("admin", "--db", server_db_url, "audit", "--since", "2999-01-01")
    assert later.exit_code == 0 and "No audit entries" in later.output


def test_the_administrators_commands_are_recorded_as_their_login_or_actor(
    seed, server_db_url: str, tmp_path: Path
):
    grids = tmp_path / "grids.csv"
    grids.write_text("code,name,level,parent\nV3,新村,village,T1\n", encoding="utf-8")
    named = _run("admin", "--db", server_db_url, "--actor", "p-sup", "import-grids", str(grids))
    assert named.exit_code == 0, named.output
    code = _run("admin", "--db", server_db_url, "enroll-code", "--person", "p-insp")
    assert code.exit_code == 0, code.output
    listed = _actions()
    assert (audit.GRIDS_IMPORTED, "p-sup", "grids.csv") in listed
    assert any(
        a == audit.ENROLMENT_CODE_ISSUED and actor.startswith("admin") for a, actor, _ in listed
    )


def test_web_users_added_and_unlocked_are_in_the_trail(seed, server_db_url: str):
    from sync.server import web_users

    password = "correct horse battery\n"
    admin = ["admin", "--db", server_db_url, "--actor", "p-sup"]
    made = CliRunner().invoke(main, ["--lang", "en", *admin, "web-user", "add", "li",
                                     "--person", "p-sup2", "--password-stdin"], input=password)  # fmt: skip
    assert made.exit_code == 0, made.output
    moved = CliRunner().invoke(main, ["--lang", "en", *admin, "web-user", "add", "li",
                                      "--person", "p-sup", "--password-stdin"], input=password)  # fmt: skip
    assert moved.exit_code == 0, moved.output
    with server_db.current().connection_context():
        for _ in range(web_users.MAX_FAILURES):
            with pytest.raises(web_users.SignInRefused):
                web_users.sign_in("li", "not the password")
        with pytest.raises(web_users.Locked):
            web_users.sign_in("li", password.strip())
    assert _run(*admin, "web-user", "unlock", "li").exit_code == 0
    nobody = _run(*admin, "web-user", "unlock", "nobody")
    assert nobody.exit_code == 1 and "no web user nobody" in nobody.output
    with server_db.current().connection_context():
        web_users.sign_in("li", password.strip())  # unlocked indeed
        trail = [e for e in audit.entries() if e.action.startswith("web_user.")]
    assert [(e.action, e.actor, e.subject) for e in trail] == [
        (audit.WEB_USER_ADDED, "p-sup", "li"),
        (audit.WEB_USER_ADDED, "p-sup", "li"),
        (audit.WEB_USER_UNLOCKED, "p-sup", "li"),
    ]
    assert trail[0].detail == {"person": "p-sup2", "replaced": False}
    assert trail[1].detail == {"person": "p-sup", "replaced": True, "was_person": "p-sup2"}
    assert trail[2].detail["was_locked_until"] > "2000"
    assert all("horse" not in str(e.detail) for e in trail)  # never the password
    listed = _run("admin", "--db", server_db_url, "audit", "--actor", "p-sup")
    assert listed.output.count(audit.WEB_USER_ADDED) == 2
    assert listed.output.count(audit.WEB_USER_UNLOCKED) == 1


def test_a_ledger_exported_on_a_device_reaches_the_servers_trail(make_device, seed, tmp_path):
    from fieldapp.services.export.ledger import ExportFilter, export_ledger
    from fieldapp.store.models import Outbox

    device = make_device("a").enroll("p-insp")
    with device.client() as client:
        assert client.sync_once().ok  # venues and the grid tree arrive
    export_ledger(tmp_path / "ledger.xlsx", fmt="xlsx", where=ExportFilter(grid="V1"))
    [op] = Outbox.select().where(Outbox.type == "export.recorded")
    assert op.state == "pending"
    with device.client() as client:
        assert client.sync_once().ok
    with server_db.current().connection_context():
        [entry] = [e for e in audit.entries() if e.action == audit.DATA_EXPORTED]
    assert (entry.actor, entry.device, entry.subject) == ("p-insp", device.device_id, "ledger")
    assert entry.detail["format"] == "xlsx" and entry.detail["filters"] == {"grid": "V1"}
    assert entry.detail["file"] == "ledger.xlsx"
    assert (entry.detail["people"], entry.detail["full"]) == (0, False)


def test_an_inspectors_claim_of_a_full_personal_export_is_refused_and_not_kept(api):
    """The device refuses a full export to an inspector; the server does not take the
    device's word for it either."""
    export = {"id": "e-1", "at": "2026-12-01T08:00:00.000Z", "what": "ledger",
              "format": "csv", "people": 3}  # fmt: skip
    answer = api.push([api.op("export.recorded", {**export, "full": True}),
                       api.op("export.recorded", {**export, "id": "e-2"})])  # fmt: skip
    assert answer.status_code == 200, answer.text
    refused, kept = answer.json()["results"]
    assert refused["status"] == "rejected" and "supervisor" in refused["reason"]
    assert kept["status"] == "applied"
    with server_db.current().connection_context():
        trail = [e for e in audit.entries() if e.action.endswith(".exported")]
    assert [(e.action, e.actor, e.detail["people"], e.detail["full"]) for e in trail] == [
        (audit.PERSONAL_DATA_EXPORTED, "p-insp", 3, False)
    ]


def test_the_database_refuses_to_change_or_remove_an_entry(seed):
    db = server_db.current()
    with db.connection_context():
        with server_db.write_transaction():
            audit.record("test.entry", actor="p-sup", subject="x")
        for change in (
            AuditEntry.update(actor="someone else"),
            AuditEntry.delete(),
        ):
            with pytest.raises(DatabaseError, match="append-only"), server_db.write_transaction():
                change.execute()
        assert [(e.actor, e.action) for e in audit.entries()][-1] == ("p-sup", "test.entry")


def test_the_program_never_updates_or_deletes_audit_entries():
    pattern = re.compile(
        r"AuditEntry\.(update|delete|replace)|(UPDATE|DELETE FROM|TRUNCATE)\s+audit_entry"
    )
    offending = [
        str(path.relative_to(REPO))
        for root in ("fieldapp", "sync")
        for path in (REPO / root).rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offending == []


def test_reader_keys_and_every_page_of_the_data_feed_are_in_the_trail(api, in_process_app):
    from sync.server import reader_keys

    with server_db.current().connection_context():
        key = reader_keys.create("市大数据局 BI", ["V1"])
    key_id = key.split("_")[1]
    headers = {"Authorization": f"Bearer {key}"}
    read = in_process_app.get("/api/v1/data/inspections", params={"limit": 5}, headers=headers)
    assert read.status_code == 200, read.text
    with server_db.current().connection_context():
        assert reader_keys.revoke(key_id)
        trail = [e for e in audit.entries() if e.action.startswith(("reader_key.", "data."))]
    assert [(e.action, e.subject) for e in trail] == [
        (audit.READER_KEY_CREATED, key_id),
        (audit.DATA_READ, "inspections"),
        (audit.READER_KEY_REVOKED, key_id),
    ]
    assert trail[1].actor == "reader:市大数据局 BI" and trail[1].detail["key_id"] == key_id
