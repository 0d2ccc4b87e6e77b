"""Staff PINs: the rule and the hashing are pure and live in salon_pos/domain/pins.py, so the
sync server hashes a PIN set in the owner's console exactly as a counter does."""

from __future__ import annotations

from salon_pos.domain.pins import InvalidPin as InvalidPin
from salon_pos.domain.pins import check_pin as check_pin
from salon_pos.domain.pins import hash_pin as hash_pin
from salon_pos.domain.pins import pin_matches as pin_matches
