"""The stock ledger's property, across counters and the server (issue 13's Done-when): for any
sequence of receipts in batches, sales, services using consumables, refunds, write-offs and
stocktakes made on two counters of a store, synced in any order, every counter and the server
end up holding the same movements, id for id; on hand by product and batch at each counter (the
trigger-kept table) equals the sum of its movements; and each sale took first expired first out
as the counter saw its stock: no batch expiring later was touched while one expiring sooner
still had stock. Hypothesis draws the sequences; the server is the real app in-process, on
SQLite and PostgreSQL. (Transfers between stores are tested in test_inventory_documents.)"""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from salon_pos.db.models import StockBatch, StockMovement, StockOnHand, SyncState
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.stock import ConsumableLine, ReceiptLine
from salon_pos.services.sync_outbox import CounterOutbox
from sync.server import admin, models
from sync.wire import Change
from tests.conftest import FakeClock, Team
from tests.sync.client.feed import open_counter, seed_team
from tests.sync.server.conftest import Server
from tests.sync.server.test_versions import drain

S_MOVEMENT = models.table_of(models.StockMovement)
S_ON_HAND = models.table_of(models.StockOnHand)
PREFIXES = itertools.count(1)  # each example's counters number their tickets apart
OWNER = "boss@example.com"  # tests/sync/server/conftest.py make_server
TODAY = date(2026, 11, 20)
START = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
PRICES: dict[Any, int] = {0: 9_900, 1: 26_800, 2: 3_800}  # by product index; the facial below

counter_no = st.integers(0, 1)
step = st.one_of(
    st.tuples(
        st.just("receive"),
        counter_no,
        st.integers(0, 2),
        st.integers(1, 3),
        st.one_of(st.none(), st.integers(-3, 40)),
    ),
    st.tuples(st.just("sell"), counter_no, st.integers(0, 2), st.integers(1, 4)),
    st.tuples(st.just("facial"), counter_no, st.integers(1, 2)),
    st.tuples(st.just("refund"), counter_no),
    st.tuples(st.just("write_off"), counter_no, st.integers(0, 2), st.integers(1, 30)),
    st.tuples(
        st.just("stocktake"), counter_no, st.lists(st.integers(0, 40), min_size=3, max_size=3)
    ),
    st.tuples(st.just("sync"), counter_no),
)


