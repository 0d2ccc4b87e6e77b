"""The issue's last unit sold twice, end to end (issue 13): a real server process (SQLite and
PostgreSQL) and two real counters. The store received one bottle of a serum; both counters go
offline and each sells it (each knew one was there). After sync both sales stand, the server
holds exactly one negative_stock conflict, in both counters' inboxes; a manager records the
bottle as found on one counter, and the adjustment reaches the other counter and the server.
Every counter holds the server's movements, id for id, and on hand is their sum everywhere."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from salon_pos.db.models import StockMovement
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.stock import ReceiptLine
from sync.operations.inventory import CONFLICT_NEGATIVE_STOCK, RESOLUTION_FOUND
from sync.protocol import CONFLICT_OPEN, CONFLICT_RESOLVED_STATUS
from sync.server import models
from tests.conftest import Shelf, Team
from tests.sync.client.conftest import sync_once, synced
from tests.sync.client.feed import seed_store
from tests.sync.live_server import LiveServer

S_MOVEMENT = models.table_of(models.StockMovement)
S_TICKET = models.table_of(models.Ticket)
S_CONFLICT = models.table_of(models.Conflict)
NOTE = "库房还有一瓶没入账"


def _on_hand(counter: Backend, product_id: str) -> int:
    return next(r.on_hand for r in counter.stock.on_hand() if r.product_id == product_id)


def _movements(counter: Backend) -> dict[str, int]:
    with counter.db.read() as session:
        return dict(session.execute(select(StockMovement.id, StockMovement.quantity)).all())


def _server_movements(engine: Engine, store_id: str) -> dict[str, int]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(S_MOVEMENT.c.id, S_MOVEMENT.c.quantity).where(S_MOVEMENT.c.store_id == store_id)
        )
        return dict(rows.all())


def _sell_one(counter: Backend, team: Team, shelf: Shelf) -> str:
    sale = SaleRequest(
        team.desk.id, [SaleLine(LineKind.PRODUCT, shelf.serum)], [Tender(TenderKind.CASH, 12800)]
    )
    return counter.checkout.complete_sale(sale).ticket_id


def test_two_counters_offline_sell_the_last_unit_and_one_found_settles_it(
    counters: tuple[Backend, Backend],
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
) -> None:
    a1, b1 = counters
    team, shelf = seed_store(a1)
    a1.stock.receive([ReceiptLine(shelf.serum, 1, 5_000)], team.manager.id)
    synced(a1, b1)
    assert _on_hand(b1, shelf.serum) == 1  # b1 knows one bottle is there

    live_server.stop()  # both counters are offline from here
    tickets = [_sell_one(c, team, shelf) for c in (a1, b1)]
    for counter in (a1, b1):
        assert _on_hand(counter, shelf.serum) == 0  # what each one knows
        assert not sync_once(counter).online
    live_server.start()
    synced(a1, b1, a1)

    with server_engine.connect() as connection:
        held = set(connection.scalars(select(S_TICKET.c.id).where(S_TICKET.c.store_id == store_id)))
        conflicts = connection.execute(
            select(S_CONFLICT.c.id, S_CONFLICT.c.type, S_CONFLICT.c.status).where(
                S_CONFLICT.c.store_id == store_id
            )
        ).all()
    assert set(tickets) <= held  # both sales stand
    assert [(c.type, c.status) for c in conflicts] == [(CONFLICT_NEGATIVE_STOCK, CONFLICT_OPEN)]
    server = _server_movements(server_engine, store_id)
    assert sum(server.values()) == -1
    for counter in (a1, b1):
        inbox = [c for c in counter.sync.conflicts(True) if c.type == CONFLICT_NEGATIVE_STOCK]
        assert [c.id for c in inbox] == [conflicts[0].id]
        assert (inbox[0].details["on_hand"], inbox[0].details["shortfall"]) == (-1, 1)
        assert _on_hand(counter, shelf.serum) == -1  # the other's sale pulled
        assert _movements(counter) == server

    b1.sync.resolve(conflicts[0].id, RESOLUTION_FOUND, team.manager.id, note=NOTE)
    synced(b1, a1, b1)

    with server_engine.connect() as connection:
        status = connection.scalar(
            select(S_CONFLICT.c.status).where(S_CONFLICT.c.id == conflicts[0].id)
        )
        found = connection.execute(
            select(S_MOVEMENT.c.quantity, S_MOVEMENT.c.kind, S_MOVEMENT.c.reason).where(
                S_MOVEMENT.c.document_id == conflicts[0].id
            )
        ).all()
    assert status == CONFLICT_RESOLVED_STATUS
    assert [tuple(f) for f in found] == [(1, "adjustment", NOTE)]
    server = _server_movements(server_engine, store_id)
    for counter in (a1, b1):
        assert [c for c in counter.sync.conflicts(True) if c.type == CONFLICT_NEGATIVE_STOCK] == []
        assert _movements(counter) == server  # same movements, same ids, same quantities
        assert _on_hand(counter, shelf.serum) == 0
        with counter.db.read() as session:
            total = session.scalar(select(func.sum(StockMovement.quantity)))
        assert total == 0
