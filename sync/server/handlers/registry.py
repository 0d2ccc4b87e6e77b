"""Operation type → payload model and handler."""

from __future__ import annotations

from sync import protocol
from sync.server.context import HandlerSpec
from sync.server.handlers import conflicts, customers, sales, setup
from sync.wire import (
    CatalogItemSaved,
    ConflictResolved,
    CustomerCreated,
    CustomerUpdated,
    SaleCompleted,
    SaleRefunded,
    SaleVoided,
    StaffSaved,
)

HANDLERS: dict[str, HandlerSpec] = {
    protocol.SALE_COMPLETED: HandlerSpec(SaleCompleted, sales.sale_completed, reads=False),
    protocol.SALE_VOIDED: HandlerSpec(SaleVoided, sales.sale_voided, reads=True),
    protocol.SALE_REFUNDED: HandlerSpec(SaleRefunded, sales.sale_refunded, reads=True),
    protocol.CUSTOMER_CREATED: HandlerSpec(CustomerCreated, customers.customer_created, True),
    protocol.CUSTOMER_UPDATED: HandlerSpec(CustomerUpdated, customers.customer_updated, True),
    protocol.STAFF_SAVED: HandlerSpec(StaffSaved, setup.staff_saved, reads=True),
    protocol.CATALOG_ITEM_SAVED: HandlerSpec(CatalogItemSaved, setup.catalog_item_saved, True),
    protocol.CONFLICT_RESOLVED: HandlerSpec(ConflictResolved, conflicts.conflict_resolved, True),
}
