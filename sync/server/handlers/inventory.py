"""stock.moved, stock.level_set, consumables.set: the stock ledger at the server (docs/inventory.md,
"Server"). Movements are recorded as the counters made them, once by their id, whatever
operation carries them (a sale's, void's or refund's too: handlers/sales.py; a stocktake's and
a transfer's: handlers/stocktakes.py, handlers/transfers.py), so a replay adds none. Stock is
never a reason to refuse: a product's on hand in a store taken below zero by counters that were
apart is one negative_stock conflict, raised as it crosses zero, and a manager's
`record_found` brings it back with a movement made here."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from sync.operations.inventory import (
    CHANGE_CONSUMABLES,
    CHANGE_STOCK_BATCH,
    CHANGE_STOCK_DOCUMENT,
    CHANGE_STOCK_LEVEL,
    CHANGE_STOCK_MOVEMENT,
    CONSUMABLES_SET,
    NEGATIVE_STOCK,
    STOCK_LEVEL_SET,
    STOCK_MOVED,
    Consumable,
    ConsumablesSet,
    StockBatchPayload,
    StockDocumentData,
    StockLevelData,
    StockLevelSet,
    StockMoved,
    StockMovementData,
    StockMovementPayload,
)
from sync.server import models
from sync.server.batch import Rejected, new_server_id
from sync.server.context import OpContext, check_fen, same_store
from sync.server.day_figures import store_calendar
from sync.server.handlers import stock_marks
from sync.server.handlers.registry import handles
from sync.server.handlers.setup import canonical_item_id
from sync.server.stamps import edit_stamp
from sync.server.stock_on_hand import ON_HAND, PUT_IN

MOVEMENT = models.table_of(models.StockMovement)
BATCH = models.table_of(models.StockBatch)
DOCUMENT = models.table_of(models.StockDocument)
LEVEL = models.table_of(models.StockLevel)
CONSUMABLES = models.table_of(models.ServiceConsumables)
CONSUMABLE = models.table_of(models.ServiceConsumable)
CATALOG = models.table_of(models.CatalogItem)
ALIAS = models.table_of(models.CatalogAlias)
TICKET = models.table_of(models.Ticket)
# The movements each operation may carry: a sale's and a void's or refund's ride in their
# sale.* payloads, every other stock document in stock.moved.
SALE_KINDS = frozenset({"sale", "consumption"})
VOID_KINDS = frozenset({"void"})
REFUND_KINDS = frozenset({"refund"})
DOCUMENT_KINDS = frozenset(
    {"receipt", "transfer_out", "transfer_in", "stocktake", "write_off", "adjustment"}
)
FOUND_REASON = "negative stock recorded as found"
Quantities = dict[tuple[str, str | None], int]  # signed units per (product, batch)


# On hand


def moved_products(payload: dict[str, Any]) -> set[str]:
    """The products an operation's raw payload moves (`stock` of a sale.*, `movements` of a
    stock.moved), for apply.prefetch; anything malformed is left to validation."""
    found: set[str] = set()
    for key in ("stock", "movements"):
        movements = payload.get(key)
        for movement in movements if isinstance(movements, list) else []:
            if isinstance(movement, dict) and isinstance(movement.get("product_id"), str):
                found.add(movement["product_id"])
    return found


def prefetch_stock(
    connection: Connection, store_id: str, products: set[str]
) -> tuple[dict[str, int], dict[str, str], set[str]]:
    """On hand of these products in the store, which of them are aliases of another item
    (alias → the item kept), and which the store keeps stock of: two queries a batch, one
    row a product (stock_on_hand), not one query a movement nor a product's history."""
    wanted = sorted(products)
    aliases = {
        row.alias_id: row.item_id
        for row in connection.execute(
            select(ALIAS.c.alias_id, ALIAS.c.item_id).where(
                ALIAS.c.store_id == store_id, ALIAS.c.alias_id.in_(wanted)
            )
        )
    }
    wanted = sorted({aliases.get(p, p) for p in wanted})
    stock = dict.fromkeys(wanted, 0)
    kept = set()
    for product, units, keeps in connection.execute(
        select(ON_HAND.c.product_id, ON_HAND.c.quantity, ON_HAND.c.kept).where(
            ON_HAND.c.store_id == store_id, ON_HAND.c.product_id.in_(wanted)
        )
    ):
        stock[product] = int(units)
        if keeps:
            kept.add(product)
    return stock, aliases, kept


