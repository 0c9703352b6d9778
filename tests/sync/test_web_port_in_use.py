"""`fieldapp web --port N` with N already held by another program announced "Serving …
Press Ctrl+C to quit" and then died with a traceback (OSError: [Errno 98] address already
in use). It now checks the port before it says anything, and refuses in one line that
names the port and --port, with a non-zero exit status."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from test_web import REPO

pytestmark = pytest.mark.slow

SAID = {
    "zh": ("错误：", "端口 {port} 已被另一个程序占用", "--port"),
    "en": ("Error:", "Port {port} is already in use", "--port"),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_port_in_use_is_said_in_one_line_before_serving(tmp_path: Path, lang: str) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        run = subprocess.run(
            [sys.executable, "-m", "fieldapp", "--lang", lang, "web", "--server",
             "http://127.0.0.1:9", "--port", str(port), "--home", str(tmp_path / "web")],
            cwd=REPO, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    said = run.stdout + run.stderr
    assert run.returncode != 0, said
    assert "Traceback" not in said and "Serving" not in said and "Ctrl+C" not in said, said
    lines = [line for line in said.splitlines() if line.strip()]
    error = [line for line in lines if line.startswith(SAID[lang][0])]
    assert len(error) == 1, said
    assert all(part.format(port=port) in error[0] for part in SAID[lang][1:]), said
