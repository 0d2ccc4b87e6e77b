"""Closed business days as counters push them, for the close and commission pages' tests and
screenshots: staff, each day's drawer session (a ¥500 float, cash sales, a ¥50 pay-out, a count
a little short), sales with technicians (点钟 lines, a line two shared), a product, a void and a
refund, the day's close with the figures the server holds, and a late sale from a second
counter that amends a closed day. Pushing and the figures are the caller's (a TestClient server
or a live one)."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sync.operations.day_close import DAY_CLOSED
from sync.operations.drawer import DRAWER_CASH_MOVED, DRAWER_CLOSED, DRAWER_OPENED
from sync.operations.sales import SALE_COMPLETED, SALE_REFUNDED, SALE_VOIDED
from sync.operations.setup import STAFF_SAVED
from tests.sync.server import builders

Op = tuple[str, dict[str, Any]]
FLOAT = 50_000
PAY_OUT = 5_000
SERVICES = (("补水保湿护理", 19800, "面部护理"), ("日式美甲", 16800, "美甲"),
            ("头皮护理", 12800, "养发"), ("睫毛嫁接", 29800, "美睫"))  # fmt: skip
RULES = json.dumps(
    {
        "stored_value": "on_sale",
        "package": "on_sale",
        "rules": [
            {"kind": "service", "how": "percent", "rotation": 1000, "requested": 1500},
            {"kind": "service", "category": "美甲", "how": "percent", "rotation": 1200},
            {"kind": "product", "how": "fixed", "rotation": 500},
        ],
    }
)


@dataclass
class People:
    manager: dict[str, Any] = field(default_factory=lambda: person("王静", "manager"))
    desk: dict[str, Any] = field(default_factory=lambda: person("周小敏", "front_desk"))
    techs: list[dict[str, Any]] = field(
        default_factory=lambda: [person("李娜", "technician"), person("陈晓", "technician")]
    )

    def ops(self) -> list[Op]:
        return [(STAFF_SAVED, p) for p in (self.manager, self.desk, *self.techs)]


def person(name: str, role: str) -> dict[str, Any]:
    return builders.staff() | {"name": name, "role": role}


def at(day: date, hour: float) -> datetime:
    """`hour` o'clock in Shanghai on `day` (UTC+8, a business day from 04:00)."""
    return datetime.combine(day, time(0), UTC) + timedelta(hours=hour - 8)


@dataclass
class DayPlan:
    day: date
    counter: str
    sales: list[dict[str, Any]]
    short: int  # fen the count is short (negative: over)
    session: dict[str, Any]
    close: dict[str, Any]


def sale(day: date, hour: float, number: str, people: People, rng: random.Random) -> dict[str, Any]:
    picked = rng.sample(SERVICES, rng.randint(1, 2))
    sale = builders.sale([(builders.new_id(), price) for _, price, _ in picked])
    moment = at(day, hour).isoformat()
    sale |= {"business_day": day.isoformat(), "completed_at": moment, "created_at": moment,
             "number": number, "cashier_id": people.desk["id"]}  # fmt: skip
    for line, (name, _, category) in zip(sale["lines"], picked, strict=True):
        tech = rng.choice(people.techs)
        line |= {"name": name, "category": category, "technician_id": tech["id"],
                 "requested": rng.random() < 0.4}  # fmt: skip
    if rng.random() < 0.25:  # 多人合作: the first line shared 60/40
        first, second = people.techs if len(people.techs) == 2 else rng.sample(people.techs, 2)
        sale["lines"][0]["shares"] = [
            {"staff_id": first["id"], "share": 6000},
            {"staff_id": second["id"], "share": 4000},
        ]
    return sale


