"""The device PIN and the idle lock: the personal-data key is wrapped under the PIN
(Argon2id), wrong PINs wait longer and longer, the app asks the PIN at start-up and after
idle time (its clock injected), and Esc opens nothing."""

from __future__ import annotations

import base64
import time
from pathlib import Path

import pytest
from people_support import CHEAP_KDF, FATHER, PIN, member_named, returnee_family
from pilot_support import settle
from textual.widgets import Input

from fieldapp.domain import device_pin
from fieldapp.domain.personal import PersonalDataLocked, encode_key, new_key
from fieldapp.services.common import device_lock, settings
from fieldapp.services.common.identity import me
from fieldapp.services.people import registry
from fieldapp.store import keyring, pin_wait
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.lock import LockScreen, SetPinScreen
from fieldapp.tui.screens.people import PeopleScreen


class Clock:
    """Seconds that move only when the test says so."""

    def __init__(self, start: float = 1_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at a test's cost (the real cost is checked once, below)."""
    monkeypatch.setattr(device_pin, "DEFAULT_PARAMS", CHEAP_KDF)


@pytest.fixture
def with_pin(demo_home: Path) -> bytes:
    """A device holding a family's ID numbers, its key wrapped under PIN, locked."""
    key = new_key()
    keyring.save_key(key)
    registry.save_household(returnee_family(me().grids[0][0]))
    keyring.set_pin(PIN)
    keyring.lock()
    return key


def test_the_key_file_opens_nothing_without_the_pin(with_pin: bytes) -> None:
    held = keyring.key_path().read_text(encoding="ascii")
    assert encode_key(with_pin) not in held and base64.b64encode(with_pin).decode() not in held
    assert keyring.state() == keyring.LOCKED
    with pytest.raises(PersonalDataLocked):
        keyring.cipher()
    shown = registry.households("")[0].members[0].id_number
    assert set(shown) == {"*"}, "locked: not even the mask's digits"
    with pytest.raises(device_pin.WrongPin):
        keyring.unlock("000111")
    keyring.unlock(PIN)
    token = member_named("陈建国").id_number
    assert FATHER not in token
    assert keyring.cipher().open(token, field="id_number", owner=_father_id()) == FATHER


def _father_id() -> str:
    return str(member_named("陈建国").id)


def _free_attempts_wrong(clock: Clock) -> None:
    for _ in range(device_pin.FREE_ATTEMPTS):
        with pytest.raises(device_pin.WrongPin):
            keyring.unlock("999888", clock=clock)


def test_wrong_pins_wait_longer_and_longer_and_the_count_survives_a_restart(
    with_pin: bytes,
) -> None:
    clock = Clock()
    _free_attempts_wrong(clock)
    assert keyring.wait_left(clock()) == 30
    with pytest.raises(keyring.PinWait):
        keyring.unlock(PIN, clock=clock)  # even the right PIN waits
    clock.now += 30
    with pytest.raises(device_pin.WrongPin):
        keyring.unlock("999887", clock=clock)
    assert keyring.wait_left(clock()) == 60
    _new_process()  # a restart: the count and the wait left are on disk
    for waited in (0, 59):
        clock.now += waited
        with pytest.raises(keyring.PinWait):
            keyring.unlock(PIN, clock=clock)
    clock.now += 1
    keyring.unlock(PIN, clock=clock)
    assert keyring.state() == keyring.UNLOCKED and keyring.failures() == (0, 0.0)
    assert device_pin.wait_after(40) == device_pin.LONGEST_WAIT_SECONDS


def _new_process() -> None:
    """What a restart leaves: the files, nothing of this process's countdown."""
    keyring.lock()
    pin_wait._countdowns.clear()


def test_setting_the_clock_forward_or_restarting_does_not_shorten_the_wait(
    with_pin: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()  # the process's monotonic clock
    _free_attempts_wrong(clock)
    day_ahead = time.time() + 86_400
    monkeypatch.setattr(time, "time", lambda: day_ahead)  # the laptop's clock set forward
    with pytest.raises(keyring.PinWait) as waiting:
        keyring.unlock(PIN, clock=clock)
    assert waiting.value.seconds == 30
    clock.now += 12  # twelve seconds of the app running
    assert keyring.wait_left(clock()) == 18

    _new_process()  # quit, an hour away, the clock still a day ahead: 18 s still to serve
    with pytest.raises(keyring.PinWait) as waiting:
        device_lock.unlock(PIN)  # the app's own clock
    assert 17 < waiting.value.seconds <= 18

    _new_process()
    clock = Clock(start=7.0)  # a new process's monotonic clock starts anywhere
    assert keyring.wait_left(clock()) == 18
    clock.now += 17
    with pytest.raises(keyring.PinWait):
        keyring.unlock(PIN, clock=clock)
    clock.now += 1
    keyring.unlock(PIN, clock=clock)
    assert keyring.state() == keyring.UNLOCKED and keyring.failures() == (0, 0.0)


def test_a_damaged_or_older_attempts_file_is_no_reset(with_pin: bytes) -> None:
    attempts = Path(str(keyring.key_path()).replace(".personal-key", ".pin-attempts"))
    attempts.write_text('{"failures": 4, "at": 1.0}', encoding="ascii")  # wall clock, 1970
    assert keyring.wait_left(Clock()()) == device_pin.wait_after(4)  # the whole wait
    _new_process()
    attempts.write_text("{not json", encoding="ascii")
    assert keyring.wait_left(Clock()()) == device_pin.FIRST_WAIT_SECONDS


def test_pin_rules_and_the_real_argon2id_cost() -> None:
    assert device_pin.pin_problem("12345")  # too short
    assert device_pin.pin_problem("123456")  # a run
    assert device_pin.pin_problem("777777")
    assert device_pin.pin_problem("25091a")
    assert device_pin.pin_problem(PIN) is None
    params = device_pin.KdfParams()
    assert (params.time_cost, params.memory_kib, params.parallelism) == (3, 65536, 4)
    salt = device_pin.new_salt()
    wrapping = device_pin.derive(PIN, salt, params)
    token = device_pin.wrap(wrapping, b"k" * 32)
    assert device_pin.unwrap(device_pin.derive(PIN, salt, params), token) == b"k" * 32
    with pytest.raises(device_pin.WrongPin):
        device_pin.unwrap(device_pin.derive("250914", salt, params), token)


async def _type_pin(app, pilot, pin: str, field: str = "#lock-pin") -> None:  # type: ignore[no-untyped-def]
    app.screen.query_one(field, Input).focus()
    await pilot.press(*pin, "enter")
    await settle(app, pilot, rounds=2)


def _status(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#lock-status").render())


async def test_start_up_asks_the_pin_esc_does_not_unlock_and_wrong_pins_wait(
    with_pin: bytes,
) -> None:
    app = make_app()
    clock = Clock()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, LockScreen)
        app.screen.clock = clock
        await pilot.press("escape", "f11", "f5", "slash")
        await settle(app, pilot)
        assert isinstance(app.screen, LockScreen), "only the PIN opens the lock"
        for _ in range(device_pin.FREE_ATTEMPTS - 1):
            await _type_pin(app, pilot, "999888")
            assert "密码不对" in _status(app)
        await _type_pin(app, pilot, "999888")
        assert "30 秒后再试" in _status(app)
        await _type_pin(app, pilot, PIN)  # even the right PIN waits
        assert "30 秒后再试" in _status(app) and keyring.state() == keyring.LOCKED
        assert isinstance(lock := app.screen, LockScreen) and lock.ticking is not None
        clock.now += 4
        lock.tick()  # what its timer calls each second (no sleep): the wait counts down
        assert "26 秒后再试" in _status(app)
        await pilot.press("f9")  # in the language chosen, to its end
        await settle(app, pilot)
        assert "Too many wrong PINs: try again in 26 s." in _status(app) and lock.ticking
        clock.now += 26
        lock.tick()
        assert _status(app) == "You can enter the PIN again now." and lock.ticking is None
        await _type_pin(app, pilot, PIN)
        assert not isinstance(app.screen, LockScreen) and keyring.state() == keyring.UNLOCKED
        await pilot.press("f11")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, PeopleScreen)


async def test_idle_time_locks_the_app_over_what_was_open(with_pin: bytes) -> None:
    settings.put(device_lock.IDLE_LOCK_SETTING, 2)
    keyring.unlock(PIN)
    app = make_app(lang="en")
    idle = Clock()
    app.idle_clock = idle
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot, rounds=2)
            assert isinstance(app.screen, HomeScreen), app.screen
            assert app.idle_lock_minutes == 2
            await pilot.press("f11")
            await settle(app, pilot, rounds=2)
            assert isinstance(app.screen, PeopleScreen)
            idle.now += 119
            await pilot.press("down")  # activity: the two minutes start again
            idle.now += 119
            app.lock_if_idle()
            await settle(app, pilot)
            assert isinstance(app.screen, PeopleScreen)
            idle.now += 1
            app.lock_if_idle()
            await settle(app, pilot)
            assert isinstance(app.screen, LockScreen)
            assert keyring.state() == keyring.LOCKED and not app._notifications
            assert "This device is locked" in str(app.screen.query_one(".dialog-title").render())
            await _type_pin(app, pilot, PIN)
            assert isinstance(app.screen, PeopleScreen), "back where the person was"
            app.lock_if_idle()
            assert isinstance(app.screen, PeopleScreen)
            await pilot.press("ctrl+l")  # lock by hand
            await settle(app, pilot)
            assert isinstance(app.screen, LockScreen)
    finally:
        from fieldapp.i18n import set_language

        set_language("zh")


