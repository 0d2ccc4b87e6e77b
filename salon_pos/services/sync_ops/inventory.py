"""Stock at the counter: the payloads of stock.moved, stock.level_set and consumables.set, and
applying the movements, batches, minimums and consumables pulled from the server
(sync/operations/inventory.py declares them).

A movement is a fact with its own id: one pulled is added once, whoever made it (this counter's
own coming back adds nothing). A minimum and a service's consumables are last writer wins by
HLC stamp: an older change never replaces a newer edit made here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from salon_pos.db.fast_insert import insert_rows
from salon_pos.db.models import (
    ConsumablesStamp,
    ServiceConsumable,
    StockBatch,
    StockLevel,
    StockMovement,
)
from salon_pos.services.sync_ops.registry import applies, builds, inserts_new, new_once
from salon_pos.services.sync_state import observe_hlc
from sync.operations.inventory import (
    CHANGE_CONSUMABLES,
    CHANGE_STOCK_BATCH,
    CHANGE_STOCK_LEVEL,
    CHANGE_STOCK_MOVEMENT,
    CONSUMABLES_SET,
    STOCK_LEVEL_SET,
    STOCK_MOVED,
    ConsumablesSet,
    StockBatchPayload,
    StockLevelData,
    StockLevelSet,
    StockMoved,
    StockMovementData,
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
