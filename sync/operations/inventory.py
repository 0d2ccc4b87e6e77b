"""Inventory (进销存): the stock ledger's movements, the batches stock is received in, a store's
minimum stock of a product, the consumables a service uses, suppliers and purchase orders,
stocktakes and transfers between stores (docs/inventory.md).

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
stocktake. A store's minimum, a service's consumables, a supplier and a purchase order are
last writer wins by HLC stamp.

A stocktake is counted on any counter of the store: each count is a fact added to the product's
others. Posting it (one counter) records the movements of each product that differs (a loss one
per batch it comes out of, first expired first out): the counts less what the records held when
the product was last counted, so what was sold while counting stays sold. A stocktake posted on
two counters while apart: the first to reach the server stands, the second's movements are
reversed by the server and a `stocktake_posted_twice` conflict says so.

A transfer takes the stock out of the sending store when sent and into the receiving store when
received there, with what arrived of each line; the server sends it to both stores' counters.
A transfer to the store it comes from is refused. A transfer received on two counters of the
store while apart: the first receipt to reach the server stands, the second's movements are
reversed by the server and a `transfer_received_twice` conflict says so."""

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
SUPPLIER_SAVED: Final = "supplier.saved"
PURCHASE_ORDER_SAVED: Final = "purchase_order.saved"
STOCKTAKE_STARTED: Final = "stocktake.started"
STOCKTAKE_COUNTED: Final = "stocktake.counted"
STOCKTAKE_POSTED: Final = "stocktake.posted"
TRANSFER_SENT: Final = "transfer.sent"
TRANSFER_RECEIVED: Final = "transfer.received"
CHANGE_STOCK_MOVEMENT: Final = "stock_movement"
CHANGE_STOCK_BATCH: Final = "stock_batch"
CHANGE_STOCK_LEVEL: Final = "stock_level"
CHANGE_CONSUMABLES: Final = "service_consumables"
CHANGE_SUPPLIER: Final = "supplier"
CHANGE_PURCHASE_ORDER: Final = "purchase_order"
CHANGE_STOCKTAKE: Final = "stocktake"
CHANGE_STOCKTAKE_COUNT: Final = "stocktake_count"
CHANGE_TRANSFER: Final = "stock_transfer"
CHANGE_STOCK_DOCUMENT: Final = "stock_document"
CONFLICT_NEGATIVE_STOCK: Final = "negative_stock"
CONFLICT_STOCKTAKE_POSTED_TWICE: Final = "stocktake_posted_twice"
CONFLICT_TRANSFER_RECEIVED_TWICE: Final = "transfer_received_twice"
CONFLICT_ORDER_EDITED_TWICE: Final = "purchase_order_edited_twice"
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
    supplier_id: Id | None = None
    purchase_order_id: Id | None = None  # a receipt against an order
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


class SupplierSaved(Lenient):
    """A supplier of the store (供应商), as a whole; last writer wins by `hlc`."""

    id: Id
    name: str = Field(min_length=1, max_length=64)
    contact: str = Field(default="", max_length=64)
    phone: str = Field(default="", max_length=20)
    note: str = Field(default="", max_length=200)
    active: bool = True
    hlc: str = ""


class OrderLine(Lenient):
    product_id: Id
    packages: int = Field(ge=1, le=MOST_UNITS)
    unit_cost: Fen | None = Field(default=None, ge=0, le=10**10)  # a package's, fen


class PurchaseOrderSaved(Lenient):
    """A purchase order (采购单) as a whole: a draft, ordered, or cancelled. What has been
    received of it is what receipts against it (stock.moved) brought; last writer wins.
    `base_hlc`: the stamp of the order this edit was made from ("" for a new order, and from
    counters of before it): an edit made from another version than the server's is a
    purchase_order_edited_twice conflict (two counters changed it while apart)."""

    id: Id
    number: str = Field(min_length=1, max_length=32)
    supplier_id: Id | None = None
    status: Literal["draft", "ordered", "cancelled"]
    lines: list[OrderLine] = Field(default_factory=list, max_length=5_000)
    note: str = Field(default="", max_length=200)
    created_at: Moment
    created_by: Id
    ordered_at: Moment | None = None
    hlc: str = ""
    base_hlc: str = ""


class StocktakeStarted(Lenient):
    """A stocktake (盘点) of the whole store or of some categories, counted on any counter of
    the store until one posts it."""

    id: Id
    number: str = Field(min_length=1, max_length=32)
    scope: Literal["full", "categories"]
    categories: list[str] = Field(default_factory=list, max_length=100)
    started_at: Moment
    started_by: Id
    business_day: date


class StocktakeCounted(Lenient):
    """Units of a product counted in one place (a shelf, the store room), added to the rest
    of its counts; a correction is a count of its own, negative."""

    id: Id
    stocktake_id: Id
    product_id: Id
    quantity: int = Field(ge=-MOST_UNITS, le=MOST_UNITS)
    counted_at: Moment
    counted_by: Id


