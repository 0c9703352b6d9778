"""Personal data (个人信息): ID numbers and phones checked, masked for display, sealed at rest.

The registry holds two sensitive values per person, the resident ID number (身份证号) and
the phone. They are never stored or sent in clear: `PersonalCipher.seal` turns each into
an AES-256-GCM token bound to its field and its person (so a token copied onto another
person or another field does not open), and `lookup` gives a keyed hash (HMAC-SHA256) that
finds duplicates without decrypting anything. Screens and exports show `mask_id_number` /
`mask_phone`; the clear value is opened only by a deliberate, audited reveal.

Why these tokens and not SQLCipher: `cryptography` is already a dependency with wheels
everywhere, while SQLCipher needs a native build of its own on every field laptop; the
ciphertext is the same on the device, on the wire and on the server (one key per
deployment, handed by the server to enrolled devices), so the server's tables and its
pull feed hold no clear ID number either. On the device the rest of a person (name,
address, tags, notes, plates, readings, case notes, the unsent ops) is sealed at rest
too, but differently: to a key of the device's own, so that a pull applied while the app
is locked can still write it (`fieldapp.domain.at_rest`, `fieldapp.store.at_rest`); the
venues, checklists and inspections stay an ordinary SQLite file, as fast as before.

Pure: no Peewee, Textual or httpx.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import os
import re
import unicodedata

KEY_BYTES = 32
TOKEN_PREFIX = "g1."
ID_NUMBER_FIELD = "id_number"
PHONE_FIELD = "phone"

# GB 11643-1999: 17 digits and a check character (0-9 or X).
_ID_SHAPE = re.compile(r"^\d{17}[\dX]$")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


class PersonalDataLocked(RuntimeError):
    """The key that opens personal data is not on this device (yet)."""


def _half_width(text: str) -> str:
    """Full-width digits, letters and signs as ASCII (NFKC): a Chinese input method types
    １３８… and Ｘ, which are the same number."""
    return unicodedata.normalize("NFKC", text or "")


def normalize_id_number(text: str) -> str:
    return re.sub(r"\s+", "", _half_width(text)).upper()


def normalize_phone(text: str) -> str:
    """A phone as stored: spaces and brackets dropped; a mobile as its 11 digits alone
    (`+86 138 1234 5678` and `138-1234-5678` are 13812345678), so it masks, and is found
    as a duplicate, the same however it was typed."""
    value = re.sub(r"[\s()]+", "", _half_width(text))
    mobile = _MOBILE.match(value.replace("-", ""))
    return mobile.group(1) if mobile else value


# Typed into the ID number or phone field of an edit: take the held value away (a wrong
# number entered; an empty field keeps it). A full-width －, as a Chinese keyboard types.
CLEAR_MARKS = frozenset({"-", "－", "—"})


def clears(typed: str) -> bool:
    """Whether an ID number or phone field typed so asks to clear the held value."""
    return typed.strip() in CLEAR_MARKS


def id_check_character(first_17: str) -> str:
    """The last character of a resident ID number whose first 17 digits are given
    (GB 11643: ISO 7064 MOD 11-2)."""
    total = sum(int(d) * w for d, w in zip(first_17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


# What is wrong with a typed ID number, in the words logs and the server's row errors use;
# screens word each through the catalogue (`people.bad_id_number.<fault>`).
ID_FAULTS = {
    "shape": "an ID number has 18 characters: 17 digits and a last digit or X",
    "birth_date": "the birth date in the ID number is not a date",
    "check_digit": "the last character of the ID number does not match the others (a typo?)",
}


def id_number_fault(text: str) -> str | None:
    """Which rule `text` breaks as a resident ID number (a key of `ID_FAULTS`): not 18
    characters of the right shape, a birth date that is no date, or — the shape right — a
    check character the first 17 digits do not give (one of them mistyped). None when
    it is one."""
    value = normalize_id_number(text)
    if not _ID_SHAPE.match(value):
        return "shape"
    try:
        dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return "birth_date"
    if id_check_character(value[:17]) != value[17]:
        return "check_digit"
    return None


def id_number_problem(text: str) -> str | None:
    """Why `text` is not a resident ID number, or None when it is one (English, for logs
    and the server's row errors; screens word it through the catalogue's key)."""
    fault = id_number_fault(text)
    return None if fault is None else ID_FAULTS[fault]


# A Chinese phone: an 11-digit mobile starting with 1 (+86 before it allowed), or a
# landline with its area code — 0 and 2 or 3 digits, a dash or not, then 7 or 8 digits.
_MOBILE = re.compile(r"^(?:\+?86)?(1\d{10})$")
_LANDLINE = re.compile(r"^0\d{2,3}-?[1-9]\d{6,7}$")


def phone_problem(text: str) -> str | None:
    """Why `text` is not a phone number one can call in China (None when it is, or empty)."""
    value = normalize_phone(text)
    if value and not (_MOBILE.match(value.replace("-", "")) or _LANDLINE.match(value)):
        return "a phone is an 11-digit mobile starting with 1, or a landline with its area code"
    return None


def birth_year_of(id_number: str) -> int | None:
    value = normalize_id_number(id_number)
    return int(value[6:10]) if _ID_SHAPE.match(value) else None


def sex_of(id_number: str) -> str | None:
    """ "male" or "female" as an ID number's 17th digit says (odd: male), or None when it
    is not shaped as one."""
    value = normalize_id_number(id_number)
    return ("female", "male")[int(value[16]) % 2] if _ID_SHAPE.match(value) else None


def id_number_faults(id_number: str, sex: str, birth_year: int | None) -> list[tuple[str, str]]:
    """What is wrong with a typed ID number and what was typed beside it, as (field,
    fault): the number itself (a key of `ID_FAULTS`), else a sex or a birth year it
    contradicts ("sex", "birth_year"), the number holding both. Empty when all agree."""
    if not id_number:
        return []
    if (fault := id_number_fault(id_number)) is not None:
        return [("id_number", fault)]
    faults = [("sex", "sex")] if sex and sex != sex_of(id_number) else []
    if birth_year is not None and birth_year != birth_year_of(id_number):
        faults.append(("birth_year", "birth_year"))
    return faults


def mask_id_number(value: str) -> str:
    """`4501**********1234`: the region's first four and the last four characters."""
    value = normalize_id_number(value)
    if not value:
        return ""
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


