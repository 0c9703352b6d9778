"""`fieldapp export` on a locked device asks the device PIN. Run where there is no
terminal (a script piping the PIN in), Python's getpass printed "Warning: Password input
may be echoed." in English under the Chinese UI; the prompt now says only its own words."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from people_support import CHEAP_KDF, PIN

from fieldapp.domain import device_pin
from fieldapp.domain.personal import new_key
from fieldapp.store import close_store, keyring


@pytest.mark.parametrize(("lang", "prompt"), [("zh", "设备密码："), ("en", "Device PIN: ")])
def test_the_pin_prompt_has_no_english_warning(
    demo_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, prompt: str
) -> None:
    monkeypatch.setattr(device_pin, "DEFAULT_PARAMS", CHEAP_KDF)
    keyring.save_key(new_key())
    keyring.set_pin(PIN)
    keyring.lock()
    close_store()
    out = tmp_path / "ledger.xlsx"
    command = [sys.executable, "-m", "fieldapp", "--lang", lang, "export", "--format", "xlsx",
               "--out", str(out)]  # fmt: skip
    done = subprocess.run(
        command, input=f"{PIN}\n", capture_output=True, text=True, start_new_session=True,
        timeout=120, env={**os.environ, "FIELDAPP_HOME": str(demo_home)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"{prompt}\n"
    assert out.stat().st_size > 0
