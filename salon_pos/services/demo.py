"""A realistic demo salon: catalog, staff with known PINs, customers and a few weeks of tickets.

Safe to run twice: staff are matched by name, catalog items by (category, name) or SKU,
customers by phone, and tickets are only added to a database that has none.
Deterministic for a given seed.
"""

from __future__ import annotations

import json
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from salon_pos.db.models import Ticket
from salon_pos.domain.commission import (
    CommissionRule,
    CommissionRules,
    RateKind,
    commission_rules_text,
)
from salon_pos.domain.errors import DEFAULT_LANGUAGE, Both
from salon_pos.domain.ids import new_id
from salon_pos.domain.staff import Role
from salon_pos.domain.ticket import LineKind
from salon_pos.resources import resources_dir
from salon_pos.services.backend import Backend
from salon_pos.services.customers import (
    CustomerProfile,
    checked_profile,
    create_customers,
    customers_with_phones,
)
from salon_pos.services.demo_bookings import (
    ensure_demo_bookings,
    ensure_demo_rooms,
    ensure_demo_schedules,
)
from salon_pos.services.demo_sales import Counter, ShopClock, local_moment, ring_up_days
from salon_pos.services.demo_stock import finish_demo_stock, has_stock, receive_opening_stock
from salon_pos.services.demo_text import (
    DemoCatalog,
    DemoCustomers,
    DemoNoTickets,
    DemoPins,
    DemoStaffCount,
    DemoStore,
    DemoTickets,
)
from salon_pos.services.importing import BATCH_ROWS, import_catalog
from salon_pos.services.journal import Journal
from salon_pos.services.members import PackagePlanView
from salon_pos.services.staff import StaffMember, StaffService
from sync.messages import Message

DEMO_STORE = "丽人美业·演示店"
DEMO_COUNTER = "A1"
PHONE_PREFIXES = (
    *(f"13{d}" for d in range(10)),
    *("150", "151", "152", "153", "155", "156", "157", "158", "159"),
    *(f"18{d}" for d in range(10)),
    *("191", "193", "195", "196", "197", "198", "199"),
)
ROLE_LABELS = {
    Role.OWNER: Both("老板", "owner"),
    Role.MANAGER: Both("店长", "manager"),
    Role.FRONT_DESK: Both("前台", "front desk"),
    Role.TECHNICIAN: Both("技师", "technician"),
}


@dataclass(frozen=True)
class DemoStaff:
    name: str
    role: Role
    pin: str
    skills: tuple[str, ...] = ()
    discount_limit: int = 0  # fen


DEMO_STAFF = (
    DemoStaff("林丽华", Role.OWNER, "0000", discount_limit=100_000),
    DemoStaff("王静", Role.MANAGER, "8888", discount_limit=20_000),
    DemoStaff("周小敏", Role.FRONT_DESK, "1111", discount_limit=2_000),
    DemoStaff("陈佳怡", Role.FRONT_DESK, "1112", discount_limit=2_000),
    DemoStaff("李娜", Role.TECHNICIAN, "2221", ("facial", "body")),
    DemoStaff("张婷", Role.TECHNICIAN, "2222", ("facial", "lash", "nail")),
    DemoStaff("刘晓燕", Role.TECHNICIAN, "2223", ("nail", "lash")),
    DemoStaff("赵敏", Role.TECHNICIAN, "2224", ("hair", "body")),
)


