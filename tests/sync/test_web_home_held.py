"""Two `fieldapp web` fronts on one --home: the later one's start took every session
store there for left over and signed the first one's open sessions out (synced, device
retired, store deleted), under a person still working in them. The first front now
holds the folder while it runs, and a second is refused at start, saying what to do. Real
`fieldapp web` processes on loopback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from test_web import REPO, _port, start_front

pytestmark = pytest.mark.slow

SAID = {
    "zh": "另一个 fieldapp web 正在使用",
    "en": "Another fieldapp web is serving from",
}
WHAT_TO_DO = {"zh": "请先停止它，或用 --home 为这一个另选目录", "en": "another folder with --home"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_second_front_on_the_same_home_is_refused_and_the_first_serves_on(
    tmp_path: Path, lang: str
) -> None:
    home = tmp_path / "web"
    server = "http://127.0.0.1:9"  # not reached: no one signs in
    port = _port()
    first = start_front(server, port, home, tmp_path / "first.log")
    try:
        second = subprocess.run(
            [sys.executable, "-m", "fieldapp", "--lang", lang, "web", "--server", server,
             "--port", str(_port()), "--home", str(home)],
            cwd=REPO, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert second.returncode == 2, second.stderr
        said = second.stderr
        assert SAID[lang] in said and str(home) in said and WHAT_TO_DO[lang] in said, said
        assert "Traceback" not in said
        assert first.poll() is None, "the first front stopped"
        assert httpx.get(f"http://127.0.0.1:{port}/login", timeout=5).status_code == 200
    finally:
        first.terminate()
        first.wait(30)
    again = start_front(server, port, home, tmp_path / "again.log")  # the hold ended with it
    try:
        assert again.poll() is None
        assert httpx.get(f"http://127.0.0.1:{port}/login", timeout=5).status_code == 200
    finally:
        again.terminate()
        again.wait(30)
