"""The issue's offline overdraft, end to end (issue 10): a real server process (SQLite and
PostgreSQL) and two real counters. A customer's card holds ¥300; both counters go offline and
each spends the last ¥300 of it (each knew ¥300, so each lets it). After sync the server holds
both sales, and exactly one overdraft conflict of ¥300 is in both counters' inboxes; a manager
writes it off on one counter with a note, and that reaches the other counter and the server.
The owner sees the overdraft in the web console, and its liability page agrees afterwards.
The three agree on the balances to the fen, and each balance is the sum of its entries."""

from __future__ import annotations

import html
from typing import Any

import requests
from sqlalchemy import Engine, func, select

from salon_pos.db.models import BalanceEntry, SyncConflict
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.member_ledger import MemberBalances, read_balances
from sync.operations.members import CONFLICT_OVERDRAFT
from sync.protocol import CONFLICT_OPEN, CONFLICT_RESOLVED_STATUS, RESOLUTION_WRITE_OFF
from sync.server import models
from tests.conftest import Shelf, Team
from tests.sync.client.conftest import sync_once
from tests.sync.client.feed import seed_store
from tests.sync.live_server import LiveServer
from tests.sync.web.conftest import CSRF
from tests.sync.web.test_console_members import figures

S_BALANCE = models.table_of(models.BalanceEntry)
S_TICKET = models.table_of(models.Ticket)
S_CONFLICT = models.table_of(models.Conflict)
NOTE = "老顾客，两台同时离线，店里承担"
OWNER, OWNER_PASSWORD = "owner@example.com", "correct horse battery"  # tests/sync/conftest.py


def _synced(*counters: Backend) -> None:
    for counter in counters:
        report = sync_once(counter)
        assert report.error is None and report.pending == 0, report


def _balances(counter: Backend, customer_id: str) -> MemberBalances:
    with counter.db.write_connection() as connection:
        return read_balances(connection, customer_id)


def _entries(counter: Backend) -> dict[str, int]:
    with counter.db.read() as session:
        return dict(session.execute(select(BalanceEntry.id, BalanceEntry.amount)).all())


def _server_entries(engine: Engine, store_id: str) -> dict[str, int]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(S_BALANCE.c.id, S_BALANCE.c.amount).where(S_BALANCE.c.store_id == store_id)
        )
        return dict(rows.all())


def _server_balance(engine: Engine, customer_id: str, account: str) -> int:
    with engine.connect() as connection:
        total = connection.scalar(
            select(func.coalesce(func.sum(S_BALANCE.c.amount), 0)).where(
                S_BALANCE.c.customer_id == customer_id, S_BALANCE.c.account == account
            )
        )
    return int(total or 0)


def _console(server: LiveServer) -> requests.Session:
    """The store's owner signed in to the web console of the live server."""
    browser = requests.Session()
    page = browser.get(f"{server.url}/console/login", timeout=10)
    token = CSRF.search(page.text)
    assert token, page.text
    signed_in = browser.post(
        f"{server.url}/console/login",
        data={"email": OWNER, "password": OWNER_PASSWORD, "csrf_token": token.group(1)},
        allow_redirects=False,
        timeout=10,
    )
    assert signed_in.status_code == 303, signed_in.text
    return browser


def _overdrafts(counter: Backend, open_only: bool) -> list[Any]:
    return [c for c in counter.sync.conflicts(open_only) if c.type == CONFLICT_OVERDRAFT]


def _spend_the_last_300(counter: Backend, team: Team, shelf: Shelf, customer_id: str) -> str:
    """A facial and a manicure (¥366): ¥300 from the card, the rest in cash."""
    sale = SaleRequest(
        team.desk.id,
        [
            SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id),
            SaleLine(LineKind.SERVICE, shelf.manicure, technician_id=team.tech.id),
        ],
        [Tender(TenderKind.STORED_VALUE, 30000), Tender(TenderKind.CASH, 6600)],
        customer_id,
    )
    return counter.checkout.complete_sale(sale).ticket_id


