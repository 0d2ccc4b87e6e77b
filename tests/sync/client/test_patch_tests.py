"""Patch tests between counters through the real server (SQLite and PostgreSQL): a service
marked as needing one is known everywhere; tests recorded at two counters offline both stand
and reach the other; a sale approved by a manager without a valid test keeps its approval."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import Engine, select

from salon_pos.db.models import ServiceItem
from salon_pos.domain.patch_tests import PatchTestStatus
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.patch_tests import PatchTestSubject
from sync.server import master_data, models
from tests.conftest import FakeClock, Team
from tests.sync.client.conftest import sync_once
from tests.sync.client.feed import seed_team
from tests.sync.live_server import LiveServer

LINE = models.table_of(models.TicketLine)
PATCH_TEST = models.table_of(models.PatchTest)


def test_tests_recorded_offline_at_two_counters_both_reach_both(
    counters: tuple[Backend, Backend],
    live_server: LiveServer,
    server_engine: Engine,
    store_id: str,
    clock: FakeClock,
) -> None:
    a1, b1 = counters
    team = seed_team(a1)
    dye = a1.catalog.add_service("染发", "植物染发", 38800, 120, needs_patch_test=True).id
    customer = a1.customers.add("张三", "13800138000")
    for counter in (a1, b1):
        assert sync_once(counter).error is None
    with b1.db.read() as session:
        assert session.get(ServiceItem, dye).needs_patch_test  # type: ignore[union-attr]

    live_server.stop()
    failed = a1.patch_tests.record(
        customer.id, "failed", date(2026, 11, 19), PatchTestSubject(service_id=dye)
    )
    verdict = a1.patch_tests.verdict(customer.id, dye)
    assert verdict.status is PatchTestStatus.FAILED
    waiver = a1.patch_tests.waive(customer.id, dye, verdict, Team.MANAGER_PIN, "医生证明", None)
    line = SaleLine(LineKind.SERVICE, dye, technician_id=team.tech.id, patch_test_waiver=waiver)
    sale = SaleRequest(team.desk.id, [line], [Tender(TenderKind.CASH, 38800)], customer.id)
    ticket = a1.checkout.complete_sale(sale)
    clock.advance(minutes=5)
    passed = b1.patch_tests.record(
        customer.id, "passed", date(2026, 11, 20), PatchTestSubject(category="染发")
    )

    live_server.start()
    for counter in (a1, b1, a1):
        report = sync_once(counter)
        assert report.error is None and report.rejected == 0, report
    for counter in (a1, b1):
        assert [t.id for t in counter.patch_tests.tests_of(customer.id)] == [passed.id, failed.id]
        assert counter.patch_tests.verdict(customer.id, dye).allows  # the newest decides
        view = counter.tickets.get(ticket.number)
        assert view.summary.total == 38800
    with server_engine.connect() as connection:
        tests = connection.execute(select(PATCH_TEST.c.id).where(PATCH_TEST.c.store_id == store_id))
        assert {row.id for row in tests} == {failed.id, passed.id}
        kept = connection.execute(
            select(LINE.c.patch_test_waiver).where(LINE.c.ticket_id == ticket.ticket_id)
        )
        assert json.loads(kept.scalar_one())["reason"] == "医生证明"

    # Unmarked in the web console (the server's edit): no counter asks any more.
    master_data.update_catalog_item(server_engine, store_id, dye, {"needs_patch_test": False})
    for counter in (a1, b1):
        assert sync_once(counter).error is None
        assert counter.patch_tests.verdict(None, dye).allows
