"""`fieldapp export --full-personal-data` as an inspector asked the device PIN, the
purpose and a note, and only then said 错误：您的角色不能查看完整的身份证号或电话。 It
now refuses first and says who can export in full; and a supervisor's run with nothing on
its input, which said only "Stopped: the command did not finish.", says the PIN is
needed and how to give it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from people_support import CHEAP_KDF, PIN

from fieldapp.domain import device_pin
from fieldapp.domain.personal import new_key
from fieldapp.services.demo import workspace as demo
from fieldapp.store import close_store, keyring


def _run_locked(home: Path, out: Path, role: str, lang: str) -> subprocess.CompletedProcess[str]:
    """The full export run by `role` on a locked device, without a terminal or any input."""
    demo.act_as(role)
    keyring.save_key(new_key())
    keyring.set_pin(PIN, CHEAP_KDF)
    keyring.lock()
    close_store()
    command = [sys.executable, "-m", "fieldapp", "--lang", lang, "export", "--out", str(out),
               "--full-personal-data"]  # fmt: skip
    return subprocess.run(
        command, input="", capture_output=True, text=True, start_new_session=True,
        timeout=120, env={**os.environ, "FIELDAPP_HOME": str(home)},
    )  # fmt: skip


@pytest.mark.parametrize(
    ("role", "lang", "said", "not_said"),
    [("inspector", "zh", "您的角色不能导出完整的身份证号或电话：只有网格长或管理员可以", "设备密码"),
     ("inspector", "en", "Your role may not export full ID numbers or phones: only a grid head "
      "or an administrator may", "Device PIN"),
     ("supervisor", "zh", "需要设备密码才能打开人员数据，但没有读到输入", "已中止"),
     ("supervisor", "en", "The device PIN is needed to open the people data, but no input came",
      "Stopped")],
)  # fmt: skip
def test_a_full_export_says_who_may_and_how_to_give_the_pin(
    demo_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, role: str, lang: str,
    said: str, not_said: str,
) -> None:  # fmt: skip
    """An inspector is refused before the PIN (not_said) or the purpose is asked; a grid
    head with nothing on the input is told how to give the PIN, not only that it stopped."""
    monkeypatch.setattr(device_pin, "DEFAULT_PARAMS", CHEAP_KDF)
    done = _run_locked(demo_home, tmp_path / "full.xlsx", role, lang)
    assert done.returncode == 1
    assert said in done.stderr, done.stderr
    assert not_said not in done.stderr and "1." not in done.stderr  # nor the purposes listed
    assert not (tmp_path / "full.xlsx").exists()
