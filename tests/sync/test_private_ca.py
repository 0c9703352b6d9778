"""A server whose certificate a private CA signed (a town office's intranet server, here
the live test server behind a TLS terminator): the CA file given at enrolment is
remembered, and every later sync checks the server with it; a CA file gone is named with
what to do, and nothing waiting is lost. Also: a server that never answers is given up on
within the client's timeout."""

from __future__ import annotations

import socket
import time

import pytest
from click.testing import CliRunner
from private_ca import TLSProxy, make_certificates
from sync_world import enrolment_code, inspection_submit

from fieldapp.cli import main
from fieldapp.services.syncing.runs import DONE, INCOMPLETE, run_sync
from fieldapp.store.db import db
from fieldapp.store.migrations import MIGRATIONS, SCHEMA_VERSION, _v18_ca_bundle, current_version
from fieldapp.store.models import Outbox, SyncState
from fieldapp.store.opening import close_store, open_store
from sync.client import SyncClient, enroll_device
from sync.protocol import canonical_json, payload_hash

pytestmark = pytest.mark.usefixtures("chinese")  # `--lang en` below is put back afterwards

UNTRUSTED = "cannot be trusted ([SSL: CERTIFICATE_VERIFY_FAILED]"


@pytest.fixture
def town(tmp_path, live_server):
    """(the server's https URL behind the town's CA, the CA's PEM file)."""
    (tmp_path / "ca").mkdir()
    ca, certificate, key = make_certificates(tmp_path / "ca")
    proxy = TLSProxy(live_server.port, certificate, key).start()
    yield proxy.url, ca
    proxy.stop()


def _fieldapp(*args):
    return CliRunner().invoke(main, ["--lang", "en", *args], catch_exceptions=False)


def _queue_inspection(venue_id: str) -> str:
    payload = inspection_submit(venue_id, "p-insp")
    op_id = f"op-{time.monotonic_ns()}"
    Outbox.insert(
        op_id=op_id, type="inspection.submit", payload=canonical_json(payload),
        payload_hash=payload_hash(payload), created_at="2026-06-10T02:00:00.000Z",
    ).execute()  # fmt: skip
    return op_id


def test_enrolled_with_the_town_ca_every_sync_checks_the_server_with_it(
    town, make_device, seed, monkeypatch, recwarn
):
    url, ca = town
    device = make_device("tablet")
    monkeypatch.setenv("FIELDAPP_HOME", str(device.home))
    monkeypatch.chdir(ca.parent)
    enrolled = _fieldapp("enroll", url, enrolment_code("p-insp"), "--ca-bundle", ca.name)
    assert enrolled.exit_code == 0, enrolled.output
    monkeypatch.chdir(device.home)  # the file is remembered by its whole path

    device.open()
    op = _queue_inspection(seed.venues["DM-0001"])
    synced = _fieldapp("sync")
    assert synced.exit_code == 0, synced.output
    assert "1 sent" in synced.output
    device.open()
    assert device.outbox()[op].state == "acked"

    shown = _fieldapp("device-info")
    assert f"CA certificates: {ca}" in shown.output
    assert device.token not in shown.output

    device.open()
    again = _queue_inspection(seed.venues["DM-0001"])
    outcome = run_sync()  # the TUI's sync
    assert outcome.kind == DONE, outcome
    assert outcome.result.pushed == 1 and device.outbox()[again].state == "acked"
    assert not [w for w in recwarn if "verify" in str(w.message)]  # no path as verify=


def test_without_the_town_ca_enrolment_is_refused_and_says_why(
    town, make_device, tmp_path, monkeypatch
):
    url, ca = town
    device = make_device("tablet")
    monkeypatch.setenv("FIELDAPP_HOME", str(device.home))
    code = enrolment_code("p-insp")

    refused = _fieldapp("enroll", url, code)
    assert refused.exit_code == 1
    assert UNTRUSTED in refused.output and "--ca-bundle" in refused.output
    assert f"the certificate of {url} cannot be trusted" in refused.output  # which server

    notes = tmp_path / "notes.txt"
    notes.write_text("not a certificate", encoding="utf-8")
    wrong = _fieldapp("enroll", url, code, "--ca-bundle", str(notes))
    assert wrong.exit_code == 1
    assert f"the CA certificate file {notes} is not a file of PEM certificates" in wrong.output

    right = _fieldapp("enroll", url, code, "--ca-bundle", str(ca))  # the code was not spent
    assert right.exit_code == 0, right.output


def test_a_ca_file_gone_after_enrolment_stops_the_sync_with_what_to_do(
    town, make_device, seed, monkeypatch
):
    url, ca = town
    device = make_device("tablet").open()
    enroll_device(url, enrolment_code("p-insp"), ca_bundle=str(ca))
    op = _queue_inspection(seed.venues["DM-0001"])
    kept = ca.read_bytes()
    ca.unlink()

    said = (
        f"the CA certificate file this device was enrolled with ({ca}) cannot be read "
        "(No such file or directory): put the file back or enrol again with --ca-bundle"
    )
    outcome = run_sync()
    assert outcome.kind == INCOMPLETE
    assert outcome.result.errors == [said]
    assert outcome.status.pending == 1 and outcome.status.last_error == said
    assert device.outbox()[op].state == "pending"

    monkeypatch.setenv("FIELDAPP_HOME", str(device.home))
    shown = _fieldapp("sync")
    assert shown.exit_code == 1
    assert said in shown.output and "1 record is still waiting" in shown.output

    ca.write_bytes(kept)
    device.open()
    with device.client(verify=True) as client:  # an explicit verify= wins: public CAs only
        result = client.sync_once()
    assert len(result.errors) == 1 and UNTRUSTED in result.errors[0]
    assert device.outbox()[op].state == "pending"

    assert run_sync().kind == DONE  # the file put back
    assert device.outbox()[op].state == "acked"


def test_a_store_from_before_the_ca_column_gains_it(tmp_path):
    path = tmp_path / "old.sqlite3"
    open_store(path)
    SyncState.create(id=1, server_url="https://town.example", token="tok")
    db.execute_sql("ALTER TABLE sync_state DROP COLUMN ca_bundle")
    db.execute_sql(f"PRAGMA user_version = {MIGRATIONS.index(_v18_ca_bundle)}")  # before it
    close_store()
    open_store(path)
    try:
        assert current_version(db) == SCHEMA_VERSION
        state = SyncState.get_by_id(1)
        assert (state.server_url, state.ca_bundle) == ("https://town.example", "")
    finally:
        close_store()


def test_a_server_that_never_answers_is_given_up_on_within_the_timeout(tmp_path):
    open_store(tmp_path / "device.sqlite3")
    silent = socket.create_server(("127.0.0.1", 0))  # connections complete, nothing answers
    port = silent.getsockname()[1]
    try:
        op = _queue_inspection("venue-1")
        started = time.monotonic()
        with SyncClient(f"http://127.0.0.1:{port}", "tok", "dev", timeout=0.5, max_retries=0) as c:
            result = c.sync_once()
        took = time.monotonic() - started
        assert result.errors == ["the server did not answer in 0.5 s (ReadTimeout: timed out)"]
        assert result.pending == 1 and Outbox.get(Outbox.op_id == op).state == "pending"
        assert took < 3, took
    finally:
        silent.close()
        close_store()
