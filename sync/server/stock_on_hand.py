"""Each store's stock on hand per product (stock_on_hand), kept as sales_day is: a batch's
flush adds up the movements it writes per store and product and adds the sums to the table
(batch.py), in the same transaction as the movements. A push reads a product's stock, and
whether the store keeps it, from one row (handlers/inventory.py), not from its whole history
in the ledger. The ledger stays the truth: the table can be worked out from it again
(`fill_from_movements`, the migration that made it)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from sync.server import models
from sync.wire import HeldStock, StockSnapshot

ON_HAND = models.table_of(models.StockOnHand)
MOVEMENT = models.table_of(models.StockMovement)
STORE = models.table_of(models.Store)
# Movements that put stock into a store: a product with one of them has its stock kept there.
# A store that never received, counted or adjusted a product does not keep its stock (a salon
# not using inventory): selling it takes the ledger below zero, and that is no conflict.
PUT_IN = ("receipt", "stocktake", "transfer_in", "adjustment")
Key = tuple[str, str]  # store, product


def on_hand_sums(movements: Iterable[dict[str, Any]]) -> dict[Key, tuple[int, bool]]:
    """What a flush adds to stock_on_hand: units, and whether any movement put stock in."""
    sums: dict[Key, tuple[int, bool]] = {}
    for row in movements:
        key = (row["store_id"], row["product_id"])
        units, kept = sums.get(key, (0, False))
        sums[key] = (units + row["quantity"], kept or row["kind"] in PUT_IN)
    return sums


def add_on_hand(connection: Connection, sums: dict[Key, tuple[int, bool]]) -> None:
    """Add a flush's sums to the rows held (one upsert); a product kept stays kept."""
    if not sums:
        return
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(ON_HAND)
    statement = statement.on_conflict_do_update(
        index_elements=["store_id", "product_id"],
        set_={
            "quantity": ON_HAND.c.quantity + statement.excluded.quantity,
            "kept": or_(ON_HAND.c.kept, statement.excluded.kept),
        },
    )
    rows = [
        {"store_id": store, "product_id": product, "quantity": units, "kept": kept}
        for (store, product), (units, kept) in sorted(sums.items())  # the upserts in one order
    ]
    connection.execute(statement, rows)


def joining_stock(engine: Engine, store_id: str, device_id: str) -> StockSnapshot:
    """A joining counter's stock before its history (docs/sync-counter.md, "Joining a store"):
    the store's stock by product and batch, summed from the ledger (stock_on_hand has no
    batches), but the asking counter's own movements (it holds those), with the feed's end, in
    one snapshot of the database: the movements summed are exactly those whose changes are at
    or before `until`, each written in the same transaction as its change."""
    device = MOVEMENT.c.device_id
    summed = (
        select(MOVEMENT.c.product_id, MOVEMENT.c.batch_id, func.sum(MOVEMENT.c.quantity))
        .where(MOVEMENT.c.store_id == store_id, or_(device.is_(None), device != device_id))
        .group_by(MOVEMENT.c.product_id, MOVEMENT.c.batch_id)
        .having(func.sum(MOVEMENT.c.quantity) != 0)
    )
    if engine.dialect.name == "postgresql":  # both reads in one snapshot
        engine = engine.execution_options(isolation_level="REPEATABLE READ")
    with engine.connect() as connection:  # SQLite: one read transaction (BEGIN DEFERRED)
        until = connection.execute(
            select(STORE.c.change_seq).where(STORE.c.id == store_id)
        ).scalar_one()
        rows = connection.execute(summed).all()
    stock = [HeldStock(product_id=p, batch_id=b, quantity=int(units)) for p, b, units in rows]
    return StockSnapshot(until=until, stock=stock)


def fill_from_movements(connection: Connection) -> None:
    """The table worked out again from the ledger: every store's sums, two grouped reads."""
    totals = connection.execute(
        select(MOVEMENT.c.store_id, MOVEMENT.c.product_id, func.sum(MOVEMENT.c.quantity)).group_by(
            MOVEMENT.c.store_id, MOVEMENT.c.product_id
        )
    ).all()
    kept = {
        (store, product)
        for store, product in connection.execute(
            select(MOVEMENT.c.store_id, MOVEMENT.c.product_id)
            .where(MOVEMENT.c.kind.in_(PUT_IN))
            .distinct()
        )
    }
    connection.execute(delete(ON_HAND))
    rows = [
        {"store_id": s, "product_id": p, "quantity": int(units), "kept": (s, p) in kept}
        for s, p, units in totals
    ]
    if rows:
        connection.execute(insert(ON_HAND), rows)