class Store:
    """Two counters of one store, enrolled with the server, and the catalog they sell."""

    def __init__(self, server: Server, home: Path, template: Path, clock: FakeClock) -> None:
        self.server, self.clock = server, clock
        name = f"丽人美容 {home.name}"  # a store of its own for each example
        self.store_id = admin.create_store(server.engine, OWNER, name, clock=server.clock)
        self.counters = [
            open_counter(home / p, template, clock, f"{p}{next(PREFIXES)}") for p in ("A", "B")
        ]
        self.devices = [
            server.enroll(self.store_id, c.settings.current.device_id) for c in self.counters
        ]
        for counter in self.counters:  # the server's store, as enrollment would record it
            with counter.db.write() as session:
                session.merge(
                    SyncState(id=1, server_url="http://127.0.0.1:9", store_id=self.store_id)
                )
        self.cursors = [0, 0]
        first = self.counters[0]
        self.team = seed_team(first)
        catalog = first.catalog
        # The owner's stores share a catalog: an item of the same code made in another store
        # would be folded into that one (ADR 0008); each example's items are its own.
        n = home.name
        serum = catalog.add_product(
            "院装", f"原液{n}", f"P0-{n}", 9_900, 20_000, unit="ml", pack_size=50,
            needs_expiry=True,
        )  # fmt: skip
        cream = catalog.add_product("护肤品", f"面霜{n}", f"P1-{n}", 26_800, 9_000)
        mask = catalog.add_product("护肤品", f"面膜{n}", f"P2-{n}", 3_800, 1_000)
        self.products = [serum.id, cream.id, mask.id]
        self.facial = catalog.add_service("面部护理", f"补水护理{n}", 19_800, 60, "facial").id
        PRICES[self.facial] = 19_800
        first.stock.set_consumables(
            self.facial, [ConsumableLine(self.products[0], 5, "ml")], self.team.manager.id
        )
        self.sold: list[list[tuple[str, str]]] = [[], []]  # (ticket, product line) per counter
        self.sync(0)
        self.sync(1)

    def sync(self, i: int) -> None:
        counter, device = self.counters[i], self.devices[i]
        drain(self.server, device, counter)
        outbox = CounterOutbox(counter.db, counter.clock, counter.settings.current.device_id)
        while True:
            page = self.server.pull(device, after=self.cursors[i])
            changes = [Change.model_validate(c) for c in page["changes"]]
            if not changes:
                return
            self.cursors[i] = changes[-1].seq
            outbox.apply_changes(changes, self.cursors[i])

    def run(self, action: tuple[Any, ...]) -> None:
        self.clock.advance(minutes=7)
        kind, i = action[0], action[1]
        counter, team = self.counters[i], self.team
        if kind == "receive":
            _, _, p, packages, days = action
            expires = None if days is None and p != 0 else TODAY + timedelta(days=days or 30)
            counter.stock.receive(
                [ReceiptLine(self.products[p], packages, 1_000, "", expires)], team.manager.id
            )
        elif kind == "sell":
            _, _, p, quantity = action
            self._sell(i, [SaleLine(LineKind.PRODUCT, self.products[p], quantity)])
        elif kind == "facial":
            line = SaleLine(LineKind.SERVICE, self.facial, action[2], technician_id=team.tech.id)
            self._sell(i, [line])
        elif kind == "refund" and self.sold[i]:
            ticket, line = self.sold[i].pop()
            counter.checkout.refund_lines(ticket, {line: 1}, Team.MANAGER_PIN, "退货", team.desk.id)
        elif kind == "write_off":
            _, _, p, units = action
            counter.stock.write_off(self.products[p], units, "破损", team.manager.id)
        elif kind == "stocktake" and counter.stocktakes.open_stocktake() is None:
            take = counter.stocktakes.start(team.manager.id)
            for product, units in zip(self.products, action[2], strict=True):
                counter.stocktakes.count(take.id, product, units, team.desk.id)
            counter.stocktakes.post(take.id, team.manager.id)
        elif kind == "sync":
            self.sync(i)

    def _sell(self, i: int, lines: list[SaleLine]) -> None:
        counter = self.counters[i]
        before = batch_stock(counter)
        total = sum(
            PRICES[
                line.item_id if line.kind is LineKind.SERVICE else self.products.index(line.item_id)
            ]
            * line.quantity
            for line in lines
        )
        # A manager's PIN with every sale: stock past its expiry may go (FEFO still first).
        sale = counter.checkout.complete_sale(
            SaleRequest(
                self.team.desk.id,
                lines,
                [Tender(TenderKind.CASH, total)],
                approver_pin=Team.MANAGER_PIN,
            )
        )
        check_fefo(counter, sale.ticket_id, before)
        with counter.db.read() as session:
            for (line_id,) in session.execute(
                text("SELECT id FROM ticket_line WHERE ticket_id = :t AND kind = 'product'"),
                {"t": sale.ticket_id},
            ):
                self.sold[i].append((sale.ticket_id, line_id))

    def close(self) -> None:
        for counter in self.counters:
            counter.close()


def batch_stock(counter: Backend) -> dict[tuple[str, str | None], tuple[int, date | None]]:
    """(product, batch) → (on hand, expiry) as the counter's trigger-kept table has it."""
    with counter.db.read() as session:
        found = session.execute(
            select(
                StockOnHand.product_id,
                StockOnHand.batch_key,
                StockOnHand.quantity,
                StockBatch.expires_on,
            ).outerjoin(StockBatch, StockBatch.id == StockOnHand.batch_key)
        )
        return {(p, b or None): (q, e) for p, b, q, e in found}


