"""Sealed text: a customer's allergies and health notes, encrypted with the store's key
(AES-256-GCM) so that no database, outbox, audit log or change feed ever holds them plain.

A sealed value is `sealed:1:<key id>:<base64url(nonce + ciphertext + tag)>`. The key id (the
first 8 bytes of the key's SHA-256, hex) says which key sealed it; the associated data binds
it to one field of one customer, so a value copied into another customer or field does not
open. The empty text stays "" (nothing to hide: "no health notes" is not a secret).

Pure: the caller passes the nonce (12 random bytes) and keeps the key; both sides use this, the
counter (security/field_crypto.py, key in the keyring) and the server (a key file per store).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Mapping
from typing import Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PREFIX: Final = "sealed:1:"
KEY_BYTES: Final = 32
NONCE_BYTES: Final = 12
SEALED_MAX: Final = 4_096  # a sealed value of the longest text allowed (2,000 CJK characters)
_SEALED = re.compile(r"sealed:1:[0-9a-f]{16}:[A-Za-z0-9_-]{38,4000}={0,2}")


class CannotOpen(Exception):
    """The value was sealed with a key this side does not hold, or was altered."""


def key_id(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()[:16]


def is_sealed(value: object) -> bool:
    """A value in the sealed form, or "" (a field left empty): what the server accepts."""
    return value == "" or (
        isinstance(value, str) and len(value) <= SEALED_MAX and _SEALED.fullmatch(value) is not None
    )


def sealed_key_id(value: str) -> str | None:
    return value.split(":")[2] if value.startswith(PREFIX) and value.count(":") == 3 else None


def _context(customer_id: str, field: str) -> bytes:
    return f"customer/{customer_id}/{field}".encode()


def seal(key: bytes, nonce: bytes, text: str, customer_id: str, field: str) -> str:
    if not text:
        return ""
    body = AESGCM(key).encrypt(nonce, text.encode(), _context(customer_id, field))
    return f"{PREFIX}{key_id(key)}:{base64.urlsafe_b64encode(nonce + body).decode()}"


def open_sealed(keys: Mapping[str, bytes], value: str, customer_id: str, field: str) -> str:
    """The text of a sealed value; `keys`: key id → key. CannotOpen if none fits."""
    if not value:
        return ""
    kid = sealed_key_id(value)
    key = keys.get(kid or "")
    if key is None:
        raise CannotOpen(f"sealed with key {kid}, not held here")
    try:
        raw = base64.urlsafe_b64decode(value.rsplit(":", 1)[1])
        nonce, body = raw[:NONCE_BYTES], raw[NONCE_BYTES:]
        return AESGCM(key).decrypt(nonce, body, _context(customer_id, field)).decode()
    except (InvalidTag, ValueError, binascii.Error) as error:
        raise CannotOpen("altered or sealed for another field") from error
