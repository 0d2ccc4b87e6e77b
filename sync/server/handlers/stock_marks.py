"""The latest posted count of each product in a store, and what it takes back: a movement made
before that count reached the server after the stocktake was posted (a sale on a counter that
was offline, a receipt entered late). The count saw the shelf as it was, that movement
included, so the server takes the movement back as of the count and the stock stays what was
counted, moved since only by what came after it (docs/inventory.md, "Stocktake across
counters")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import insert, select, update

from sync.operations.inventory import StockMovementPayload
from sync.server import models
from sync.server.batch import new_server_id
from sync.server.context import OpContext

MARK = models.table_of(models.StockCountMark)
TAKEN_BACK = "counted at the stocktake: made before the count, arrived after the post"


def marks(ctx: OpContext) -> dict[str, tuple[datetime, str]]:
    """Every mark of the store, read once a batch and kept current in its cache."""
    if ctx.cache.count_marks is None:
        found = ctx.connection.execute(
            select(MARK.c.product_id, MARK.c.counted_at, MARK.c.stocktake_id).where(
                MARK.c.store_id == ctx.store_id
            )
        )
        ctx.cache.count_marks = {p: (at, take) for p, at, take in found}
    return ctx.cache.count_marks


def taken_back(
    ctx: OpContext, movements: Sequence[StockMovementPayload]
) -> list[StockMovementPayload]:
    """The server's movements that take back those made before a posted count of their
    product (none of its own stocktake's), as of the count."""
    held = marks(ctx)
    if not held:
        return []
    back = []
    for movement in movements:
        product = ctx.cache.aliases.get(movement.product_id, movement.product_id)
        mark = held.get(product)
        if mark is None or movement.at > mark[0] or movement.document_id == mark[1]:
            continue
        back.append(
            StockMovementPayload(
                id=new_server_id(),
                product_id=product,
                batch_id=movement.batch_id,
                kind="stocktake",
                quantity=-movement.quantity,
                at=mark[0],
                business_day=movement.business_day,
                document_id=mark[1],
                reason=TAKEN_BACK,
            )
        )
    return back


def set_marks(ctx: OpContext, take_id: str, counted: Iterable[tuple[str, datetime]]) -> None:
    """A posted stocktake's counts (product, when last counted) become the marks where they
    are later than the ones held."""
    held = marks(ctx)
    for product, at in counted:
        if product in held and held[product][0] >= at:
            continue
        values = {"counted_at": at, "stocktake_id": take_id}
        if product in held:
            where = (MARK.c.store_id == ctx.store_id) & (MARK.c.product_id == product)
            ctx.connection.execute(update(MARK).where(where).values(values))
        else:
            row = {"store_id": ctx.store_id, "product_id": product} | values
            ctx.connection.execute(insert(MARK).values(row))
        held[product] = (at, take_id)
