"""A server that answers broken bytes, breaks off, never answers, or is not fieldapp at
the enrolled address: each said for what it is, with a remedy a person can carry out."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from wrong_servers import python_http_server, raw_answering

from fieldapp.cli import main
from fieldapp.i18n import written_in
from fieldapp.services.demo.workspace import DemoInfo
from fieldapp.services.syncing.problems import errors_in_words
from fieldapp.store.models import SyncState
from fieldapp.store.opening import close_store
from sync.client import SyncClient

CUT_OFF = b'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 90\r\n\r\n{"st'


def _point_at(url: str) -> None:
    SyncState.get_or_create(id=1)
    SyncState.update(server_url=url, token="t0ken", device_id="dev-1").where(
        SyncState.id == 1
    ).execute()
    close_store()  # the command opens it


@pytest.mark.parametrize("answer", [b"\x8f\x02garbage\x00\xff" * 20, CUT_OFF])
def test_an_answer_that_breaks_off_is_not_called_offline(
    answer: bytes, demo_info: DemoInfo
) -> None:
    with raw_answering(answer) as url:
        _point_at(url)
        run = CliRunner().invoke(main, ["sync"], catch_exceptions=False)
    assert f"{url} 有应答，但应答中断或不是 fieldapp 服务器的应答" in run.output, run.output
    assert "无法连接" not in run.output and "检查网络" not in run.output
    assert "fieldapp enroll 重新注册本机" in run.output
    assert run.exit_code == 1


@pytest.mark.parametrize(
    ("lang", "said", "not_said"),
    [
        ("zh", "请向办公室要新的注册码，用 fieldapp enroll 重新注册本机", "请检查服务器地址"),
        ("en", "ask the office for a new enrolment code and enrol again with fieldapp enroll",
         "check the server address"),
    ],
)  # fmt: skip
def test_the_enrolled_address_answering_as_another_server_says_to_enrol_again(
    lang: str, said: str, not_said: str, demo_info: DemoInfo, tmp_path: Path
) -> None:
    with python_http_server(tmp_path) as url:
        _point_at(url)
        run = CliRunner().invoke(main, ["--lang", lang, "sync"], catch_exceptions=False)
    assert said in run.output and not_said not in run.output, run.output


def test_a_server_that_never_answers_is_waited_for_once_and_said_so(
    demo_info: DemoInfo,
) -> None:
    with raw_answering(None) as url:
        started = time.monotonic()
        with SyncClient(url, "t0ken", "dev-1", timeout=1.0, max_retries=3) as client:
            result = client.sync_once()
        took = time.monotonic() - started
        with written_in("zh"):
            said = errors_in_words(result, url)
    assert took < 2.5, took  # one timeout, not four and the backoff between
    assert said == [
        f"服务器 {url} 接受了连接，但 1 秒内没有应答：请稍后再试；如一直如此，请告知办公室"
    ]
