"""Each store's stock on hand per product (stock_on_hand), kept as sales_day is: a batch's
flush adds up the movements it writes per store and product and adds the sums to the table
(batch.py), in the same transaction as the movements. A push reads a product's stock, and
whether the store keeps it, from one row (handlers/inventory.py), not from its whole history
in the ledger. The ledger stays the truth: the table can be worked out from it again
(`fill_from_movements`, the migration that made it)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, delete, func, insert, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from sync.server import models

ON_HAND = models.table_of(models.StockOnHand)
MOVEMENT = models.table_of(models.StockMovement)
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


def fill_from_movements(connection: Connection) -> None:
    """The table worked out again from the ledger: every store's sums, two grouped reads."""
    totals = connection.execute(
        select(MOVEMENT.c.store_id, MOVEMENT.c.product_id, func.sum(MOVEMENT.c.quantity)).group_by(
            MOVEMENT.c.store_id, MOVEMENT.c.product_id
        )
    ).all()
    kept = set(
        connection.execute(
            select(MOVEMENT.c.store_id, MOVEMENT.c.product_id)
            .where(MOVEMENT.c.kind.in_(PUT_IN))
            .distinct()
        ).tuples()
    )
    connection.execute(delete(ON_HAND))
    rows = [
        {"store_id": s, "product_id": p, "quantity": int(units), "kept": (s, p) in kept}
        for s, p, units in totals
    ]
    if rows:
        connection.execute(insert(ON_HAND), rows)