def _pad(text: str, width: int) -> str:
    """Pad to `width` terminal columns; a Chinese character takes two."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - used, 1)


@dataclass(frozen=True)
class DemoSummary:
    store_name: str
    staff: tuple[DemoStaff, ...]
    staff_added: int
    services: int
    products: int
    catalog_added: int
    customers: int
    customers_added: int
    tickets_added: int
    voids: int
    refunds: int
    days: tuple[date, ...]
    catalog_problems: tuple[str, ...] = ()

    def describe(self, language: str = DEFAULT_LANGUAGE) -> str:
        """What was loaded, in one language, with the PINs to sign in with."""
        if self.tickets_added:
            span = f"{self.days[0]} – {self.days[-1]}"
            tickets: Message = DemoTickets(
                added=self.tickets_added, span=span, voids=self.voids, refunds=self.refunds
            )
        else:
            tickets = DemoNoTickets()
        catalog = DemoCatalog(
            services=self.services, products=self.products, added=self.catalog_added
        )
        lines = [
            DemoStore(store=self.store_name).text(language),
            catalog.text(language),
            *(f"  ! {problem}" for problem in self.catalog_problems),
            DemoStaffCount(count=len(self.staff), added=self.staff_added).text(language),
            DemoCustomers(count=self.customers, added=self.customers_added).text(language),
            tickets.text(language),
            DemoPins().text(language),
            *(
                f"  {_pad(ROLE_LABELS[s.role].text(language), 12)}{_pad(s.name, 8)}{s.pin}"
                for s in self.staff
            ),
        ]
        return "\n".join(lines)


def _ensure_staff(backend: Backend, clock: ShopClock) -> tuple[list[StaffMember], int]:
    """The demo staff, active ones only; those not yet on file are added first."""
    service = StaffService(backend.db, backend.settings, clock)
    known = {(s.name, s.role) for s in service.list(active_only=False)}
    missing = [s for s in DEMO_STAFF if (s.name, s.role) not in known]
    for s in missing:
        service.add(s.name, s.role.value, s.pin, s.skills, s.discount_limit)
    wanted = {(s.name, s.role) for s in DEMO_STAFF}
    return [s for s in service.list() if (s.name, s.role) in wanted], len(missing)


def _person(rng: random.Random, people: dict[str, Any], phone: str, today: date) -> CustomerProfile:
    female = rng.random() < 0.88
    surnames = people["surnames"]
    surname = rng.choices(list(surnames), weights=list(surnames.values()))[0]
    given = people["female" if female else "male"]
    name = surname + "".join(rng.choice(given) for _ in range(rng.choice((1, 2, 2))))
    birthday = None
    if rng.random() < 0.6:
        birthday = date(today.year - rng.randint(20, 55), rng.randint(1, 12), rng.randint(1, 28))
    notes = rng.choice(people["notes"]) if rng.random() < 0.3 else ""
    return CustomerProfile(new_id(), name, phone, "F" if female else "M", birthday, notes)


def demo_customers(rng: random.Random, count: int, today: date) -> list[CustomerProfile]:
    """`count` customers with realistic names and unique mobile numbers."""
    people = json.loads((resources_dir() / "demo" / "people.json").read_text(encoding="utf-8"))
    phones: set[str] = set()
    while len(phones) < count:
        phones.add(rng.choice(PHONE_PREFIXES) + f"{rng.randrange(10**8):08d}")
    return [_person(rng, people, phone, today) for phone in sorted(phones)]


def _ensure_customers(
    backend: Backend, profiles: Sequence[CustomerProfile], clock: ShopClock
) -> tuple[list[str], int]:
    """Ids of the demo customers; those whose phone is not on file yet are added, a batch of
    BATCH_ROWS per transaction as an import writes them."""
    journal = Journal(backend.settings.current.device_id)
    ids, added = [], 0
    for start in range(0, len(profiles), BATCH_ROWS):
        batch = profiles[start : start + BATCH_ROWS]
        with backend.db.write() as session:
            saved = customers_with_phones(session, [p.phone for p in batch])
            fresh = [checked_profile(p) for p in batch if p.phone not in saved]
            create_customers(session, journal, clock.now(), fresh, None)
        ids += [saved[p.phone].id if p.phone in saved else p.id for p in batch]
        added += len(fresh)
    return ids, added


def _counter(
    backend: Backend, staff: Sequence[StaffMember], customers: Sequence[str], rng: random.Random
) -> Counter:
    technicians: dict[str, list[str]] = {}
    for member in staff:
        if member.role is Role.TECHNICIAN:
            for skill in member.skills:
                technicians.setdefault(skill, []).append(member.id)
    desk = [s.id for s in staff if s.role in (Role.FRONT_DESK, Role.MANAGER)]
    return Counter(
        cashiers=desk or [s.id for s in staff],
        technicians=technicians,
        services=[s for s in backend.catalog.services() if s.skill in technicians],
        products=backend.catalog.products(),
        customers=customers,
        customer_cum_weights=list(accumulate(rng.choice((1, 1, 1, 2, 3, 6)) for _ in customers)),
        approver_pin=next(s.pin for s in DEMO_STAFF if s.role is Role.MANAGER),
        plans=backend.members.plans(),
    )


DEMO_TOP_UP_RULES = "50000:8000,100000:20000,200000:50000"  # 充500送80, 充1000送200, 充2000送500


def _ensure_members(backend: Backend) -> None:
    """Top-up bonus rules and a package card per service category (10 sessions, 8 for the price
    of 10 × the category's average), once."""
    if not backend.settings.current.top_up_rules:
        backend.settings.update(top_up_rules=DEMO_TOP_UP_RULES)
    if backend.members.plans(include_hidden=True):
        return
    by_category: dict[str, list[Any]] = {}
    for service in backend.catalog.services():
        by_category.setdefault(service.category, []).append(service)
    for category, services in list(by_category.items())[:3]:
        average = sum(s.price for s in services) // len(services)
        price = average * 8 // 1000 * 1000  # whole ¥10
        ids = tuple(s.id for s in services)
        plan = PackagePlanView(new_id(), f"{category}10次卡", ids, 10, price, 365)
        backend.members.save_plan(plan)


def _ensure_commission(backend: Backend) -> None:
    """Commission rules a salon might start with, once: services 10% (点钟 15%), nails a fixed
    ¥20 a service (¥30 点钟), products 5%, top-ups 2% and package cards 3% to the seller."""
    if backend.settings.current.commission_rules:
        return
    percent, fixed = RateKind.PERCENT, RateKind.FIXED
    rules = CommissionRules(
        (
            CommissionRule(LineKind.SERVICE, percent, 1_000, 1_500),
            CommissionRule(LineKind.SERVICE, fixed, 2_000, 3_000, category="美甲"),
            CommissionRule(LineKind.PRODUCT, percent, 500),
            CommissionRule(LineKind.STORED_VALUE, percent, 200),
            CommissionRule(LineKind.PACKAGE, percent, 300),
        )
    )
    backend.settings.update(commission_rules=commission_rules_text(rules))


def _ticket_count(backend: Backend) -> int:
    with backend.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Ticket)) or 0)