def on_hand(ctx: OpContext, product_id: str) -> int:
    """A product's stock in the store as the batch stands: stored (stock_on_hand, added to at
    each flush), with what the batch holds to write; kept in the batch's cache from the first
    look."""
    if product_id not in ctx.cache.stock:
        stored = ctx.connection.execute(
            select(ON_HAND.c.quantity, ON_HAND.c.kept).where(
                ON_HAND.c.store_id == ctx.store_id, ON_HAND.c.product_id == product_id
            )
        ).first()
        rows = [r for r in ctx.writer.rows[MOVEMENT] if r["product_id"] == product_id]
        pending = sum(r["quantity"] for r in rows)
        ctx.cache.stock[product_id] = (stored.quantity if stored else 0) + pending
        if (stored and stored.kept) or any(r["kind"] in PUT_IN for r in rows):
            ctx.cache.kept.add(product_id)
    return ctx.cache.stock[product_id]


# Recording movements


def check_kinds(movements: Iterable[StockMovementPayload], allowed: frozenset[str]) -> None:
    for movement in movements:
        if movement.kind not in allowed:
            raise Rejected(f"a {movement.kind} movement does not belong to this operation")


def held_ids(ctx: OpContext, table: Any, ids: list[str]) -> set[str]:
    """Of these ids, those already recorded (ids are unique across stores). The batch is
    flushed before any handler that calls this (reads=True)."""
    if not ids:
        return set()
    return set(ctx.connection.execute(select(table.c.id).where(table.c.id.in_(ids))).scalars())


def fresh_movements(
    ctx: OpContext, movements: Sequence[StockMovementPayload]
) -> list[StockMovementPayload]:
    """The movements not recorded yet, each once."""
    held = held_ids(ctx, MOVEMENT, [m.id for m in movements])
    fresh = []
    for movement in movements:
        if movement.id not in held:
            held.add(movement.id)
            fresh.append(movement)
    return fresh


def movement_data(row: dict[str, Any]) -> dict[str, Any]:
    """A movement as the change feed sends it (StockMovementData)."""
    fields = StockMovementData.model_fields
    data = {k: row[k] for k in fields if k not in ("at", "business_day")}
    return data | {"at": row["at"].isoformat(), "business_day": row["business_day"].isoformat()}


def record_movements(
    ctx: OpContext,
    movements: Sequence[StockMovementPayload],
    numbers: Sequence[str],
    by_server: bool = False,
) -> list[str]:
    """Write the movements and their changes; answer the negative_stock conflicts they raise:
    one per product they take from zero or more to below zero (none while it stays below).
    `numbers`: what the operation's document is known by (a ticket's number). `by_server`:
    made here (a conflict settled), from no counter: every counter of the store pulls it."""
    device = None if by_server else ctx.device_id
    before, deltas = _write_movements(ctx, movements, device)
    back = stock_marks.taken_back(ctx, movements)
    if back:  # made before a posted count: the count saw them (handlers.stock_marks)
        for product, delta in _write_movements(ctx, back, None)[1].items():
            deltas[product] = deltas.get(product, 0) + delta
    conflicts = []
    for product, delta in deltas.items():
        now = ctx.cache.stock[product]
        if before[product] >= 0 > now and product in ctx.cache.kept:
            conflicts.append(_negative_stock(ctx, product, now, numbers, device))
        if delta < 0 and numbers:
            ctx.cache.last_takes[product] = (numbers[0], device)
    return conflicts


def record_reversed(
    ctx: OpContext,
    movements: Sequence[StockMovementPayload],
    reversals: Sequence[StockMovementPayload],
) -> None:
    """Write a counter's movements and the server's reversals of them (a stocktake posted or
    a transfer received a second time; a sale's stock put back twice, handlers/put_back.py):
    together they move nothing, or put back what no other counter did, so they raise no
    negative_stock however the stock stood."""
    _write_movements(ctx, movements, ctx.device_id)
    _write_movements(ctx, reversals, None)