async def test_a_device_with_a_key_and_no_pin_asks_for_one_first(demo_home: Path) -> None:
    keyring.save_key(new_key())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, SetPinScreen)
        await _type_pin(app, pilot, "123456")
        await _type_pin(app, pilot, "123456", "#lock-pin-again")
        assert "连续数字" in _status(app)
        await _type_pin(app, pilot, PIN)
        await _type_pin(app, pilot, "250914", "#lock-pin-again")
        assert "不一致" in _status(app) and keyring.state() == keyring.CLEAR
        await _type_pin(app, pilot, PIN)
        await _type_pin(app, pilot, PIN, "#lock-pin-again")
        assert isinstance(app.screen, HomeScreen)
    assert keyring.state() == keyring.UNLOCKED
    keyring.lock()
    keyring.unlock(PIN)
    assert keyring.state() == keyring.UNLOCKED


async def test_tab_moves_from_the_pin_to_the_pin_again(demo_home: Path) -> None:
    # Typed as a person does: the PIN, Tab, the PIN again, Enter (Tab did nothing here, so
    # both PINs went into the first field).
    keyring.save_key(new_key())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, SetPinScreen)
        await pilot.press(*PIN, "tab", *PIN)
        assert app.screen.query_one("#lock-pin", Input).value == PIN
        assert app.screen.query_one("#lock-pin-again", Input).value == PIN
        await pilot.press("shift+tab")
        assert app.focused is app.screen.query_one("#lock-pin", Input)
        await pilot.press("tab", "enter")
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, HomeScreen)
    assert keyring.state() == keyring.UNLOCKED