class StocktakeLine(Lenient):
    """A posted line: the product's counts summed, what the records held when it was last
    counted (what moved after that is not the count's to judge), the difference posted and
    its value at cost."""

    product_id: Id
    counted: int = Field(ge=-MOST_UNITS, le=MOST_UNITS)
    expected: int = Field(ge=-MOST_UNITS, le=MOST_UNITS)
    difference: int = Field(ge=-2 * MOST_UNITS, le=2 * MOST_UNITS)
    value: Fen = Field(ge=-(10**12), le=10**12)
    counted_at: Moment | None = None  # the product's last count: the moment the count is true


class StocktakePosted(Lenient):
    """A stocktake posted: its lines and the movements of each product that differs (a gain one
    to no batch, a loss one per batch it comes out of)."""

    stocktake_id: Id
    posted_at: Moment
    posted_by: Id
    business_day: date
    lines: list[StocktakeLine] = Field(max_length=20_000)
    # A loss spanning batches is a movement a batch: room for several a line.
    movements: list[StockMovementPayload] = Field(default_factory=list, max_length=100_000)


class TransferLine(Lenient):
    product_id: Id
    batch: StockBatchPayload | None = None  # the batch sent, for the receiving store to keep
    quantity: int = Field(ge=1, le=MOST_UNITS)


class TransferSent(Lenient):
    """Stock sent to another store of the owner's (调拨): out of this store at once."""

    id: Id
    number: str = Field(min_length=1, max_length=32)
    to_store_id: Id
    sent_at: Moment
    sent_by: Id
    business_day: date
    note: str = Field(default="", max_length=200)
    lines: list[TransferLine] = Field(min_length=1, max_length=5_000)
    movements: list[StockMovementPayload] = Field(min_length=1, max_length=10_000)


class ReceivedLine(Lenient):
    product_id: Id
    batch_id: Id | None = None
    sent: int = Field(ge=0, le=MOST_UNITS)
    received: int = Field(ge=0, le=MOST_UNITS)


class TransferReceived(Lenient):
    """A transfer received at the store it was sent to, with what arrived of each line (a
    difference is recorded, never hidden)."""

    transfer_id: Id
    received_at: Moment
    received_by: Id
    business_day: date
    note: str = Field(default="", max_length=200)
    lines: list[ReceivedLine] = Field(min_length=1, max_length=5_000)
    movements: list[StockMovementPayload] = Field(default_factory=list, max_length=10_000)


class StocktakeData(StocktakeStarted):
    """A stocktake in the change feed: as started, and its post once posted."""

    posted: StocktakePosted | None = None
    device_id: Id | None = None


class TransferData(TransferSent):
    """A transfer in the change feed, sent to both stores: the sending store's id and name,
    and its receipt once received."""

    from_store_id: Id
    from_store_name: str = ""
    to_store_name: str = ""
    received: TransferReceived | None = None


class StockMovementData(StockMovementPayload):
    """A movement in the change feed: the counter that made it (None: the server, settling a
    conflict)."""

    device_id: Id | None = None


class StockDocumentData(Lenient):
    """A receipt, write-off or adjustment in the change feed, without its movements and
    batches (those are changes of their own)."""

    id: Id
    document: DocumentKind
    business_day: date
    at: Moment
    staff_id: Id
    reason: str = ""
    supplier: str = ""
    supplier_id: Id | None = None
    purchase_order_id: Id | None = None
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


def _done_twice(details: Mapping[str, Any], say: Describer) -> dict[str, str]:
    """The document's number and the two counters (a stocktake posted, a transfer received)."""
    stamps = details.get("stamps")
    devices = "、".join(say.device(s) for s in stamps) if isinstance(stamps, list) else ""
    return {
        "number": say.value(pick(details, "number")),
        "devices": devices or say.unknown(None),
    }


STOCKTAKE_POSTED_TWICE = ConflictKind(
    name=CONFLICT_STOCKTAKE_POSTED_TWICE,
    resolutions=(RESOLUTION_ACCEPT,),
    title=Both("盘点被重复过账", "A stocktake was posted twice"),
    explanation=Both(
        "盘点单 {number} 在两台收银台离线时都被过账（{devices}）。先到总部的一次有效；"
        "后一次的调整已被冲回，并发送到每台收银台。请核对库存后确认。",
        "Stocktake {number} was posted on two counters while they were offline ({devices}). "
        "The one that reached the server first stands; the other's adjustments were reversed "
        "and the reversal sent to every counter. Check the stock, then accept.",
    ),
    facts=_done_twice,
    concerns=lambda d, say: [say.value(pick(d, "number"))],
)

