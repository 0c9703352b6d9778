"""A command on a locked device asks the PIN again after a wrong one, as the lock screen
does while the free attempts last; once a wait starts it says to run the command again
after it. A prompt left without input (or Ctrl+C) is said in the UI's language, not as
click's English "Aborted!"."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from people_support import CHEAP_KDF, PIN, returnee_family

from fieldapp.cli import main
from fieldapp.domain import device_pin
from fieldapp.domain.personal import new_key
from fieldapp.i18n import set_language
from fieldapp.services.common.identity import me
from fieldapp.services.people import registry
from fieldapp.store import close_store, keyring


@pytest.fixture
def locked(demo_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A device holding a family's ID numbers behind the PIN, locked; the store closed, as
    a command opens it itself."""
    monkeypatch.setattr(device_pin, "DEFAULT_PARAMS", CHEAP_KDF)
    keyring.save_key(new_key())
    registry.save_household(returnee_family(me().grids[0][0]))
    keyring.set_pin(PIN)
    keyring.lock()
    close_store()


def _export(tmp_path: Path, *lang: str) -> list[str]:
    return [*lang, "export", "--format", "csv", "--out", str(tmp_path / "ledger.csv")]


def test_a_wrong_pin_is_asked_again_and_the_right_one_then_exports(
    locked: None, tmp_path: Path
) -> None:
    done = CliRunner().invoke(main, _export(tmp_path), input=f"000000\n{PIN}\n")
    assert done.exit_code == 0, done.output
    assert done.output.count("设备密码") == 2
    assert "密码不对，请重新输入。" in done.output
    assert list(tmp_path.glob("ledger*.csv"))


def test_wrong_pins_until_the_wait_end_the_command_saying_when_to_run_it_again(
    locked: None, tmp_path: Path
) -> None:
    wrong = "000000\n" * (device_pin.FREE_ATTEMPTS + 1)
    refused = CliRunner().invoke(main, _export(tmp_path, "--lang", "en"), input=wrong)
    assert refused.exit_code == 1
    assert refused.output.count("Device PIN") == device_pin.FREE_ATTEMPTS
    assert refused.output.count("Wrong PIN. Try again.") == device_pin.FREE_ATTEMPTS - 1
    seconds = int(device_pin.FIRST_WAIT_SECONDS)
    assert f"Too many wrong PINs: run the command again in {seconds} s." in refused.output
    assert not list(tmp_path.glob("ledger*.csv"))


@pytest.mark.parametrize(
    ("lang", "said"),
    [((), "需要设备密码才能打开人员数据，但没有读到输入：请在终端里运行这条命令"),
     (("--lang", "en"), "The device PIN is needed to open the people data, but no input came")],
)  # fmt: skip
def test_no_input_at_the_pin_prompt_is_said_in_the_ui_language(
    locked: None, tmp_path: Path, lang: tuple[str, ...], said: str
) -> None:
    stopped = CliRunner().invoke(main, _export(tmp_path, *lang), input="")
    set_language("zh")
    assert stopped.exit_code == 1
    assert said in stopped.output and "Aborted" not in stopped.output, stopped.output
