"""Sealing personal data at rest on the device: values anyone may write, only the PIN reads.

The store file holds the people registry (names, addresses, plates, readings, case notes)
and the unsent ops that carry them. A pull applied while the app is locked, or the command
line's `fieldapp sync`, must still store what it receives, but nothing must be readable
from the file without the PIN. So sealing uses a device keypair (X25519): the public key
is kept in clear and lets anyone seal, the private key is wrapped under the PIN
(`fieldapp.store.keyring`) and is needed to open.

An ECDH per value would cost ~0.1 ms each (seconds for a grid's first pull), so values are
sealed under a symmetric data key (AES-256-GCM) and that key is sealed to the public key
once (`seal_to` / `open_with`: ephemeral X25519, HKDF-SHA256, AES-GCM). A process makes
its own data key when it first writes, keeps it in memory and stores it beside the store
sealed to the device key; a reader opens each data key once with the private key.

A sealed value is `SEALED_PREFIX + key id + "." + base64(nonce + ciphertext)`, bound to
its column (the associated data): a value copied into another column does not open. The
prefix starts with a control character no form accepts, so a clear value (a store written
before the device had a PIN) is never taken for a sealed one.

Pure: no Peewee, Textual or httpx.
"""

from __future__ import annotations

import base64
import binascii
import os

# cryptography is imported where a key is used: the store imports this module, and the
# device's start-up reads no sealed value before its home screen shows.

SEALED_PREFIX = "\x1er1."
KEY_BYTES = 32
_HKDF_INFO = b"fieldapp at-rest data key v1"


def is_sealed(value: object) -> bool:
    return isinstance(value, str) and value.startswith(SEALED_PREFIX)


def key_id_of(value: str) -> str:
    """The id of the data key that sealed `value` (ValueError when it is not sealed)."""
    if not is_sealed(value):
        raise ValueError("not a sealed value")
    key_id, dot, _body = value[len(SEALED_PREFIX) :].partition(".")
    if not dot or not key_id:
        raise ValueError("a sealed value without its key id")
    return key_id


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def new_keypair() -> tuple[bytes, bytes]:
    """(private, public), 32 raw bytes each."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    raw = serialization.Encoding.Raw
    private = X25519PrivateKey.generate()
    return (
        private.private_bytes(raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()),
        private.public_key().public_bytes(raw, serialization.PublicFormat.Raw),
    )


def _box_key(shared: bytes, ephemeral_public: bytes, public: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(hashes.SHA256(), 32, salt=ephemeral_public + public, info=_HKDF_INFO).derive(shared)


def seal_to(public: bytes, secret: bytes) -> str:
    """`secret` sealed to the holder of the private key of `public` (anyone may do it)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    nonce = os.urandom(12)
    sealed = AESGCM(_box_key(shared, ephemeral_public, public)).encrypt(nonce, secret, None)
    return _b64(ephemeral_public + nonce + sealed)


def open_with(private: bytes, token: str) -> bytes:
    """What `seal_to` sealed; ValueError when `private` is not the key it was sealed to."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        raw = _unb64(token)
        key = X25519PrivateKey.from_private_bytes(private)
        public = key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        ephemeral_public, nonce, sealed = raw[:32], raw[32:44], raw[44:]
        shared = key.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
        return AESGCM(_box_key(shared, ephemeral_public, public)).decrypt(nonce, sealed, None)
    except (binascii.Error, ValueError, InvalidTag):
        raise ValueError("this device key does not open the sealed data key") from None


class AtRestCipher:
    """One data key: seals and opens values of a column (the context)."""

    def __init__(self, key_id: str, key: bytes) -> None:
        if len(key) != KEY_BYTES or "." in key_id:
            raise ValueError("a data key has 32 bytes and an id without a dot")
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self.key_id = key_id
        self._aead = AESGCM(key)

    def seal(self, text: str, context: str) -> str:
        nonce = os.urandom(12)
        sealed = self._aead.encrypt(nonce, text.encode("utf-8"), context.encode("utf-8"))
        return f"{SEALED_PREFIX}{self.key_id}.{_b64(nonce + sealed)}"

    def open(self, value: str, context: str) -> str:
        if key_id_of(value) != self.key_id:
            raise ValueError("sealed under another data key")
        from cryptography.exceptions import InvalidTag

        body = value[len(SEALED_PREFIX) + len(self.key_id) + 1 :]
        try:
            raw = _unb64(body)
            clear = self._aead.decrypt(raw[:12], raw[12:], context.encode("utf-8"))
        except (binascii.Error, ValueError, InvalidTag):
            raise ValueError(f"the sealed value does not open as {context}") from None
        return clear.decode("utf-8")
