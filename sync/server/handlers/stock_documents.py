"""supplier.saved, purchase_order.saved, stocktake.*: the stock documents beside the ledger
(docs/inventory.md, "Server"). A supplier and a purchase order are whole records, last writer
wins by `hlc`; an edit that lost sends the record held down again. A stocktake and its counts
are facts, once by their id. Its post moves stock: the first post to arrive stands; a second
(two counters posted while apart) is recorded as the counter made it and reversed here, with
one stocktake_posted_twice conflict."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import RowMapping, Table, insert, select, update

from sync.operations.inventory import (
    CHANGE_PURCHASE_ORDER,
    CHANGE_STOCKTAKE,
    CHANGE_STOCKTAKE_COUNT,
    CHANGE_SUPPLIER,
    ORDER_EDITED_TWICE,
    PURCHASE_ORDER_SAVED,
    STOCKTAKE_COUNTED,
    STOCKTAKE_POSTED,
    STOCKTAKE_POSTED_TWICE,
    STOCKTAKE_STARTED,
    SUPPLIER_SAVED,
    PurchaseOrderSaved,
    StockMovementPayload,
    StocktakeCounted,
    StocktakeData,
    StocktakePosted,
    StocktakeStarted,
    SupplierSaved,
)
from sync.operations.kinds import node_of
from sync.server import models
from sync.server.batch import new_server_id
from sync.server.context import OpContext, same_store
from sync.server.day_figures import store_calendar
from sync.server.db import dump_json, load_json
from sync.server.handlers.inventory import (
    MOVEMENT,
    check_kinds,
    fresh_movements,
    record_movements,
    record_reversed,
)
from sync.server.handlers.registry import handles
from sync.server.handlers.stock_counts import reconcile_post
from sync.server.stamps import edit_stamp

SUPPLIER = models.table_of(models.Supplier)
ORDER = models.table_of(models.PurchaseOrder)
STOCKTAKE = models.table_of(models.Stocktake)
COUNT = models.table_of(models.StocktakeCount)
STOCKTAKE_KINDS = frozenset({"stocktake"})
Row = dict[str, Any]


# Suppliers and purchase orders: whole records, last writer wins


def _held(ctx: OpContext, table: Table, record_id: str) -> RowMapping | None:
    """The record as held here (None: not yet)."""
    found = ctx.connection.execute(select(table).where(table.c.id == record_id))
    return found.mappings().first()


def _save_whole(
    ctx: OpContext,
    table: Table,
    entity: str,
    values: Row,
    sent: Callable[[Row], Row],
    held: RowMapping | None,
) -> None:
    """Keep the record with the later stamp and send it down: the edit's when it won, the one
    held when it lost (the counter that made it takes the kept one back). `values`: the
    record's columns as the edit has them, `hlc` as sent; `sent`: a row as the feed sends it;
    `held`: the record as held here (_held), None when new."""
    if held is not None:
        same_store(ctx, held["store_id"], entity.replace("_", " "))
    stamp = edit_stamp(values["hlc"], ctx.now, {"hlc": held["hlc"]} if held else {})
    if held is not None and stamp <= held["hlc"]:
        ctx.writer.change(entity, values["id"], sent(dict(held)), ctx.device_id)
        return
    row = values | {"hlc": stamp, "updated_at": ctx.now, "store_id": ctx.store_id}
    if held is None:
        ctx.connection.execute(insert(table).values(row))
    else:
        ctx.connection.execute(update(table).where(table.c.id == row["id"]).values(row))
    ctx.writer.change(entity, row["id"], sent(row), ctx.device_id)


def _supplier_data(row: Row) -> Row:
    return SupplierSaved.model_validate(row).model_dump(mode="json")


def _order_data(row: Row) -> Row:
    lines = row["lines"]
    order = row | {"lines": load_json(lines) if isinstance(lines, str) else lines}
    return PurchaseOrderSaved.model_validate(order).model_dump(mode="json", exclude={"base_hlc"})


@handles(SUPPLIER_SAVED, reads=True, writes=(SUPPLIER,))
def supplier_saved(ctx: OpContext, supplier: SupplierSaved) -> list[str]:
    """A supplier as a whole: the later stamp stands (a counter sends every field it holds)."""
    held = _held(ctx, SUPPLIER, supplier.id)
    _save_whole(ctx, SUPPLIER, CHANGE_SUPPLIER, supplier.model_dump(), _supplier_data, held)
    return []


@handles(PURCHASE_ORDER_SAVED, reads=True, writes=(ORDER,))
def purchase_order_saved(ctx: OpContext, order: PurchaseOrderSaved) -> list[str]:
    """An order as a whole, its lines too: the later stamp stands. What was received of it is
    in the receipts naming it (stock_document.purchase_order_id), never in the order."""
    values = order.model_dump(exclude={"base_hlc"})
    values["lines"] = dump_json(order.model_dump(mode="json")["lines"])
    held = _held(ctx, ORDER, order.id)  # read once: for the clash and for the save
    clash = _edited_apart(ctx, order, held)
    _save_whole(ctx, ORDER, CHANGE_PURCHASE_ORDER, values, _order_data, held)
    return [clash] if clash else []


def _edited_apart(ctx: OpContext, order: PurchaseOrderSaved, held: RowMapping | None) -> str | None:
    """A purchase_order_edited_twice conflict when the edit was made from another version of
    the order than the one held (another counter's edit arrived first): the later stamp still
    stands, and the manager hears whose change was not kept. `held`: the order as held here."""
    if held is None or not order.base_hlc or held["hlc"] in (order.base_hlc, order.hlc):
        return None
    if node_of(held["hlc"]) == ctx.device_id or node_of(order.base_hlc) is None:
        # The order as held is this counter's own edit (its stamp may have been clamped here,
        # so the counter names another), or the base is no stamp: no clash to tell of.
        return None
    same_store(ctx, held["store_id"], "purchase order")
    stamp = edit_stamp(order.hlc, ctx.now, {"hlc": held["hlc"]})
    kept, lost = (stamp, held["hlc"]) if stamp > held["hlc"] else (held["hlc"], stamp)
    details = {"number": held["number"], "order_id": order.id, "kept": kept, "lost": lost}
    return ctx.writer.conflict(
        ORDER_EDITED_TWICE, CHANGE_PURCHASE_ORDER, order.id, [ctx.op.id], details, ctx.device_id
    )


# Stocktakes


def _stocktake(ctx: OpContext, stocktake_id: str) -> Row:
    """The store's stocktake; one unknown here (or another store's) is refused, and parked."""
    found = ctx.connection.execute(select(STOCKTAKE).where(STOCKTAKE.c.id == stocktake_id))
    row = found.mappings().first()
    same_store(ctx, None if row is None else row["store_id"], "stocktake")
    assert row is not None
    return dict(row)


def stocktake_data(row: Row) -> Row:
    """A stocktake as the feed sends it (StocktakeData): as started, and the post that stands
    without its movements (each is a change of its own)."""
    started = {name: row[name] for name in StocktakeStarted.model_fields if name != "categories"}
    posted = None
    if row["posted_at"] is not None:
        posted = StocktakePosted(
            stocktake_id=row["id"],
            posted_at=row["posted_at"],
            posted_by=row["posted_by"],
            business_day=row["posted_business_day"],
            lines=load_json(row["lines"]),
        )
    data = StocktakeData.model_validate(
        started
        | {
            "categories": load_json(row["categories"]),
            "posted": posted,
            "device_id": row["device_id"],
        }
    )
    return data.model_dump(mode="json")


@handles(STOCKTAKE_STARTED, reads=True, writes=(STOCKTAKE,))
def stocktake_started(ctx: OpContext, started: StocktakeStarted) -> list[str]:
    held = ctx.connection.execute(
        select(STOCKTAKE.c.store_id).where(STOCKTAKE.c.id == started.id)
    ).scalar()
    if held is not None:
        same_store(ctx, held, "stocktake")
        return []  # started before: a fact, once
    row = started.model_dump() | {
        "store_id": ctx.store_id,
        "categories": dump_json(started.categories),
        "device_id": ctx.device_id,
        "op_id": ctx.op.id,
    }
    row |= dict.fromkeys(
        ("posted_at", "posted_by", "posted_business_day", "posted_device_id", "post_op_id", "lines")
    )
    ctx.writer.add(STOCKTAKE, row)
    ctx.writer.change(CHANGE_STOCKTAKE, started.id, stocktake_data(row), ctx.device_id)
    return []


@handles(STOCKTAKE_COUNTED, reads=True, writes=(COUNT,))
def stocktake_counted(ctx: OpContext, counted: StocktakeCounted) -> list[str]:
    """A count is a fact added to the product's others, also one that arrives after the post
    (it changes no stock: the post's movements did)."""
    _stocktake(ctx, counted.stocktake_id)
    held = ctx.connection.execute(select(COUNT.c.store_id).where(COUNT.c.id == counted.id)).scalar()
    if held is not None:
        same_store(ctx, held, "stocktake count")
        return []
    row = counted.model_dump() | {
        "store_id": ctx.store_id,
        "device_id": ctx.device_id,
        "op_id": ctx.op.id,
    }
    ctx.writer.add(COUNT, row)
    data = counted.model_dump(mode="json")
    ctx.writer.change(CHANGE_STOCKTAKE_COUNT, counted.id, data, ctx.device_id)
    return []


@handles(STOCKTAKE_POSTED, reads=True, writes=(STOCKTAKE, MOVEMENT))
def stocktake_posted(ctx: OpContext, posted: StocktakePosted) -> list[str]:
    """The first post to arrive stands: its movements are recorded and the stocktake sent
    down posted. A later one of another counter is a stocktake_posted_twice."""
    check_kinds(posted.movements, STOCKTAKE_KINDS)
    take = _stocktake(ctx, posted.stocktake_id)
    if take["posted_at"] is None:
        return _first_post(ctx, take, posted)
    if _same_post(ctx, take, posted):
        return []  # the post that stands, sent again
    fresh = fresh_movements(ctx, posted.movements)
    if posted.movements and not fresh:
        return []  # this second post, sent again: reversed and raised before
    return [_second_post(ctx, take, posted, fresh)]


def _first_post(ctx: OpContext, take: Row, posted: StocktakePosted) -> list[str]:
    values = {
        "posted_at": posted.posted_at,
        "posted_by": posted.posted_by,
        "posted_business_day": posted.business_day,
        "posted_device_id": ctx.device_id,
        "post_op_id": ctx.op.id,
        "lines": dump_json(posted.model_dump(mode="json")["lines"]),
    }
    ctx.connection.execute(update(STOCKTAKE).where(STOCKTAKE.c.id == take["id"]).values(values))
    ctx.writer.change(CHANGE_STOCKTAKE, take["id"], stocktake_data(take | values), ctx.device_id)
    conflicts = record_movements(ctx, fresh_movements(ctx, posted.movements), [take["number"]])
    return conflicts + reconcile_post(ctx, take, posted)


def _same_post(ctx: OpContext, take: Row, posted: StocktakePosted) -> bool:
    stood = (take["posted_at"], take["posted_by"], take["posted_device_id"])
    return stood == (posted.posted_at, posted.posted_by, ctx.device_id)


def _second_post(
    ctx: OpContext, take: Row, posted: StocktakePosted, fresh: Sequence[StockMovementPayload]
) -> str:
    """The counter applied its post: its movements are facts and recorded, then reversed here
    (every counter of the store pulls the reversal); the conflict tells a manager so."""
    details = {
        "number": take["number"],
        "stocktake_id": take["id"],
        "stamps": [d for d in (take["posted_device_id"], ctx.device_id) if d],
        "posted_at": [take["posted_at"].isoformat(), posted.posted_at.isoformat()],
        "reversed": len(fresh),
    }
    conflict_id = ctx.writer.conflict(
        STOCKTAKE_POSTED_TWICE, "stocktake", take["id"], [ctx.op.id], details, ctx.device_id
    )
    day = store_calendar(ctx.connection, ctx.store_id).day_of(ctx.now)
    reason = f"stocktake {take['number']} posted twice: reversed"
    reversals = [
        StockMovementPayload(
            id=new_server_id(),
            product_id=m.product_id,
            batch_id=m.batch_id,
            kind="adjustment",
            quantity=-m.quantity,
            at=ctx.now,
            business_day=day,
            document_id=conflict_id,
            reason=reason,
        )
        for m in fresh
    ]
    record_reversed(ctx, fresh, reversals)
    return conflict_id
