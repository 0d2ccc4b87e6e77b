"""A counter joining a store with stock (issue 13): its first pull brings the store's stock by
product and batch before the stock movements (history), so its first sale takes first expired
first out from the right batch; the movements then replace that snapshot, never add to it.
The counters' real services and sender against the server (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from salon_pos.db.models import ParkedChange, StockBatch, StockMovement, StockOnHand, StockSnapshot
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.security.device_token import DeviceTokens
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.stock import ReceiptLine
from salon_pos.services.sync_outbox import CounterOutbox
from salon_pos.services.sync_state import sync_state
from sync import pull
from sync.client import Sender, SyncClient
from sync.operations.inventory import STOCK_MOVED
from sync.operations.sales import SALE_COMPLETED
from sync.protocol import API
from tests.conftest import FakeClock, Shelf, Team
from tests.keyring_backend import MemoryKeyring
from tests.sync.client.feed import open_counter, seed_store
from tests.sync.in_process import URL, in_process_session, join, sync_in_process
from tests.sync.server.conftest import Device, Server
from tests.sync.server.test_inventory import _product, _receipt, _sale_of

Stock = dict[tuple[str, str], int]  # (product, batch code or '') → units


def _codes(app: Backend) -> dict[str, str]:
    with app.db.read() as session:
        return dict(session.execute(select(StockBatch.id, StockBatch.code)).all())


def _on_hand(app: Backend) -> Stock:
    """stock_on_hand by product and batch (its code), rows holding something."""
    codes = _codes(app)
    with app.db.read() as session:
        rows = session.execute(
            select(StockOnHand.product_id, StockOnHand.batch_key, StockOnHand.quantity)
        ).all()
    return {(p, codes.get(b, b)): q for p, b, q in rows if q}


def _ledger(app: Backend) -> Stock:
    """The sum of the movements held, by product and batch."""
    codes = _codes(app)
    batch = func.coalesce(StockMovement.batch_id, "")
    with app.db.read() as session:
        rows = session.execute(
            select(StockMovement.product_id, batch, func.sum(StockMovement.quantity)).group_by(
                StockMovement.product_id, batch
            )
        ).all()
    return {(p, codes.get(b, b)): int(q) for p, b, q in rows if q}


def _server_ledger(server: Server, app: Backend) -> Stock:
    codes = _codes(app)
    with server.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT product_id, batch_id, SUM(quantity) FROM stock_movement "
            f"WHERE store_id = '{server.store_id}' GROUP BY product_id, batch_id"
        ).all()
    return {(p, codes.get(b or "", "")): int(q) for p, b, q in rows if q}


def _count(app: Backend, model: type[StockMovement] | type[StockSnapshot]) -> int:
    with app.db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _sync(app: Backend, home: Path, server: Server) -> None:
    report = sync_in_process(app, home, server)
    assert (report.error, report.rejected, report.pending) == (None, 0, 0)
    with app.db.read() as session:
        assert session.execute(select(ParkedChange.entity)).all() == []


def _sender(app: Backend, server: Server, home: Path) -> Sender:
    """The counter's real sender through the in-process server, three changes a page."""
    device_id = app.settings.current.device_id
    client = SyncClient(
        URL, DeviceTokens().load(device_id), session=in_process_session(server.client)
    )
    outbox = CounterOutbox(app.db, app.clock, device_id)
    return Sender(client, outbox, server.store_id, device_id, home / "sync.lock", page_size=3)


def _sell(app: Backend, team: Team, shelf: Shelf, units: int) -> None:
    sale = SaleRequest(
        team.desk.id,
        [SaleLine(LineKind.PRODUCT, shelf.serum, units)],
        [Tender(TenderKind.CASH, units * 12800)],
    )
    app.checkout.complete_sale(sale)


@pytest.fixture
def first(
    server: Server,
    tmp_path: Path,
    clock: FakeClock,
    migrated_template: Path,
    memory_keyring: MemoryKeyring,
) -> Iterator[Backend]:
    app = open_counter(tmp_path / "a1", migrated_template, clock, "A1")
    join(app, server)
    yield app
    app.close()


