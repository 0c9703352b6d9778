"""`fieldapp monthly-report` on a locked device whose month holds a zero report: the report
checks the zero report against the day's people figures, which are sealed behind the
device PIN. It ended in a traceback (PersonalDataLocked: locked: enter your PIN (ctrl+l));
it now asks the PIN as `fieldapp export` does, writes the report with the right one and
refuses a wrong one in the user's language. A month with nothing sealed to read asks no
PIN at all."""

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
from fieldapp.services.daily_report import reports as daily_reports
from fieldapp.services.people import registry
from fieldapp.store import close_store, keyring


def _lock(zero_report: bool) -> None:
    """A family's ID numbers sealed behind the PIN, today's report of my grid a zero one
    (or none), the device locked and the store closed, as a command opens it itself."""
    grid = me().grids[0][0]
    keyring.save_key(new_key())
    keyring.set_pin(PIN)  # from here people data is written sealed
    if zero_report:
        daily_reports.file_report(grid, zero_report=True)
    registry.save_household(returnee_family(grid))
    keyring.lock()
    close_store()


@pytest.fixture
def cheap_pin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(device_pin, "DEFAULT_PARAMS", CHEAP_KDF)


def _month(tmp_path: Path, *lang: str) -> list[str]:
    return [*lang, "monthly-report", "--xlsx", str(tmp_path / "m.xlsx")]


@pytest.mark.usefixtures("cheap_pin")
def test_a_month_with_a_zero_report_asks_the_pin_and_writes_the_report(
    demo_home: Path, tmp_path: Path
) -> None:
    _lock(zero_report=True)
    done = CliRunner().invoke(main, _month(tmp_path), input=f"{PIN}\n")
    assert done.exit_code == 0, done.output
    assert "设备密码：" in done.output and "Traceback" not in done.output
    assert f"已写出 {tmp_path / 'm.xlsx'}" in done.output
    assert (tmp_path / "m.xlsx").stat().st_size > 0


@pytest.mark.usefixtures("cheap_pin")
@pytest.mark.parametrize(
    ("lang", "prompt", "refused"),
    [((), "设备密码：", "密码不对。错误次数过多"),
     (("--lang", "en"), "Device PIN: ", "Error: Wrong PIN. Too many wrong PINs")],
)  # fmt: skip
def test_a_wrong_pin_is_refused_in_the_user_language_and_writes_nothing(
    demo_home: Path, tmp_path: Path, lang: tuple[str, ...], prompt: str, refused: str
) -> None:
    _lock(zero_report=True)
    wrong = "000000\n" * device_pin.FREE_ATTEMPTS
    stopped = CliRunner().invoke(main, _month(tmp_path, *lang), input=wrong)
    set_language("zh")
    assert stopped.exit_code == 1
    assert stopped.output.count(prompt) == device_pin.FREE_ATTEMPTS, stopped.output
    assert refused in stopped.output and "PersonalDataLocked" not in stopped.output
    assert not (tmp_path / "m.xlsx").exists()


@pytest.mark.usefixtures("cheap_pin")
def test_a_month_without_sealed_figures_to_read_asks_no_pin(
    demo_home: Path, tmp_path: Path
) -> None:
    _lock(zero_report=False)
    done = CliRunner().invoke(main, _month(tmp_path), input="")
    assert done.exit_code == 0, done.output
    assert "设备密码" not in done.output
    assert (tmp_path / "m.xlsx").exists()
