"""Where the device keeps the personal-data key: a file of its own beside the store,
wrapped under the device PIN once one is set.

The key opens the sealed ID numbers and phones of the registry (`fieldapp.domain.personal`).
It comes from the server (`GET /api/v1/personal-key`) at the first sync after enrolment and
is kept owner-only beside the store file, never inside it, so a copied store file alone
shows no ID number or phone. The file holds either

- the key itself (base64, one line): no PIN is set yet — the app asks for one as soon as
  it sees this (`state() == CLEAR`), and the CLI may still use it; or
- `{"v": 3, "kdf": "argon2id", "salt", "t", "m", "p", "key", "public", "private"}`: the key
  wrapped under a key derived from the PIN (`fieldapp.domain.device_pin`), with the device
  keypair that seals the rest of the personal data at rest (`fieldapp.domain.at_rest`):
  the public key in clear (anyone may seal), the private key wrapped under the PIN too.
  They are opened by `unlock(pin)` and then held in this process's memory only, until
  `lock()` (the app's idle lock). A v2 record (no keypair) gets one at its next unlock.

The data keys sealed to the device key live in a directory beside the store
(`sealing_dir`, see `fieldapp.store.at_rest`).

Wrong PINs are counted in a second file (`.pin-attempts`, `fieldapp.store.pin_wait`): the
wait after them is served on a monotonic clock while the app runs, so neither a restart
nor a clock set forward shortens it. `forget()` deletes both (a revoked device).
"""

from __future__ import annotations

import base64
import json
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from fieldapp.domain import at_rest, device_pin, personal
from fieldapp.store import pin_wait
from fieldapp.store.db import db
from fieldapp.store.owner_files import write_owner_only
from fieldapp.store.pin_wait import failures, wait_left

NONE, CLEAR, LOCKED, UNLOCKED = "none", "clear", "locked", "unlocked"

# The key and the device's private key opened by the PIN in this process, with the file
# they came from.
_session: tuple[str, bytes, bytes] | None = None
# Bumped whenever the keys held change (PIN set, unlock, lock, forget): caches of keys
# derived from them (`fieldapp.store.at_rest`) drop what they hold when it moves.
generation = 0


class PinWait(RuntimeError):
    """Too many wrong PINs: the next attempt must wait `seconds`."""

    def __init__(self, seconds: float, failures: int) -> None:
        super().__init__(f"too many wrong PINs; try again in {seconds:.0f} s")
        self.seconds = seconds
        self.failures = failures


def key_path() -> Path:
    return Path(str(db.database) + ".personal-key")


def sealing_dir() -> Path:
    return Path(str(db.database) + ".sealing")


def _read() -> str | dict[str, object] | None:
    path = key_path()
    if not path.is_file():
        return None
    text = path.read_text(encoding="ascii").strip()
    if text.startswith("{"):
        record: dict[str, object] = json.loads(text)
        return record
    return text


def _session_key() -> bytes | None:
    if _session is not None and _session[0] == str(key_path()):
        return _session[1]
    return None


def _opened(key: bytes, private: bytes) -> None:
    global _session, generation
    _session = (str(key_path()), key, private)
    generation += 1


def device_public_key() -> bytes | None:
    """The public half of the device key (no PIN needed); None before a PIN is set."""
    held = _read()
    if isinstance(held, dict) and held.get("public"):
        return base64.urlsafe_b64decode(str(held["public"]))
    return None


def device_private_key() -> bytes | None:
    """The private half, while the PIN has it open in this process."""
    if _session is not None and _session[0] == str(key_path()):
        return _session[2]
    return None


def state() -> str:
    """NONE (no key on this device), CLEAR (a key, no PIN yet), LOCKED or UNLOCKED."""
    held = _read()
    if held is None:
        return NONE
    if isinstance(held, str):
        return CLEAR
    return UNLOCKED if _session_key() is not None else LOCKED


def load_key() -> bytes | None:
    """The key when it can be used now: held in clear, or opened by the PIN."""
    held = _read()
    if held is None:
        return None
    if isinstance(held, str):
        return personal.decode_key(held)
    return _session_key()


