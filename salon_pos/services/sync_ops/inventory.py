"""Stock at the counter: the payloads of the inventory family's operations (stock documents,
minimums, consumables, suppliers, purchase orders, stocktakes, transfers), and applying what
is pulled of them (sync/operations/inventory.py declares them).

A movement, a document, a batch and a stocktake count are facts with their own ids: one pulled
is added once, whoever made it (this counter's own coming back adds nothing). A minimum, a
service's consumables, a supplier and a purchase order are last writer wins by HLC stamp: an
older change never replaces a newer edit made here. A stocktake or transfer pulled takes the
post or the receipt it carries once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from salon_pos.db.fast_insert import insert_rows
from salon_pos.db.models import (
    ConsumablesStamp,
    PurchaseOrder,
    ServiceConsumable,
    StockBatch,
    StockDocument,
    StockLevel,
    StockMovement,
    Stocktake,
    StocktakeCount,
    StockTransfer,
    Supplier,
)
from salon_pos.services.sync_ops.registry import applies, builds, inserts_new, new_once
from salon_pos.services.sync_state import observe_hlc
from sync.operations.inventory import (
    CHANGE_CONSUMABLES,
    CHANGE_PURCHASE_ORDER,
    CHANGE_STOCK_BATCH,
    CHANGE_STOCK_DOCUMENT,
    CHANGE_STOCK_LEVEL,
    CHANGE_STOCK_MOVEMENT,
    CHANGE_STOCKTAKE,
    CHANGE_STOCKTAKE_COUNT,
    CHANGE_SUPPLIER,
    CHANGE_TRANSFER,
    CONSUMABLES_SET,
    PURCHASE_ORDER_SAVED,
    STOCK_LEVEL_SET,
    STOCK_MOVED,
    STOCKTAKE_COUNTED,
    STOCKTAKE_POSTED,
    STOCKTAKE_STARTED,
    SUPPLIER_SAVED,
    TRANSFER_RECEIVED,
    TRANSFER_SENT,
    ConsumablesSet,
    PurchaseOrderSaved,
    StockBatchPayload,
    StockDocumentData,
    StockLevelData,
    StockLevelSet,
    StockMoved,
    StockMovementData,
    StocktakeCounted,
    StocktakeData,
    StocktakePosted,
    StocktakeStarted,
    SupplierSaved,
    TransferData,
    TransferReceived,
    TransferSent,
)
from sync.wire import Change

Row = dict[str, Any]
_MOVEMENT_FIELDS = tuple(c.name for c in StockMovement.__table__.columns)


@builds(STOCK_MOVED)
def stock_moved(document: Row, batches: Sequence[Row], movements: Sequence[Row]) -> StockMoved:
    """`document`: id, document (receipt, write_off, adjustment), business_day, at, staff_id,
    reason, supplier, costs; the batch and movement rows as written."""
    return StockMoved.model_validate(
        document | {"batches": list(batches), "movements": list(movements)}
    )


@builds(STOCK_LEVEL_SET)
def stock_level_set(product_id: str, minimum: int, hlc: str) -> StockLevelSet:
    return StockLevelSet(product_id=product_id, minimum=minimum, hlc=hlc)


@builds(CONSUMABLES_SET)
def consumables_set(service_id: str, consumables: Sequence[Row], hlc: str) -> ConsumablesSet:
    """`consumables`: product_id, quantity and unit of each."""
    return ConsumablesSet.model_validate(
        {"service_id": service_id, "consumables": list(consumables), "hlc": hlc}
    )


def _movement_row(change: Change) -> Row:
    data = StockMovementData.model_validate(change.data)
    return data.model_dump(include=set(_MOVEMENT_FIELDS))


@applies(CHANGE_STOCK_MOVEMENT)
def stock_movement(session: Session, change: Change) -> None:
    row = _movement_row(change)
    session.execute(insert(StockMovement).values(row).on_conflict_do_nothing())


@inserts_new(CHANGE_STOCK_MOVEMENT)
def new_stock_movements(session: Session, changes: Sequence[Change]) -> list[Change]:
    """What `stock_movement` does, for a run of them at once (a first pull's history)."""
    fresh = new_once(session, StockMovement.id, changes)
    insert_rows(session, StockMovement, [_movement_row(c) for c in fresh])
    taken = {c.entity_id for c in fresh}
    return [c for c in changes if c.entity_id not in taken]


@applies(CHANGE_STOCK_BATCH)
def stock_batch(session: Session, change: Change) -> None:
    data = StockBatchPayload.model_validate(change.data)
    session.execute(insert(StockBatch).values(data.model_dump()).on_conflict_do_nothing())


@applies(CHANGE_STOCK_LEVEL)
def stock_level(session: Session, change: Change) -> None:
    data = StockLevelData.model_validate(change.data)
    observe_hlc(session, [data.hlc] if data.hlc else [])
    held = session.get(StockLevel, data.product_id)
    values: Row = {"cost": data.cost} if data.cost is not None else {}
    if held is None or data.hlc >= held.hlc:
        values |= {"minimum": data.minimum, "hlc": data.hlc}
    if held is None:
        values = {"minimum": 0, "hlc": ""} | values
    if values:
        session.execute(
            insert(StockLevel)
            .values(product_id=data.product_id, **values)
            .on_conflict_do_update(index_elements=["product_id"], set_=values)
        )


@applies(CHANGE_CONSUMABLES)
def service_consumables(session: Session, change: Change) -> None:
    data = ConsumablesSet.model_validate(change.data)
    observe_hlc(session, [data.hlc] if data.hlc else [])
    held = session.scalar(
        select(ConsumablesStamp.hlc).where(ConsumablesStamp.service_id == data.service_id)
    )
    if held is not None and data.hlc < held:
        return  # an edit made here since, not pushed yet or not merged: it stands
    replace_consumables(session, data.service_id, data.consumables, data.hlc)


def replace_consumables(
    session: Session, service_id: str, consumables: Sequence[Any], hlc: str
) -> None:
    """The service's consumables become these (each with product_id and quantity)."""
    session.execute(delete(ServiceConsumable).where(ServiceConsumable.service_id == service_id))
    rows = [
        {"service_id": service_id, "product_id": c.product_id, "quantity": c.quantity}
        for c in consumables
    ]
    insert_rows(session, ServiceConsumable, rows)
    session.execute(
        insert(ConsumablesStamp)
        .values(service_id=service_id, hlc=hlc)
        .on_conflict_do_update(index_elements=["service_id"], set_={"hlc": hlc})
    )


@builds(SUPPLIER_SAVED)
def supplier_saved(values: Row) -> SupplierSaved:
    return SupplierSaved.model_validate(values)


@builds(PURCHASE_ORDER_SAVED)
def purchase_order_saved(order: PurchaseOrder, base_hlc: str = "") -> PurchaseOrderSaved:
    """The order as it is now; `base_hlc`: its stamp before this edit ("" when new)."""
    saved = PurchaseOrderSaved.model_validate(order, from_attributes=True)
    return saved.model_copy(update={"base_hlc": base_hlc})


@builds(STOCKTAKE_STARTED)
def stocktake_started(take: Stocktake) -> StocktakeStarted:
    return StocktakeStarted.model_validate(take, from_attributes=True)


@builds(STOCKTAKE_COUNTED)
def stocktake_counted(row: Row) -> StocktakeCounted:
    return StocktakeCounted.model_validate(row)


@builds(STOCKTAKE_POSTED)
def stocktake_posted(take: Stocktake, day: date, movements: Sequence[Row]) -> StocktakePosted:
    return StocktakePosted.model_validate(
        {
            "stocktake_id": take.id,
            "posted_at": take.posted_at,
            "posted_by": take.posted_by,
            "business_day": day,
            "lines": take.lines,
            "movements": list(movements),
        }
    )


@builds(TRANSFER_SENT)
def transfer_sent(transfer: Row, movements: Sequence[Row]) -> TransferSent:
    return TransferSent.model_validate(transfer | {"movements": list(movements)})


@builds(TRANSFER_RECEIVED)
def transfer_received(received: Row, movements: Sequence[Row]) -> TransferReceived:
    return TransferReceived.model_validate(received | {"movements": list(movements)})


def _newer(held_hlc: str | None, hlc: str) -> bool:
    """A pulled whole-record edit replaces what is held unless what is held is newer."""
    return held_hlc is None or hlc >= held_hlc


@applies(CHANGE_STOCK_DOCUMENT)
def stock_document(session: Session, change: Change) -> None:
    data = StockDocumentData.model_validate(change.data)
    session.execute(insert(StockDocument).values(data.model_dump()).on_conflict_do_nothing())


@applies(CHANGE_SUPPLIER)
def supplier(session: Session, change: Change) -> None:
    data = SupplierSaved.model_validate(change.data)
    observe_hlc(session, [data.hlc] if data.hlc else [])
    held = session.get(Supplier, data.id)
    if _newer(held.hlc if held else None, data.hlc):
        session.merge(Supplier(**data.model_dump()))


@applies(CHANGE_PURCHASE_ORDER)
def purchase_order(session: Session, change: Change) -> None:
    data = PurchaseOrderSaved.model_validate(change.data)
    observe_hlc(session, [data.hlc] if data.hlc else [])
    held = session.get(PurchaseOrder, data.id)
    if _newer(held.hlc if held else None, data.hlc):
        values = data.model_dump(mode="python", exclude={"base_hlc"}) | {
            "lines": [line.model_dump() for line in data.lines]
        }
        session.merge(PurchaseOrder(**values))


@applies(CHANGE_STOCKTAKE)
def stocktake(session: Session, change: Change) -> None:
    data = StocktakeData.model_validate(change.data)
    held = session.get(Stocktake, data.id)
    if held is None:
        started = data.model_dump(include=set(StocktakeStarted.model_fields))
        held = Stocktake(**started, device_id=data.device_id)
        session.add(held)
    if data.posted is not None and held.posted_at is None:
        held.posted_at, held.posted_by = data.posted.posted_at, data.posted.posted_by
        held.lines = [line.model_dump(mode="json") for line in data.posted.lines]
    session.flush()


@applies(CHANGE_STOCKTAKE_COUNT)
def stocktake_count(session: Session, change: Change) -> None:
    data = StocktakeCounted.model_validate(change.data)
    session.execute(insert(StocktakeCount).values(data.model_dump()).on_conflict_do_nothing())


@applies(CHANGE_TRANSFER)
def stock_transfer(session: Session, change: Change) -> None:
    data = TransferData.model_validate(change.data)
    held = session.get(StockTransfer, data.id)
    if held is None:
        held = StockTransfer(
            **data.model_dump(
                include={
                    "id", "number", "from_store_id", "to_store_id", "from_store_name",
                    "to_store_name", "sent_at", "sent_by", "business_day", "note",
                }
            ),
            lines=[line.model_dump(mode="json") for line in data.lines],
        )  # fmt: skip
        session.add(held)
    if data.received is not None and held.received is None:
        held.received = data.received.model_dump(mode="json", exclude={"movements"})
    session.flush()
