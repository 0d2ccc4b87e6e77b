"""The console's commission equals the counter's statement (SQLite and PostgreSQL): A1's demo
fortnight (members, stored value, package cards, 点钟, shared lines; the demo's commission
rules, which reach the server as a store-wide setting), voids and refunds of earlier tickets,
and B1's sales of today; once both have synced, every technician's lines, base, earned, taken
back and net at the server — and on the console's page — are the counter's to the fen."""

from __future__ import annotations

import re
from datetime import date

import requests
from sqlalchemy import Engine

from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.demo import load_demo_data
from sync.server.commission_facts import store_commission
from tests.conftest import FakeClock
from tests.sync.client.conftest import synced, take_back_some
from tests.sync.live_server import LiveServer
from tests.sync.web.conftest import CSRF

OWNER, PASSWORD = "owner@example.com", "correct horse battery"


def _taken_back_and_sold_elsewhere(a1: Backend, b1: Backend) -> None:
    take_back_some(a1, seed=11, voids=5, refunds=4, line=0)
    staff = {member.name: member for member in b1.staff.list()}
    desk, tech = staff["周小敏"], staff["李娜"]
    facial = next(s for s in b1.catalog.services() if s.skill in tech.skills)
    for _ in range(2):
        b1.checkout.complete_sale(
            SaleRequest(
                cashier_id=desk.id,
                lines=[SaleLine(LineKind.SERVICE, facial.id, technician_id=tech.id)],
                tenders=[Tender(TenderKind.CASH, facial.price)],
            )
        )


def _console_totals(live_server: LiveServer, store_id: str, month: str) -> dict[str, str]:
    """Staff id → the net commission the console's page shows for the month."""
    browser = requests.Session()
    login = browser.get(f"{live_server.url}/console/login", timeout=10)
    token = CSRF.search(login.text)
    assert token
    signed = browser.post(
        f"{live_server.url}/console/login",
        data={"email": OWNER, "password": PASSWORD, "csrf_token": token.group(1)},
        timeout=10,
    )
    assert signed.status_code == 200 and "/console/login" not in signed.url
    page = browser.get(
        f"{live_server.url}/console/stores/{store_id}/commission", params={"month": month},
        timeout=30,
    )  # fmt: skip
    assert page.status_code == 200
    rows = re.findall(
        r'<tr data-staff="([^"]+)">.*?data-testid="total"><strong>([^<]+)</strong>', page.text, re.S
    )
    return dict(rows)


def _yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    return f"{sign}¥{abs(fen) // 100:,}.{abs(fen) % 100:02d}"


def test_the_consoles_commission_is_the_counters_statement(
    counters: tuple[Backend, Backend],
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
    clock: FakeClock,
) -> None:
    a1, b1 = counters
    summary = load_demo_data(a1, customers=40, days=14, seed=3)
    synced(a1, b1)
    _taken_back_and_sold_elsewhere(a1, b1)
    synced(a1, b1, a1)
    today = a1.commission.business_today()
    first = min(summary.days)
    months = {(d.year, d.month) for d in [*summary.days, today]}
    periods = [(first, today)] + [
        (date(y, m, 1), max(d for d in [*summary.days, today] if (d.year, d.month) == (y, m)))
        for y, m in sorted(months)
    ]
    for start, end in periods:
        statement = a1.commission.statement(start, end)
        with server_engine.connect() as connection:
            server = store_commission(connection, store_id, start, end)
        assert statement.rules == server.rules and statement.rules.rules  # the demo's rules
        counter_side = {
            t.staff_id: (t.sold, t.net, t.base, t.earned, t.taken_back, t.total)
            for t in statement.technicians
        }
        server_side = {
            t.staff_id: (t.lines, t.net, t.base, t.earned, t.taken_back, t.total)
            for t in server.technicians
        }
        assert server_side == counter_side, (start, end)
        assert server.total == statement.total and statement.total > 0
        with server_engine.connect() as connection:
            for technician in server.technicians:  # one technician's page works out theirs
                alone = store_commission(connection, store_id, start, end, technician.staff_id)
                assert alone.technicians == (technician,)
        for ours, theirs in zip(
            sorted(server.technicians, key=lambda t: t.staff_id),
            sorted(statement.technicians, key=lambda t: t.staff_id),
            strict=True,
        ):
            at_server = [
                (m.day, server.numbers[m.line.ticket_id], m.line.name, m.cause, m.share, m.net,
                 m.base, m.commission)
                for m in ours.moves
            ]  # fmt: skip
            at_counter = [
                (x.day, x.ticket, x.item, x.cause, x.share, x.net, x.base, x.commission)
                for x in theirs.lines
            ]
            assert sorted(at_server) == sorted(at_counter)
    taken = a1.commission.statement(first, today)
    assert any(t.taken_back for t in taken.technicians)  # the voids and refunds took some back
    month = f"{today.year}-{today.month:02d}"
    shown = _console_totals(live_server, store_id, month)
    statement = a1.commission.statement(today.replace(day=1), today)
    assert shown and shown == {t.staff_id: _yuan(t.total) for t in statement.technicians}
