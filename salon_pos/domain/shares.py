"""Technicians' shares of a line several worked on (多人合作), and splitting money by shares so
the parts add up to the whole, to the fen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from salon_pos.domain.errors import SharesDoNotAddUp

WHOLE_SHARE = 10_000  # basis points: 5,000 is half


@dataclass(frozen=True)
class StaffShare:
    staff_id: str
    share: int  # basis points of WHOLE_SHARE


def check_shares(item: str, technician_id: str | None, shares: Sequence[StaffShare]) -> None:
    """A line's shares: each above 0, each technician once, the line's own technician among
    them, adding up to the whole. No shares: the line's technician has it all."""
    if not shares:
        return
    staff = [share.staff_id for share in shares]
    total = sum(share.share for share in shares)
    if (
        total != WHOLE_SHARE
        or any(share.share <= 0 for share in shares)
        or len(set(staff)) != len(staff)
        or technician_id not in staff
    ):
        raise SharesDoNotAddUp(item=item, total=f"{total / 100:g}%")


def split(amount: int, weights: Sequence[int]) -> list[int]:
    """`amount` fen split in proportion to `weights` (largest remainder): the parts add up to
    `amount` exactly, and a negative amount splits like its positive one, negated."""
    if not weights:
        return []
    if len(weights) == 1 and weights[0] > 0:  # one technician: most lines, often
        return [amount]
    if amount < 0:
        return [-part for part in split(-amount, weights)]
    whole = sum(weights)
    if whole <= 0:
        raise ValueError("weights must add up to more than zero")
    parts = [amount * weight // whole for weight in weights]
    by_remainder = sorted(range(len(weights)), key=lambda i: (-(amount * weights[i] % whole), i))
    for i in by_remainder[: amount - sum(parts)]:
        parts[i] += 1
    return parts