def server_adjustments(
    ctx: OpContext, quantities: Quantities, document_id: str, reason: str
) -> list[StockMovementPayload]:
    """Adjustments made here (units per product and batch), under the document that explains
    them (a conflict's id), on the store's business day now."""
    day = store_calendar(ctx.connection, ctx.store_id).day_of(ctx.now)
    return [
        StockMovementPayload(
            id=new_server_id(),
            product_id=product,
            batch_id=batch,
            kind="adjustment",
            quantity=units,
            at=ctx.now,
            business_day=day,
            document_id=document_id,
            reason=reason[:200],
        )
        for (product, batch), units in quantities.items()
        if units
    ]


def _write_movements(
    ctx: OpContext, movements: Sequence[StockMovementPayload], device: str | None
) -> tuple[dict[str, int], dict[str, int]]:
    """Add the movements and their changes, keeping the batch's stock current; answers each
    product's on hand before them and what they moved of it."""
    deltas: dict[str, int] = {}
    rows = []
    for movement in movements:
        product = ctx.cache.aliases.get(movement.product_id, movement.product_id)
        row = movement.model_dump() | {
            "product_id": product,
            "store_id": ctx.store_id,
            "device_id": device,
            "op_id": ctx.op.id,
        }
        rows.append(row)
        deltas[product] = deltas.get(product, 0) + movement.quantity
    before = {product: on_hand(ctx, product) for product in deltas}
    for row in rows:
        ctx.writer.add(MOVEMENT, row)
        ctx.writer.change(CHANGE_STOCK_MOVEMENT, row["id"], movement_data(row), device)
    ctx.cache.kept |= {
        ctx.cache.aliases.get(m.product_id, m.product_id) for m in movements if m.kind in PUT_IN
    }
    for product, delta in deltas.items():
        ctx.cache.stock[product] = before[product] + delta
    return before, deltas


def _negative_stock(
    ctx: OpContext, product_id: str, now: int, numbers: Sequence[str], device: str | None
) -> str:
    earlier, earlier_device = ctx.cache.last_takes.get(product_id) or _last_take(ctx, product_id)
    name, unit = _product(ctx, product_id)
    involved = [n for n in (earlier, *numbers) if n]
    details = {
        "product_id": product_id,
        "name": name,
        "unit": unit,
        "on_hand": now,
        "shortfall": -now,
        "numbers": list(dict.fromkeys(involved)),
        "stamps": sorted({d for d in (earlier_device, device) if d}),
        "op_type": ctx.op.type,
    }
    return ctx.writer.conflict(
        NEGATIVE_STOCK, "catalog_item", product_id, [ctx.op.id], details, device
    )


def _product(ctx: OpContext, product_id: str) -> tuple[str, str]:
    found = ctx.connection.execute(
        select(CATALOG.c.name, CATALOG.c.unit).where(CATALOG.c.id == product_id)
    ).first()
    return (found.name, found.unit) if found is not None else ("", "piece")


def _last_take(ctx: OpContext, product_id: str) -> tuple[str | None, str | None]:
    """The latest earlier movement that took the product (its document's number, device)."""
    for row in reversed(ctx.writer.rows[MOVEMENT]):
        if row["product_id"] == product_id and row["quantity"] < 0 and row["op_id"] != ctx.op.id:
            return _document_number(ctx, row["document_id"]), row["device_id"]
    found = ctx.connection.execute(
        select(MOVEMENT.c.document_id, MOVEMENT.c.device_id)
        .where(
            MOVEMENT.c.store_id == ctx.store_id,
            MOVEMENT.c.product_id == product_id,
            MOVEMENT.c.quantity < 0,
        )
        .order_by(MOVEMENT.c.at.desc(), MOVEMENT.c.id.desc())
        .limit(1)
    ).first()
    if found is None:
        return None, None
    return _document_number(ctx, found.document_id), found.device_id


def _document_number(ctx: OpContext, document_id: str) -> str:
    """A ticket's number; any other document by its id."""
    for row in ctx.writer.rows[TICKET]:
        if row["id"] == document_id:
            return str(row["number"])
    found = ctx.connection.execute(select(TICKET.c.number).where(TICKET.c.id == document_id))
    return str(found.scalar() or document_id)


