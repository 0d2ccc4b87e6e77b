"""Staff PINs, hashed with argon2 (PasswordHasher's defaults, a PHC string). A PIN is 4 to 8
digits. Pure computation, no I/O: counters and the sync server's console both hash with it, so a
PIN set at either works at every counter."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from salon_pos.domain.errors import UserError

_hasher = PasswordHasher()


class InvalidPin(UserError):
    en = "A PIN is 4 to 8 digits."
    zh = "PIN 须为 4 到 8 位数字。"


def check_pin(pin: str) -> None:
    """InvalidPin unless 4 to 8 ASCII digits (cheap: check before any slow hashing)."""
    if not (pin.isdigit() and pin.isascii() and 4 <= len(pin) <= 8):
        raise InvalidPin()


def hash_pin(pin: str) -> str:
    check_pin(pin)
    return _hasher.hash(pin)


def pin_matches(pin_hash: str, pin: str) -> bool:
    try:
        return _hasher.verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False
