"""The device PIN: it releases the personal-data key, and wrong guesses wait longer and longer.

The key that opens ID numbers and phones (`fieldapp.domain.personal`), and the device key
that opens everything else sealed in the store (`fieldapp.domain.at_rest`), are kept on the device
wrapped (AES-256-GCM) under a key derived from the PIN with Argon2id (RFC 9106's
low-memory profile: 3 passes over 64 MiB, 4 lanes; ~0.3 s on a field laptop), so the
files copied off a laptop open nothing without the PIN. The GCM tag is the PIN check: a
wrong PIN does not open the wrapped key, and nothing else about the PIN is stored.

Wrong PINs are counted on the device; after `FREE_ATTEMPTS` of them each further attempt
waits twice as long as the one before (30 s, 1 min, 2 min … at most an hour), counted
down on a monotonic clock while the app runs (`fieldapp.store.keyring`), so setting the
laptop's clock forward or restarting skips none of it. The wait protects the person at
the keyboard's side of things; against a copied file the cost of each guess is
Argon2id's, which is why a PIN has at least six digits.

Pure: no Peewee, Textual or httpx.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
from dataclasses import dataclass

PIN_SHAPE = re.compile(r"^\d{6,12}$")
SALT_BYTES = 16
FREE_ATTEMPTS = 3
FIRST_WAIT_SECONDS = 30.0
LONGEST_WAIT_SECONDS = 3600.0
_WRAP_CONTEXT = b"fieldapp device pin wraps the personal-data key v1"
# The device's private key (fieldapp.domain.at_rest), wrapped under the same PIN.
DEVICE_KEY_CONTEXT = b"fieldapp device pin wraps the at-rest device key v1"


class WrongPin(ValueError):
    """The PIN does not open the wrapped key."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id's cost: passes, memory in KiB, lanes (kept beside the wrapped key, so a
    later version may raise them without locking anybody out)."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4


DEFAULT_PARAMS = KdfParams()


def pin_problem(pin: str) -> str | None:
    """Why `pin` cannot be a device PIN (English; screens word it through the catalogue)."""
    if not PIN_SHAPE.match(pin or ""):
        return "a PIN has 6 to 12 digits"
    if len(set(pin)) == 1 or pin in "01234567890123" or pin in "98765432109876":
        return "a PIN of one repeated digit or a run of digits is too easy to guess"
    return None


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def derive(pin: str, salt: bytes, params: KdfParams) -> bytes:
    """The 32-byte key that wraps the personal-data key, from the PIN (Argon2id)."""
    # argon2 and cryptography are imported where they are used: the app's start-up
    # reads the lock state through this module and derives or wraps nothing.
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        pin.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def wrap(wrapping_key: bytes, key: bytes, context: bytes = _WRAP_CONTEXT) -> str:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    sealed = AESGCM(wrapping_key).encrypt(nonce, key, context)
    return base64.urlsafe_b64encode(nonce + sealed).decode("ascii")


def unwrap(wrapping_key: bytes, token: str, context: bytes = _WRAP_CONTEXT) -> bytes:
    """The wrapped key; WrongPin when `wrapping_key` (the PIN) does not open it."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        raw = base64.urlsafe_b64decode(token.encode("ascii"))
        return AESGCM(wrapping_key).decrypt(raw[:12], raw[12:], context)
    except (binascii.Error, ValueError, InvalidTag):
        raise WrongPin("this PIN does not open the personal-data key") from None


def wait_after(failures: int) -> float:
    """Seconds the next attempt must wait after `failures` wrong PINs in a row."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(FIRST_WAIT_SECONDS * 2 ** (failures - FREE_ATTEMPTS), LONGEST_WAIT_SECONDS)