def settle_negative_stock(
    ctx: OpContext, details: dict[str, Any], conflict_id: str, note: str, staff_id: str | None
) -> None:
    """A manager's `record_found`: the units were there. One adjustment made here brings the
    product back by the shortfall — never above zero (a receipt or stocktake since may have
    put part or all of it right) — and goes to every counter of the store."""
    product = str(details["product_id"])
    amount = min(int(details["shortfall"]), max(0, -on_hand(ctx, product)))
    if amount <= 0:
        return
    found = server_adjustments(ctx, {(product, None): amount}, conflict_id, note or FOUND_REASON)
    found = [movement.model_copy(update={"staff_id": staff_id}) for movement in found]
    record_movements(ctx, found, [], by_server=True)


# Handlers


@handles(STOCK_MOVED, reads=True, writes=(DOCUMENT, BATCH, MOVEMENT, LEVEL))
def stock_moved(ctx: OpContext, moved: StockMoved) -> list[str]:
    """A receipt, write-off or adjustment: the document, its new batches and movements once
    by id, and each product's cost after it."""
    check_kinds(moved.movements, DOCUMENT_KINDS)
    check_fen(*moved.costs.values())
    if any(cost < 0 for cost in moved.costs.values()):
        raise Rejected("a cost below zero")
    _record_document(ctx, moved)
    record_batches(ctx, moved.batches)
    for product, cost in moved.costs.items():
        _save_cost(ctx, ctx.cache.aliases.get(product, product), cost)
    return record_movements(ctx, fresh_movements(ctx, moved.movements), [moved.id])


def _record_document(ctx: OpContext, moved: StockMoved) -> None:
    """The document once by its id (a second operation carrying it adds nothing); one of
    another store's is not this store's to name."""
    held = ctx.connection.execute(
        select(DOCUMENT.c.store_id).where(DOCUMENT.c.id == moved.id)
    ).scalar()
    if held is not None:
        same_store(ctx, held, "stock document")
        return
    fields = set(StockDocumentData.model_fields) - {"device_id"}
    data = StockDocumentData.model_validate(
        moved.model_dump(include=fields) | {"device_id": ctx.device_id}
    )
    row = data.model_dump() | {"store_id": ctx.store_id, "op_id": ctx.op.id}
    ctx.writer.add(DOCUMENT, row)
    ctx.writer.change(CHANGE_STOCK_DOCUMENT, moved.id, data.model_dump(mode="json"), ctx.device_id)


def record_batches(ctx: OpContext, batches: Sequence[StockBatchPayload]) -> None:
    """The batches once per store by their id (a batch transferred is kept in both stores)
    and their changes."""
    mine = select(BATCH.c.id).where(
        BATCH.c.store_id == ctx.store_id, BATCH.c.id.in_([b.id for b in batches])
    )
    held = set(ctx.connection.execute(mine).scalars()) if batches else set()
    for batch in batches:
        if batch.id in held:
            continue
        held.add(batch.id)
        row = batch.model_dump() | {
            "product_id": ctx.cache.aliases.get(batch.product_id, batch.product_id),
            "store_id": ctx.store_id,
            "device_id": ctx.device_id,
            "op_id": ctx.op.id,
        }
        ctx.writer.add(BATCH, row)
        data = batch.model_dump(mode="json") | {"product_id": row["product_id"]}
        ctx.writer.change(CHANGE_STOCK_BATCH, batch.id, data, ctx.device_id)


def _level(connection: Connection, store_id: str, product_id: str) -> dict[str, Any] | None:
    found = connection.execute(
        select(LEVEL).where(LEVEL.c.store_id == store_id, LEVEL.c.product_id == product_id)
    ).mappings()
    row = found.first()
    return None if row is None else dict(row)