def has_key() -> bool:
    return key_path().is_file()


def save_key(key: bytes) -> None:
    """Keep a key fetched from the server: in clear while no PIN is set (the app then asks
    for one), else wrapped — which needs the PIN's key, so only while unlocked."""
    global generation
    if isinstance(_read(), dict):
        raise personal.PersonalDataLocked("the device PIN is set: unlock before saving a key")
    write_owner_only(key_path(), personal.encode_key(key))
    generation += 1


def set_pin(pin: str, params: device_pin.KdfParams | None = None) -> None:
    """Wrap the key and the device key under `pin` (first run: the device key is made
    now; or a change of PIN while unlocked: the same device key)."""
    problem = device_pin.pin_problem(pin)
    if problem:
        raise ValueError(problem)
    key = load_key()
    if key is None:
        raise personal.PersonalDataLocked("no key to protect, or the device is locked")
    private = device_private_key()
    public = device_public_key()
    if private is None or public is None:
        private, public = at_rest.new_keypair()
    params = params or device_pin.DEFAULT_PARAMS
    salt = device_pin.new_salt()
    _write_record(device_pin.derive(pin, salt, params), salt, params, key, (private, public))
    _opened(key, private)
    pin_wait.clear()


def _write_record(
    wrapping: bytes,
    salt: bytes,
    params: device_pin.KdfParams,
    key: bytes,
    keypair: tuple[bytes, bytes],
) -> None:
    record = {
        "v": 3,
        "kdf": "argon2id",
        "salt": salt.hex(),
        "t": params.time_cost,
        "m": params.memory_kib,
        "p": params.parallelism,
        "key": device_pin.wrap(wrapping, key),
        "public": base64.urlsafe_b64encode(keypair[1]).decode("ascii"),
        "private": device_pin.wrap(wrapping, keypair[0], device_pin.DEVICE_KEY_CONTEXT),
    }
    write_owner_only(key_path(), json.dumps(record))


def unlock(pin: str, *, clock: Callable[[], float] = time.monotonic) -> None:
    """Open the key with the PIN and hold it for this process. PinWait while wrong PINs
    must wait; device_pin.WrongPin (and one more failure counted) for a wrong PIN. A
    record from before the device key (v2) gets its device key now."""
    held = _read()
    if not isinstance(held, dict):
        return  # no PIN: nothing to open
    left = wait_left(clock())
    if left > 0:
        raise PinWait(left, failures()[0])
    params = device_pin.KdfParams(int(str(held["t"])), int(str(held["m"])), int(str(held["p"])))
    salt = bytes.fromhex(str(held["salt"]))
    try:
        wrapping = device_pin.derive(pin, salt, params)
        key = device_pin.unwrap(wrapping, str(held["key"]))
    except device_pin.WrongPin:
        pin_wait.count_wrong_pin(clock())
        raise
    if held.get("private"):
        private = device_pin.unwrap(wrapping, str(held["private"]), device_pin.DEVICE_KEY_CONTEXT)
    else:
        private, public = at_rest.new_keypair()
        _write_record(wrapping, salt, params, key, (private, public))
    _opened(key, private)
    pin_wait.clear()


def lock() -> None:
    """Forget the opened keys (the idle lock); the PIN opens them again."""
    global _session, generation
    _session = None
    generation += 1


def forget() -> None:
    """Delete the keys and the PIN's files and forget the opened keys (a revoked device)."""
    lock()
    key_path().unlink(missing_ok=True)
    pin_wait.clear()
    shutil.rmtree(sealing_dir(), ignore_errors=True)


def cipher() -> personal.PersonalCipher:
    """The cipher of this device's key; PersonalDataLocked when there is none yet, or the
    device PIN has not opened it."""
    key = load_key()
    if key is None:
        text = (
            "this device is locked; enter the device PIN"
            if has_key()
            else "this device has no key for personal data yet; sync once to get it"
        )
        raise personal.PersonalDataLocked(text)
    return personal.PersonalCipher(key)
