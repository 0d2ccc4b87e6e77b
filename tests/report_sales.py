"""A generated fortnight of sales for the report tests, rung up through CheckoutService on a
fake clock: two technicians (some lines shared, some asked for by name), services and a product,
members paying from stored value, top-ups,
ticket discounts, a sale after midnight (before the 04:00 cut-over), voids and refunds on the
day of the sale and on later days, and completed bookings."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import insert

from salon_pos.db.models import Booking
from salon_pos.domain.ids import new_id
from salon_pos.domain.shares import StaffShare
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from tests.conftest import FakeClock, Shelf, Team

SHANGHAI = ZoneInfo("Asia/Shanghai")
FIRST_DAY = date(2026, 11, 2)  # a Monday
DAYS = 14
PIN = Team.MANAGER_PIN


def at_local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), SHANGHAI).astimezone(UTC)


@dataclass
class Floor:
    backend: Backend
    team: Team
    shelf: Shelf
    second_tech: str
    customers: list[str]
    tickets: list[str]


def _lines(rng: random.Random, floor: Floor) -> list[SaleLine]:
    lines = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        roll = rng.random()
        if roll < 0.45:
            tech, other = rng.sample((floor.team.tech.id, floor.second_tech), 2)
            shares = (StaffShare(tech, 6_667), StaffShare(other, 3_333))  # 多人合作, uneven
            lines.append(
                SaleLine(
                    LineKind.SERVICE, floor.shelf.facial, technician_id=tech,
                    requested=rng.random() < 0.3, shares=shares if rng.random() < 0.4 else (),
                )
            )  # fmt: skip
        elif roll < 0.75:
            lines.append(
                SaleLine(LineKind.SERVICE, floor.shelf.manicure, technician_id=floor.team.tech.id)
            )
        else:
            lines.append(SaleLine(LineKind.PRODUCT, floor.shelf.serum, rng.choice((1, 2))))
    return lines


def _sale(rng: random.Random, floor: Floor) -> SaleRequest:
    backend = floor.backend
    customer = rng.choice([*floor.customers, None])
    if customer and rng.random() < 0.15:  # a top-up, alone on its ticket
        paid = rng.choice((50_000, 100_000))
        return SaleRequest(
            floor.team.desk.id,
            [SaleLine(LineKind.STORED_VALUE, customer, unit_price=paid)],
            [Tender(TenderKind.WECHAT, paid)],
            customer_id=customer,
        )
    lines = _lines(rng, floor)
    prices = {floor.shelf.facial: 19800, floor.shelf.manicure: 16800, floor.shelf.serum: 12800}
    subtotal = sum(prices[line.item_id] * line.quantity for line in lines)
    discount = 1_050 if rng.random() < 0.25 else 0  # shares out to the lines unevenly
    total = subtotal - discount
    tenders = [Tender(TenderKind.CASH, total)]
    if customer and backend.members.balances(customer).stored_value.total >= total:
        tenders = [Tender(TenderKind.STORED_VALUE, total)]
    return SaleRequest(
        floor.team.desk.id, lines, tenders, customer_id=customer, ticket_discount=discount,
        approver_pin=PIN if discount else None,
    )  # fmt: skip


def ring_up_fortnight(
    backend: Backend, clock: FakeClock, team: Team, shelf: Shelf, seed: int = 12
) -> Floor:
    rng = random.Random(seed)
    second = backend.staff.add("赵敏", "technician", "3333", skills=["facial"]).id
    customers = [backend.customers.add(f"顾客{i}", f"1380013800{i}").id for i in range(6)]
    floor = Floor(backend, team, shelf, second, customers, [])
    checkout = backend.checkout
    for offset in range(DAYS):
        day = FIRST_DAY + timedelta(days=offset)
        for n in range(rng.randint(3, 6)):
            clock.current = at_local(day, 10 + n, rng.randrange(60))
            floor.tickets.append(checkout.complete_sale(_sale(rng, floor)).ticket_id)
        if offset == 3:  # 01:30 the next morning: still this business day (cut-over 04:00)
            clock.current = at_local(day + timedelta(days=1), 1, 30)
            floor.tickets.append(checkout.complete_sale(_sale(rng, floor)).ticket_id)
        _take_back(floor, clock, offset, day)
    _bookings(floor)
    return floor


def _take_back(floor: Floor, clock: FakeClock, offset: int, day: date) -> None:
    """Voids and refunds: of today's last sale, and of sales made days before."""
    checkout, tickets, desk = floor.backend.checkout, floor.tickets, floor.team.desk.id
    clock.current = at_local(day, 20, 30)
    if offset in (2, 9):  # today's last sale, voided on the spot
        checkout.void_sale(tickets[-1], PIN, "录错", desk)
    if offset in (5, 12):  # a sale of three days ago (or more), voided today
        standing = [t for t in tickets[:-8] if _standing(floor, t)]
        checkout.void_sale(standing[-1], PIN, "顾客取消", desk)
    if offset in (6, 10, 13):  # one unit of an older sale's last line refunded today
        standing = [t for t in tickets[:-5] if _standing(floor, t)]
        view = floor.backend.tickets.get(standing[-1])
        line = view.lines[-1]
        checkout.refund_lines(standing[-1], {line.id: 1}, PIN, "退一件", desk)


def _standing(floor: Floor, ticket_id: str) -> bool:
    """Completed, nothing refunded yet, no top-up on it (one spent since could not go back)."""
    view = floor.backend.tickets.get(ticket_id)
    top_up = any(line.kind is LineKind.STORED_VALUE for line in view.lines)
    return view.summary.status.value == "completed" and not view.summary.refunded and not top_up


def _bookings(floor: Floor) -> None:
    """Completed bookings (and one cancelled) for the average service time."""
    rows = []
    for i, (tech, minutes, status) in enumerate(
        [
            (floor.team.tech.id, 60, "completed"),
            (floor.team.tech.id, 95, "completed"),
            (floor.second_tech, 50, "completed"),
            (floor.second_tech, 200, "cancelled"),
        ]
    ):
        start = at_local(FIRST_DAY + timedelta(days=i), 15)
        rows.append(
            {
                "id": new_id(), "customer_id": floor.customers[i], "technician_id": tech,
                "start_at": start, "end_at": start + timedelta(minutes=minutes),
                "services": [], "status": status, "created_at": start, "updated_at": start,
            }
        )  # fmt: skip
    with floor.backend.db.write() as session:
        session.execute(insert(Booking), rows)