def _save_level(ctx: OpContext, held: dict[str, Any] | None, values: dict[str, Any]) -> None:
    """Insert or update the store's level of a product and send it down."""
    product = values["product_id"]
    row = (held or {"minimum": 0, "cost": None, "hlc": ""}) | values
    if held is None:
        ctx.connection.execute(insert(LEVEL).values(row | {"store_id": ctx.store_id}))
    elif len(values) > 1:
        mine = (LEVEL.c.store_id == ctx.store_id) & (LEVEL.c.product_id == product)
        ctx.connection.execute(update(LEVEL).where(mine).values(values))
    data = StockLevelData(
        product_id=product, minimum=row["minimum"], hlc=row["hlc"], cost=row["cost"]
    )
    ctx.writer.change(CHANGE_STOCK_LEVEL, product, data.model_dump(mode="json"), ctx.device_id)


def _save_cost(ctx: OpContext, product_id: str, cost: int) -> None:
    held = _level(ctx.connection, ctx.store_id, product_id)
    if held is None or held["cost"] != cost:
        _save_level(ctx, held, {"product_id": product_id, "cost": cost})


@handles(STOCK_LEVEL_SET, reads=True, writes=(LEVEL,))
def stock_level_set(ctx: OpContext, level: StockLevelSet) -> list[str]:
    """A store's minimum of a product: the edit with the later stamp stands. One that lost
    sends the level held down again, so the counter that made it takes it back."""
    product = canonical_item_id(ctx.writer, level.product_id)
    held = _level(ctx.connection, ctx.store_id, product)
    stamp = edit_stamp(level.hlc, ctx.now, {"hlc": held["hlc"]} if held else {})
    if held is not None and stamp <= held["hlc"]:
        _save_level(ctx, held, {"product_id": product})
        return []
    _save_level(ctx, held, {"product_id": product, "minimum": level.minimum, "hlc": stamp})
    return []


@handles(CONSUMABLES_SET, reads=True, writes=(CONSUMABLES, CONSUMABLE))
def consumables_set(ctx: OpContext, listed: ConsumablesSet) -> list[str]:
    """What a service uses up, replacing its list whole: the list with the later stamp stands;
    one that lost sends the list held down again."""
    products = [c.product_id for c in listed.consumables]
    if len(set(products)) != len(products):
        raise Rejected("a product is listed twice among a service's consumables")
    mine = (CONSUMABLES.c.store_id == ctx.store_id) & (
        CONSUMABLES.c.service_id == listed.service_id
    )
    held = ctx.connection.execute(select(CONSUMABLES.c.hlc).where(mine)).scalar()
    stamp = edit_stamp(listed.hlc, ctx.now, {"hlc": held} if held is not None else {})
    if held is not None and stamp <= held:
        _send_consumables(ctx, listed.service_id, held)
        return []
    lines = (CONSUMABLE.c.store_id == ctx.store_id) & (CONSUMABLE.c.service_id == listed.service_id)
    ctx.connection.execute(delete(CONSUMABLE).where(lines))
    if held is None:
        values = {"store_id": ctx.store_id, "service_id": listed.service_id}
        ctx.connection.execute(
            insert(CONSUMABLES).values(values | {"hlc": stamp, "updated_at": ctx.now})
        )
    else:
        stamped = {"hlc": stamp, "updated_at": ctx.now}
        ctx.connection.execute(update(CONSUMABLES).where(mine).values(stamped))
    rows = [
        c.model_dump() | {"store_id": ctx.store_id, "service_id": listed.service_id, "position": i}
        for i, c in enumerate(listed.consumables)
    ]
    if rows:
        ctx.connection.execute(insert(CONSUMABLE), rows)
    _send_consumables(ctx, listed.service_id, stamp)
    return []


def _send_consumables(ctx: OpContext, service_id: str, stamp: str) -> None:
    found = ctx.connection.execute(
        select(CONSUMABLE.c.product_id, CONSUMABLE.c.quantity, CONSUMABLE.c.unit)
        .where(CONSUMABLE.c.store_id == ctx.store_id, CONSUMABLE.c.service_id == service_id)
        .order_by(CONSUMABLE.c.position)
    ).mappings()
    listed = [Consumable.model_validate(dict(c)) for c in found]
    data = ConsumablesSet(service_id=service_id, consumables=listed, hlc=stamp)
    ctx.writer.change(CHANGE_CONSUMABLES, service_id, data.model_dump(mode="json"), ctx.device_id)