def test_two_counters_offline_spend_the_last_300_and_one_write_off_settles_it(
    counters: tuple[Backend, Backend],
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
) -> None:
    a1, b1 = counters
    team, shelf = seed_store(a1)
    customer = a1.customers.add("陈会员", "13900139000").id
    a1.checkout.complete_sale(
        SaleRequest(
            team.desk.id,
            [SaleLine(LineKind.STORED_VALUE, customer, unit_price=30000)],
            [Tender(TenderKind.CASH, 30000)],
            customer,
        )
    )
    _synced(a1, b1)
    assert _balances(b1, customer).principal == 30000  # b1 knows the card holds ¥300

    live_server.stop()  # both counters are offline from here
    tickets = [_spend_the_last_300(c, team, shelf, customer) for c in (a1, b1)]
    for counter in (a1, b1):
        assert _balances(counter, customer).principal == 0  # what each one knows
        assert not sync_once(counter).online
    live_server.start()
    _synced(a1, b1, a1)

    with server_engine.connect() as connection:
        held = set(connection.scalars(select(S_TICKET.c.id).where(S_TICKET.c.store_id == store_id)))
        conflicts = connection.execute(
            select(S_CONFLICT.c.id, S_CONFLICT.c.type, S_CONFLICT.c.status).where(
                S_CONFLICT.c.store_id == store_id
            )
        ).all()
    assert set(tickets) <= held  # both sales stand
    assert [(c.type, c.status) for c in conflicts] == [(CONFLICT_OVERDRAFT, CONFLICT_OPEN)]
    assert _server_balance(server_engine, customer, "principal") == -30000
    for counter in (a1, b1):
        inbox = _overdrafts(counter, open_only=True)
        assert [c.id for c in inbox] == [conflicts[0].id], counter.settings.current.device_id
        details = inbox[0].details
        assert (details["account"], details["shortfall"]) == ("principal", 30000)
        assert sorted(details["ticket_ids"]) == sorted(tickets)
        assert _balances(counter, customer).principal == -30000  # the other's spend pulled

    console = _console(live_server)  # the owner sees the same overdraft in the web console
    listed = console.get(f"{live_server.url}/console/stores/{store_id}/conflicts?type=overdraft")
    assert f'data-conflict="{conflicts[0].id}"' in listed.text
    assert "透支了 ¥300.00" in html.unescape(listed.text)
    owed = figures(console.get(f"{live_server.url}/console/stores/{store_id}/members").text)
    assert (owed["principal-owed"], owed["overdraft-count"]) == ("¥300.00", "1 笔")

    b1.sync.resolve(conflicts[0].id, RESOLUTION_WRITE_OFF, team.manager.id, note=NOTE)
    _synced(b1, a1, b1)

    with server_engine.connect() as connection:
        status, resolution = connection.execute(
            select(S_CONFLICT.c.status, S_CONFLICT.c.resolution).where(
                S_CONFLICT.c.id == conflicts[0].id
            )
        ).one()
    assert (status, resolution) == (CONFLICT_RESOLVED_STATUS, RESOLUTION_WRITE_OFF)
    server = _server_entries(server_engine, store_id)
    for counter in (a1, b1):
        assert _overdrafts(counter, open_only=True) == []
        closed = _overdrafts(counter, open_only=False)
        assert [(c.status, c.details.get("resolution_note")) for c in closed] == [
            (CONFLICT_RESOLVED_STATUS, NOTE)
        ]
        assert _entries(counter) == server  # same entries, same ids, same amounts
        held_here = _balances(counter, customer)
        assert (held_here.principal, held_here.bonus) == (0, 0)
        with counter.db.read() as session:
            write_offs = session.execute(
                select(BalanceEntry.amount, BalanceEntry.note).where(
                    BalanceEntry.reason == "write_off"
                )
            ).all()
        assert [tuple(w) for w in write_offs] == [(30000, NOTE)]
    assert _server_balance(server_engine, customer, "principal") == 0
    assert _server_balance(server_engine, customer, "points") == _balances(a1, customer).points
    liability = figures(console.get(f"{live_server.url}/console/stores/{store_id}/members").text)
    assert "principal-owed" not in liability and liability["overdraft-count"] == "0 笔"
    assert (liability["principal"], liability["bonus"]) == ("¥0.00", "¥0.00")
    points = _server_balance(server_engine, customer, "points")
    assert liability["points"] == f"{points:,}"
    with a1.db.read() as session:
        assert session.scalar(select(func.count()).select_from(SyncConflict)) == 1
