"""A stocktake's count is the truth at the moment it was made, whatever the counters knew
(docs/inventory.md): two counters of a store, the real server in-process (SQLite and
PostgreSQL). A sale the posting counter had not heard of when it posted is not taken twice; two
stocktakes counted while apart leave the stock at the later count, in either order of sync."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.stock import ReceiptLine
from tests.conftest import FakeClock
from tests.sync.server.conftest import Server
from tests.sync.server.test_stock_property import START, Store, ledger, server_ledger
from tests.sync.server.test_versions import drain

CREAM = 1  # the store's cream, 26,800 fen, no batches


@pytest.fixture
def store(server: Server, tmp_path: Path, migrated_template: Path) -> Iterator[Store]:
    made = Store(server, tmp_path, migrated_template, FakeClock(START))
    a = made.counters[0]
    a.stock.receive([ReceiptLine(made.products[CREAM], 10, 9_000)], made.team.manager.id)
    made.sync(0)
    made.sync(1)
    yield made
    made.close()


def on_hand_everywhere(store: Store) -> list[int]:
    """The cream's stock at each counter and at the server, after everything has synced."""
    for _ in range(2):
        store.sync(0)
        store.sync(1)
    cream = store.products[CREAM]
    held = server_ledger(store.server, store.store_id, [cream])
    figures = [sum(q for _, _, q in held.values())]
    for counter in store.counters:
        assert ledger(counter, [cream]) == held
        figures.append(next(r.on_hand for r in counter.stock.on_hand() if r.product_id == cream))
    return figures


def sell_one(store: Store, i: int) -> None:
    line = SaleLine(LineKind.PRODUCT, store.products[CREAM])
    store.counters[i].checkout.complete_sale(
        SaleRequest(store.team.desk.id, [line], [Tender(TenderKind.CASH, 26_800)])
    )


def count(store: Store, i: int, units: int) -> None:
    counter, team = store.counters[i], store.team
    take = counter.stocktakes.start(team.manager.id)
    counter.stocktakes.count(take.id, store.products[CREAM], units, team.desk.id)
    store.clock.advance(minutes=5)
    counter.stocktakes.post(take.id, team.manager.id)


@pytest.mark.parametrize("sale_reaches_the_server", ["before the post", "after the post"])
def test_a_sale_the_posting_counter_had_not_heard_of_is_not_taken_twice(
    store: Store, sale_reaches_the_server: str
) -> None:
    store.clock.advance(minutes=10)
    sell_one(store, 1)  # B sells one; A does not know yet
    if sale_reaches_the_server == "before the post":
        drain(store.server, store.devices[1], store.counters[1])  # pushed, not pulled by A
    store.clock.advance(minutes=10)
    count(store, 0, 9)  # A counts the 9 on the shelf and posts -1 (its records said 10)
    store.sync(0)
    assert on_hand_everywhere(store) == [9, 9, 9]


@pytest.mark.parametrize("first", [0, 1])
def test_two_stocktakes_counted_while_apart_leave_the_stock_counted(
    store: Store, first: int
) -> None:
    """Two shelves of 8 were lost or sold without a record: both counters count 8 and each
    posts -2 from its own records; the later count stands, whichever reaches the server first."""
    store.clock.advance(minutes=10)
    count(store, 0, 8)
    store.clock.advance(minutes=10)
    count(store, 1, 8)  # counted later than A's
    store.sync(first)
    store.sync(1 - first)
    assert on_hand_everywhere(store) == [8, 8, 8]
