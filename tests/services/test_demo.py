"""The demo salon: a realistic shop, loaded once at full size and checked from every side."""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from salon_pos.db.audit import verify_chain
from salon_pos.db.models import (
    Customer,
    OutboxOperation,
    Payment,
    Refund,
    ServiceItem,
    Staff,
    Ticket,
    TicketLine,
)
from salon_pos.paths import Paths
from salon_pos.services.backend import Backend, open_backend
from salon_pos.services.demo import DEMO_STAFF, DEMO_STORE, PHONE_PREFIXES, load_demo_data
from tests.conftest import FakeClock

NOW = datetime(2026, 11, 20, 6, 30, tzinfo=UTC)  # 14:30 in Shanghai
SHANGHAI = ZoneInfo("Asia/Shanghai")
CATEGORY_SKILLS = {
    "面部护理": "facial",
    "身体护理": "body",
    "美甲": "nail",
    "美睫": "lash",
    "养发护发": "hair",
}


def fresh_backend(home: Path) -> Backend:
    return open_backend(Paths(home), FakeClock(NOW))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Backend, float, str]]:
    """A counter never set up before, filled at the default size; with the seconds it took."""
    backend = fresh_backend(tmp_path_factory.mktemp("demo"))
    started = time.perf_counter()
    summary = load_demo_data(backend)
    yield backend, time.perf_counter() - started, summary.describe()
    backend.close()


def test_it_sets_up_the_counter(demo: tuple[Backend, float, str]) -> None:
    # Its speed is a benchmark's business (tests/bench/import_customers.py), not a timed test's.
    backend = demo[0]
    assert backend.settings.current.store_name == DEMO_STORE
    assert backend.settings.current.counter_prefix == "A1"


def test_catalog_has_services_in_five_categories_and_products(
    demo: tuple[Backend, float, str],
) -> None:
    backend = demo[0]
    services = backend.catalog.services()
    assert 36 <= len(services) <= 44
    by_category = Counter(s.category for s in services)
    assert set(by_category) == set(CATEGORY_SKILLS) and min(by_category.values()) >= 5
    assert all(s.skill == CATEGORY_SKILLS[s.category] for s in services)
    assert all(6800 <= s.price <= 128000 and 15 <= s.duration_min <= 150 for s in services)
    products = backend.catalog.products()
    assert 26 <= len(products) <= 34
    assert len({p.sku for p in products}) == len(products)
    barcodes = [p.barcode or "" for p in products]
    assert len(set(barcodes)) == len(products)
    assert all(is_ean13(code) for code in barcodes)
    assert all(0 < p.cost < p.price for p in products)


def is_ean13(code: str) -> bool:
    if len(code) != 13 or not code.isdigit():
        return False
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(code[:12]))
    return (10 - total % 10) % 10 == int(code[12])


def test_staff_in_four_roles_with_the_printed_pins(demo: tuple[Backend, float, str]) -> None:
    backend, _, described = demo
    staff = backend.staff.list()
    assert Counter(s.role.value for s in staff) == {
        "owner": 1,
        "manager": 1,
        "front_desk": 2,
        "technician": 4,
    }
    assert all(s.skills for s in staff if s.role.value == "technician")
    by_name = {s.name: s for s in staff}
    for planned in (DEMO_STAFF[0], DEMO_STAFF[1], DEMO_STAFF[-1]):  # argon2: a few suffice
        member = by_name[planned.name]
        assert backend.sign_in.sign_in(member.id, planned.pin) == member  # the PIN printed works
        assert planned.pin in described and planned.name in described


def test_customers_have_chinese_names_and_unique_mobiles(
    demo: tuple[Backend, float, str],
) -> None:
    with demo[0].db.read() as session:
        customers = list(session.scalars(select(Customer)))
    assert len(customers) == 200
    phones = [c.phone for c in customers]
    assert len(set(phones)) == 200
    assert all(len(p) == 11 and p[:3] in PHONE_PREFIXES for p in phones)
    assert all(2 <= len(c.name) <= 4 and not c.name.isascii() for c in customers)
    assert {c.gender for c in customers} == {"F", "M"}
    assert 60 < sum(c.birthday is not None for c in customers) < 180
    assert 20 < sum(bool(c.notes) for c in customers) < 120
    assert all(c.birthday is None or c.birthday < NOW.date() for c in customers)


