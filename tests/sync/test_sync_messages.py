"""What the sync tells a person when something is wrong, word for word as the sync screen
and `fieldapp sync` show it: a server address that is not one, plain http to another
machine, a CA file that cannot be read, a certificate that cannot be trusted, a refusal,
a busy server's wait, a device store that could not be written."""

from __future__ import annotations

import random
import sqlite3
import ssl
from pathlib import Path

import certifi
import httpx
import pytest

from sync.client.base import (
    Backoff,
    DeviceNotEnrolled,
    InsecureURL,
    RejectedOp,
    ServerRefused,
    SyncResult,
    UnreadableCABundle,
    UntrustedServer,
    check_url,
    default_blob_path,
    error_code,
    error_message,
    retry_after_seconds,
    server_verification,
    store_error_message,
    untrusted_server,
)

REQUEST = httpx.Request("POST", "https://town.example/api/v1/push")


def _answer(status: int, **kwargs) -> httpx.Response:  # noqa: ANN003
    return httpx.Response(status, request=REQUEST, **kwargs)


@pytest.mark.parametrize(
    "url", ["ftp://town.example", "town.example:8765", "https://", "mailto:office@town"]
)
def test_an_address_that_is_not_a_server_says_how_one_looks(url: str) -> None:
    with pytest.raises(InsecureURL) as refused:
        check_url(url)
    assert str(refused.value) == f"{url!r} is not a server address (use https://host[:port])"


@pytest.mark.parametrize(
    "url", ["http://127.0.0.2:8765/", "http://[::1]:8765", "http://localhost", "https://10.0.0.5/"]
)
def test_loopback_may_be_plain_http_and_the_trailing_slash_goes(url: str) -> None:
    assert check_url(url) == url.rstrip("/")
    assert check_url("https://FIELDBOX/") == "https://FIELDBOX"  # only the slash goes


@pytest.mark.parametrize("host", ["10.0.0.5:8765", "town-server", "localhost.town.example"])
def test_plain_http_to_another_machine_says_use_https_unless_allowed(host: str) -> None:
    with pytest.raises(InsecureURL) as refused:
        check_url(f"http://{host}")
    assert str(refused.value) == (
        f"http://{host} is plain http to another machine: use https, or allow insecure http "
        "explicitly on a network you trust"
    )
    assert check_url(f"http://{host}/", allow_insecure_http=True) == f"http://{host}"


def test_a_ca_file_that_cannot_be_read_says_what_to_do_before_and_after_enrolment(
    tmp_path: Path,
) -> None:
    assert server_verification("") is True  # the public CAs
    missing = tmp_path / "town-ca.pem"
    with pytest.raises(UnreadableCABundle) as unread:
        server_verification(str(missing))
    assert str(unread.value) == (
        f"the CA certificate file {missing} cannot be read (No such file or directory): "
        "give the PEM file of the CA that signed the server's certificate"
    )
    with pytest.raises(UnreadableCABundle) as enrolled:
        server_verification(str(missing), enrolled=True)
    assert str(enrolled.value) == (
        f"the CA certificate file this device was enrolled with ({missing}) cannot be read "
        "(No such file or directory): put the file back or enrol again with --ca-bundle"
    )
    missing.write_text("not a certificate\n", encoding="utf-8")
    with pytest.raises(UnreadableCABundle) as garbled:
        server_verification(str(missing))
    assert str(garbled.value) == (
        f"the CA certificate file {missing} is not a file of PEM certificates "
        "(NO_CERTIFICATE_OR_CRL_FOUND): give the PEM file of the CA that signed the server's "
        "certificate"
    )


def test_a_readable_ca_file_is_what_the_server_is_checked_with() -> None:
    context = server_verification(certifi.where())  # a PEM file of CA certificates
    assert isinstance(context, ssl.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED and context.get_ca_certs()


def test_a_certificate_that_fails_the_check_says_to_enrol_with_the_offices_ca() -> None:
    failed = httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] self-signed certificate")
    said = untrusted_server("https://town.example", failed)
    assert isinstance(said, UntrustedServer)
    assert str(said) == (
        f"the certificate of https://town.example cannot be trusted ({failed}): if the office "
        "signs its servers with its own CA, enrol with --ca-bundle and that CA's PEM file"
    )
    assert untrusted_server("https://town.example", httpx.ConnectError("refused")) is None


