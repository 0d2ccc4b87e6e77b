"""Stock documents on top of StockChain's two stores (tests/sync/web/test_console_stock.py),
pushed by their counters as the counters' services make them: suppliers (one inactive),
purchase orders in every state (a draft, one ordered, one partly and one fully received by
receipts against it, one cancelled), a stocktake posted in the first store against the
server's own on-hand figures and one still being counted in the second, a transfer from the
first store received short in the second and one the other way still in transit."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select, text

from sync.operations.inventory import (
    PURCHASE_ORDER_SAVED,
    STOCK_MOVED,
    STOCKTAKE_COUNTED,
    STOCKTAKE_POSTED,
    STOCKTAKE_STARTED,
    SUPPLIER_SAVED,
    TRANSFER_RECEIVED,
    TRANSFER_SENT,
)
from sync.protocol import hlc_stamp
from sync.server.stock_report import BATCH
from tests.sync.server import builders
from tests.sync.web.test_console_stock import TODAY, StockChain, _at, _movement

Row = dict[str, Any]
AT = builders.AT  # the FakeClock's now: after every movement StockChain made


def _stamp() -> str:
    return hlc_stamp(int(AT.timestamp() * 1000), 0, "dev")


class StockDocuments:
    def __init__(self, chain: StockChain) -> None:
        self.chain = chain
        self.first, self.second = chain.stores
        self.suppliers: list[Row] = []
        self.orders: dict[str, Row] = {}  # by the state the test expects
        self._suppliers()
        self._orders()
        self.posted = self._stocktake_posted()
        self.counting = self._stocktake_open()
        self.short = self._transfer(self.first, self.second, came_short=True)
        self.in_transit = self._transfer(self.second, self.first, came_short=None)

    def _push(self, store: str, kind: str, payload: Row) -> None:
        device = self.chain.devices[store]
        answer = self.chain.server.push(device, [device.op(kind, payload)])
        assert answer["results"][0]["status"].startswith("applied"), (kind, answer["results"])

    def _staff(self, store: str) -> str:
        return str(self.chain.staff[store][0]["id"])

    def _suppliers(self) -> None:
        for name, active in (("广州美妆批发", True), ("上海甲油供应", True), ("旧供应商", False)):
            supplier = {
                "id": builders.new_id(),
                "name": name,
                "contact": "陈经理",
                "phone": "02088886666",
                "note": "月结" if active else "已停止合作",
                "active": active,
                "hlc": _stamp(),
            }
            self._push(self.first, SUPPLIER_SAVED, supplier)
            self.suppliers.append(supplier)

    def _orders(self) -> None:
        products = self.chain.products[self.first]
        for n, state in enumerate(("draft", "ordered", "partly_received", "received", "cancelled")):
            lines = [
                {"product_id": p["id"], "packages": 2 + i, "unit_cost": 4500 * (i + 1) + 100 * n}
                for i, p in enumerate(products[n % 3 : n % 3 + 2])
            ]
            created = AT - timedelta(days=10 - n)
            placed = created + timedelta(days=1)  # and received later (_receive)
            order = {
                "id": builders.new_id(),
                "number": f"PO-A1-{n + 1:04d}",
                "supplier_id": self.suppliers[n % 2]["id"],
                "status": state if state in ("draft", "cancelled") else "ordered",
                "lines": lines,
                "note": "补货" if n else "",
                "created_at": created.isoformat(),
                "created_by": self._staff(self.first),
                "ordered_at": None if state == "draft" else placed.isoformat(),
                "hlc": _stamp(),
            }
            self._push(self.first, PURCHASE_ORDER_SAVED, order)
            self.orders[state] = order
            if state == "partly_received":
                self._receive(order, [(lines[0], 1)])
            elif state == "received":
                self._receive(order, [(lines[0], lines[0]["packages"])])
                self._receive(order, [(lines[1], lines[1]["packages"])])

    def _receive(self, order: Row, lines: list[tuple[Row, int]]) -> None:
        document, day = builders.new_id(), TODAY - timedelta(days=3)
        assert order["ordered_at"] < _at(day), "an order is received after it was placed"
        packs = {p["id"]: int(p["pack_size"]) for p in self.chain.products[self.first]}
        moves = [
            _movement(line["product_id"], n * packs[line["product_id"]], "receipt", day, document)
            for line, n in lines
        ]
        self._push(
            self.first,
            STOCK_MOVED,
            {
                "id": document,
                "document": "receipt",
                "business_day": day.isoformat(),
                "at": _at(day),
                "staff_id": self._staff(self.first),
                "supplier_id": order["supplier_id"],
                "purchase_order_id": order["id"],
                "movements": moves,
            },
        )

    def on_hand(self, store: str, product: str) -> int:
        with self.chain.server.engine.connect() as connection:
            held = connection.execute(
                text("SELECT quantity FROM stock_on_hand WHERE store_id = :s AND product_id = :p"),
                {"s": store, "p": product},
            ).scalar()
        return int(held or 0)

    def _stocktake_posted(self) -> Row:
        take = self._start(self.first, "full", [])
        counted_at = (AT - timedelta(minutes=20)).isoformat()
        lines, moves = [], []
        for n, p in enumerate(self.chain.products[self.first][:5]):
            expected = self.on_hand(self.first, p["id"])
            counted = max(0, expected + (-3, -1, 1, -20, 0)[n])  # a shelf holds no less than 0
            difference = counted - expected
            value = difference * int(p["cost"]) // int(p["pack_size"])  # at the catalog's cost
            line = {
                "product_id": p["id"],
                "counted": counted,
                "expected": expected,
                "difference": difference,
                "value": value,
                "counted_at": counted_at,
            }
            lines.append(line)
            self._push(self.first, STOCKTAKE_COUNTED, self._count(take["id"], p["id"], counted))
            if difference:
                move = _movement(p["id"], difference, "stocktake", TODAY, take["id"])
                moves.append(move | {"at": counted_at})
        post = {
            "stocktake_id": take["id"],
            "posted_at": (AT - timedelta(minutes=10)).isoformat(),
            "posted_by": self._staff(self.first),
            "business_day": TODAY.isoformat(),
            "lines": lines,
            "movements": moves,
        }
        self._push(self.first, STOCKTAKE_POSTED, post)
        return take | {"lines": lines}

    def _start(self, store: str, scope: str, categories: list[str]) -> Row:
        take = {
            "id": builders.new_id(),
            "number": f"ST-{store[-4:]}-0001",
            "scope": scope,
            "categories": categories,
            "started_at": (AT - timedelta(hours=1)).isoformat(),
            "started_by": self._staff(store),
            "business_day": TODAY.isoformat(),
        }
        self._push(store, STOCKTAKE_STARTED, take)
        return take

    def _count(self, take: str, product: str, quantity: int) -> Row:
        return {
            "id": builders.new_id(),
            "stocktake_id": take,
            "product_id": product,
            "quantity": quantity,
            "counted_at": (AT - timedelta(minutes=30)).isoformat(),
            "counted_by": builders.new_id(),
        }

    def _stocktake_open(self) -> Row:
        take = self._start(self.second, "categories", ["护肤品"])
        product = self.chain.products[self.second][0]["id"]
        for quantity in (4, 2):  # a shelf and the store room
            self._push(self.second, STOCKTAKE_COUNTED, self._count(take["id"], product, quantity))
        return take | {"counted": {product: 6}}

    def _batches(self, store: str, product: str) -> list[Row]:
        """The product's batches received in the store, as a transfer line carries them."""
        b = BATCH.c
        query = (
            select(b.id, b.product_id, b.code, b.expires_on, b.received_at, b.unit_cost)
            .where(b.store_id == store, b.product_id == product)
            .order_by(b.id)
        )
        with self.chain.server.engine.connect() as connection:
            found = connection.execute(query).mappings()
            return [
                {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in r.items()}
                for r in found
            ]

    def _transfer(self, source: str, target: str, came_short: bool | None) -> Row:
        """Lines of the chain item (known in both stores), one a batch it was received in
        (two at most), sent and received with one unit short, or not received (None)."""
        transfer_id = builders.new_id()
        product = self.chain.products[source][-1]["id"]
        lines, moves = [], []
        for n, batch in enumerate(self._batches(source, product)[:2] or [None]):
            quantity = 3 + n
            lines.append({"product_id": product, "batch": batch, "quantity": quantity})
            moves.append(
                _movement(
                    product, -quantity, "transfer_out", TODAY, transfer_id,
                    batch_id=batch["id"] if batch else None,
                )
            )  # fmt: skip
        sent = {
            "id": transfer_id,
            "number": f"TR-{source[-4:]}-0001",
            "to_store_id": target,
            "sent_at": (AT - timedelta(hours=2)).isoformat(),
            "sent_by": self._staff(source),
            "business_day": TODAY.isoformat(),
            "note": "调货",
            "lines": lines,
            "movements": moves,
        }
        self._push(source, TRANSFER_SENT, sent)
        if came_short is None:
            return sent
        got = [line["quantity"] - (1 if n == 0 else 0) for n, line in enumerate(lines)]
        batch_ids = [line["batch"]["id"] if line["batch"] else None for line in lines]
        received = {
            "transfer_id": transfer_id,
            "received_at": (AT - timedelta(minutes=5)).isoformat(),
            "received_by": self._staff(target),
            "business_day": TODAY.isoformat(),
            "note": "少了一件",
            "lines": [
                {"product_id": product, "batch_id": b, "sent": line["quantity"], "received": came}
                for line, b, came in zip(lines, batch_ids, got, strict=True)
            ],
            "movements": [
                _movement(product, came, "transfer_in", TODAY, transfer_id, batch_id=b)
                for b, came in zip(batch_ids, got, strict=True)
                if came
            ],
        }
        self._push(target, TRANSFER_RECEIVED, received)
        return sent | {"received": received}
