"""Review (b712217): the sale's stock read in two statements (_USES, then _STOCK_OF) reads what
the one union it replaced read (copied here from da94b3c as the reference), sale by sale: an
empty sale, services without consumables, products only, consumables of products not sold,
the same product or service twice, a consumable whose product is gone."""

from datetime import date
from typing import Any

import pytest
from sqlalchemy import CompoundSelect, bindparam, literal, null, select, text, union_all

from salon_pos.db.fast_insert import selected_rows
from salon_pos.db.models import Product, ServiceConsumable, StockBatch, StockOnHand
from salon_pos.domain.stock import BatchStock
from salon_pos.services import stock_ledger
from salon_pos.services.backend import Backend
from salon_pos.services.stock import ConsumableLine, ReceiptLine
from tests.conftest import Shelf, Team

_OLD: CompoundSelect[*tuple[Any, ...]] = union_all(
    select(
        literal("uses"),
        ServiceConsumable.service_id,
        ServiceConsumable.product_id,
        ServiceConsumable.quantity,
        null(),
        null(),
        null(),
    ).where(ServiceConsumable.service_id.in_(bindparam("services", expanding=True))),
    select(
        literal("stock"),
        Product.id,
        Product.name,
        Product.pack_size,
        StockOnHand.batch_key,
        StockOnHand.quantity,
        StockBatch.expires_on,
    )
    .outerjoin(StockOnHand, stock_ledger._HELD)
    .outerjoin(StockBatch, StockBatch.id == StockOnHand.batch_key)
    .where(
        Product.id.in_(bindparam("products", expanding=True))
        | Product.id.in_(
            select(ServiceConsumable.product_id).where(
                ServiceConsumable.service_id.in_(bindparam("services", expanding=True))
            )
        )
    ),
)


def _old_ticket_stock(connection, line_rows):  # type: ignore[no-untyped-def]
    """_ticket_stock as of da94b3c."""
    services = sorted({r["item_id"] for r in line_rows if r["kind"] == "service"})
    products = sorted({r["item_id"] for r in line_rows if r["kind"] == "product"})
    if not services and not products:
        return [], {}
    used: dict[str, list[tuple[str, int]]] = {}
    stock: dict[str, stock_ledger.ProductStock] = {}
    params = {"services": services, "products": products}
    for row, one, two, three, batch_key, quantity, expires_on in selected_rows(
        connection, _OLD, params
    ):
        if row == "uses":
            used.setdefault(one, []).append((two, three))
            continue
        held = stock.setdefault(one, stock_ledger.ProductStock(two, three))
        if batch_key is not None:
            expires = date.fromisoformat(expires_on) if expires_on is not None else None
            held.batches.append(BatchStock(batch_key or None, expires, quantity))
    return stock_ledger._needs(line_rows, used), stock


def _line(kind: str, item_id: str, quantity: int = 1) -> dict[str, Any]:
    return {"id": f"{kind}-{item_id}-{quantity}", "kind": kind, "item_id": item_id,
            "quantity": quantity, "technician_id": None}  # fmt: skip


def _canonical(result):  # type: ignore[no-untyped-def]
    needs, stock = result
    return needs, {
        p: (s.name, s.pack_size, sorted(s.batches, key=lambda b: (b.batch_id or "", b.on_hand)))
        for p, s in stock.items()
    }


@pytest.mark.parametrize(
    "sale",
    [
        "empty", "blow-dry", "blow-dry and cream", "manicure", "facial", "serum", "serum twice",
        "facial twice", "facial and serum",
        "facial, manicure and cream", "manicure and cream", "gone", "everything",
    ],
)  # fmt: skip
def test_the_two_statements_read_what_the_union_read(
    backend: Backend, shelf: Shelf, team: Team, sale: str
) -> None:
    oil = backend.catalog.add_product(
        "院装", "按摩油", "BB-OIL", 0, 9_000, unit="ml", pack_size=250
    )
    cream = backend.catalog.add_product("护肤品", "修护面霜", "SKU-CREAM", 26_800, 9_000)
    blow_dry = backend.catalog.add_service("美发", "吹风造型", 5_000, 30, "hair")  # uses nothing
    backend.stock.set_consumables(
        shelf.facial,
        [ConsumableLine(oil.id, 5, "ml"), ConsumableLine(shelf.serum, 1, "piece")],
        team.manager.id,
    )
    backend.stock.receive(
        [ReceiptLine(oil.id, 2, batch_code="L1", expires_on=date(2027, 1, 1)),
         ReceiptLine(oil.id, 1, batch_code="L2", expires_on=date(2026, 12, 1)),
         ReceiptLine(shelf.serum, 3)],
        team.manager.id,
    )  # fmt: skip
    with backend.db.write() as s:  # a consumable whose product is no longer in the catalog
        s.execute(
            text("INSERT INTO service_consumable (service_id, product_id, quantity) "
                 "VALUES (:s, 'gone-product', 2)"),
            {"s": shelf.manicure},
        )  # fmt: skip
    lines = {
        "empty": [],
        "blow-dry": [_line("service", blow_dry.id)],
        "blow-dry and cream": [_line("service", blow_dry.id), _line("product", cream.id)],
        "manicure": [_line("service", shelf.manicure)],
        "facial": [_line("service", shelf.facial)],
        "serum": [_line("product", shelf.serum)],
        "serum twice": [_line("product", shelf.serum), _line("product", shelf.serum, 2)],
        "facial twice": [_line("service", shelf.facial), _line("service", shelf.facial, 2)],
        "facial and serum": [_line("service", shelf.facial), _line("product", shelf.serum)],
        "facial, manicure and cream": [
            _line("service", shelf.facial), _line("service", shelf.manicure),
            _line("product", cream.id),
        ],
        "manicure and cream": [_line("service", shelf.manicure), _line("product", cream.id)],
        "gone": [_line("product", "gone-product")],
        "everything": [
            _line("service", shelf.facial), _line("service", shelf.manicure),
            _line("product", shelf.serum), _line("product", cream.id), _line("product", oil.id),
        ],
    }[sale]  # fmt: skip
    with backend.db.write_connection() as connection:
        new = stock_ledger._ticket_stock(connection, lines)
        old = _old_ticket_stock(connection, lines)
    assert _canonical(new) == _canonical(old)
