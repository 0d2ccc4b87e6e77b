"""Setup: staff and catalog items. Normally edited at the server, but a counter may seed them
(the first counter of a store brings its catalog)."""

from __future__ import annotations

from typing import Final, Literal

from pydantic import Field

from sync.operations.kinds import ChangeKind, Family, OperationKind
from sync.operations.payloads import Fen, Id, Lenient

STAFF_SAVED: Final = "staff.saved"
CATALOG_ITEM_SAVED: Final = "catalog.item_saved"
CHANGE_STAFF: Final = "staff"
CHANGE_CATALOG_ITEM: Final = "catalog_item"


class StaffSaved(Lenient):
    id: Id
    name: str
    role: Literal["owner", "manager", "front_desk", "technician"]
    skills: list[str] = Field(default_factory=list)
    discount_limit: Fen = 0
    active: bool = True
    phone: str = ""
    pin_hash: str | None = Field(default=None, description="argon2 hash, so PINs work everywhere")


class CatalogItemSaved(Lenient):
    id: Id
    kind: Literal["service", "product"]
    category: str
    name: str
    price: Fen = Field(ge=0)
    duration_min: int | None = None
    skill: str = ""
    sku: str | None = None
    barcode: str | None = None
    cost: Fen = 0
    active: bool = True


FAMILY = Family(
    name="setup",
    operations=(
        OperationKind(STAFF_SAVED, {1: StaffSaved}, changes=(CHANGE_STAFF,)),
        OperationKind(CATALOG_ITEM_SAVED, {1: CatalogItemSaved}, changes=(CHANGE_CATALOG_ITEM,)),
    ),
    changes=(
        ChangeKind(CHANGE_STAFF, StaffSaved),
        ChangeKind(CHANGE_CATALOG_ITEM, CatalogItemSaved),
    ),
)