# The most stars a masked phone holds: a mask is never wider than a mobile's 11 cells,
# so a list's phone column never cuts its last four digits (`059****5678` for a landline).
PHONE_MASK_STARS = 4


def mask_phone(value: str) -> str:
    """`138****5678`: the first three and the last four digits, at most four stars."""
    value = normalize_phone(value)
    if not value:
        return ""
    if len(value) <= 7:
        return "*" * (len(value) - 2) + value[-2:] if len(value) > 2 else "*" * len(value)
    return value[:3] + "*" * min(len(value) - 7, PHONE_MASK_STARS) + value[-4:]


# An ID number or phone typed into free text (a name, a role, a note): GB 11643's 18
# characters, or a run of digits as long as a mobile number (`domain.registry`'s rule).
_NUMBER_IN_TEXT = re.compile(r"\d{17}[\dXx]|\d{11,}")


def mask_numbers_in_text(text: str) -> str:
    """`text` with every ID number and phone in it masked as `mask_id_number` and
    `mask_phone` show them (15 digits or more read as an ID number)."""

    def masked(match: re.Match[str]) -> str:
        value = match.group()
        return mask_id_number(value) if len(value) >= 15 else mask_phone(value)

    return _NUMBER_IN_TEXT.sub(masked, text or "")


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def encode_key(key: bytes) -> str:
    return base64.urlsafe_b64encode(key).decode("ascii")


def decode_key(text: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(text.encode("ascii"))
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise ValueError("the personal-data key is not base64") from None
    if len(key) != KEY_BYTES:
        raise ValueError(f"the personal-data key has {len(key)} bytes, not {KEY_BYTES}")
    return key


class PersonalCipher:
    """Seals and opens one field of one person with AES-256-GCM; keyed lookups for
    duplicates. Subkeys for sealing and for lookups are derived apart from the key."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError(f"the personal-data key must have {KEY_BYTES} bytes")
        self._seal_key = hmac.new(key, b"fieldapp personal seal v1", hashlib.sha256).digest()
        self._lookup_key = hmac.new(key, b"fieldapp personal lookup v1", hashlib.sha256).digest()
        # cryptography is imported where it is used: the device's start-up reads the
        # keyring (through this module) before its home screen shows, and seals nothing.
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._aead = AESGCM(self._seal_key)

    @staticmethod
    def _context(field: str, owner: str) -> bytes:
        return f"{field}:{owner}".encode()

    def seal(self, value: str, *, field: str, owner: str) -> str:
        """A token for `value` of `field` of person `owner` ("" stays "")."""
        if not value:
            return ""
        nonce = os.urandom(12)
        sealed = self._aead.encrypt(nonce, value.encode("utf-8"), self._context(field, owner))
        return TOKEN_PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode("ascii").rstrip("=")

    def open(self, token: str, *, field: str, owner: str) -> str:
        """The clear value of a token; ValueError when it is not one of this key's tokens
        for this field of this person."""
        if not token:
            return ""
        if not token.startswith(TOKEN_PREFIX):
            raise ValueError("not a sealed personal-data value")
        from cryptography.exceptions import InvalidTag

        body = token[len(TOKEN_PREFIX) :]
        try:
            raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
            clear = self._aead.decrypt(raw[:12], raw[12:], self._context(field, owner))
        except (binascii.Error, ValueError, InvalidTag):
            raise ValueError("the sealed value does not open with this key") from None
        return clear.decode("utf-8")

    def lookup(self, value: str) -> str:
        """A keyed hash of a normalised value: equal values, equal lookups ("" stays "")."""
        if not value:
            return ""
        return hmac.new(self._lookup_key, value.encode("utf-8"), hashlib.sha256).hexdigest()[:32]