def test_a_refusal_is_told_by_its_message_and_kept_by_its_code() -> None:
    body = {"error": "wrong_device", "message": "the batch names another device"}
    assert error_code(_answer(403, json=body)) == "wrong_device"
    assert error_message(_answer(403, json=body)) == "the batch names another device"
    assert error_message(_answer(422, json={"detail": "seq must be positive"})) == (
        "seq must be positive"
    )
    assert error_message(_answer(400, json={"other": 1})) == "{'other': 1}"
    assert error_message(_answer(400, json=["x" * 300])) == str(["x" * 300])[:200]
    assert error_code(_answer(400, json=["wrong_device"])) == ""
    assert error_code(_answer(400, json={"message": "no code"})) == ""
    proxy = _answer(502, text="<html>" + "bad gateway " * 40)
    assert error_code(proxy) == "" and error_message(proxy) == "HTTP 502 Bad Gateway"  # no HTML
    assert error_message(_answer(503, text="")) == "HTTP 503 Service Unavailable"
    refused = ServerRefused("refused", code="device_revoked")
    assert str(refused) == "refused" and refused.code == "device_revoked"
    assert ServerRefused("refused").code == ""


@pytest.mark.parametrize(
    "header, seconds", [("30", 30.0), ("2.5", 2.5), ("", 0.0), ("soon", 0.0), ("1.2.3", 0.0)]
)
def test_a_busy_server_is_waited_for_as_long_as_it_asks(header: str, seconds: float) -> None:
    headers = {"retry-after": header} if header else {}
    assert retry_after_seconds(_answer(503, headers=headers)) == seconds


def test_the_wait_before_a_retry_grows_to_its_cap_and_draws_evenly_below() -> None:
    backoff = Backoff(base=2.0, cap=60.0, rng=random.Random(5))
    same = random.Random(5)
    for attempt, ceiling in [(0, 2.0), (1, 4.0), (3, 16.0), (5, 60.0), (10**6, 60.0)]:
        assert backoff.delay(attempt) == same.uniform(0, ceiling)
    assert Backoff().base == 1.0 and Backoff().cap == 300.0
    draws = [Backoff(rng=random.Random(n)).delay(40) for n in range(200)]
    assert max(draws) <= 300.0 and max(draws) > 250.0


def test_a_device_to_enrol_again_says_so_with_the_servers_reason() -> None:
    assert str(DeviceNotEnrolled()) == "this device must be enrolled again"
    assert str(DeviceNotEnrolled("token unknown")) == (
        "this device must be enrolled again (token unknown)"
    )


def test_a_store_that_could_not_be_written_names_its_cause_and_what_to_do() -> None:
    full = sqlite3.OperationalError("database or disk is full")
    try:
        try:
            raise full
        except sqlite3.OperationalError:
            raise sqlite3.OperationalError("cannot rollback - no transaction is active")  # noqa: B904
    except sqlite3.OperationalError as rollback:
        said = store_error_message(rollback)
    assert said == (
        "could not write to this device's store (database or disk is full): free space on "
        "this device's disk, then sync again; nothing is lost"
    )
    try:
        try:
            raise ValueError("a page that was not JSON")
        except ValueError:
            raise sqlite3.OperationalError("database is locked")  # noqa: B904
    except sqlite3.OperationalError as meanwhile:  # not a rollback: its own cause is named
        assert store_error_message(meanwhile) == store_error_message(
            sqlite3.OperationalError("database is locked")
        )
    assert store_error_message(sqlite3.OperationalError("database is locked")) == (
        "could not write to this device's store (database is locked): close the other "
        "fieldapp using this store, then sync again; nothing is lost"
    )
    assert store_error_message(
        sqlite3.OperationalError("attempt to write a readonly database")
    ) == (
        "could not write to this device's store (attempt to write a readonly database): make "
        "the data folder writable again, then sync again; nothing is lost"
    )
    assert store_error_message(sqlite3.DatabaseError("disk I/O error")) == (
        "could not write to this device's store (disk I/O error): sync again later; nothing is lost"
    )


def test_a_sync_is_ok_only_with_nothing_failed_refused_or_left() -> None:
    assert SyncResult().ok
    assert not SyncResult(errors=["server down"]).ok
    assert not SyncResult(pending=1).ok
    assert not SyncResult(rejected=[RejectedOp("op-1", 3, "inspection.submit", "bad")]).ok
    assert SyncResult(warnings=["photo missing"]).ok


def test_photos_are_kept_in_the_data_folder_by_their_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path))
    sha = "ab" * 32
    assert default_blob_path(sha) == tmp_path / "blobs" / f"{sha}.jpg"
