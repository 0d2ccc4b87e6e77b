"""The stock ledger inside another use case's transaction: what a sale takes (its products and
the consumables its services use, first expired first out), what a void or a refund puts back,
and stock on hand by batch (docs/inventory.md).

On hand by product and batch is kept in `stock_on_hand` by a trigger as each movement is
written (migration 0028), so a sale reads a few rows, not the ledger."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    bindparam,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from salon_pos.db.fast_insert import insert_rows, selected_rows
from salon_pos.db.models import (
    ConsumablesStamp,
    Product,
    Refund,
    ServiceConsumable,
    StockBatch,
    StockLevel,
    StockMovement,
    StockOnHand,
    StocktakeCount,
)
from salon_pos.domain.ids import new_id
from salon_pos.domain.stock import BatchStock, MovementKind, allocate, is_expired
from salon_pos.services import stock_snapshot

Row = dict[str, Any]

# A product's stock rows that hold something: a batch used up keeps its row at 0, and a store
# receiving every week would read years of empty batches with each sale.
_HELD = (StockOnHand.product_id == Product.id) & (StockOnHand.quantity != 0)
# A product's package size and its stock by batch, the stock of no batch too (batch_key '').
_STOCK_OF = (
    select(
        Product.id,
        Product.name,
        Product.pack_size,
        StockOnHand.batch_key,
        StockOnHand.quantity,
        StockBatch.expires_on,
    )
    .outerjoin(StockOnHand, _HELD)
    .outerjoin(StockBatch, StockBatch.id == StockOnHand.batch_key)
    .where(Product.id.in_(bindparam("products", expanding=True)))
)
# The consumables of a sale's services: it then reads the stock of those and of the products it
# sells with _STOCK_OF (two statements through the driver cost less than one with an OR of an
# IN list and a subquery: a sale's hot path, docs/adr/0003-write-path.md).
_USES = select(
    ServiceConsumable.service_id, ServiceConsumable.product_id, ServiceConsumable.quantity
).where(ServiceConsumable.service_id.in_(bindparam("services", expanding=True)))


@dataclass
class ProductStock:
    name: str
    pack_size: int
    batches: list[BatchStock] = field(default_factory=list)

    @property
    def on_hand(self) -> int:
        return sum(b.on_hand for b in self.batches)

    def take(self, batch_id: str | None, quantity: int) -> None:
        """The view after `quantity` came out of the batch (a ticket taking twice from it)."""
        for i, b in enumerate(self.batches):
            if b.batch_id == batch_id:
                self.batches[i] = BatchStock(b.batch_id, b.expires_on, b.on_hand - quantity)
                return
        self.batches.append(BatchStock(batch_id, None, -quantity))


def stock_of(connection: Connection, product_ids: Iterable[str]) -> dict[str, ProductStock]:
    """Each product's package size and stock by batch, in one statement through the driver
    (a sale's hot path)."""
    found: dict[str, ProductStock] = {}
    for product_id, name, pack, batch_key, quantity, expires_on in selected_rows(
        connection, _STOCK_OF, {"products": sorted(set(product_ids))}
    ):
        held = found.get(product_id)
        if held is None:
            held = found[product_id] = ProductStock(name, pack)
        if batch_key is not None:  # the driver's row: the date as SQLite keeps it, text
            expires = date.fromisoformat(expires_on) if expires_on is not None else None
            held.batches.append(BatchStock(batch_key or None, expires, quantity))
    return found


@dataclass(frozen=True)
class Need:
    """Units of a product a ticket line takes."""

    product_id: str
    quantity: int
    kind: MovementKind
    line_id: str
    staff_id: str | None


def _needs(line_rows: Sequence[Row], used: Mapping[str, list[tuple[str, int]]]) -> list[Need]:
    """The lines' needs, given what each service uses: (product, quantity) pairs."""
    needs: list[Need] = []
    for row in line_rows:
        if row["kind"] == "product":
            needs.append(Need(row["item_id"], row["quantity"], MovementKind.SALE, row["id"], None))
        elif row["kind"] == "service":
            for product_id, quantity in sorted(used.get(row["item_id"], ())):
                staff = row.get("technician_id")
                each = quantity * row["quantity"]
                needs.append(Need(product_id, each, MovementKind.CONSUMPTION, row["id"], staff))
    return needs


@dataclass(frozen=True)
class TicketStock:
    movements: list[Row]
    expired_batches: list[str]  # used with a manager's approval (audited)
    short: list[str]  # products the records could not cover (their names)


def take_for_ticket(
    connection: Connection,
    line_rows: Sequence[Row],
    ticket: Row,
    device_id: str,
    expired_allowed: bool,
) -> TicketStock:
    """The movements a completed sale makes: each product line's packages, each service
    line's consumables, first expired first out; a product sold by the package takes
    `pack_size` units a package. ExpiredStockNeedsApproval when only expired stock is left
    and no manager allowed it."""
    needs, stock = _ticket_stock(connection, line_rows)
    if not needs:
        return TicketStock([], [], [])
    today: date = ticket["business_day"]
    rows: list[Row] = []
    expired: list[str] = []
    short: list[str] = []
    for need in needs:
        held = stock.get(need.product_id)
        if held is None:  # consumable of a product no longer here: nothing to take from
            continue
        units = need.quantity * (held.pack_size if need.kind is MovementKind.SALE else 1)
        available = sum(b.on_hand for b in held.batches if b.on_hand > 0)
        takes = allocate(held.name, held.batches, units, today, expired_allowed)
        for take in takes:
            held.take(take.batch_id, take.quantity)
            rows.append(_movement(need, take.batch_id, -take.quantity, ticket, device_id))
        expired += [
            t.batch_id
            for t in takes
            for b in held.batches
            if t.batch_id and b.batch_id == t.batch_id and is_expired(b, today)
        ]
        if units > available:
            short.append(held.name)
    insert_rows(connection, StockMovement, rows)
    return TicketStock(rows, expired, short)


def _ticket_stock(
    connection: Connection, line_rows: Sequence[Row]
) -> tuple[list[Need], dict[str, ProductStock]]:
    """ticket_needs and stock_of of what they take, through the driver (_USES, _STOCK_OF)."""
    services = sorted({r["item_id"] for r in line_rows if r["kind"] == "service"})
    products = {r["item_id"] for r in line_rows if r["kind"] == "product"}
    used: dict[str, list[tuple[str, int]]] = {}
    if services:
        for service_id, product_id, quantity in selected_rows(
            connection, _USES, {"services": services}
        ):
            used.setdefault(service_id, []).append((product_id, quantity))
            products.add(product_id)
    if not products:
        return [], {}
    return _needs(line_rows, used), stock_of(connection, products)


def movement(
    product_id: str,
    batch_id: str | None,
    kind: MovementKind,
    quantity: int,
    *,
    at: datetime,
    day: date,
    document_id: str,
    device_id: str,
    staff_id: str | None = None,
    line_id: str | None = None,
    reason: str = "",
) -> Row:
    """A stock_movement row (and the wire's movement): every use case builds its rows here."""
    return {
        "id": new_id(),
        "product_id": product_id,
        "batch_id": batch_id,
        "kind": kind.value,
        "quantity": quantity,
        "at": at,
        "business_day": day,
        "document_id": document_id,
        "line_id": line_id,
        "staff_id": staff_id,
        "device_id": device_id,
        "reason": reason,
    }


def _movement(need: Need, batch_id: str | None, quantity: int, ticket: Row, device: str) -> Row:
    return movement(
        need.product_id, batch_id, need.kind, quantity,
        at=ticket["completed_at"], day=ticket["business_day"], document_id=ticket["id"],
        device_id=device, staff_id=need.staff_id, line_id=need.line_id,
    )  # fmt: skip


def put_back(
    connection: Connection,
    ticket_id: str,
    document_id: str,
    kind: MovementKind,
    at: datetime,
    day: date,
    device_id: str,
    units_by_line: Mapping[str, tuple[int, int]] | None = None,
) -> list[Row]:
    """The movements that put back what a sale took: all of it (a void), or of some product
    lines `units_by_line[line] = (refunded, sold)` their share, from the batches taken last
    first, less what earlier refunds of the line put back in each. Consumables used by a
    refunded service stay used."""
    taken = connection.execute(
        select(
            StockMovement.product_id,
            StockMovement.batch_id,
            StockMovement.quantity,
            StockMovement.line_id,
            StockMovement.kind,
        )
        .where(StockMovement.document_id == ticket_id)
        .order_by(StockMovement.id)
    ).all()
    back: dict[tuple[str, str | None, str | None], int] = {}
    if units_by_line is None:
        for product_id, batch_id, quantity, line_id, _ in taken:
            key = (product_id, batch_id, line_id)
            back[key] = back.get(key, 0) - quantity
    else:
        before = _refunded_back(connection, ticket_id)
        for line_id, (refunded, sold) in units_by_line.items():
            line_taken = [t for t in taken if t.line_id == line_id and t.kind == "sale"]
            total = -sum(t.quantity for t in line_taken)
            due = total * refunded // sold if sold else 0
            for product_id, batch_id, quantity, _, _ in reversed(line_taken):
                if due <= 0:
                    break
                room = -quantity - before.pop((line_id, batch_id), 0)
                put = min(due, room)
                if put <= 0:
                    continue
                key = (product_id, batch_id, line_id)
                back[key] = back.get(key, 0) + put
                due -= put
    rows = [
        movement(
            product_id,
            batch_id,
            kind,
            quantity,
            at=at,
            day=day,
            document_id=document_id,
            device_id=device_id,
            line_id=line_id,
        )
        for (product_id, batch_id, line_id), quantity in back.items()
        if quantity
    ]
    insert_rows(connection, StockMovement, rows)
    return rows


def _refunded_back(
    connection: Connection, ticket_id: str
) -> dict[tuple[str | None, str | None], int]:
    """What earlier refunds of the ticket put back, by (line, batch)."""
    found = connection.execute(
        select(StockMovement.line_id, StockMovement.batch_id, func.sum(StockMovement.quantity))
        .join(Refund, Refund.id == StockMovement.document_id)
        .where(Refund.ticket_id == ticket_id, StockMovement.kind == MovementKind.REFUND.value)
        .group_by(StockMovement.line_id, StockMovement.batch_id)
    )
    return {(line, batch): int(units) for line, batch, units in found}


def merge_product_stock(session: Session, alias_id: str, kept_id: str) -> None:
    """A duplicate product merged into the one kept (a pulled catalog alias): its movements,
    batches, counts, minimum and cost, and its place among services' consumables (a service
    that used both uses the sum) move to the kept id, and on hand of both is summed again
    from the ledger (the trigger keeping stock_on_hand adds inserts only), with what is left
    of a joining counter's snapshot of them (services/stock_snapshot.py)."""
    for model in (StockMovement, StockBatch, StocktakeCount):
        session.execute(
            update(model).where(model.product_id == alias_id).values(product_id=kept_id)
        )
    _merge_level(session, alias_id, kept_id)
    _merge_consumables(session, alias_id, kept_id)
    stock_snapshot.move_snapshot(session, alias_id, kept_id)
    session.execute(delete(StockOnHand).where(StockOnHand.product_id.in_((alias_id, kept_id))))
    batch_key = func.coalesce(StockMovement.batch_id, "")
    summed = session.execute(
        select(batch_key, func.sum(StockMovement.quantity))
        .where(StockMovement.product_id == kept_id)
        .group_by(batch_key)
    )
    held = stock_snapshot.snapshot_of(session, [kept_id])
    for batch, units in summed:
        held[batch] = held.get(batch, 0) + int(units)
    rows = [{"product_id": kept_id, "batch_key": b, "quantity": q} for b, q in held.items()]
    if rows:
        session.execute(insert(StockOnHand), rows)


def _merge_level(session: Session, alias_id: str, kept_id: str) -> None:
    """The kept product's minimum and cost, the duplicate's where the kept has none."""
    alias = session.get(StockLevel, alias_id)
    if alias is None:
        return
    kept = session.get(StockLevel, kept_id)
    if kept is None:
        session.execute(
            update(StockLevel).where(StockLevel.product_id == alias_id).values(product_id=kept_id)
        )
    else:
        kept.minimum = kept.minimum or alias.minimum
        kept.cost = kept.cost if kept.cost is not None else alias.cost
        session.delete(alias)
    session.flush()


def _merge_consumables(session: Session, alias_id: str, kept_id: str) -> None:
    uses = session.scalars(
        select(ServiceConsumable).where(ServiceConsumable.product_id == alias_id)
    ).all()
    for use in uses:
        kept = session.get(ServiceConsumable, (use.service_id, kept_id))
        if kept is None:
            session.execute(
                update(ServiceConsumable)
                .where(
                    ServiceConsumable.service_id == use.service_id,
                    ServiceConsumable.product_id == alias_id,
                )
                .values(product_id=kept_id)
            )
        else:
            kept.quantity += use.quantity
            session.delete(use)
    session.flush()


def merge_service_consumables(session: Session, alias_id: str, kept_id: str) -> None:
    """A duplicate service merged into the one kept: its consumables become the kept one's,
    unless that one has its own (then those stay, as the server holds them)."""
    kept = session.scalar(select(ServiceConsumable).where(ServiceConsumable.service_id == kept_id))
    for model in (ServiceConsumable, ConsumablesStamp):
        where = model.service_id == alias_id
        if kept is None:
            session.execute(update(model).where(where).values(service_id=kept_id))
        else:
            session.execute(delete(model).where(where))
