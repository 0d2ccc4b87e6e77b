"""Stock for the demo salon (库存): every product received on the opening day, before the weeks
of tickets sell some of it; minimums, a few of them above what is left (the low-stock list);
and after the tickets, a few small batches that expire soon, one already expired (the expiring
list). Only for a store whose stock has never moved."""

from __future__ import annotations

import random
from datetime import date, timedelta

from salon_pos.domain.clock import Clock
from salon_pos.services.backend import Backend
from salon_pos.services.stock import ReceiptLine, StockService

SUPPLIER = "广州美源贸易"


def has_stock(backend: Backend) -> bool:
    return any(r.on_hand or r.minimum for r in backend.stock.on_hand())


def receive_opening_stock(
    backend: Backend, clock: Clock, staff_id: str, rng: random.Random, today: date
) -> None:
    """Every product, 15 to 40 packages, each in a batch that keeps well past today."""
    stock = StockService(backend.db, backend.settings, clock)
    lines = [
        ReceiptLine(
            product.id,
            rng.randint(15, 40),
            product.cost,
            f"B{today:%y%m}{n:02d}",
            today + timedelta(days=rng.randint(120, 700)),
        )
        for n, product in enumerate(backend.catalog.products(), 1)
    ]
    if lines:
        stock.receive(lines, staff_id, SUPPLIER, "开业备货")


def finish_demo_stock(backend: Backend, staff_id: str, rng: random.Random, today: date) -> None:
    """Short-dated batches of three products, then minimums (a few above what is left)."""
    short_dated = [(-2, "临期A"), (9, "临期B"), (24, "临期C")]
    lines = [
        ReceiptLine(row.product_id, 2, row.cost, code, today + timedelta(days=days))
        for (days, code), row in zip(short_dated, backend.stock.on_hand()[1::9], strict=False)
    ]
    if lines:
        backend.stock.receive(lines, staff_id, SUPPLIER, "临期品")
    for n, row in enumerate(backend.stock.on_hand()):
        minimum = rng.randint(2, 6) * row.pack_size
        if n % 7 == 3:  # about one product in seven is low
            minimum += max(row.on_hand, 0)
        backend.stock.set_minimum(row.product_id, minimum, staff_id)