def load_demo_data(
    backend: Backend, customers: int = 200, days: int = 21, seed: int = 8
) -> DemoSummary:
    if not backend.settings.is_initialised():
        backend.settings.initialise(DEMO_STORE, DEMO_COUNTER)
    settings = backend.settings.current
    rng = random.Random(seed)
    today = backend.clock.now().astimezone(ZoneInfo(settings.time_zone)).date()
    past_days = tuple(today - timedelta(days=n) for n in range(max(days, 0), 0, -1))
    opening = ShopClock(
        local_moment(past_days[0] if past_days else today, 9 * 60, 0, ZoneInfo(settings.time_zone))
    )
    staff, staff_added = _ensure_staff(backend, opening)
    catalog = import_catalog(
        backend, resources_dir() / "demo" / "catalog.csv", at=opening.now(), keep_existing=True
    )
    profiles = demo_customers(rng, customers, today)
    customer_ids, customers_added = _ensure_customers(backend, profiles, opening)
    _ensure_members(backend)
    _ensure_commission(backend)
    counter = _counter(backend, staff, customer_ids, rng)
    manager = next((s.id for s in staff if s.role is Role.MANAGER), staff[0].id)
    stock_rng = random.Random(seed + 1)  # the tickets stay as they were before stock
    new_stock = not has_stock(backend)
    if new_stock:
        receive_opening_stock(backend, opening, manager, stock_rng, today)
    done = ring_up_days(backend, rng, counter, past_days if _ticket_count(backend) == 0 else ())
    if new_stock:
        finish_demo_stock(backend, manager, stock_rng, today)
    ensure_demo_schedules(backend, staff, today)
    ensure_demo_rooms(backend)
    ensure_demo_bookings(backend, customer_ids, rng, today)
    return DemoSummary(
        store_name=settings.store_name,
        staff=DEMO_STAFF,
        staff_added=staff_added,
        services=len(backend.catalog.services()),
        products=len(counter.products),
        catalog_added=catalog.created,
        customers=len(customer_ids),
        customers_added=customers_added,
        tickets_added=done.tickets,
        voids=done.voids,
        refunds=done.refunds,
        days=past_days,
        catalog_problems=tuple(error.describe() for error in catalog.errors),
    )