def test_tickets_every_past_day_in_shop_hours(demo: tuple[Backend, float, str]) -> None:
    with demo[0].db.read() as session:
        tickets = list(session.scalars(select(Ticket)))
    per_day = Counter(t.business_day for t in tickets)
    assert len(per_day) == 21
    assert max(per_day) < NOW.astimezone(SHANGHAI).date()
    assert all(8 <= n <= 20 for n in per_day.values())
    local_hours = {t.created_at.astimezone(SHANGHAI).hour for t in tickets}
    assert min(local_hours) >= 10 and max(local_hours) <= 20
    with_customer = sum(t.customer_id is not None for t in tickets)
    assert 0.6 * len(tickets) < with_customer < len(tickets)  # mostly members, some walk-ins
    assert sum(t.ticket_discount > 0 for t in tickets) >= 3
    assert sum(t.change > 0 for t in tickets) >= 10
    assert Counter(t.status for t in tickets)["voided"] == 2


def test_each_ticket_has_exactly_one_sale_completed_operation(
    demo: tuple[Backend, float, str],
) -> None:
    with demo[0].db.read() as session:
        ticket_ids = set(session.scalars(select(Ticket.id)))
        payloads = session.scalars(
            select(OutboxOperation.payload).where(OutboxOperation.type == "sale.completed")
        )
        sold = Counter(json.loads(payload)["id"] for payload in payloads)
        refunds = session.scalar(select(func.count()).select_from(Refund))
        assert verify_chain(session) is None
    assert sold == Counter(ticket_ids)
    assert refunds == 2


def test_lines_tenders_and_discounts_are_mixed(demo: tuple[Backend, float, str]) -> None:
    with demo[0].db.read() as session:
        lines_per_ticket = Counter(session.scalars(select(TicketLine.ticket_id)))
        kinds = Counter(session.scalars(select(Payment.kind)))
        split = session.scalar(
            select(func.count()).select_from(
                select(Payment.ticket_id)
                .group_by(Payment.ticket_id)
                .having(func.count() > 1)
                .subquery()
            )
        )
        line_discounts = session.scalar(
            select(func.count()).select_from(TicketLine).where(TicketLine.line_discount > 0)
        )
        products = session.scalar(
            select(func.count()).select_from(TicketLine).where(TicketLine.kind == "product")
        )
    assert set(lines_per_ticket.values()) == {1, 2, 3, 4}
    assert {"cash", "wechat", "alipay", "bank_card"} <= set(kinds)
    assert split and line_discounts and products


def test_every_service_line_goes_to_a_technician_with_its_skill(
    demo: tuple[Backend, float, str],
) -> None:
    with demo[0].db.read() as session:
        rows = session.execute(
            select(ServiceItem.skill, Staff.skills, Staff.role)
            .join(TicketLine, TicketLine.item_id == ServiceItem.id)
            .join(Staff, Staff.id == TicketLine.technician_id, isouter=True)
            .where(TicketLine.kind == "service")
        ).all()
    assert len(rows) > 100
    assert all(role == "technician" and skill in skills for skill, skills, role in rows)


def test_running_it_again_duplicates_nothing(demo: tuple[Backend, float, str]) -> None:
    backend = demo[0]

    def counts() -> tuple[int, ...]:
        with backend.db.read() as session:
            return tuple(
                int(session.scalar(select(func.count()).select_from(model)) or 0)
                for model in (Staff, ServiceItem, Customer, Ticket, OutboxOperation)
            )

    before = counts()
    again = load_demo_data(backend)
    assert counts() == before
    assert (again.staff_added, again.catalog_added, again.customers_added) == (0, 0, 0)
    assert again.tickets_added == 0 and again.customers == 200


def test_same_seed_same_salon(tmp_path: Path) -> None:
    shops = [fresh_backend(tmp_path / name) for name in ("one", "two")]
    try:
        for shop in shops:
            shop.settings.initialise("同一家店", "B2")
            load_demo_data(shop, customers=30, days=2, seed=3)
        views = []
        for shop in shops:
            with shop.db.read() as session:
                names = list(session.scalars(select(Customer.name).order_by(Customer.phone)))
                totals = list(session.scalars(select(Ticket.total).order_by(Ticket.number)))
            views.append((names, totals))
        assert views[0] == views[1] and len(views[0][0]) == 30 and views[0][1]
        assert shops[0].settings.current.store_name == "同一家店"  # set up already: kept
    finally:
        for shop in shops:
            shop.close()