TRANSFER_RECEIVED_TWICE = ConflictKind(
    name=CONFLICT_TRANSFER_RECEIVED_TWICE,
    resolutions=(RESOLUTION_ACCEPT,),
    title=Both("调拨单被重复收货", "A transfer was received twice"),
    explanation=Both(
        "调拨单 {number} 在两台收银台离线时都做了收货（{devices}）。先到总部的一次有效；"
        "后一次的入库已被冲回，并发送到每台收银台。请核对库存后确认。",
        "Transfer {number} was received on two counters while they were offline ({devices}). "
        "The receipt that reached the server first stands; the other's stock was reversed "
        "and the reversal sent to every counter. Check the stock, then accept.",
    ),
    facts=_done_twice,
    concerns=lambda d, say: [say.value(pick(d, "number"))],
)


def _edited_twice(details: Mapping[str, Any], say: Describer) -> dict[str, str]:
    """The order's number, the counter whose change stands and the one whose did not."""
    return {
        "number": say.value(pick(details, "number")),
        "kept": say.device(pick(details, "kept")) or say.unknown(None),
        "lost": say.device(pick(details, "lost")) or say.unknown(None),
    }


ORDER_EDITED_TWICE = ConflictKind(
    name=CONFLICT_ORDER_EDITED_TWICE,
    resolutions=(RESOLUTION_ACCEPT,),
    title=Both("采购单被两处修改", "A purchase order was changed twice"),
    explanation=Both(
        "采购单 {number} 在两台收银台离线时都被修改。保留的是较晚的修改（{kept}）；"
        "{lost} 的修改没有保留。请打开采购单核对，需要时重新修改，然后确认。",
        "Purchase order {number} was changed on two counters while they were apart. The "
        "later change stands ({kept}); the change made on {lost} was not kept. Open the order "
        "and check it, change it again if needed, then accept.",
    ),
    facts=_edited_twice,
    concerns=lambda d, say: [say.value(pick(d, "number"))],
)

FAMILY = Family(
    name="inventory",
    operations=(
        OperationKind(
            STOCK_MOVED,
            {1: StockMoved},
            changes=(
                CHANGE_STOCK_DOCUMENT,
                CHANGE_STOCK_MOVEMENT,
                CHANGE_STOCK_BATCH,
                CHANGE_STOCK_LEVEL,
            ),
        ),
        OperationKind(STOCK_LEVEL_SET, {1: StockLevelSet}, changes=(CHANGE_STOCK_LEVEL,)),
        OperationKind(CONSUMABLES_SET, {1: ConsumablesSet}, changes=(CHANGE_CONSUMABLES,)),
        OperationKind(SUPPLIER_SAVED, {1: SupplierSaved}, changes=(CHANGE_SUPPLIER,)),
        OperationKind(
            PURCHASE_ORDER_SAVED, {1: PurchaseOrderSaved}, changes=(CHANGE_PURCHASE_ORDER,)
        ),
        OperationKind(STOCKTAKE_STARTED, {1: StocktakeStarted}, changes=(CHANGE_STOCKTAKE,)),
        OperationKind(STOCKTAKE_COUNTED, {1: StocktakeCounted}, changes=(CHANGE_STOCKTAKE_COUNT,)),
        OperationKind(
            STOCKTAKE_POSTED,
            {1: StocktakePosted},
            changes=(CHANGE_STOCKTAKE, CHANGE_STOCK_MOVEMENT),
        ),
        OperationKind(
            TRANSFER_SENT,
            {1: TransferSent},
            changes=(CHANGE_TRANSFER, CHANGE_STOCK_MOVEMENT, CHANGE_STOCK_BATCH),
        ),
        OperationKind(
            TRANSFER_RECEIVED,
            {1: TransferReceived},
            changes=(CHANGE_TRANSFER, CHANGE_STOCK_MOVEMENT, CHANGE_STOCK_BATCH),
        ),
    ),
    changes=(
        ChangeKind(CHANGE_STOCK_MOVEMENT, StockMovementData, history=True),
        ChangeKind(CHANGE_STOCK_BATCH, StockBatchPayload),
        ChangeKind(CHANGE_STOCK_LEVEL, StockLevelData),
        ChangeKind(CHANGE_CONSUMABLES, ConsumablesSet),
        ChangeKind(CHANGE_STOCK_DOCUMENT, StockDocumentData, history=True),
        ChangeKind(CHANGE_SUPPLIER, SupplierSaved),
        ChangeKind(CHANGE_PURCHASE_ORDER, PurchaseOrderSaved),
        ChangeKind(CHANGE_STOCKTAKE, StocktakeData),
        ChangeKind(CHANGE_STOCKTAKE_COUNT, StocktakeCounted),
        ChangeKind(CHANGE_TRANSFER, TransferData),
    ),
    conflicts=(NEGATIVE_STOCK, STOCKTAKE_POSTED_TWICE, TRANSFER_RECEIVED_TWICE, ORDER_EDITED_TWICE),
)
