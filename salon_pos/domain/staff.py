"""Staff roles, from the owner down to the technician."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    FRONT_DESK = "front_desk"
    TECHNICIAN = "technician"

    @property
    def approves(self) -> bool:
        """May approve voids, refunds and large discounts with a PIN."""
        return self in (Role.OWNER, Role.MANAGER)

    @property
    def counts_stock(self) -> bool:
        """May count on a stocktake a manager started (the front desk often counts)."""
        return self is not Role.TECHNICIAN