def test_a_joining_counter_sells_from_the_right_batch_before_its_history(
    server: Server,
    first: Backend,
    tmp_path: Path,
    clock: FakeClock,
    migrated_template: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    team, shelf = seed_store(first)
    first.stock.receive(
        [
            ReceiptLine(shelf.serum, 5, 5_000, "LATE", date(2027, 12, 1)),
            ReceiptLine(shelf.serum, 4, 5_000, "EARLY", date(2027, 3, 1)),
            ReceiptLine(shelf.serum, 1, 5_000, "FIRST", date(2027, 1, 1)),
            ReceiptLine(shelf.serum, 2, 5_000),  # no batch: sold after every batch
        ],
        team.manager.id,
    )
    _sell(first, team, shelf, 3)  # FIRST's one, then two of EARLY
    _sync(first, tmp_path / "a1", server)
    serum = shelf.serum
    store: Stock = {(serum, "LATE"): 5, (serum, "EARLY"): 2, (serum, ""): 2}
    assert _on_hand(first) == _ledger(first) == store

    joining = open_counter(tmp_path / "b1", migrated_template, clock, "B1")
    try:
        join(joining, server)
        sender = _sender(joining, server, tmp_path / "b1")
        monkeypatch.setattr(pull, "HISTORY_PAGES_PER_ROUND", 0)  # no history this round
        assert sender.run_round().history_left
        assert joining.sync.first_pull().can_sell
        assert _count(joining, StockMovement) == 0  # the store's movements are still to come
        assert _on_hand(joining) == store

        _sell(joining, team, shelf, 1)  # first expired first out: EARLY, not FIRST (sold out)
        with joining.db.read() as session:
            taken = session.execute(select(StockMovement.batch_id, StockMovement.quantity)).all()
        assert [(_codes(joining).get(b or ""), q) for b, q in taken] == [("EARLY", -1)]
        store[(serum, "EARLY")] = 1
        assert _on_hand(joining) == store

        # The history, one page of three changes a round: the figures stay right throughout.
        monkeypatch.setattr(pull, "HISTORY_PAGES_PER_ROUND", 1)
        rounds = 0
        while sender.run_round().history_left:
            rounds += 1
            assert _on_hand(joining) == store
        assert rounds >= 2 and joining.sync.first_pull().history_done
        assert _on_hand(joining) == _ledger(joining) == store  # the snapshot replaced, not added
        assert _count(joining, StockSnapshot) == 0
        with joining.db.read() as session:
            assert not sync_state(session).stock_snapshot

        _sync(joining, tmp_path / "b1", server)
        _sync(first, tmp_path / "a1", server)
        for app in (first, joining):
            assert _on_hand(app) == _ledger(app) == store
        assert _server_ledger(server, first) == store
        assert _count(joining, StockMovement) == _count(first, StockMovement) == 7
    finally:
        joining.close()


def _snapshot(server: Server, device: Device, asking: Device | None = None) -> Any:
    asking = asking or device
    answer = server.client.get(
        f"{API}/stores/{device.store_id}/devices/{device.id}/stock-snapshot",
        headers=asking.headers,
    )
    return answer.json() if answer.status_code == 200 else answer.status_code


def test_the_snapshot_is_the_stores_stock_by_batch_but_the_askers_own(server: Server) -> None:
    """As of the feed's end; the asking counter's own movements left out (it holds them);
    nothing of another store; a batch taken to zero left out; only the device itself asks."""
    first, second = server.enroll(), server.enroll()
    product = _product(server, first)
    receipt = _receipt(product, 5)
    emptied = _receipt(product, 2)
    batch = receipt["batches"][0]["id"]
    server.push(first, [first.op(STOCK_MOVED, receipt), first.op(STOCK_MOVED, emptied)])
    sale = _sale_of(product, 2)
    sale["stock"][0]["batch_id"] = emptied["batches"][0]["id"]
    server.push(second, [second.op(SALE_COMPLETED, sale)])
    end = server.pull(first)["last_seq"]

    assert _snapshot(server, server.enroll()) == {
        "until": end,
        "stock": [{"product_id": product, "batch_id": batch, "quantity": 5}],
    }
    assert _snapshot(server, first)["stock"] == [  # its receipts left out, not the sale
        {"product_id": product, "batch_id": emptied["batches"][0]["id"], "quantity": -2}
    ]
    assert _snapshot(server, server.enroll(server.other_store_id))["stock"] == []
    assert _snapshot(server, first, asking=second) == 403
