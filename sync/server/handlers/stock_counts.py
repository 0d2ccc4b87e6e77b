"""A stocktake's count is the truth at the moment it was made (docs/inventory.md, "Stocktake
across counters"). The posting counter judged its records as they stood then; but it may not
have heard yet of what other counters did before that moment (a sale still on its way). The
server, holding more, works the difference out again from its own ledger at posting and adds a
correction as of the count, so every counter and the server hold: stock at the count = the
count, whatever arrives in what order."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from sync.operations.inventory import StockMovementPayload, StocktakePosted
from sync.server import models
from sync.server.batch import new_server_id
from sync.server.context import OpContext
from sync.server.handlers.inventory import record_movements
from sync.server.handlers.stock_marks import set_marks
from sync.server.stock_on_hand import ON_HAND

MOVEMENT = models.table_of(models.StockMovement)
CHUNK = 500  # product ids in one IN list
RECONCILED = "stocktake reconciled at the server: counters had not heard of it all"


def reconcile_post(ctx: OpContext, take: dict[str, Any], posted: StocktakePosted) -> list[str]:
    """Corrections of a stocktake that stands: for each line, what the server's ledger says
    the records held at the product's last count (without this stocktake's own movements),
    against what the counter said; the difference is moved as of the count."""
    lines = [line for line in posted.lines if line.counted_at is not None]
    if not lines:
        return []
    alias = ctx.cache.aliases
    counted_at = {alias.get(line.product_id, line.product_id): line.counted_at for line in lines}
    since = min(at for at in counted_at.values() if at is not None)
    held = _on_hand(ctx, sorted(counted_at))
    after = _moved_after(ctx, counted_at, since, take["id"])
    own = _own(ctx, posted.movements)
    corrections = []
    for line in lines:
        product = alias.get(line.product_id, line.product_id)
        at = counted_at[product]
        assert at is not None
        records_then = held.get(product, 0) - after.get(product, 0) - own.get(product, 0)
        correction = (line.counted - records_then) - own.get(product, 0)
        if correction:
            corrections.append(_correction(product, correction, at, posted, take["id"]))
    set_marks(ctx, take["id"], [(p, at) for p, at in counted_at.items() if at is not None])
    if not corrections:
        return []
    return record_movements(ctx, corrections, [take["number"]], by_server=True)


def _on_hand(ctx: OpContext, products: list[str]) -> dict[str, int]:
    """Stock now in the store: what stock_on_hand holds (as of the batch's last flush), with
    what the batch holds to write."""
    found: dict[str, int] = {}
    for start in range(0, len(products), CHUNK):
        chunk = products[start : start + CHUNK]
        held = ctx.connection.execute(
            select(ON_HAND.c.product_id, ON_HAND.c.quantity).where(
                ON_HAND.c.store_id == ctx.store_id, ON_HAND.c.product_id.in_(chunk)
            )
        )
        found.update({product: int(units) for product, units in held})
    wanted = set(products)
    for row in ctx.writer.rows[MOVEMENT]:
        if row["store_id"] == ctx.store_id and row["product_id"] in wanted:
            found[row["product_id"]] = found.get(row["product_id"], 0) + row["quantity"]
    return found


def _moved_after(
    ctx: OpContext, counted_at: dict[str, datetime | None], since: datetime, take_id: str
) -> dict[str, int]:
    """What moved of each product after its count (this stocktake's own movements aside)."""
    rows: list[Any] = list(
        ctx.connection.execute(
            select(
                MOVEMENT.c.product_id, MOVEMENT.c.at, MOVEMENT.c.quantity, MOVEMENT.c.document_id
            ).where(
                MOVEMENT.c.store_id == ctx.store_id,
                MOVEMENT.c.business_day >= since.date() - timedelta(days=1),  # a day's margin
                MOVEMENT.c.at > since,
            )
        ).mappings()
    )
    rows += [r for r in ctx.writer.rows[MOVEMENT] if r["store_id"] == ctx.store_id]
    after: dict[str, int] = {}
    for row in rows:
        product = row["product_id"]
        at = counted_at.get(product)
        if at is not None and row["at"] > at and row["document_id"] != take_id:
            after[product] = after.get(product, 0) + row["quantity"]
    return after


def _own(ctx: OpContext, movements: Sequence[StockMovementPayload]) -> dict[str, int]:
    own: dict[str, int] = {}
    for movement in movements:
        product = ctx.cache.aliases.get(movement.product_id, movement.product_id)
        own[product] = own.get(product, 0) + movement.quantity
    return own


def _correction(
    product: str, quantity: int, at: datetime, posted: StocktakePosted, take_id: str
) -> StockMovementPayload:
    return StockMovementPayload(
        id=new_server_id(),
        product_id=product,
        batch_id=None,
        kind="stocktake",
        quantity=quantity,
        at=at,
        business_day=posted.business_day,
        document_id=take_id,
        reason=RECONCILED,
    )
