"""What the console's close pages read (日结): a store's business days of a month with their
close (when, by whom, at which counter, amended since by late arrivals), their takings and
their drawers' cash summed; and one day in full: the server's figures of it now beside those
the counter closed with, and every drawer session of the day with its movements. Read-only;
the day's figures are the close's own rule (day_figures.server_day_figures)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, func, select

from salon_pos.domain.day_close import DayFigures, figures_of_json
from sync.operations.day_close import CONFLICT_CLOSED_DAY_AMENDED
from sync.server import models
from sync.server.day_figures import server_day_figures
from sync.server.db import load_json

CLOSE = models.table_of(models.DayClose)
SESSION = models.table_of(models.DrawerSession)
MOVEMENT = models.table_of(models.DrawerMovement)
SALES_DAY = models.table_of(models.SalesDay)
DEVICE = models.table_of(models.Device)
STAFF = models.table_of(models.StaffMember)
CONFLICT = models.table_of(models.Conflict)


@dataclass(frozen=True)
class CloseRow:
    closed_at: datetime
    closed_by: str  # staff id
    device_id: str
    amendments: int  # how many pushes brought late sales, voids or refunds of the day
    amended_at: datetime | None
    at_close: DayFigures | None  # the figures the counter closed with

    @property
    def amended(self) -> bool:
        return self.amendments > 0


@dataclass(frozen=True)
class DrawerSums:
    """The day's drawer sessions: how many, how many still open, and the closed ones' cash."""

    sessions: int = 0
    still_open: int = 0
    expected: int = 0
    counted: int = 0
    variance: int = 0


@dataclass(frozen=True)
class DayRow:
    day: date
    net: int
    tickets: int
    close: CloseRow | None
    drawers: DrawerSums


def month_days(connection: Connection, store_id: str, first: date, last: date) -> list[DayRow]:
    """Every business day of first..last with a sale, a close or a drawer session, newest
    first. Net and tickets from sales_day (the sales pages' sums, equal to the close's rule)."""
    in_month = (first, last)
    takings: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for day, kind, entries, amount in connection.execute(
        select(SALES_DAY.c.business_day, SALES_DAY.c.kind, SALES_DAY.c.entries, SALES_DAY.c.amount)
        .where(SALES_DAY.c.store_id == store_id, SALES_DAY.c.business_day.between(*in_month),
               SALES_DAY.c.tender == "")
    ):  # fmt: skip
        takings[day][0] += int(amount)
        takings[day][1] += int(entries) if kind == "sale" else 0
    closes = {
        row.business_day: _close_row(row)
        for row in connection.execute(
            select(CLOSE).where(
                CLOSE.c.store_id == store_id, CLOSE.c.business_day.between(*in_month)
            )
        )
    }
    drawers = _drawer_sums(connection, store_id, first, last)
    days = sorted(set(takings) | set(closes) | set(drawers), reverse=True)
    none = [0, 0]
    return [
        DayRow(
            day, takings.get(day, none)[0], takings.get(day, none)[1], closes.get(day),
            drawers.get(day, DrawerSums()),
        )
        for day in days
    ]  # fmt: skip


def _close_row(row: Any) -> CloseRow:
    return CloseRow(
        row.closed_at,
        row.closed_by,
        row.device_id,
        int(row.amendments or 0),
        row.amended_at,
        _figures_at_close(load_json(row.data).get("figures")),
    )


def _figures_at_close(figures: Any) -> DayFigures | None:
    """The figures the counter closed with; None when it sent none this version can read
    (the page then shows the server's alone)."""
    if not figures:
        return None
    try:
        return figures_of_json(figures)
    except (KeyError, TypeError, ValueError):
        return None


def _drawer_sums(
    connection: Connection, store_id: str, first: date, last: date
) -> dict[date, DrawerSums]:
    rows = connection.execute(
        select(
            SESSION.c.business_day,
            func.count(),
            func.count(SESSION.c.closed_at),
            func.coalesce(func.sum(SESSION.c.expected), 0),
            func.coalesce(func.sum(SESSION.c.counted), 0),
            func.coalesce(func.sum(SESSION.c.variance), 0),
        )
        .where(SESSION.c.store_id == store_id, SESSION.c.business_day.between(first, last))
        .group_by(SESSION.c.business_day)
    )
    return {
        day: DrawerSums(int(n), int(n) - int(closed), int(expected), int(counted), int(variance))
        for day, n, closed, expected, counted, variance in rows
    }


@dataclass(frozen=True)
class Movement:
    at: datetime
    kind: str  # pay_in / pay_out / stored_value_refund / overdraft_collected
    amount: int
    reason: str
    staff_id: str | None
    approved_by: str | None
    device_id: str


@dataclass(frozen=True)
class DrawerSession:
    id: str
    device_id: str
    opened_at: datetime
    opened_by: str
    opening_float: int
    movements: list[Movement]
    closed_at: datetime | None
    closed_by: str | None
    cash_sales: int | None  # the close's figures, as the counter worked them out
    cash_back: int | None
    moved_in: int | None
    moved_out: int | None
    expected: int | None
    counted: int | None
    variance: int | None
    blind: bool
    reason: str
    approved_by: str | None
    server_expected: int | None  # the server's own expected cash, when it differs


@dataclass(frozen=True)
class LateArrival:
    """A sale, void or refund of the day that reached the server after its close, as its
    `closed_day_amended` conflict names it."""

    ticket_id: str
    number: str
    amount: int  # signed fen: what it changed the day's net by
    op_type: str  # sale.completed / sale.voided / sale.refunded
    device_id: str | None
    settled: bool  # its conflict was accepted


@dataclass(frozen=True)
class DayDetail:
    day: date
    figures: DayFigures  # the server's, now
    close: CloseRow | None
    sessions: list[DrawerSession]
    outside: list[Movement]  # cash moved with no session open
    names: dict[str, str]  # staff id → name
    counters: dict[str, str]  # device id → counter (A1)
    late: list[LateArrival]

    @property
    def at_close(self) -> DayFigures | None:
        return self.close.at_close if self.close else None

    @property
    def drawers(self) -> DrawerSums:
        closed = [s for s in self.sessions if s.closed_at is not None]
        return DrawerSums(
            len(self.sessions),
            len(self.sessions) - len(closed),
            sum(s.expected or 0 for s in closed),
            sum(s.counted or 0 for s in closed),
            sum(s.variance or 0 for s in closed),
        )


def day_detail(connection: Connection, store_id: str, day: date) -> DayDetail:
    row = connection.execute(
        select(CLOSE).where(CLOSE.c.store_id == store_id, CLOSE.c.business_day == day)
    ).first()
    close = _close_row(row) if row is not None else None
    figures = server_day_figures(connection, store_id, day)
    rows = connection.execute(
        select(MOVEMENT)
        .where(MOVEMENT.c.store_id == store_id, MOVEMENT.c.business_day == day)
        .order_by(MOVEMENT.c.at, MOVEMENT.c.id)
    ).all()
    moves = [(r.session_id, _movement(r)) for r in rows]
    sessions = [
        _session(r, [m for sid, m in moves if sid == r.id])
        for r in connection.execute(
            select(SESSION)
            .where(SESSION.c.store_id == store_id, SESSION.c.business_day == day)
            .order_by(SESSION.c.opened_at, SESSION.c.id)
        )
    ]
    known = {s.id for s in sessions}
    outside = [m for sid, m in moves if sid is None or sid not in known]
    people = _people(figures, close, sessions, outside)
    late = _late_arrivals(connection, store_id, row.id) if row is not None else []
    devices = {s.device_id for s in sessions} | {m.device_id for m in outside}
    devices |= {close.device_id} if close else set()
    devices |= {a.device_id for a in late if a.device_id}
    return DayDetail(
        day,
        figures,
        close,
        sessions,
        outside,
        staff_names(connection, store_id, people),
        counter_names(connection, store_id, devices),
        late,
    )


def _late_arrivals(connection: Connection, store_id: str, close_id: str) -> list[LateArrival]:
    rows = connection.execute(
        select(CONFLICT.c.details, CONFLICT.c.status)
        .where(
            CONFLICT.c.store_id == store_id,
            CONFLICT.c.type == CONFLICT_CLOSED_DAY_AMENDED,
            CONFLICT.c.entity_id == close_id,
        )
        .order_by(CONFLICT.c.created_at)
    )
    return [
        _late(item, settled=status != "open")
        for details, status in rows
        for item in load_json(details).get("late", ())
    ]


def _late(item: dict[str, Any], settled: bool) -> LateArrival:
    return LateArrival(
        str(item.get("ticket_id", "")),
        str(item.get("number", "")),
        int(item.get("amount") or 0),
        str(item.get("op_type", "")),
        item.get("device_id"),
        settled,
    )


def _movement(row: Any) -> Movement:
    data = load_json(row.data)
    return Movement(
        row.at,
        row.kind,
        int(row.amount),
        data.get("reason", ""),
        data.get("staff_id"),
        data.get("approved_by"),
        row.device_id,
    )


def _session(row: Any, movements: list[Movement]) -> DrawerSession:
    close: dict[str, Any] = load_json(row.close) if row.close else {}

    def figure(key: str) -> int | None:
        return int(close[key]) if key in close else None

    return DrawerSession(
        row.id, row.device_id, row.opened_at, row.opened_by, int(row.opening_float), movements,
        row.closed_at, close.get("closed_by"), figure("cash_sales"), figure("cash_back"),
        figure("moved_in"), figure("moved_out"), row.expected, row.counted, row.variance,
        bool(close.get("blind", False)), close.get("reason", ""), close.get("approved_by"),
        row.server_expected if row.expected_differs else None,
    )  # fmt: skip


def _people(
    figures: DayFigures,
    close: CloseRow | None,
    sessions: Iterable[DrawerSession],
    outside: Iterable[Movement],
) -> set[str]:
    people = set(figures.by_technician)
    for approvals in (figures.discounts, figures.void_list, figures.refund_list):
        people |= {a.approved_by for a in approvals if a.approved_by}
    if close is not None:
        people.add(close.closed_by)
        if close.at_close is not None:
            people |= set(close.at_close.by_technician)
    for s in sessions:
        people |= {p for p in (s.opened_by, s.closed_by, s.approved_by) if p}
        people |= {p for m in s.movements for p in (m.staff_id, m.approved_by) if p}
    people |= {p for m in outside for p in (m.staff_id, m.approved_by) if p}
    return people


def staff_names(connection: Connection, store_id: str, ids: Iterable[str]) -> dict[str, str]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = connection.execute(
        select(STAFF.c.id, STAFF.c.name).where(STAFF.c.store_id == store_id, STAFF.c.id.in_(wanted))
    )
    return {staff_id: name for staff_id, name in rows}


def counter_names(connection: Connection, store_id: str, ids: Iterable[str]) -> dict[str, str]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = connection.execute(
        select(DEVICE.c.id, DEVICE.c.counter).where(
            DEVICE.c.store_id == store_id, DEVICE.c.id.in_(wanted)
        )
    )
    return {device_id: counter for device_id, counter in rows}
