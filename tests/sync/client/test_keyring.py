"""The device token lives in the keyring, never in the database; no keyring → a clear message."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail, null

from salon_pos.security.device_token import SERVICE, DeviceTokens, NoKeyring, NotEnrolled
from tests.keyring_backend import MemoryKeyring


def test_token_round_trip_under_the_device_id() -> None:
    backend = MemoryKeyring()
    tokens = DeviceTokens(backend)
    tokens.save("device-1", "secret-token")
    assert tokens.load("device-1") == "secret-token"
    assert backend.secrets == {(SERVICE, "device-1"): "secret-token"}
    tokens.delete("device-1")
    with pytest.raises(NotEnrolled):
        tokens.load("device-1")


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_no_keyring_says_how_to_get_one(backend: keyring.backend.KeyringBackend) -> None:
    tokens = DeviceTokens(backend)
    with pytest.raises(NoKeyring) as raised:
        tokens.save("device-1", "secret-token")
    assert "gnome-keyring" in raised.value.message("en")
    assert "dbus-run-session" in raised.value.message("en")
    assert "密钥环" in raised.value.message("zh_CN")
    with pytest.raises(NoKeyring):
        tokens.load("device-1")
    with pytest.raises(NoKeyring):
        tokens.check()


def test_the_system_default_is_used_when_none_is_given() -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(NoKeyring):
            DeviceTokens().check()
        memory = MemoryKeyring()
        keyring.set_keyring(memory)
        DeviceTokens().save("d", "t")
        assert memory.secrets == {(SERVICE, "d"): "t"}
    finally:
        keyring.set_keyring(before)