def test_the_idle_time_is_a_setting_of_one_to_sixty_minutes(home: Path) -> None:
    from click.testing import CliRunner

    from fieldapp.cli import main

    runner = CliRunner()
    assert "5 分钟" in runner.invoke(main, ["idle-lock"]).output
    refused = runner.invoke(main, ["idle-lock", "90"])
    assert refused.exit_code == 1 and "1 到 60 分钟" in refused.output
    assert "2 分钟" in runner.invoke(main, ["idle-lock", "2"]).output
    assert device_lock.idle_lock_minutes() == 2


def test_the_export_command_asks_the_pin_of_a_locked_device(with_pin: bytes, tmp_path) -> None:
    from click.testing import CliRunner

    from fieldapp.cli import main
    from fieldapp.store import close_store

    close_store()  # the command opens the store itself
    runner = CliRunner()
    out = tmp_path / "ledger.csv"
    wrong = runner.invoke(main, ["export", "--format", "csv", "--out", str(out)], input="000111\n")
    assert wrong.exit_code == 1 and "密码不对" in wrong.output
    assert "设备密码：" in wrong.output and "设备密码:" not in wrong.output, wrong.output
    done = runner.invoke(main, ["export", "--format", "csv", "--out", str(out)], input=PIN + "\n")
    assert done.exit_code == 0, done.output
    people = "\n".join(p.read_text(encoding="utf-8-sig") for p in tmp_path.glob("ledger*.csv"))
    assert "4501**********" + FATHER[-4:] in people and FATHER not in people


