"""The owner's sales figures (sync/server/sales_report.py), on SQLite and PostgreSQL: per store
and per day from the sales ledger, the tender mix from the tender ledger, voids and refunds
taken off where they happen; and the migration that fills the tender ledger from what a server
recorded before it existed."""

from __future__ import annotations

from datetime import date

from alembic import command
from sqlalchemy import text

from sync.operations.sales import SALE_COMPLETED, SALE_REFUNDED, SALE_VOIDED
from sync.server import admin
from sync.server.migrate import alembic_config
from sync.server.sales_report import sales_overview, store_tickets
from tests.sync.server import builders
from tests.sync.server.conftest import Device, Server

DAY = date(2026, 11, 20)


def _day_of_sales(server: Server, device: Device) -> list[dict]:  # type: ignore[type-arg]
    """Three sales (¥494 each: ¥247 WeChat + ¥247 cash); the first voided, ¥50 of the second
    refunded in cash."""
    sales = [builders.sale() for _ in range(3)]
    ops = [device.op(SALE_COMPLETED, s) for s in sales]
    ops.append(device.op(SALE_VOIDED, builders.void(sales[0])))
    ops.append(device.op(SALE_REFUNDED, builders.refund(sales[1], 5000)))
    answer = server.push(device, ops)
    assert [r["status"] for r in answer["results"]] == ["applied"] * 5
    return sales


def test_a_days_figures_add_up_by_store_by_day_and_by_tender(
    server: Server, device: Device
) -> None:
    _day_of_sales(server, device)
    admin.create_owner(server.engine, "other@example.com", "another long password")
    elsewhere = admin.create_store(server.engine, "other@example.com", "别家店")
    other = server.enroll(elsewhere)  # another owner's store: never in these figures
    server.push(other, [other.op(SALE_COMPLETED, builders.sale())])
    with server.engine.connect() as connection:
        overview = sales_overview(connection, [server.store_id], DAY, DAY)
        tickets = store_tickets(connection, server.store_id, DAY)
    (store,) = overview.stores
    assert (store.tickets, store.gross, store.voids, store.voided) == (3, 3 * 49400, 1, 49400)
    assert store.refunded == 5000 and store.net == 2 * 49400 - 5000
    assert store.average_ticket == round((2 * 49400 - 5000) / 2)
    assert overview.days == [(DAY, 2 * 49400 - 5000)]
    assert overview.tenders == {"wechat": 2 * 24700, "cash": 2 * 24700 - 5000}
    assert sum(overview.tenders.values()) == overview.net
    assert [t.status for t in tickets].count("voided") == 1 and len(tickets) == 3
    assert _sums(server, "sales_day WHERE tender = ''") == _sums(server, "ledger_entry")
    assert _sums(server, "sales_day WHERE tender <> ''") == _sums(server, "tender_entry")


def _sums(server: Server, source: str) -> dict[str, int]:
    """Fen per kind in a ledger, or in sales_day's sums of it: they must agree."""
    with server.engine.connect() as connection:
        rows = connection.execute(text(f"SELECT kind, amount FROM {source}")).all()
    sums: dict[str, int] = {}
    for kind, amount in rows:
        sums[kind] = sums.get(kind, 0) + int(amount)
    return sums


def test_a_period_without_sales_reads_zero(server: Server) -> None:
    with server.engine.connect() as connection:
        overview = sales_overview(connection, [server.store_id], DAY, DAY)
        assert sales_overview(connection, [], DAY, DAY).stores == []
    assert overview.net == 0 and overview.days == [] and overview.tenders == {}
    assert overview.stores[0].average_ticket == 0


def test_the_migration_fills_the_tender_ledger_from_what_was_recorded(
    server: Server, device: Device
) -> None:
    _day_of_sales(server, device)
    with server.engine.begin() as connection:  # a server as it was before the tender ledger
        command.downgrade(alembic_config(connection), "0002_identity")
        assert connection.execute(text("SELECT count(*) FROM payment")).scalar() == 6
    with server.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    with server.engine.connect() as connection:
        overview = sales_overview(connection, [server.store_id], DAY, DAY)
    assert overview.tenders == {"wechat": 2 * 24700, "cash": 2 * 24700 - 5000}
