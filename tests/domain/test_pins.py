"""PINs and owner passwords are hashed with argon2 at the production cost (PasswordHasher's
defaults), by the hashers the modules made. Every other test in this process hashes at the
smallest cost (tests/conftest.py, `quick_hashing`): this is where the real cost is checked."""

from __future__ import annotations

import pytest

from salon_pos.domain import pins
from sync.server import security

PRODUCTION = "$argon2id$v=19$m=65536,t=3,p=4$"


@pytest.mark.usefixtures("production_hashing")
def test_a_pin_is_hashed_at_the_production_cost_and_checked() -> None:
    pin_hash = pins.hash_pin("2468")
    assert pin_hash.startswith(PRODUCTION)
    assert pins.pin_matches(pin_hash, "2468")
    assert not pins.pin_matches(pin_hash, "2469")
    assert not pins.pin_matches("not a hash", "2468")


@pytest.mark.usefixtures("production_hashing")
def test_an_owners_password_is_hashed_at_the_production_cost_and_checked() -> None:
    password_hash = security.hash_password("correct horse")
    assert password_hash.startswith(PRODUCTION)
    assert security.password_matches(password_hash, "correct horse")
    assert not security.password_matches(password_hash, "correct horse!")
