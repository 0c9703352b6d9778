"""The placard payload: what the QR on a venue's wall says, and how a device checks it.

Format, version 1 (all ASCII, every character in the QR alphanumeric set, so the code is
dense and a keyboard-wedge scanner on a US layout types it exactly):

    FA1:<venue code>:<key id>:<signature>

- ``FA`` is the prefix, ``1`` the format version.
- The venue code is the short human code (``DM-0042``): ``A-Z 0-9 . -``, up to 24 chars.
- The key id names the server's Ed25519 placard key (5 chars, derived from the key).
- The signature is Ed25519 over ``FA1:<venue code>:<key id>`` (everything before the last
  colon), in base32 without padding: 103 characters.

A typical payload is 120 characters. Scanners with Caps Lock on type lowercase letters,
so the verifier reads the text case-insensitively (the signed text is always uppercase).

Pure: no Peewee, Textual or httpx. Verification takes ~60 µs (see bench/bench_placards.py).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fieldapp.i18n import t

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

# cryptography is imported where a key is made or used, not with this module: the home
# screen's start-up imports the rules that name placard results, and nothing it shows
# needs a key.

PREFIX = "FA"
VERSION = 1
HEADER = f"{PREFIX}{VERSION}:"
SIGNATURE_BYTES = 64
SIGNATURE_CHARS = 103  # ceil(64 * 8 / 5), base32 without padding

VENUE_CODE_RE = re.compile(r"[A-Z0-9][A-Z0-9.\-]{0,23}")
KEY_ID_RE = re.compile(r"[A-Z0-9]{2,8}")
_HEADER_RE = re.compile(r"FA(\d{1,3}):")
_B32_RE = re.compile(r"[A-Z2-7]+")

# Result kinds. OK proves presence; PLAIN_CODE (a venue code typed by hand, decided by the
# caller against its store) identifies a venue but proves nothing; the rest are refusals.
OK = "ok"
PLAIN_CODE = "plain_code"
NOT_FIELDAPP = "not_fieldapp"
DAMAGED = "damaged"
FORGED = "forged"
REVOKED = "revoked"
UNKNOWN_KEY = "unknown_key"
UNKNOWN_VENUE = "unknown_venue"
UNSUPPORTED_VERSION = "unsupported_version"

REFUSALS: tuple[str, ...] = (
    NOT_FIELDAPP,
    DAMAGED,
    FORGED,
    REVOKED,
    UNKNOWN_KEY,
    UNKNOWN_VENUE,
    UNSUPPORTED_VERSION,
)


@dataclass(frozen=True, slots=True)
class PlacardCheck:
    """The verdict on one scanned text. `kind` is OK, PLAIN_CODE or one of REFUSALS."""

    kind: str
    venue_code: str = ""
    key_id: str = ""

    @property
    def ok(self) -> bool:
        """A genuine placard: the venue is identified and the scan proves presence."""
        return self.kind == OK

    @property
    def identifies_venue(self) -> bool:
        return self.kind in (OK, PLAIN_CODE)

    @property
    def message_key(self) -> str:
        return f"placard.check.{self.kind}"

    def message(self) -> str:
        """The plain message for a person, in the current language."""
        return t(self.message_key, code=self.venue_code, key_id=self.key_id)


PublicKeys = Mapping[str, tuple[bytes, bool]]  # key id -> (raw public key, revoked)


# --- keys ---------------------------------------------------------------------------------


def key_id_for(public_bytes: bytes) -> str:
    """A short id derived from the public key: 5 base32 characters (25 bits)."""
    return b32(hashlib.sha256(public_bytes).digest())[:5]


def generate_key() -> tuple[str, bytes, bytes]:
    """A new placard key: (key id, raw 32-byte private key, raw 32-byte public key)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
        PublicFormat,
    )

    private = Ed25519PrivateKey.generate()
    private_bytes = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    public_bytes = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return key_id_for(public_bytes), private_bytes, public_bytes


@dataclass(frozen=True, slots=True)
class SigningKey:
    """A placard key with its private half: what the printing side holds."""

    key_id: str
    private_bytes: bytes = field(repr=False)

    @classmethod
    def generate(cls) -> SigningKey:
        key_id, private_bytes, _ = generate_key()
        return cls(key_id, private_bytes)

    @property
    def public_bytes(self) -> bytes:
        return public_from_private(self.private_bytes)

    def sign(self, venue_code: str) -> str:
        return sign_payload(venue_code, self.key_id, self.private_bytes)


