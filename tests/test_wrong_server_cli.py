"""`fieldapp sync` and `fieldapp enroll` against a server that is not what they expect:
one outcome line in the UI's language, never HTML or a parser's internals, a retry hint
only when trying again can help, and every waiting record kept."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from click.testing import CliRunner
from wrong_servers import answering, python_http_server

from fieldapp.cli import main
from fieldapp.services.demo.workspace import DemoInfo
from fieldapp.store.models import Outbox, SyncState
from fieldapp.store.opening import close_store, open_store

RAW = ("Expecting value", "validation error", "pydantic", "<", "sync failed", "同步完成")


def _server(kind: str, folder: Path) -> AbstractContextManager[str]:
    if kind == "garbage":
        return answering(b"garbage!!", content_type="text/plain")
    if kind == "truncated":
        return answering(b'{"status": "ok", "epo')
    if kind == "health_of_another_shape":
        return answering(b'{"status":"ok"}')
    return python_http_server(folder)


@pytest.fixture
def outbox(demo_info: DemoInfo) -> Iterator[dict[str, str]]:
    """The demo store's outbox, as it is before the sync."""
    yield {row.op_id: row.state for row in Outbox.select()}


def _point_at(url: str) -> None:
    SyncState.get_or_create(id=1)
    SyncState.update(server_url=url, token="t0ken", device_id="dev-1").where(
        SyncState.id == 1
    ).execute()
    close_store()  # the command opens it


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("garbage", "的应答不是 fieldapp 的应答：可能地址已换成别的服务，或服务器版本不符"),
        ("truncated", "的应答不是 fieldapp 的应答"),
        ("health_of_another_shape", "的应答不是 fieldapp 的应答"),
        ("http.server", "有应答，但这不是 fieldapp 服务器（HTTP 404）：本机注册的服务器地址已不对"),
    ],
)
def test_sync_against_a_wrong_server_says_one_thing_in_chinese(
    kind: str, said: str, demo_info: DemoInfo, outbox: dict[str, str], tmp_path: Path
) -> None:
    with _server(kind, tmp_path) as url:
        _point_at(url)
        run = CliRunner().invoke(main, ["sync"], catch_exceptions=False)
    lines = [line for line in run.output.splitlines() if line.strip()]
    outcome = [line for line in lines if line.startswith("同步未完成：")]
    assert len(outcome) == 1 and said in outcome[0] and url in outcome[0], run.output
    assert not any(raw in run.output for raw in RAW), run.output
    assert "重试" not in run.output  # trying again at this address will not help
    assert run.exit_code == 1
    open_store(demo_info.store)
    assert {row.op_id: row.state for row in Outbox.select()} == outbox


def test_sync_against_python_http_server_in_english(demo_info: DemoInfo, tmp_path: Path) -> None:
    with python_http_server(tmp_path) as url:
        _point_at(url)
        run = CliRunner().invoke(main, ["--lang", "en", "sync"], catch_exceptions=False)
    assert (
        f"Sync did not finish: {url} answers, but it is not a fieldapp server (HTTP 404): "
        "the address this device was enrolled with is no longer right; ask the office for a "
        "new enrolment code and enrol again with fieldapp enroll"
    ) in run.output
    assert "Sync done" not in run.output and "<" not in run.output and "Try again" not in run.output


def test_a_server_that_keeps_failing_is_worth_trying_again_later(
    demo_info: DemoInfo, tmp_path: Path
) -> None:
    """A 503 (an upgrade, a proxy whose server is down): retried, then a hint with a delay
    a person can act on — not "in 0 s"."""
    with answering(b"<html>503 Service Temporarily Unavailable</html>", 503, "text/html") as url:
        _point_at(url)
        run = CliRunner().invoke(main, ["sync"], catch_exceptions=False)
    assert "暂时出错（HTTP 503）" in run.output and "<" not in run.output, run.output
    seconds = [int(w) for w in run.output.split("请在约 ")[1].split()[:1]]
    assert seconds and seconds[0] >= 30


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "zh",
            "注册失败：{url} 有应答，但这不是 fieldapp 服务器（HTTP 501），请检查服务器地址。"
            "本机的记录没有改动。\n",
        ),
        (
            "en",
            "Enrolment failed: {url} answers, but it is not a fieldapp server (HTTP 501): "
            "check the server address. Nothing on this device was changed.\n",
        ),
    ],
)
def test_enrolling_with_a_server_that_is_not_fieldapp_says_so(
    lang: str, said: str, home: Path, tmp_path: Path
) -> None:
    close_store()
    with python_http_server(tmp_path) as url:
        run = CliRunner().invoke(main, ["--lang", lang, "enroll", url, "ABCDEF"])
    assert run.exit_code == 1
    assert said.format(url=url) in run.output and "<" not in run.output, run.output


def test_enrolling_with_a_server_that_answers_garbage_says_so(home: Path) -> None:
    close_store()
    with answering(b"garbage!!") as url:
        run = CliRunner().invoke(main, ["enroll", url, "ABCDEF"])
    assert run.exit_code == 1
    assert f"注册失败：服务器 {url} 的应答不是 fieldapp 的应答" in run.output, run.output


def test_the_first_screens_enrolment_says_the_address_is_not_fieldapp(
    home: Path, tmp_path: Path
) -> None:
    from fieldapp.services.syncing.enrolment import enrol

    with python_http_server(tmp_path) as url:
        said = enrol(url, "ABCDEF")
    assert not said.ok
    assert said.message == f"{url} 有应答，但这不是 fieldapp 服务器（HTTP 501），请检查服务器地址。"
