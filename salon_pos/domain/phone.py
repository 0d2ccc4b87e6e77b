"""Phone numbers as the shop types them: spaces, dashes, +86 in front."""

from __future__ import annotations

import re

from salon_pos.domain.errors import InvalidPhone

_SEPARATORS = re.compile(r"[\s\-()（）.]")


def normalize_phone(text: str) -> str:
    """'+86 138-0013-8000' → '13800138000'. Raises InvalidPhone for anything else."""
    digits = _SEPARATORS.sub("", text.strip())
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    if not digits.isdigit() or not 5 <= len(digits) <= 15 or not digits.isascii():
        raise InvalidPhone(text=text)
    if digits.startswith("1") and len(digits) != 11:  # a mainland mobile has 11 digits
        raise InvalidPhone(text=text)
    return digits
