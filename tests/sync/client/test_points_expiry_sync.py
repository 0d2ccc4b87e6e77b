"""Points expiry across counters (issue 10): a real server and two counters. A customer's
points earned on one counter pass the store's validity; both counters, offline, expire the
same lot. After sync the server holds one expiry entry, and both counters hold exactly the
server's entries: the expiry's id is computed from its lot, so written twice it is one."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine, select

from salon_pos.db.models import BalanceEntry
from salon_pos.domain.balances import PointsExpiredTooFew
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from sync.server import models
from tests.conftest import FakeClock
from tests.sync.client.conftest import sync_once
from tests.sync.client.feed import seed_store
from tests.sync.live_server import LiveServer

S_BALANCE = models.table_of(models.BalanceEntry)


def _synced(*counters: Backend) -> None:
    for counter in counters:
        report = sync_once(counter)
        assert report.error is None and report.pending == 0, report


def _entries(counter: Backend) -> dict[str, tuple[str, int]]:
    with counter.db.read() as session:
        rows = session.execute(select(BalanceEntry.id, BalanceEntry.reason, BalanceEntry.amount))
        return {id_: (reason, amount) for id_, reason, amount in rows}


def _server_entries(engine: Engine, store_id: str) -> dict[str, tuple[str, int]]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(S_BALANCE.c.id, S_BALANCE.c.reason, S_BALANCE.c.amount).where(
                S_BALANCE.c.store_id == store_id
            )
        )
        return {id_: (reason, amount) for id_, reason, amount in rows}


def test_two_counters_offline_expire_the_same_lot_and_it_is_recorded_once(
    counters: tuple[Backend, Backend],
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
    clock: FakeClock,
) -> None:
    a1, b1 = counters
    team, shelf = seed_store(a1)
    clock.current -= timedelta(days=40)  # earned 40 days ago; the server's clock is real time
    for counter in (a1, b1):
        counter.settings.update(None, points_valid_days=30)
    customer = a1.customers.add("陈会员", "13900139000").id
    a1.checkout.complete_sale(
        SaleRequest(
            team.desk.id,
            [SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id)],
            [Tender(TenderKind.CASH, 19800)],
            customer,
        )
    )
    _synced(a1, b1)
    assert b1.members.balances(customer).points == 198  # b1 knows the points earned on a1

    clock.advance(days=31)
    live_server.stop()  # both counters are offline from here
    with pytest.raises(PointsExpiredTooFew):  # offline, b1 still refuses expired points
        b1.checkout.complete_sale(
            SaleRequest(
                team.desk.id,
                [SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id)],
                [Tender(TenderKind.POINTS, 100), Tender(TenderKind.CASH, 19700)],
                customer,
            )
        )
    for counter in (a1, b1):
        assert counter.members.expire_points(customer, team.desk.id) == 198
        assert not sync_once(counter).online
    live_server.start()
    _synced(a1, b1, a1)

    server = _server_entries(server_engine, store_id)
    expiries = [e for e in server.values() if e[0] == "expire"]
    assert expiries == [("expire", -198)]
    for counter in (a1, b1):
        assert _entries(counter) == server  # same entries, same ids, same amounts
        assert counter.members.balances(customer).points == 0
        assert counter.members.expire_points(customer, team.desk.id) == 0  # nothing more due
    assert sum(amount for reason, amount in server.values()) == 0