def test_a_command_serves_the_wait_before_it_asks_the_pin(
    with_pin: bytes, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from fieldapp.cli import main
    from fieldapp.store import close_store

    monkeypatch.setattr(device_pin, "FIRST_WAIT_SECONDS", 1.0)
    close_store()
    out = tmp_path / "ledger.csv"
    command = ["--lang", "en", "export", "--format", "csv", "--out", str(out)]
    for attempt in range(1, device_pin.FREE_ATTEMPTS + 1):
        _new_process()
        wrong = CliRunner().invoke(main, command, input="000111\n")
        waits = "Too many wrong PINs: run the command again in 1 s" in wrong.output
        assert wrong.exit_code == 1 and waits == (attempt == device_pin.FREE_ATTEMPTS)
    _new_process()
    started = time.monotonic()
    done = CliRunner().invoke(main, command, input=PIN + "\n")
    assert done.exit_code == 0, done.output
    assert "Too many wrong PINs: the PIN is asked in 1 s" in done.output
    assert time.monotonic() - started >= 1.0


def test_the_export_of_an_unknown_grid_says_so_before_asking_the_pin(
    with_pin: bytes, tmp_path
) -> None:
    """`fieldapp export --grid NOPE` on a locked device: the grid is checked first (no
    personal data in it), so nobody types the PIN for a command that cannot run."""
    from click.testing import CliRunner

    from fieldapp.cli import main
    from fieldapp.i18n import listed, t
    from fieldapp.store import close_store
    from fieldapp.store.models import Grid

    codes = listed(str(g.code) for g in Grid.select(Grid.code).order_by(Grid.code))
    close_store()
    out = tmp_path / "ledger.csv"
    args = ["export", "--grid", "NOPE", "--format", "csv", "--out", str(out)]
    refused = CliRunner().invoke(main, args, input="")
    assert refused.exit_code != 0
    assert t("cli.pin.prompt") not in refused.output, refused.output
    assert t("cli.unknown_grid", grid="NOPE", codes=codes) in refused.output
    assert not out.exists()


async def test_pin_fields_take_only_digits_as_typed(with_pin: bytes) -> None:
    """A letter or a Chinese character typed into a PIN field does not go in (it went in as
    a dot and was refused only on Enter); the screen says the PIN is digits only, until
    the next digit goes in."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, LockScreen)
        await pilot.press("a", "1", "中")
        await settle(app, pilot)
        assert app.screen.query_one("#lock-pin", Input).value == "1"
        assert _status(app) == "设备密码只能是数字（0–9），请用数字键输入。"
        await pilot.press("2")
        await settle(app, pilot)
        assert app.screen.query_one("#lock-pin", Input).value == "12"
        assert _status(app) == ""


async def test_new_pin_fields_take_only_digits_as_typed(demo_home: Path) -> None:
    keyring.save_key(new_key())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, SetPinScreen)
        for field in ("#lock-pin", "#lock-pin-again"):
            app.screen.query_one(field, Input).focus()
            await pilot.press("x", "9", "密")
            assert app.screen.query_one(field, Input).value == "9", field
            await pilot.pause()
            assert _status(app) == "设备密码只能是数字（0–9），请用数字键输入。", field
            await pilot.press("8")  # the PIN corrected: the fields hold digits only
            await pilot.pause()
            assert _status(app) == "", field
