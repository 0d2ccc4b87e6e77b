"""A busy salon's year in a real migrated store, fast: bulk INSERTs of rows shaped like those
checkout writes (ticket, lines, payments, outbox operation, audit entry), priced by the domain's
price_ticket, plus sign-ins in the audit log and customers with their search keys.

Used by the benchmarks (tickets_screen.py) and importable by tests at a small size.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select, update

sys.path.insert(0, str(Path(__file__).parent))
from customer_search import fill as fill_customers
from year_life import Life

from salon_pos.db.models import (
    AuditEntry,
    OutboxOperation,
    Payment,
    SequenceCounter,
    Staff,
    Ticket,
    TicketLine,
)
from salon_pos.domain.business_day import business_day
from salon_pos.domain.ticket import LineKind, PricedLine, price_ticket
from salon_pos.services.backend import Backend
from sync.operations import OPERATIONS
from sync.operations.customers import CUSTOMER_CREATED
from sync.operations.sales import SALE_COMPLETED
from sync.protocol import APPLIED, REJECTED

TENDERS = ("wechat", "alipay", "bank_card", "cash")
OPEN_MINUTES = (10 * 60, 21 * 60)  # minutes of the day, local time


def id_at(moment: datetime, rng: random.Random) -> str:
    """A UUIDv7 made at `moment`, as the counter would have made it then."""
    ms = int(moment.timestamp() * 1000)
    value = (ms << 80) | (0x7 << 76) | (rng.getrandbits(12) << 64) | (0b10 << 62)
    return str(UUID(int=value | rng.getrandbits(62)))


@dataclass
class Year:
    tickets: int
    customers: list[str]
    desk_id: str
    first_day: date
    last_day: date
    life_rows: dict[str, int] = field(default_factory=dict)  # year_life's rows per table


def _staff(backend: Backend) -> tuple[str, str, list[str]]:
    desk = backend.staff.add("周小敏", "front_desk", "1111")
    manager = backend.staff.add("林店长", "manager", "9999")
    techs = [backend.staff.add(f"技师{n}", "technician", f"{2000 + n}").id for n in range(6)]
    return desk.id, manager.id, techs


Item = tuple[str, str, int, str]  # id, name, price, category


def _catalog(backend: Backend, rng: random.Random) -> tuple[list[Item], list[Item]]:
    from gui import fill_catalog  # the same catalog rows as the gui benchmark

    fill_catalog(backend, 100, rng)
    services = [(i.id, i.name, i.price, i.category) for i in backend.catalog.services()]
    products = [(i.id, i.name, i.price, i.category) for i in backend.catalog.products()]
    return services[:40], products[:30]


def _sale(
    at: datetime,
    number: str,
    customer: str | None,
    cashier: str,
    device: str,
    lines: list[PricedLine],
    day: date,
    rng: random.Random,
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    totals = price_ticket(lines)
    ticket_id = id_at(at, rng)
    kind = rng.choice(TENDERS)
    tendered = -(-totals.total // 10000) * 10000 if kind == "cash" else totals.total
    ticket = {
        "id": ticket_id,
        "number": number,
        "status": "completed",
        "customer_id": customer,
        "cashier_id": cashier,
        "business_day": day,
        "created_at": at,
        "completed_at": at,
        "subtotal": totals.subtotal,
        "line_discounts": totals.line_discounts,
        "ticket_discount": 0,
        "rounding_off": totals.rounding_off,
        "total": totals.total,
        "tendered": tendered,
        "change": tendered - totals.total,
        "voided_at": None,
        "voided_by": None,
        "void_reason": "",
        "device_id": device,
    }
    line_rows = [
        {
            "id": id_at(at, rng),
            "ticket_id": ticket_id,
            "position": n,
            "kind": line.kind.value,
            "item_id": line.item_id,
            "name": line.name,
            "quantity": line.quantity,
            "list_price": line.unit_price,
            "unit_price": line.unit_price,
            "line_discount": line.line_discount,
            "total": line.total,
            "net_total": net,
            "technician_id": line.technician_id,
            "category": line.category,
            "requested": line.kind is LineKind.SERVICE and rng.random() < 0.3,  # 点钟
            "member_discount": line.member_discount,
        }
        for n, (line, net) in enumerate(zip(lines, totals.line_nets, strict=True), start=1)
    ]
    payment = {
        "id": id_at(at, rng),
        "ticket_id": ticket_id,
        "position": 1,
        "kind": kind,
        "tendered": tendered,
        "applied": totals.total,
        "reference": "",
    }
    return ticket, line_rows, [payment]


def _operation(
    at: datetime, seq: int, op_type: str, payload: dict[str, Any], rng: random.Random
) -> dict[str, Any]:
    return {
        "id": id_at(at, rng),
        "device_id": "bench-device",
        "seq": seq,
        "type": op_type,
        "occurred_at": at,
        "payload_version": OPERATIONS[op_type].version,
        "payload": json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=str),
        "pushed_at": at + timedelta(seconds=2),
        "result": APPLIED,
    }


def _audit(
    seq: int, at: datetime, actor: str, action: str, entity: str, entity_id: str, rng: random.Random
) -> dict[str, Any]:
    return {
        "seq": seq,
        "id": id_at(at, rng),
        "at": at,
        "actor_id": actor,
        "action": action,
        "entity_type": entity,
        "entity_id": entity_id,
        "before": None,
        "after": None,
        "prev_hash": "0" * 64,
        "hash": f"{seq:064x}",  # not a real chain: the chain is not what is measured
    }


def fill_year(
    backend: Backend,
    tickets: int = 73_000,
    customers: int = 100_000,
    days: int = 365,
    pending: int = 40,
    parked: int = 12,
    seed: int = 3,
    life: bool = False,
) -> Year:
    """`tickets` sales over the `days` business days up to today, `customers` customers (each
    with its customer.created operation), every operation pushed but the last `pending`, and
    `parked` of them rejected by the server. With `life`, what a close and the reports read
    besides (year_life.py): members' ledgers, cards, shares, bookings, voids, refunds,
    drawer sessions, and every day but the last closed."""
    rng = random.Random(seed)
    settings = backend.settings.initialise("基准测试店", "B1")
    zone = ZoneInfo(settings.time_zone)
    desk, manager, techs = _staff(backend)
    services, products = _catalog(backend, rng)
    people = [cid for cid, _ in _customer_ids(backend, customers, rng)]
    today = business_day(backend.clock.now(), settings.time_zone, settings.cutover_hour)
    first = today - timedelta(days=days - 1)
    salon = (
        Life(rng, zone, settings.device_id, desk, manager, techs, products, today) if life else None
    )
    joined = datetime.combine(first, time(9), zone).astimezone(UTC)
    ops = [
        _operation(joined, n, CUSTOMER_CREATED, {"id": cid}, rng)
        for n, cid in enumerate(people, start=1)
    ]
    audit: list[dict[str, Any]] = []
    with backend.db.read_connection() as connection:
        base = connection.scalar(select(func.max(AuditEntry.seq))) or 0
    rows: tuple[list[dict[str, Any]], ...] = ([], [], [])
    per_day, made = tickets // days, 0
    for offset in range(days):
        day = first + timedelta(days=offset)
        count = per_day + (1 if offset < tickets - per_day * days else 0)
        for second in sorted(
            rng.randrange(*OPEN_MINUTES) * 60 + rng.randrange(60) for _ in range(count)
        ):
            at = datetime.combine(day, time(second // 3600, second // 60 % 60, second % 60), zone)
            at = at.astimezone(UTC)
            made += 1
            lines = [
                PricedLine(
                    LineKind.SERVICE,
                    sid,
                    name,
                    1,
                    price,
                    rng.choice((0, 0, 0, 1000)),
                    rng.choice(techs),
                    category=category,
                )
                for sid, name, price, category in rng.sample(services, rng.choice((1, 1, 2, 3)))
            ]
            customer = rng.choice(people) if people and rng.random() < 0.7 else None
            if salon is not None:
                customer = salon.customer_for(customer)
                lines = salon.lines_for(lines, customer)
            number = f"B1-{made:06d}"
            sale = _sale(at, number, customer, desk, settings.device_id, lines, day, rng)
            for bucket, new in zip(rows, ((sale[0],), sale[1], sale[2]), strict=True):
                bucket.extend(new)
            payload = sale[0] | {
                "lines": sale[1],
                "payments": sale[2],
                "discount_approved_by": None,
            }
            ops.append(_operation(at, len(ops) + 1, SALE_COMPLETED, payload, rng))
            audit.append(
                _audit(
                    base + len(audit) + 1, at, desk, "sale.completed", "ticket", sale[0]["id"], rng
                )
            )
            if salon is not None:
                salon.settle(sale, at, day, customer)
        if salon is not None:
            salon.end_day(day)
        opened = datetime.combine(day, time(9, 50), zone).astimezone(UTC)
        for person in (desk, *techs[:2]):
            audit.append(
                _audit(
                    base + len(audit) + 1,
                    opened,
                    person,
                    "sign_in.succeeded",
                    "sign_in",
                    person,
                    rng,
                )
            )
    for op in ops[-pending:]:
        op["pushed_at"], op["result"] = None, None
    for op in rng.sample(ops[:-pending], parked):
        op["result"] = REJECTED
    with backend.db.write_connection() as connection:
        for table, batch in zip((Ticket, TicketLine, Payment), rows, strict=True):
            connection.execute(insert(table), batch)
        connection.execute(insert(OutboxOperation), ops)
        connection.execute(insert(AuditEntry), audit)
        for name, value in (("ticket", made), ("outbox", len(ops))):
            connection.execute(
                insert(SequenceCounter).prefix_with("OR REPLACE"),
                {"name": name, "last_value": value},
            )
        connection.execute(update(Staff).values(created_at=joined, updated_at=joined))
        life_rows = salon.insert(connection) if salon is not None else {}
    return Year(made, people, desk, first, today, life_rows)


def _customer_ids(backend: Backend, count: int, rng: random.Random) -> list[tuple[str, str]]:
    if not count:
        return []
    fill_customers(backend, count, rng)
    with backend.db.read_connection() as connection:
        from sqlalchemy import text

        return [(r[0], r[1]) for r in connection.execute(text("SELECT id, phone FROM customer"))]
