"""Generated weeks at the server (SQLite and PostgreSQL): A1's demo month of sales (members,
top-ups, package cards, voids and refunds), more voids and refunds of earlier tickets today,
B1's sales of today made offline and sent after A1 closed the day. Every day's figures at the
server equal an independent computation from the server's raw tables and ledgers, and A1, once
it has pulled everything, works out the very same figures for every day."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from datetime import date

from sqlalchemy import Connection, Engine, func, select, text

from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.demo import load_demo_data
from sync.server import models
from sync.server.day_figures import server_day_figures
from tests.conftest import FakeClock
from tests.sync.client.conftest import synced, take_back_some
from tests.sync.live_server import LiveServer

TICKET = models.table_of(models.Ticket)
LEDGER = models.table_of(models.LedgerEntry)
TENDER = models.table_of(models.TenderEntry)


def category_of(kind: str, category: str) -> str:
    return {"stored_value": "<stored_value>", "package": "<package>"}.get(kind, category)


def independent(connection: Connection, store_id: str, day: date) -> dict[str, object]:
    """From the server's tables and its two ledgers, not from the close's code."""
    params = {"store": store_id, "day": day}
    tickets, sales = connection.execute(
        select(func.count(), func.coalesce(func.sum(TICKET.c.total), 0)).where(
            TICKET.c.store_id == store_id, TICKET.c.business_day == day
        )
    ).one()
    net = connection.execute(
        select(func.coalesce(func.sum(LEDGER.c.amount), 0)).where(
            LEDGER.c.store_id == store_id, LEDGER.c.business_day == day
        )
    ).scalar_one()
    tender = Counter[str]()
    for kind, amount in connection.execute(
        select(TENDER.c.tender, TENDER.c.amount).where(
            TENDER.c.store_id == store_id, TENDER.c.business_day == day
        )
    ):
        tender[kind] += amount
    category = Counter[str]()
    for sign, sql in (
        (
            1,
            "JOIN ticket t ON t.id = l.ticket_id "
            "WHERE t.store_id = :store AND t.business_day = :day",
        ),
        (
            -1,
            "JOIN ticket t ON t.id = l.ticket_id "
            "WHERE t.store_id = :store AND t.void_business_day = :day",
        ),
    ):
        for kind, cat, amount in connection.execute(
            text(f"SELECT l.kind, l.category, l.net_total FROM ticket_line l {sql}"), params
        ):
            category[category_of(kind, cat)] += sign * amount
    for kind, cat, amount in connection.execute(
        text(
            "SELECT l.kind, l.category, rl.amount FROM refund_line rl "
            "JOIN ticket_line l ON l.id = rl.ticket_line_id JOIN refund r ON r.id = rl.refund_id "
            "WHERE r.store_id = :store AND r.business_day = :day"
        ),
        params,
    ):
        category[category_of(kind, cat)] -= amount
    return {
        "tickets": tickets,
        "sales": sales,
        "net": net,
        "by_tender": {k: v for k, v in tender.items() if v},
        "by_category": {k: v for k, v in category.items() if v},
    }


def test_a_month_at_the_server_adds_up_and_the_counter_agrees(
    counters: tuple[Backend, Backend],
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
    clock: FakeClock,
) -> None:
    a1, b1 = counters
    summary = load_demo_data(a1, customers=40, days=14, seed=3)
    synced(a1, b1)
    manager = take_back_some(a1, seed=7, voids=6, refunds=4, line=-1)

    live_server.stop()  # B1 sells today while offline
    staff = {member.name: member for member in b1.staff.list()}  # pulled from A1
    desk, tech = staff["周小敏"], staff["李娜"]
    facial = next(s for s in b1.catalog.services() if s.skill in tech.skills)
    late = [
        b1.checkout.complete_sale(
            SaleRequest(
                cashier_id=desk.id,
                lines=[SaleLine(LineKind.SERVICE, facial.id, technician_id=tech.id)],
                tenders=[Tender(TenderKind.CASH, facial.price)],
            )
        )
        for _ in range(2)
    ]
    live_server.start()
    today = a1.day_close.today()
    clock.advance(hours=10)
    synced(a1)
    a1.day_close.close(today, manager.id)
    synced(a1, b1, a1)

    days = [*summary.days, today]
    with server_engine.connect() as connection:
        for day in days:
            figures = server_day_figures(connection, store_id, day)
            got = {
                "tickets": figures.tickets,
                "sales": figures.sales,
                "net": figures.net,
                "by_tender": dict(figures.by_tender),
                "by_category": dict(figures.by_category),
            }
            assert got == independent(connection, store_id, day), day
            counter_side = a1.day_close.view(day).figures
            assert asdict(counter_side) == asdict(figures), day
    today_figures = a1.day_close.view(today).figures
    assert today_figures.tickets == len(late) and len(today_figures.void_list) == 6
    assert len(today_figures.refund_list) == 4
