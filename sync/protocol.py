"""Wire formats shared by the counter and the central server. Versioned: a payload's shape
changes only with a new version number, and both sides keep reading the old ones."""

from __future__ import annotations

from typing import Final

SALE_COMPLETED: Final = "sale.completed"
SALE_VOIDED: Final = "sale.voided"
SALE_REFUNDED: Final = "sale.refunded"
CUSTOMER_CREATED: Final = "customer.created"
CUSTOMER_UPDATED: Final = "customer.updated"
STAFF_SAVED: Final = "staff.saved"
CATALOG_ITEM_SAVED: Final = "catalog.item_saved"

PAYLOAD_VERSIONS: Final[dict[str, int]] = {
    SALE_COMPLETED: 1,
    SALE_VOIDED: 1,
    SALE_REFUNDED: 1,
    CUSTOMER_CREATED: 1,
    CUSTOMER_UPDATED: 1,
    STAFF_SAVED: 1,
    CATALOG_ITEM_SAVED: 1,
}
