"""Stock between counters end to end (issue 13), with the counters' real services and sender
against the server (SQLite and PostgreSQL): a transfer sent by a counter of one store (to a
store the server's chain-stores answer named) and received short by a counter of another; a
stocktake posted on two counters of a store while apart. Each time the counters and the
server agree on each store's stock, and no pulled change is parked."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from salon_pos.db.models import ParkedChange
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.security.device_token import DeviceTokens
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.stock import ConsumableLine, ReceiptLine
from salon_pos.services.sync_state import sync_state
from sync.server.master_data import share_item
from tests.conftest import FakeClock, Shelf, Team
from tests.keyring_backend import MemoryKeyring
from tests.services.test_stock import on_hand
from tests.sync.client.feed import open_counter, seed_store, seed_team
from tests.sync.in_process import URL, join, sync_in_process
from tests.sync.server.conftest import Server
from tests.sync.server.test_inventory import _on_hand


def _join_other_store(app: Backend, server: Server) -> None:
    """As `join` does, with the owner's second store."""
    device = server.enroll(server.other_store_id, device_id=app.settings.current.device_id)
    DeviceTokens().save(device.id, device.token)
    with app.db.write() as session:
        state = sync_state(session)
        state.server_url, state.store_id, state.store_name = URL, server.other_store_id, "二店"


def _sync(app: Backend, home: Path, server: Server) -> None:
    """One round, everything sent applied and everything pulled applied."""
    report = sync_in_process(app, home, server)
    assert (report.error, report.rejected, report.pending) == (None, 0, 0)
    with app.db.read() as session:
        parked = session.execute(select(ParkedChange.entity, ParkedChange.reason)).all()
    assert parked == []


@pytest.fixture
def counters(
    server: Server,
    tmp_path: Path,
    clock: FakeClock,
    migrated_template: Path,
    memory_keyring: MemoryKeyring,
) -> Iterator[tuple[Backend, Backend]]:
    east = open_counter(tmp_path / "east", migrated_template, clock, "A1")
    west = open_counter(tmp_path / "west", migrated_template, clock, "B1")
    join(east, server)
    _join_other_store(west, server)
    yield east, west
    east.close()
    west.close()


def test_a_transfer_sent_by_one_counter_is_received_short_by_another_stores(
    server: Server, counters: tuple[Backend, Backend], tmp_path: Path
) -> None:
    east, west = counters
    team, shelf = seed_store(east)
    east.stock.receive([ReceiptLine(shelf.serum, 10, 5000, "L2026")], team.manager.id)
    _sync(east, tmp_path / "east", server)
    share_item(server.engine, shelf.serum, server.clock)  # the chain's product: both stores sell it
    west_team = seed_team(west)
    _sync(west, tmp_path / "west", server)
    assert [name for _, name in east.transfers.stores()] == ["丽人美容 二店"]

    sent = east.transfers.send(server.other_store_id, {shelf.serum: 4}, team.manager.id, "缺货")
    _sync(east, tmp_path / "east", server)
    _sync(west, tmp_path / "west", server)
    incoming = west.transfers.transfers()
    assert [t.id for t in incoming] == [sent.id] and incoming[0].incoming

    west.transfers.receive(sent.id, {0: 3}, west_team.manager.id, "一瓶破损")
    _sync(west, tmp_path / "west", server)
    _sync(east, tmp_path / "east", server)
    assert (on_hand(east, shelf.serum), on_hand(west, shelf.serum)) == (6, 3)
    assert _on_hand(server, shelf.serum) == 6
    assert _on_hand(server, shelf.serum, server.other_store_id) == 3
    received = east.transfers.transfers()[0].received
    assert received is not None
    assert [(line["sent"], line["received"]) for line in received["lines"]] == [(4, 3)]  # type: ignore[index]


@pytest.fixture
def two_counters(
    server: Server,
    tmp_path: Path,
    clock: FakeClock,
    migrated_template: Path,
    memory_keyring: MemoryKeyring,
) -> Iterator[tuple[Backend, Backend]]:
    first = open_counter(tmp_path / "a1", migrated_template, clock, "A1")
    second = open_counter(tmp_path / "a2", migrated_template, clock, "A2")
    join(first, server)
    join(second, server)
    yield first, second
    first.close()
    second.close()


def test_a_stocktake_posted_on_two_counters_ends_the_same_everywhere(
    server: Server, two_counters: tuple[Backend, Backend], tmp_path: Path
) -> None:
    """Both counters count and post the same stocktake while apart: the first post to reach
    the server stands, the second is reversed, and both counters end with its stock."""
    first, second = two_counters
    homes = {id(first): tmp_path / "a1", id(second): tmp_path / "a2"}

    def sync(app: Backend) -> None:
        _sync(app, homes[id(app)], server)

    team, shelf = seed_store(first)
    first.stock.receive([ReceiptLine(shelf.serum, 10, 5000, "L2026")], team.manager.id)
    take = first.stocktakes.start(team.manager.id)
    sync(first)
    sync(second)
    first.stocktakes.count(take.id, shelf.serum, 7, team.manager.id)  # apart from here on
    first.stocktakes.post(take.id, team.manager.id)
    second.stocktakes.count(take.id, shelf.serum, 12, team.manager.id)
    second.stocktakes.post(take.id, team.manager.id)
    for app in (first, second, first, second):
        sync(app)
    assert on_hand(first, shelf.serum) == on_hand(second, shelf.serum) == 7
    assert _on_hand(server, shelf.serum) == 7
    assert server.count("SELECT COUNT(*) FROM conflict WHERE type = 'stocktake_posted_twice'") == 1