def public_from_private(private_bytes: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    private = Ed25519PrivateKey.from_private_bytes(private_bytes)
    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def encode_key(raw: bytes) -> str:
    """Raw key bytes as the base64url text the store and the wire keep (PlacardKey.public_key)."""
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def decode_key(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b32(data: bytes) -> str:
    return base64.b32encode(data).rstrip(b"=").decode("ascii")


# --- signing and verifying ----------------------------------------------------------------


def normalize_venue_code(code: str) -> str:
    """The canonical form of a venue code (uppercase, trimmed); ValueError if it cannot be
    carried in a payload."""
    canon = code.strip().upper()
    if not VENUE_CODE_RE.fullmatch(canon):
        raise ValueError(
            f"venue code {code!r} cannot go on a placard: use A-Z, 0-9, '-' and '.', "
            "at most 24 characters"
        )
    return canon


def sign_payload(venue_code: str, key_id: str, private_key: bytes) -> str:
    """The placard text for a venue, signed with the raw Ed25519 private key."""
    code = normalize_venue_code(venue_code)
    if not KEY_ID_RE.fullmatch(key_id):
        raise ValueError(f"key id {key_id!r} must be 2-8 characters A-Z, 0-9")
    signed = f"{HEADER}{code}:{key_id}"
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    signature = Ed25519PrivateKey.from_private_bytes(private_key).sign(signed.encode("ascii"))
    return f"{signed}:{b32(signature)}"


def looks_like_payload(text: str) -> bool:
    """Does the text claim to be a fieldapp placard (any version)? Cheap; for scan routing."""
    return _HEADER_RE.match(text.strip().upper()) is not None


_loaded_keys: dict[bytes, Ed25519PublicKey] = {}


def _public_key(raw: bytes) -> Ed25519PublicKey:
    key = _loaded_keys.get(raw)
    if key is None:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        if len(_loaded_keys) > 256:
            _loaded_keys.clear()
        key = _loaded_keys[raw] = Ed25519PublicKey.from_public_bytes(raw)
    return key


def _decode_signature(text: str) -> bytes | None:
    """The 64 signature bytes, or None if the text is not a canonical base32 signature."""
    if len(text) != SIGNATURE_CHARS or not _B32_RE.fullmatch(text):
        return None
    try:
        raw = base64.b32decode(text + "=" * (-len(text) % 8))
    except binascii.Error:
        return None
    if len(raw) != SIGNATURE_BYTES or b32(raw) != text:
        return None
    return raw


# Words, digits, spaces, "-" and "·" alone, with a letter (a Chinese character is one):
# a name or a code typed to find a venue (宾馆, 红星 超市), not a QR code's content
# (a URL, "WIFI:S:…", a path).
_TYPED_SEARCH_RE = re.compile(r"[^\W_][\w\s\-·]{0,29}")


def typed_search(text: str) -> bool:
    """Whether `text`, which is no placard of ours, reads as a venue's name or code
    typed to find it rather than another QR code scanned."""
    said = text.strip()
    return bool(_TYPED_SEARCH_RE.fullmatch(said)) and any(c.isalpha() for c in said)


def verify_payload(text: str, public_keys: PublicKeys) -> PlacardCheck:
    """Check a scanned text offline against the public keys this device has pulled.

    Never raises on bad input: every outcome is a PlacardCheck. Whether the venue is on
    this device is the caller's question (UNKNOWN_VENUE).
    """
    canon = text.strip().upper()
    header = _HEADER_RE.match(canon)
    if header is None:
        # "FA", "FA1" alone: the start of one of ours, cut short.
        return PlacardCheck(DAMAGED if re.fullmatch(r"FA\d*", canon) else NOT_FIELDAPP)
    if int(header.group(1)) != VERSION:
        return PlacardCheck(UNSUPPORTED_VERSION)
    parts = canon[header.end() :].split(":")
    if len(parts) != 3:
        return PlacardCheck(DAMAGED)
    code, key_id, signature_text = parts
    if not VENUE_CODE_RE.fullmatch(code) or not KEY_ID_RE.fullmatch(key_id):
        return PlacardCheck(DAMAGED)
    if not _B32_RE.fullmatch(signature_text) or len(signature_text) < SIGNATURE_CHARS:
        return PlacardCheck(DAMAGED, code, key_id)
    signature = _decode_signature(signature_text)
    if signature is None:
        # Right alphabet and length but not a canonical encoding (the last character's
        # spare bits changed), or too long: altered.
        return PlacardCheck(FORGED, code, key_id)
    entry = public_keys.get(key_id)
    if entry is None:
        return PlacardCheck(UNKNOWN_KEY, code, key_id)
    public_bytes, revoked = entry
    from cryptography.exceptions import InvalidSignature

    try:
        public = _public_key(public_bytes)
        public.verify(signature, canon[: canon.rindex(":")].encode("ascii"))
    except (InvalidSignature, ValueError):
        return PlacardCheck(FORGED, code, key_id)
    if revoked:
        return PlacardCheck(REVOKED, code, key_id)
    return PlacardCheck(OK, code, key_id)