def check_fefo(
    counter: Backend, ticket_id: str, before: dict[tuple[str, str | None], tuple[int, date | None]]
) -> None:
    """No batch the sale touched expires later than a fresh batch left with stock after it."""
    after = batch_stock(counter)
    with counter.db.read() as session:
        taken = session.execute(
            select(StockMovement.product_id, StockMovement.batch_id).where(
                StockMovement.document_id == ticket_id
            )
        ).all()
    for product, batch in taken:
        if batch is None:  # beyond the records: every batch must be empty after the sale
            assert all(q <= 0 for (p, b), (q, _) in after.items() if p == product and b), after
            continue
        expires = before[(product, batch)][1] or date.max
        fresh = expires >= TODAY
        for (p, b), (q, e) in after.items():
            if p != product or b is None or b == batch or q <= 0:
                continue
            sooner = (e or date.max) < expires and (e or date.max) >= TODAY
            assert not (fresh and sooner), (product, batch, b, after)
            if not fresh:  # an expired batch is used only once the fresh ones are empty
                assert (e or date.max) < TODAY, (product, batch, b, after)


def ledger(counter: Backend, products: list[str]) -> dict[str, tuple[str, str | None, int]]:
    with counter.db.read() as session:
        found = session.execute(
            select(
                StockMovement.id,
                StockMovement.product_id,
                StockMovement.batch_id,
                StockMovement.quantity,
            ).where(StockMovement.product_id.in_(products))
        )
        return {m: (p, b, q) for m, p, b, q in found}


def server_ledger(
    server: Server, store_id: str, products: list[str]
) -> dict[str, tuple[str, str | None, int]]:
    with server.engine.connect() as connection:
        found = connection.execute(
            select(
                S_MOVEMENT.c.id,
                S_MOVEMENT.c.product_id,
                S_MOVEMENT.c.batch_id,
                S_MOVEMENT.c.quantity,
            ).where(S_MOVEMENT.c.store_id == store_id, S_MOVEMENT.c.product_id.in_(products))
        )
        return {m: (p, b, q) for m, p, b, q in found}


def sums(moves: dict[str, tuple[str, str | None, int]]) -> dict[tuple[str, str | None], int]:
    totals: dict[tuple[str, str | None], int] = {}
    for product, batch, quantity in moves.values():
        totals[(product, batch)] = totals.get((product, batch), 0) + quantity
    return {k: v for k, v in totals.items() if v}


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(step, min_size=4, max_size=16))
def test_every_counter_and_the_server_hold_the_same_stock(
    server: Server,
    tmp_path_factory: pytest.TempPathFactory,
    migrated_template: Path,
    steps: list[Any],
) -> None:
    clock = FakeClock(START)
    store = Store(server, tmp_path_factory.mktemp("store"), migrated_template, clock)
    try:
        for action in steps:
            store.run(action)
        for _ in range(2):  # everything pushed, then everything pulled everywhere
            store.sync(0)
            store.sync(1)
        products = store.products
        held = server_ledger(server, store.store_id, products)
        for counter in store.counters:
            assert ledger(counter, products) == held
            kept = {k: q for k, (q, _) in batch_stock(counter).items() if k[0] in products and q}
            assert kept == sums(held)
        assert server_on_hand(server, store.store_id, products) == by_product(held)
    finally:
        store.close()


def server_on_hand(server: Server, store_id: str, products: list[str]) -> dict[str, int]:
    """The server's stock_on_hand, added to at each push batch's flush."""
    with server.engine.connect() as connection:
        found = connection.execute(
            select(S_ON_HAND.c.product_id, S_ON_HAND.c.quantity).where(
                S_ON_HAND.c.store_id == store_id, S_ON_HAND.c.product_id.in_(products)
            )
        )
        return {p: q for p, q in found if q}


def by_product(moves: dict[str, tuple[str, str | None, int]]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for product, _, quantity in moves.values():
        totals[product] = totals.get(product, 0) + quantity
    return {k: v for k, v in totals.items() if v}
