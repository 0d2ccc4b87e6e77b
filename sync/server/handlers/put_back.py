"""What a void or refund puts back on the shelf, once (docs/inventory.md, "Server"). Each
counter puts back what it saw the sale take, with movement ids of its own: a sale voided on
two counters while apart, or voided on one and refunded on another, comes back twice. The
counters' movements are facts (they applied them) and are recorded; whatever the ticket's
voids and refunds then put back of a product and batch beyond what the sale took is reversed
here, by adjustments every counter of the store pulls, so the store's stock counts it once."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, or_, select

from sync.operations.inventory import StockMovementPayload
from sync.operations.sales import MONEY_BACK_TWICE
from sync.server import models
from sync.server.context import OpContext
from sync.server.handlers.inventory import (
    MOVEMENT,
    Quantities,
    record_movements,
    record_reversed,
    server_adjustments,
)

REFUND = models.table_of(models.Refund)
CONFLICT = models.table_of(models.Conflict)
TAKEN_KINDS = ("sale", "consumption")
# A void's and a refund's movements, and the adjustments this module made reversing them.
BACK_KINDS = ("void", "refund", "adjustment")


def record_put_back(
    ctx: OpContext,
    ticket_id: str,
    number: str,
    fresh: Sequence[StockMovementPayload],
    settled_by: str,
) -> list[str]:
    """Record a void's or refund's movements not recorded yet; reverse what they put back
    beyond the sale. `settled_by`: the document the reversal is recorded under (the
    money_back_twice conflict's id when one is raised, else the void's or refund's)."""
    beyond = _beyond_the_sale(ctx, ticket_id, fresh)
    if not beyond:
        return record_movements(ctx, fresh, [number])
    reason = f"ticket {number} put back twice: reversed"
    reversals = server_adjustments(
        ctx, {key: -units for key, units in beyond.items()}, settled_by, reason
    )
    record_reversed(ctx, fresh, reversals)  # together they only put back, never below zero
    return []


def _beyond_the_sale(
    ctx: OpContext, ticket_id: str, fresh: Sequence[StockMovementPayload]
) -> Quantities:
    """Per (product, batch) this operation puts back: the units the ticket's voids and
    refunds, these movements with them, put back beyond what the sale took (at most what
    these movements put back: the server never undoes more than the fact it is shown)."""
    adding: Quantities = {}
    for movement in fresh:
        key = (ctx.cache.aliases.get(movement.product_id, movement.product_id), movement.batch_id)
        adding[key] = adding.get(key, 0) + movement.quantity
    adding = {key: units for key, units in adding.items() if units > 0}
    if not adding:
        return {}
    taken, back = _ticket_stock(ctx, ticket_id, sorted({product for product, _ in adding}))
    beyond = {}
    for key, units in adding.items():
        over = min(units, back.get(key, 0) + units - taken.get(key, 0))
        if over > 0:
            beyond[key] = over
    return beyond


def _ticket_stock(
    ctx: OpContext, ticket_id: str, products: list[str]
) -> tuple[Quantities, Quantities]:
    """What the sale took of these products (units, positive) and what its voids, refunds
    and their reversals have put back so far, per (product, batch): the movements of the
    ticket, of its refunds and of its money_back_twice conflicts (one indexed look each)."""
    refunds = select(REFUND.c.id).where(REFUND.c.ticket_id == ticket_id)
    conflicts = select(CONFLICT.c.id).where(
        CONFLICT.c.store_id == ctx.store_id,
        CONFLICT.c.entity_id == ticket_id,
        CONFLICT.c.type == MONEY_BACK_TWICE.name,
    )
    found = ctx.connection.execute(
        select(
            MOVEMENT.c.product_id,
            MOVEMENT.c.batch_id,
            MOVEMENT.c.kind,
            func.sum(MOVEMENT.c.quantity),
        )
        .where(
            MOVEMENT.c.store_id == ctx.store_id,
            MOVEMENT.c.product_id.in_(products),
            or_(
                MOVEMENT.c.document_id == ticket_id,
                MOVEMENT.c.document_id.in_(refunds),
                MOVEMENT.c.document_id.in_(conflicts),
            ),
        )
        .group_by(MOVEMENT.c.product_id, MOVEMENT.c.batch_id, MOVEMENT.c.kind)
    )
    taken: Quantities = {}
    back: Quantities = {}
    for product, batch, kind, units in found:
        key = (product, batch)
        if kind in TAKEN_KINDS:
            taken[key] = taken.get(key, 0) - int(units)
        elif kind in BACK_KINDS:
            back[key] = back.get(key, 0) + int(units)
    return taken, back
