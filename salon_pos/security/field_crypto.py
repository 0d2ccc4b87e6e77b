"""The store key on this counter: kept in the system keyring (service "salon-pos", user
"<device id>#store-key"), never in the database or a file beside it, and what seals and opens a
customer's allergies and health notes (domain/sealed.py).

Where it comes from: the sync server holds one key per store and gives it to a counter that
enrolls or joins (services/store_key.py). A counter that is not enrolled makes its own the first
time it seals something; when it enrolls, it offers that key, and the server keeps it if the
store had none yet, else answers the store's key and the counter seals its values again with it
(docs/adr/0010-health-data-encryption.md). Keys it held before stay in the entry (`old`), so
a value sealed with one still opens.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass, field

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import KeyringError

from salon_pos.domain import sealed
from salon_pos.security.device_token import SERVICE
from salon_pos.security.keyring_problems import keyring_problem, no_keyring


def encode_key(key: bytes) -> str:
    return base64.urlsafe_b64encode(key).decode()


def decode_key(text: str) -> bytes:
    key = base64.urlsafe_b64decode(text.encode())
    if len(key) != sealed.KEY_BYTES:
        raise ValueError("a store key is 32 bytes")
    return key


@dataclass(frozen=True)
class StoreKey:
    """`confirmed`: the sync server holds this key for the store (made here, or received)."""

    key: bytes
    confirmed: bool = False
    old: tuple[bytes, ...] = field(default=())

    @property
    def key_id(self) -> str:
        return sealed.key_id(self.key)

    def by_id(self) -> dict[str, bytes]:
        return {sealed.key_id(k): k for k in (*self.old, self.key)}

    def seal(self, text: str, customer_id: str, name: str) -> str:
        nonce = os.urandom(sealed.NONCE_BYTES)
        return sealed.seal(self.key, nonce, text, customer_id, name)

    def open(self, value: str, customer_id: str, name: str) -> str:
        """The text; sealed.CannotOpen if sealed with a key this counter never held."""
        return sealed.open_sealed(self.by_id(), value, customer_id, name)

    def replaced_by(self, key: bytes) -> StoreKey:
        """The store's key from the server (not confirmed yet: what this one sealed is sealed
        again first), keeping this one to open what it sealed."""
        old = self.old if key == self.key else (*self.old, self.key)
        return StoreKey(key, False, tuple(k for k in old if k != key))


def _backend(given: KeyringBackend | None) -> KeyringBackend:
    chosen = given if given is not None else keyring.get_keyring()
    if isinstance(chosen, fail.Keyring | null.Keyring):
        raise no_keyring(type(chosen).__module__)
    return chosen


class StoreKeys:
    """The store key of one counter (device id), in the keyring; `backend` for tests."""

    def __init__(self, device_id: str, backend: KeyringBackend | None = None) -> None:
        self._user = f"{device_id}#store-key"
        self._given = backend

    def load(self) -> StoreKey | None:
        try:
            text = _backend(self._given).get_password(SERVICE, self._user)
        except KeyringError as error:
            raise keyring_problem(error) from error
        if not text:
            return None
        held = json.loads(text)
        return StoreKey(
            decode_key(held["key"]),
            bool(held.get("confirmed")),
            tuple(decode_key(k) for k in held.get("old", [])),
        )

    def save(self, key: StoreKey) -> None:
        text = json.dumps(
            {
                "key": encode_key(key.key),
                "confirmed": key.confirmed,
                "old": [encode_key(k) for k in key.old],
            }
        )
        try:
            _backend(self._given).set_password(SERVICE, self._user, text)
        except KeyringError as error:
            raise keyring_problem(error) from error

    def ensure(self) -> StoreKey:
        """The key, made now if this counter has none (not enrolled, or not told yet)."""
        held = self.load()
        if held is None:
            held = StoreKey(os.urandom(sealed.KEY_BYTES))
            self.save(held)
        return held