def _sold_on_both(
    server: Server, counters: tuple[Backend, Backend], tmp_path: Path
) -> tuple[Team, Shelf, str, str, Callable[[Backend], None]]:
    """10 serum received and a facial that uses 5 of it; a sale of two serum and a facial on
    the first counter, synced to the second (ticket id, serum line id)."""
    first, second = counters
    homes = {id(first): tmp_path / "a1", id(second): tmp_path / "a2"}

    def sync(app: Backend) -> None:
        _sync(app, homes[id(app)], server)

    team, shelf = seed_store(first)
    first.stock.receive([ReceiptLine(shelf.serum, 10, 5000, "L2026")], team.manager.id)
    first.stock.set_consumables(
        shelf.facial, [ConsumableLine(shelf.serum, 1, "piece")], team.manager.id
    )
    lines = [
        SaleLine(LineKind.PRODUCT, shelf.serum, 2),
        SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id),
    ]
    sale = first.checkout.complete_sale(
        SaleRequest(team.desk.id, lines, [Tender(TenderKind.CASH, 2 * 12800 + 19800)])
    )
    with first.db.read() as session:
        serum_line = session.execute(
            text("SELECT id FROM ticket_line WHERE ticket_id = :t AND kind = 'product'"),
            {"t": sale.ticket_id},
        ).scalar_one()
    sync(first)
    sync(second)
    assert on_hand(first, shelf.serum) == on_hand(second, shelf.serum) == 7
    return team, shelf, sale.ticket_id, serum_line, sync


def test_a_sale_voided_on_two_counters_while_apart_puts_its_stock_back_once(
    server: Server, two_counters: tuple[Backend, Backend], tmp_path: Path
) -> None:
    first, second = two_counters
    team, shelf, ticket, _, sync = _sold_on_both(server, two_counters, tmp_path)
    first.checkout.void_sale(ticket, Team.MANAGER_PIN, "顾客取消", team.desk.id)
    second.checkout.void_sale(ticket, Team.MANAGER_PIN, "录错了", team.desk.id)
    for app in (first, second, first, second):
        sync(app)
    assert on_hand(first, shelf.serum) == on_hand(second, shelf.serum) == 10
    assert _on_hand(server, shelf.serum) == 10
    assert server.count("SELECT COUNT(*) FROM conflict WHERE type = 'money_back_twice'") == 1


def test_a_sale_refunded_on_one_counter_and_voided_on_another_puts_its_stock_back_once(
    server: Server, two_counters: tuple[Backend, Backend], tmp_path: Path
) -> None:
    """The refund puts one serum back, the void all three (two sold, one used): the server
    takes back the one put back twice."""
    first, second = two_counters
    team, shelf, ticket, serum_line, sync = _sold_on_both(server, two_counters, tmp_path)
    first.checkout.refund_lines(ticket, {serum_line: 1}, Team.MANAGER_PIN, "退货", team.desk.id)
    second.checkout.void_sale(ticket, Team.MANAGER_PIN, "录错了", team.desk.id)
    for app in (first, second, first, second):
        sync(app)
    assert on_hand(first, shelf.serum) == on_hand(second, shelf.serum) == 10
    assert _on_hand(server, shelf.serum) == 10
    assert server.count("SELECT COUNT(*) FROM conflict WHERE type = 'money_back_twice'") == 1


@pytest.fixture
def receiving_two(
    server: Server,
    tmp_path: Path,
    clock: FakeClock,
    migrated_template: Path,
    memory_keyring: MemoryKeyring,
) -> Iterator[tuple[Backend, Backend, Backend]]:
    """A counter of the first store and two of the second."""
    east = open_counter(tmp_path / "east", migrated_template, clock, "A1")
    west = open_counter(tmp_path / "w1", migrated_template, clock, "B1")
    also = open_counter(tmp_path / "w2", migrated_template, clock, "B2")
    join(east, server)
    _join_other_store(west, server)
    _join_other_store(also, server)
    yield east, west, also
    for app in (east, west, also):
        app.close()


def test_a_transfer_received_on_two_counters_while_apart_is_counted_once(
    server: Server, receiving_two: tuple[Backend, Backend, Backend], tmp_path: Path
) -> None:
    east, west, also = receiving_two
    homes = {id(east): tmp_path / "east", id(west): tmp_path / "w1", id(also): tmp_path / "w2"}

    def sync(app: Backend) -> None:
        _sync(app, homes[id(app)], server)

    team, shelf = seed_store(east)
    east.stock.receive([ReceiptLine(shelf.serum, 10, 5000, "L2026")], team.manager.id)
    sync(east)
    share_item(server.engine, shelf.serum, server.clock)
    west_team = seed_team(west)
    sync(west)
    sync(also)
    sent = east.transfers.send(server.other_store_id, {shelf.serum: 4}, team.manager.id)
    for app in (east, west, also):
        sync(app)
    west.transfers.receive(sent.id, {}, west_team.manager.id)  # apart from here on
    also.transfers.receive(sent.id, {0: 3}, west_team.manager.id, "少了一瓶")
    for app in (west, also, west, also, east):
        sync(app)
    assert on_hand(west, shelf.serum) == on_hand(also, shelf.serum) == 4
    assert _on_hand(server, shelf.serum, server.other_store_id) == 4
    assert (on_hand(east, shelf.serum), _on_hand(server, shelf.serum)) == (6, 6)
    conflicts = "SELECT COUNT(*) FROM conflict WHERE type = 'transfer_received_twice'"
    assert server.count(conflicts) == 1
