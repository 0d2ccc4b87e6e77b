"""Inventory (进销存): the stock ledger's movements, the batches stock is received in, a store's
minimum stock of a product, and the consumables a service uses (docs/inventory.md).

Every change of stock is a movement made on a counter, in the same transaction as the ticket or
document that caused it, and carried by that document's operation: a sale's, void's or
refund's movements ride in its sale.* payload (sync/operations/sales.py), a receipt's, a
write-off's or an adjustment's in `stock.moved`. Movements are facts: the server keeps each
once, by its id, and sends every counter of the store each one as a `stock_movement` change, so
on hand (their sum) is the same everywhere once everything has synced.

Offline rule: a sale is never refused for stock. When movements take a product's stock in a
store below zero (two counters sold the last unit while apart), the server records one
`negative_stock` conflict as the product crosses zero; a manager records the missing units as
found (an adjustment back to zero, sent to every counter) or leaves it for the next receipt or
stocktake. A store's minimum and a service's consumables are last writer wins by HLC stamp."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Final, Literal

from pydantic import Field

from sync.messages import Both
from sync.operations.kinds import ChangeKind, ConflictKind, Describer, Family, OperationKind, pick
from sync.operations.payloads import Fen, Id, Lenient, Moment
from sync.protocol import RESOLUTION_ACCEPT

STOCK_MOVED: Final = "stock.moved"
STOCK_LEVEL_SET: Final = "stock.level_set"
CONSUMABLES_SET: Final = "consumables.set"
CHANGE_STOCK_MOVEMENT: Final = "stock_movement"
CHANGE_STOCK_BATCH: Final = "stock_batch"
CHANGE_STOCK_LEVEL: Final = "stock_level"
CHANGE_CONSUMABLES: Final = "service_consumables"
CONFLICT_NEGATIVE_STOCK: Final = "negative_stock"
RESOLUTION_FOUND: Final = "record_found"  # the units were there: an adjustment back to zero

MOST_UNITS: Final = 10_000_000
UNITS: Final = ("piece", "ml", "g")
MovementKindName = Literal[
    "sale",
    "consumption",
    "void",
    "refund",
    "receipt",
    "transfer_out",
    "transfer_in",
    "stocktake",
    "write_off",
    "adjustment",
]
DocumentKind = Literal["receipt", "write_off", "adjustment"]


class StockMovementPayload(Lenient):
    """One change of one product's stock: signed units of its unit, from a batch (None: stock
    of no batch), caused by the document `document_id` (a ticket, a refund, a receipt…) and
    its line where it has lines."""

    id: Id
    product_id: Id
    batch_id: Id | None = None
    kind: MovementKindName
    quantity: int = Field(ge=-MOST_UNITS, le=MOST_UNITS)
    at: Moment
    business_day: date
    document_id: Id
    line_id: Id | None = None
    staff_id: Id | None = None  # who did it; for consumption, the technician
    reason: str = Field(default="", max_length=200)


class StockBatchPayload(Lenient):
    """A batch of a product as received: its lot number, its dates and what it cost."""

    id: Id
    product_id: Id
    code: str = Field(default="", max_length=40)
    expires_on: date | None = None
    made_on: date | None = None
    received_at: Moment
    unit_cost: Fen | None = Field(default=None, ge=0, le=10**10)  # a package's, fen


class StockMoved(Lenient):
    """A stock document other than a sale: a receipt (入库), a write-off (报损) or an
    adjustment (调整), with the batches it created and each product's cost after it (a
    receipt's moving average)."""

    id: Id
    document: DocumentKind
    business_day: date
    at: Moment
    staff_id: Id
    reason: str = Field(default="", max_length=200)
    supplier: str = Field(default="", max_length=64)
    batches: list[StockBatchPayload] = Field(default_factory=list, max_length=5_000)
    movements: list[StockMovementPayload] = Field(min_length=1, max_length=10_000)
    costs: dict[Id, Fen] = Field(default_factory=dict, max_length=5_000)


class StockLevelSet(Lenient):
    """A store's minimum stock of a product (0: no alert), in the product's unit."""

    product_id: Id
    minimum: int = Field(ge=0, le=MOST_UNITS)
    hlc: str = ""


class Consumable(Lenient):
    product_id: Id
    quantity: int = Field(ge=1, le=MOST_UNITS)
    unit: Literal["piece", "ml", "g"]


class ConsumablesSet(Lenient):
    """What one of a service uses up (耗材), replacing what it used before."""

    service_id: Id
    consumables: list[Consumable] = Field(default_factory=list, max_length=50)
    hlc: str = ""


class StockMovementData(StockMovementPayload):
    """A movement in the change feed: the counter that made it (None: the server, settling a
    conflict)."""

    device_id: Id | None = None


class StockLevelData(StockLevelSet):
    cost: Fen | None = None  # the store's moving-average cost of a package, when one is known


def _negative(details: Mapping[str, Any], say: Describer) -> dict[str, str]:
    numbers = details.get("numbers")
    documents = "、".join(str(n) for n in numbers) if isinstance(numbers, list) else ""
    stamps = details.get("stamps")
    devices = "、".join(say.device(s) for s in stamps) if isinstance(stamps, list) else ""
    return {
        "product": say.value(pick(details, "name")),
        "on_hand": say.value(pick(details, "on_hand")),
        "unit": say.value(pick(details, "unit")),
        "documents": documents or say.unknown(None),
        "devices": devices or say.unknown(None),
    }


NEGATIVE_STOCK = ConflictKind(
    name=CONFLICT_NEGATIVE_STOCK,
    resolutions=(RESOLUTION_FOUND, RESOLUTION_ACCEPT),
    title=Both("库存为负", "Stock below zero"),
    explanation=Both(
        "“{product}”的库存在几台收银台离线时都被出售或使用，记录降到了 {on_hand} {unit}"
        "（单据 {documents}；{devices}）。所有销售都已入账。请选择：补录实有库存"
        "（调整回 0，发送到每台收银台），或保持原样，等下次入库或盘点更正。",
        "The stock of {product} was sold or used on counters that were offline, and the "
        "records went down to {on_hand} {unit} (documents {documents}; {devices}). Every sale "
        "stands. Record the units as found (an adjustment back to zero, sent to every "
        "counter), or leave it for the next receipt or stocktake to put right.",
    ),
    facts=_negative,
    concerns=lambda d, say: [say.value(pick(d, "name")), say.value(pick(d, "on_hand"))],
    resolution_words={
        RESOLUTION_FOUND: Both("补录库存", "Record as found"),
        RESOLUTION_ACCEPT: Both("保持原样", "Leave as is"),
    },
)

FAMILY = Family(
    name="inventory",
    operations=(
        OperationKind(
            STOCK_MOVED,
            {1: StockMoved},
            changes=(CHANGE_STOCK_MOVEMENT, CHANGE_STOCK_BATCH, CHANGE_STOCK_LEVEL),
        ),
        OperationKind(STOCK_LEVEL_SET, {1: StockLevelSet}, changes=(CHANGE_STOCK_LEVEL,)),
        OperationKind(CONSUMABLES_SET, {1: ConsumablesSet}, changes=(CHANGE_CONSUMABLES,)),
    ),
    changes=(
        ChangeKind(CHANGE_STOCK_MOVEMENT, StockMovementData, history=True),
        ChangeKind(CHANGE_STOCK_BATCH, StockBatchPayload),
        ChangeKind(CHANGE_STOCK_LEVEL, StockLevelData),
        ChangeKind(CHANGE_CONSUMABLES, ConsumablesSet),
    ),
    conflicts=(NEGATIVE_STOCK,),
)
