"""Drawer sessions of two counters through the real server (SQLite and PostgreSQL): each
counter's session, its movements and its close reach the server and the other counter, with
the same figures everywhere; a refund A1 makes of a ticket sold at B1 is A1's cash, not B1's."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, select

from salon_pos.domain.ticket import TenderKind
from salon_pos.services.backend import Backend
from sync.server import models
from tests.conftest import FakeClock, Team, three_line_sale
from tests.sync.client.conftest import sync_once
from tests.sync.client.feed import seed_store
from tests.sync.live_server import LiveServer

SESSION = models.table_of(models.DrawerSession)
MOVEMENT = models.table_of(models.DrawerMovement)
TODAY = date(2026, 11, 20)
CASH_OF_SALE = 19_400  # three_line_sale: ¥200 cash for ¥194 after ¥300 WeChat


def synced(*counters: Backend) -> None:
    for counter in counters:
        report = sync_once(counter)
        assert report.error is None and report.rejected == 0, report


def test_each_counters_session_reaches_the_server_and_the_other_counter(
    counters: tuple[Backend, Backend],
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
    clock: FakeClock,
) -> None:
    a1, b1 = counters
    team, shelf = seed_store(a1)
    synced(a1, b1)  # B1 knows the staff and the catalog
    a1_session = a1.drawer.open(50_000, team.desk.id)
    b1_session = b1.drawer.open(30_000, team.manager.id)
    clock.advance(minutes=5)
    a1.checkout.complete_sale(three_line_sale(team, shelf))
    sold_at_b1 = b1.checkout.complete_sale(three_line_sale(team, shelf))
    synced(b1, a1)  # A1 pulls B1's ticket
    clock.advance(minutes=5)
    serum = a1.tickets.get(sold_at_b1.ticket_id).lines[2]
    a1.checkout.refund_lines(
        sold_at_b1.ticket_id, {serum.id: 1}, Team.MANAGER_PIN, "过敏", team.desk.id,
        TenderKind.CASH,
    )  # fmt: skip
    a1.drawer.pay_out(5_000, "采购支出", team.desk.id)
    clock.advance(hours=1)
    a1_expected = 50_000 + CASH_OF_SALE - 12_800 - 5_000
    a1.drawer.close(a1_session.id, {10_000: 5, 1_000: 1, 500: 1, 100: 1}, team.desk.id)
    b1_count = {10_000: 4, 5_000: 1, 2_000: 2, 100: 2}  # ¥492: ¥2 short
    b1.drawer.close(b1_session.id, b1_count, team.manager.id, "找零失误")
    synced(a1, b1, a1)

    figures = {  # session → (counter, float, expected, counted, variance)
        a1_session.id: (a1.settings.current.device_id, 50_000, a1_expected, a1_expected, 0),
        b1_session.id: (b1.settings.current.device_id, 30_000, 49_400, 49_200, -200),
    }
    with server_engine.connect() as connection:
        rows = connection.execute(select(SESSION).where(SESSION.c.store_id == store_id)).all()
        moved = connection.execute(select(MOVEMENT.c.session_id, MOVEMENT.c.amount)).all()
    assert {
        r.id: (r.device_id, r.opening_float, r.expected, r.counted, r.variance) for r in rows
    } == figures
    assert all(r.server_expected == r.expected and not r.expected_differs for r in rows)
    assert [tuple(m) for m in moved] == [(a1_session.id, 5_000)]
    for counter in (a1, b1):
        listed = counter.drawer.sessions_of_day(TODAY)
        assert {
            s.id: (s.device_id, s.opening_float, s.expected, s.counted, s.variance) for s in listed
        } == figures
        by_id = {s.id: s for s in listed}
        assert by_id[b1_session.id].close_reason == "找零失误"
        assert by_id[a1_session.id].figures.cash_back == 12_800  # A1 handed it back, not B1
        assert [m.amount for m in by_id[a1_session.id].movements] == [5_000]
        assert by_id[a1_session.id].closed_by_name == "周小敏"
