"""A sale's provenance through the real server (SQLite and PostgreSQL): the counter it was sold
at, its lines' categories as sold, 点钟 and technicians' shares, and its discount's approver
reach the server and the other counter; a void the next day counts on the next day, leaving
the sale's own day as it was."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import Engine, func, select

from salon_pos.db.models import Ticket, TicketLine, TicketLineShare
from salon_pos.domain.shares import StaffShare
from salon_pos.services.backend import Backend
from sync.server import models
from tests.conftest import FakeClock, Team, three_line_sale
from tests.sync.client.conftest import sync_once
from tests.sync.client.feed import seed_store
from tests.sync.live_server import LiveServer

TICKET = models.table_of(models.Ticket)
LINE = models.table_of(models.TicketLine)
SHARE = models.table_of(models.TicketLineShare)
LEDGER = models.table_of(models.LedgerEntry)


def test_provenance_reaches_the_server_and_the_other_counter(
    counters: tuple[Backend, Backend],
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
    clock: FakeClock,
) -> None:
    a1, b1 = counters
    team, shelf = seed_store(a1)
    helper = a1.staff.add("王芳", "technician", "3333", skills=["nail"])
    request = three_line_sale(team, shelf)
    facial, manicure, serum = request.lines
    request = replace(
        request,
        lines=[
            replace(facial, requested=True),
            replace(manicure, shares=(StaffShare(team.tech.id, 7000), StaffShare(helper.id, 3000))),
            serum,
        ],
        ticket_discount=10000,
        approver_pin=Team.MANAGER_PIN,
    )
    sale = a1.checkout.complete_sale(request)
    for counter in (a1, b1):
        report = sync_once(counter)
        assert report.error is None and report.rejected == 0, report

    a1_device = a1.settings.current.device_id
    with server_engine.connect() as connection:
        row = connection.execute(select(TICKET).where(TICKET.c.id == sale.ticket_id)).one()
        assert (row.device_id, row.discount_approved_by) == (a1_device, team.manager.id)
        lines = connection.execute(
            select(LINE.c.category, LINE.c.requested)
            .where(LINE.c.ticket_id == sale.ticket_id)
            .order_by(LINE.c.position)
        ).all()
        assert [tuple(line) for line in lines] == [
            ("面部护理", True), ("美甲", False), ("护肤品", False)
        ]  # fmt: skip
        shares = connection.execute(select(SHARE.c.staff_id, SHARE.c.share)).all()
        assert sorted(map(tuple, shares)) == sorted([(team.tech.id, 7000), (helper.id, 3000)])
    with b1.db.read() as s:
        pulled = s.get(Ticket, sale.ticket_id)
        assert pulled is not None
        assert (pulled.device_id, pulled.discount_approved_by) == (a1_device, team.manager.id)
        categories = s.scalars(
            select(TicketLine.category)
            .where(TicketLine.ticket_id == sale.ticket_id)
            .order_by(TicketLine.position)
        ).all()
        assert categories == ["面部护理", "美甲", "护肤品"]
        assert s.scalar(select(func.sum(TicketLineShare.share))) == 10000

    clock.advance(days=1)  # the void happens on the next business day, at the other counter
    b1.checkout.void_sale(sale.ticket_id, Team.MANAGER_PIN, "顾客取消", team.desk.id)
    for counter in (b1, a1):
        report = sync_once(counter)
        assert report.error is None and report.rejected == 0, report
    with server_engine.connect() as connection:
        by_day = dict(
            connection.execute(
                select(LEDGER.c.business_day, func.sum(LEDGER.c.amount))
                .where(LEDGER.c.store_id == store_id)
                .group_by(LEDGER.c.business_day)
            ).all()
        )
    assert by_day == {date(2026, 11, 20): sale.total, date(2026, 11, 21): -sale.total}
    with a1.db.read() as s:
        voided = s.get(Ticket, sale.ticket_id)
        assert voided is not None and voided.status == "voided"
        assert voided.void_business_day == date(2026, 11, 21)
        assert voided.void_device_id == b1.settings.current.device_id
