"""What a busy salon's year holds besides plain sales, for the close, the reports and the
commission (year.py's `fill_year(..., life=True)`): stored value topped up and spent (principal
and bonus), package cards sold and their sessions used, points earned, lines asked for by name
(点钟) and shared by two technicians (多人合作), products beside services, completed bookings,
voids (1 %, later the same day, ledger entries reversed), partial refunds (1 %, one to three
days later), two drawer sessions a day with a pay-out, and every day closed but the last.

Rows shaped like those the services write (not through them: a year through checkout would
take many minutes), collected here and bulk-inserted by year.py. The earlier days' closes carry
empty figures: what is measured is reading a day, not the closes kept for earlier days.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, insert

from salon_pos.db.models import (
    BalanceEntry,
    Booking,
    DayClose,
    DrawerMovement,
    DrawerSession,
    PackageCard,
    Refund,
    RefundLine,
    RefundTender,
    TicketLineShare,
)
from salon_pos.domain.day_close import day_figures, figures_json
from salon_pos.domain.ids import new_id
from salon_pos.domain.ticket import LineKind, PricedLine

Row = dict[str, Any]
Sale = tuple[Row, list[Row], list[Row]]  # ticket, lines, payments (year.py's _sale)
TOP_UP = (100_000, 20_000)  # 充1000送200
CARD = ("面部护理10次卡", 10, 198_000)
FLOAT = 50_000
SHIFT_CHANGE = time(15, 30)
CLOSED_AT = time(22, 0)


@dataclass
class Life:
    rng: random.Random
    zone: ZoneInfo
    device: str
    desk: str
    manager: str
    techs: list[str]
    products: list[tuple[str, str, int, str]]  # id, name, price, category
    last_day: date
    tables: dict[Any, list[Row]] = field(default_factory=dict)
    cards: dict[str, list[str]] = field(default_factory=dict)  # customer → its cards
    holders: list[str] = field(default_factory=list)  # customers holding a card
    entries: dict[str, list[Row]] = field(default_factory=dict)  # ticket → its ledger entries
    cash: list[int] = field(default_factory=lambda: [0, 0])  # the day's cash per shift

    def customer_for(self, customer: str | None) -> str | None:
        """The sale's customer: now and then one holding a package card (to use a session)."""
        if customer and self.holders and self.rng.random() < 0.06:
            return self.rng.choice(self.holders)
        return customer

    def lines_for(self, lines: list[PricedLine], customer: str | None) -> list[PricedLine]:
        """A sale's lines: now and then a top-up or a package card instead, a product beside."""
        draw = self.rng.random()
        if customer and draw < 0.015:
            return [PricedLine(LineKind.STORED_VALUE, "top-up", "储值1000送200", 1, TOP_UP[0])]
        if customer and draw < 0.025:
            return [PricedLine(LineKind.PACKAGE, "plan-facial-10", CARD[0], 1, CARD[2])]
        if draw < 0.15 and self.products:
            pid, name, price, category = self.rng.choice(self.products)
            extra = PricedLine(LineKind.PRODUCT, pid, name, 1, price, category=category)
            return [*lines, extra]
        return lines

    def settle(self, sale: Sale, at: datetime, day: date, customer: str | None) -> None:
        """What came with the sale (ledgers, shares, a booking), then perhaps its void or a
        refund of its first line."""
        ticket, lines, payments = sale
        self._shares(lines)
        if customer:
            self._member(ticket, lines, payments, at, customer)
            self._booking(ticket, lines, at, customer)
        draw = self.rng.random()
        if draw < 0.01:
            self._void(ticket, payments, at, day)
        elif draw < 0.02 and payments[0]["kind"] not in ("stored_value", "package_session"):
            self._refund(ticket, lines, payments, at, day)
        if payments[0]["kind"] == "cash" and ticket["status"] != "voided":
            self.cash[at.astimezone(self.zone).time() >= SHIFT_CHANGE] += payments[0]["applied"]

    def end_day(self, day: date) -> None:
        """The day's two drawer sessions (the last day's second still open) and its close."""
        opened = self._local(day, time(9, 50))
        change = self._local(day, SHIFT_CHANGE)
        closed = self._local(day, time(21, 45))
        last = day == self.last_day
        first = self._drawer(day, opened, change, self.cash[0], 5_000)
        self._add(DrawerMovement, self._pay_out(first, day, self._local(day, time(12)), 5_000))
        self._drawer(day, change, None if last else closed, self.cash[1], 0)
        self.cash = [0, 0]
        if not last:
            figures = figures_json(day_figures(day, [], [], [], {}))
            self._add(DayClose, {
                "business_day": day, "id": self._id(), "closed_at": self._local(day, CLOSED_AT),
                "closed_by": self.manager, "device_id": self.device,
                "figures": json.dumps(figures, ensure_ascii=False), "note": "",
            })  # fmt: skip

    def insert(self, connection: Connection) -> dict[str, int]:
        """Writes what was collected; returns the rows per table."""
        for table, rows in self.tables.items():
            connection.execute(insert(table), rows)
        return {table.__tablename__: len(rows) for table, rows in self.tables.items()}

    # What came with a sale
    def _shares(self, lines: list[Row]) -> None:
        for line in lines:
            if line["kind"] == "service" and self.rng.random() < 0.04:
                second = self.rng.choice([t for t in self.techs if t != line["technician_id"]])
                for staff, share in ((line["technician_id"], 6_000), (second, 4_000)):
                    self._add(TicketLineShare, {
                        "ticket_line_id": line["id"], "staff_id": staff, "share": share,
                    })  # fmt: skip

    def _member(
        self, ticket: Row, lines: list[Row], payments: list[Row], at: datetime, customer: str
    ) -> None:
        kind = lines[0]["kind"]
        if kind == "stored_value":
            for account, amount in zip(("principal", "bonus"), TOP_UP, strict=True):
                self._entry(customer, account, amount, "top_up", ticket, at)
            return
        if kind == "package":
            card = self._id()
            if customer not in self.cards:
                self.holders.append(customer)
            self.cards.setdefault(customer, []).append(card)
            self._add(PackageCard, {
                "id": card, "customer_id": customer, "plan_id": "plan-facial-10",
                "name": CARD[0], "service_ids": [], "sessions": CARD[1], "price": CARD[2],
                "expires_on": None, "ticket_id": ticket["id"], "line_id": lines[0]["id"],
                "created_at": at,
            })  # fmt: skip
            self._entry(customer, "sessions", CARD[1], "card_sale", ticket, at, card, lines[0])
            return
        draw = self.rng.random()
        if draw < 0.5 and len(lines) == 1 and kind == "service" and customer in self.cards:
            self._pay(ticket, payments, "package_session")
            card = self.rng.choice(self.cards[customer])
            self._entry(customer, "sessions", -1, "spend", ticket, at, card, lines[0])
        elif draw < 0.7 if customer in self.cards else draw < 0.2:
            self._pay(ticket, payments, "stored_value")
            principal = ticket["total"] * 5 // 6
            self._entry(customer, "principal", -principal, "spend", ticket, at)
            self._entry(customer, "bonus", principal - ticket["total"], "spend", ticket, at)
        if payments[0]["kind"] != "package_session" and ticket["total"] >= 100:
            self._entry(customer, "points", ticket["total"] // 100, "earn", ticket, at)

    def _pay(self, ticket: Row, payments: list[Row], kind: str) -> None:
        payments[0].update(kind=kind, tendered=ticket["total"], applied=ticket["total"])
        ticket.update(tendered=ticket["total"], change=0)

    def _booking(self, ticket: Row, lines: list[Row], at: datetime, customer: str) -> None:
        service = lines[0]
        if service["kind"] != "service" or self.rng.random() >= 0.4:
            return
        start = at - timedelta(minutes=self.rng.choice((45, 60, 90)))
        self._add(Booking, {
            "id": self._id(), "customer_id": customer, "technician_id": service["technician_id"],
            "requested": service["requested"], "resource_id": None, "start_at": start,
            "end_at": at, "services": [{"id": service["item_id"], "name": service["name"]}],
            "note": "", "status": "completed", "source": "counter", "made_by": self.desk,
            "ticket_id": ticket["id"], "stamps": {}, "created_at": start, "updated_at": at,
        })  # fmt: skip

    # What happened to it later
    def _void(self, ticket: Row, payments: list[Row], at: datetime, day: date) -> None:
        voided_at = at + timedelta(minutes=self.rng.randrange(5, 30))
        ticket.update(
            status="voided", voided_at=voided_at, voided_by=self.manager,
            void_reason="顾客取消", void_business_day=day, void_device_id=self.device,
        )  # fmt: skip
        for entry in self.entries.get(ticket["id"], []):
            self._add(BalanceEntry, entry | {
                "id": self._id(), "amount": -entry["amount"], "reason": "reverse",
                "created_at": voided_at,
            })  # fmt: skip

    def _refund(
        self, ticket: Row, lines: list[Row], payments: list[Row], at: datetime, day: date
    ) -> None:
        later = day + timedelta(days=self.rng.randrange(1, 4))
        if later > self.last_day:
            return
        refunded_at = self._local(later, time(15, self.rng.randrange(60)))
        line, refund = lines[0], self._id()
        amount = line["net_total"]
        ticket["status"] = "refunded"
        self._add(Refund, {
            "id": refund, "ticket_id": ticket["id"], "refunded_at": refunded_at,
            "business_day": later, "cashier_id": self.desk, "approved_by": self.manager,
            "reason": "顾客不满意", "amount": amount, "device_id": self.device,
        })  # fmt: skip
        self._add(RefundLine, {
            "refund_id": refund, "ticket_line_id": line["id"], "quantity": line["quantity"],
            "amount": amount,
        })  # fmt: skip
        self._add(RefundTender, {
            "refund_id": refund, "position": 1, "kind": payments[0]["kind"], "amount": amount,
        })  # fmt: skip

    # Helpers
    def _drawer(
        self, day: date, opened: datetime, closed: datetime | None, cash: int, out: int
    ) -> Row:
        expected = FLOAT + cash - out
        counted = expected - self.rng.choice((0, 0, 0, 200))
        done = closed is not None
        row = {
            "id": self._id(), "device_id": self.device, "business_day": day,
            "opened_at": opened, "opened_by": self.desk, "opening_float": FLOAT,
            "closed_at": closed, "closed_by": self.desk if done else None,
            "counts": {"10000": counted // 10_000, "100": counted % 10_000 // 100}
            if done else None,
            "counted": counted if done else None, "expected": expected if done else None,
            "variance": counted - expected if done else None,
            "cash_sales": cash if done else None, "cash_back": 0 if done else None,
            "moved_in": 0 if done else None, "moved_out": out if done else None,
            "blind": False, "close_reason": "", "close_approved_by": None,
            "first_counted": None, "server_expected": None,
        }  # fmt: skip
        self._add(DrawerSession, row)
        return row

    def _pay_out(self, drawer: Row, day: date, at: datetime, amount: int) -> Row:
        return {
            "id": self._id(), "session_id": drawer["id"], "device_id": self.device,
            "business_day": day, "at": at, "kind": "pay_out", "amount": amount,
            "reason": "采购纸巾", "staff_id": self.desk, "approved_by": None, "customer_id": None,
        }  # fmt: skip

    def _entry(
        self, customer: str, account: str, amount: int, reason: str, ticket: Row,
        at: datetime, card: str | None = None, line: Row | None = None,
    ) -> None:  # fmt: skip
        entry = {
            "id": self._id(), "customer_id": customer, "account": account, "card_id": card,
            "amount": amount, "reason": reason, "ticket_id": ticket["id"],
            "line_id": line["id"] if line else None, "created_at": at, "device_id": None,
            "note": "",
        }  # fmt: skip
        self._add(BalanceEntry, entry)
        self.entries.setdefault(ticket["id"], []).append(entry)

    def _add(self, table: Any, row: Row) -> None:
        self.tables.setdefault(table, []).append(row)

    def _local(self, day: date, at: time) -> datetime:
        return datetime.combine(day, at, self.zone).astimezone(UTC)

    def _id(self) -> str:
        return new_id()
