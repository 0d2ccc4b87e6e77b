"""The device token, kept in the system keyring (service "salon-pos", user = the device id).

Never in the database or a plain file: whoever copies the data folder must not get a device of
the store. Where no keyring backend exists (a bare Linux with no Secret Service), the user gets
a message saying how to get one; a locked keyring is said to be locked, with how to unlock it on
this system (never "the server refused"); `keyrings.alt`'s plain-file backends are not used.
"""

from __future__ import annotations

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import KeyringError, PasswordDeleteError

from salon_pos.domain.errors import UserError
from salon_pos.security.keyring_problems import NoKeyring as NoKeyring
from salon_pos.security.keyring_problems import keyring_problem, no_keyring

SERVICE = "salon-pos"


class NotEnrolled(UserError):
    en = (
        "This counter is not enrolled with a sync server (no device token in the keyring): "
        "run `salon-pos enroll --server URL --code CODE`."
    )
    zh = (
        "本收银台尚未注册到同步服务器（密钥环中没有设备令牌）："
        "请运行 `salon-pos enroll --server 地址 --code 注册码`。"
    )


def _backend(backend: KeyringBackend | None) -> KeyringBackend:
    chosen = backend if backend is not None else keyring.get_keyring()
    if isinstance(chosen, fail.Keyring | null.Keyring):
        raise no_keyring(type(chosen).__module__)
    return chosen


class DeviceTokens:
    """Reads and writes device tokens; the backend is passed in by tests, else the system's."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._given = backend

    def check(self) -> None:
        """NoKeyring unless a real keyring backend is there (before spending an enrollment code)."""
        _backend(self._given)

    def save(self, device_id: str, token: str) -> None:
        try:
            _backend(self._given).set_password(SERVICE, device_id, token)
        except KeyringError as error:
            raise keyring_problem(error) from error

    def load(self, device_id: str) -> str:
        """The token; NotEnrolled if there is none; NoKeyring, KeyringIsLocked or
        KeyringUnavailable if the keyring cannot give it."""
        try:
            token = _backend(self._given).get_password(SERVICE, device_id)
        except KeyringError as error:
            raise keyring_problem(error) from error
        if not token:
            raise NotEnrolled()
        return token

    def delete(self, device_id: str) -> None:
        try:
            _backend(self._given).delete_password(SERVICE, device_id)
        except PasswordDeleteError:
            return
        except KeyringError as error:
            raise keyring_problem(error) from error