def day_ops(
    day: date, counter: str, first_number: int, people: People, rng: random.Random, short: int
) -> tuple[DayPlan, list[Op]]:
    """A day at one counter up to its drawer's close (the day's close is `close_op`)."""
    session = {"id": builders.new_id(), "business_day": day.isoformat(),
               "opened_at": at(day, 9.5).isoformat(), "opened_by": people.desk["id"],
               "opening_float": FLOAT}  # fmt: skip
    sales = [
        sale(day, 10 + n * 0.75, f"{counter}-{first_number + n:06d}", people, rng)
        for n in range(rng.randint(4, 9))
    ]
    ops: list[Op] = [(DRAWER_OPENED, session)]
    ops += [(SALE_COMPLETED, s) for s in sales]
    pay_out = {"id": builders.new_id(), "session_id": session["id"],
               "business_day": day.isoformat(), "at": at(day, 12).isoformat(),
               "kind": "pay_out", "amount": PAY_OUT, "reason": "采购支出",
               "staff_id": people.desk["id"]}  # fmt: skip
    ops.append((DRAWER_CASH_MOVED, pay_out))
    voided = sales[0]
    void = builders.void(voided) | {"approved_by": people.manager["id"], "reason": "顾客取消"}
    void["voided_at"] = at(day, 19).isoformat()
    refunded = sales[1]
    amount = refunded["lines"][0]["net_total"] // 2
    refund = builders.refund(refunded, amount) | {
        "approved_by": people.manager["id"], "business_day": day.isoformat(),
        "refunded_at": at(day, 19.5).isoformat(), "cashier_id": people.desk["id"],
    }  # fmt: skip
    ops += [(SALE_VOIDED, void), (SALE_REFUNDED, refund)]
    cash_sales = sum(s["payments"][1]["applied"] for s in sales)
    cash_back = voided["payments"][1]["applied"] + amount
    expected = FLOAT + cash_sales - cash_back - PAY_OUT
    counted = expected - short
    close = {"session_id": session["id"], "closed_at": at(day, 21).isoformat(),
             "closed_by": people.desk["id"], "counts": {"10": counted // 10},
             "counted": counted, "expected": expected, "variance": counted - expected,
             "cash_sales": cash_sales, "cash_back": cash_back, "moved_in": 0,
             "moved_out": PAY_OUT, "reason": "找零出错" if short else ""}  # fmt: skip
    ops.append((DRAWER_CLOSED, close))
    return DayPlan(day, counter, sales, short, session, close), ops


def close_op(day: date, people: People, figures: dict[str, Any]) -> Op:
    """The day's close as the counter makes it, with the figures it sees (the server's now)."""
    return (
        DAY_CLOSED,
        {"id": builders.new_id(), "business_day": day.isoformat(),
         "closed_at": at(day, 21.25).isoformat(), "closed_by": people.manager["id"],
         "figures": figures},
    )  # fmt: skip


def late_sale(day: date, counter: str, people: People, rng: random.Random) -> dict[str, Any]:
    """A sale made at another counter during `day` while offline, pushed after the close."""
    return sale(day, 18, f"{counter}-000001", people, rng)


Push = Callable[[str, list[Op]], None]


def closed_days(
    push: Push,
    figures: Callable[[date], dict[str, Any]],
    days: list[date],
    open_day: date | None = None,
    seed: int = 7,
) -> tuple[People, list[DayPlan], dict[str, Any]]:
    """Staff, then each of `days` sold at A1 and closed (a count ¥2 short on the last), then
    a sale of `open_day` not closed; then B1's late sale of the last closed day. Answers the
    people, the days' plans and the late sale."""
    rng = random.Random(seed)
    people = People()
    push("A1", people.ops())
    plans: list[DayPlan] = []
    number = 1
    for n, day in enumerate(days):
        short = 200 if n == len(days) - 1 else rng.choice((0, 0, 100, -50))
        plan, ops = day_ops(day, "A1", number, people, rng, short)
        number += len(plan.sales)
        push("A1", ops)
        push("A1", [close_op(day, people, figures(day))])
        plans.append(plan)
    if open_day is not None:
        unclosed = sale(open_day, 11, f"A1-{number:06d}", people, rng)
        push("A1", [(SALE_COMPLETED, unclosed)])
    late = late_sale(days[-1], "B1", people, rng)
    push("B1", [(SALE_COMPLETED, late)])
    return people, plans, late
