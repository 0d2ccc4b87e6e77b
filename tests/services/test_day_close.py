"""The end-of-day close (日结) at a counter: its figures against an independent computation
from the raw tables over generated days of sales (members, voids and refunds on later days,
technicians sharing lines), the lock after the close, and refusals."""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Connection, select, text

from salon_pos.db.models import AuditEntry, OutboxOperation, Ticket
from salon_pos.domain.day_close import DayFigures
from salon_pos.domain.errors import UnknownStaff
from salon_pos.domain.shares import StaffShare
from salon_pos.services.backend import Backend
from salon_pos.services.day_close import CloseNeedsManager, DayAlreadyClosed, DayNotBegun
from salon_pos.services.demo import load_demo_data
from tests.conftest import FakeClock, Shelf, Team, three_line_sale

ZONE = ZoneInfo("Asia/Shanghai")
MANAGER_PIN = "8888"  # the demo's manager


def category_of(kind: str, category: str) -> str:
    return {"stored_value": "<stored_value>", "package": "<package>"}.get(kind, category)


def independent(connection: Connection, day: date) -> dict[str, object]:
    """The day's figures straight from the tables, without the service's code."""

    def rows(sql: str, **params: object) -> list:
        return list(connection.execute(text(sql), {"day": day, **params}))

    sales = rows("SELECT count(*), coalesce(sum(total), 0) FROM ticket WHERE business_day = :day")
    voids = rows("SELECT coalesce(sum(total), 0) FROM ticket WHERE void_business_day = :day")
    refunds = rows("SELECT coalesce(sum(amount), 0) FROM refund WHERE business_day = :day")
    tender: Counter[str] = Counter()
    for kind, amount in rows(
        "SELECT p.kind, p.applied FROM payment p JOIN ticket t ON t.id = p.ticket_id "
        "WHERE t.business_day = :day"
    ):
        tender[kind] += amount
    for kind, amount in rows(
        "SELECT p.kind, p.applied FROM payment p JOIN ticket t ON t.id = p.ticket_id "
        "WHERE t.void_business_day = :day"
    ):
        tender[kind] -= amount
    for kind, amount in rows(
        "SELECT rt.kind, rt.amount FROM refund_tender rt JOIN refund r ON r.id = rt.refund_id "
        "WHERE r.business_day = :day"
    ):
        tender[kind] -= amount
    category: Counter[str] = Counter()
    for kind, cat, amount in rows(
        "SELECT l.kind, l.category, l.net_total FROM ticket_line l "
        "JOIN ticket t ON t.id = l.ticket_id WHERE t.business_day = :day"
    ):
        category[category_of(kind, cat)] += amount
    for kind, cat, amount in rows(
        "SELECT l.kind, l.category, l.net_total FROM ticket_line l "
        "JOIN ticket t ON t.id = l.ticket_id WHERE t.void_business_day = :day"
    ):
        category[category_of(kind, cat)] -= amount
    for kind, cat, amount in rows(
        "SELECT l.kind, l.category, rl.amount FROM refund_line rl "
        "JOIN ticket_line l ON l.id = rl.ticket_line_id JOIN refund r ON r.id = rl.refund_id "
        "WHERE r.business_day = :day"
    ):
        category[category_of(kind, cat)] -= amount
    return {
        "tickets": sales[0][0],
        "sales": sales[0][1],
        "voids": voids[0][0],
        "refunds": refunds[0][0],
        "by_tender": {k: v for k, v in tender.items() if v},
        "by_category": {k: v for k, v in category.items() if v},
    }


def technicians_unshared(connection: Connection, day: date) -> dict[str, int]:
    """Service revenue by technician, for days whose lines no technicians share."""
    totals: Counter[str] = Counter()
    for sign, column in ((1, "business_day"), (-1, "void_business_day")):
        for who, amount in connection.execute(
            text(
                "SELECT l.technician_id, l.net_total FROM ticket_line l JOIN ticket t "
                f"ON t.id = l.ticket_id WHERE t.{column} = :day AND l.kind = 'service'"
            ),
            {"day": day},
        ):
            totals[who] += sign * amount
    for who, amount in connection.execute(
        text(
            "SELECT l.technician_id, rl.amount FROM refund_line rl JOIN ticket_line l "
            "ON l.id = rl.ticket_line_id JOIN refund r ON r.id = rl.refund_id "
            "WHERE r.business_day = :day AND l.kind = 'service'"
        ),
        {"day": day},
    ):
        totals[who] -= amount
    return {k: v for k, v in totals.items() if v}


def member_sums(connection: Connection, day: date) -> dict[str, int]:
    """Stored value, sessions and points moved by the day's own tickets (sale entries)."""
    sums: Counter[str] = Counter()
    for account, reason, amount in connection.execute(
        text(
            "SELECT e.account, e.reason, e.amount FROM balance_entry e JOIN ticket t "
            "ON t.id = e.ticket_id WHERE t.business_day = :day "
            "AND e.reason IN ('top_up', 'spend', 'earn', 'card_sale')"
        ),
        {"day": day},
    ):
        sums[f"{account}.{reason}"] += amount
    return sums


def check_day(figures: DayFigures, connection: Connection, day: date) -> None:
    expected = independent(connection, day)
    got = {
        "tickets": figures.tickets,
        "sales": figures.sales,
        "voids": figures.voids,
        "refunds": figures.refunds,
        "by_tender": dict(figures.by_tender),
        "by_category": dict(figures.by_category),
    }
    assert got == expected, day
    assert sum(figures.by_tender.values()) == figures.net == sum(figures.by_category.values())
    sums = member_sums(connection, day)
    assert figures.members.stored_value_sold == sums["principal.top_up"]
    assert figures.members.bonus_given == sums["bonus.top_up"]
    assert figures.members.principal_spent == -sums["principal.spend"]
    assert figures.members.sessions_used == -sums["sessions.spend"]
    assert figures.members.sessions_sold == sums["sessions.card_sale"]
    assert figures.members.points_issued == sums["points.earn"]


@pytest.fixture
def demo(backend: Backend, clock: FakeClock) -> list[date]:
    summary = load_demo_data(backend, customers=60, days=8, seed=12)
    return list(summary.days)


def test_each_days_figures_agree_with_the_tables_after_late_voids_and_refunds(
    backend: Backend, demo: list[date], clock: FakeClock
) -> None:
    manager = next(s for s in backend.staff.list() if s.role.approves)
    rng = random.Random(5)
    with backend.db.read() as s:
        past = s.scalars(
            select(Ticket.id).where(Ticket.status == "completed").order_by(Ticket.number)
        ).all()
    # Today, voids and refunds of earlier days' tickets: they count today.
    for ticket_id in rng.sample(list(past), 3):
        backend.checkout.void_sale(ticket_id, MANAGER_PIN, "顾客取消", manager.id)
    refunded = [t for t in past if backend.tickets.get(t).summary.status.value == "completed"]
    for ticket_id in rng.sample(refunded, 3):
        line = backend.tickets.get(ticket_id).lines[0]
        backend.checkout.refund_lines(ticket_id, {line.id: 1}, MANAGER_PIN, "不满意", manager.id)
    today = backend.day_close.today()
    with backend.db.read() as s:
        connection = s.connection()
        for day in [*demo, today]:
            figures = backend.day_close.view(day).figures
            check_day(figures, connection, day)
            assert figures.by_technician == technicians_unshared(connection, day)
    today_figures = backend.day_close.view(today).figures
    assert today_figures.tickets == 0 and today_figures.voids > 0 and today_figures.refunds > 0
    assert len(today_figures.void_list) == 3 and len(today_figures.refund_list) == 3
    assert {a.approved_by for a in today_figures.void_list} == {manager.id}


def test_technicians_sharing_a_line_split_it_to_the_fen(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    helper = backend.staff.add("王芳", "technician", "3333", skills=["nail"])
    request = three_line_sale(team, shelf)
    shared = (StaffShare(team.tech.id, 3333), StaffShare(helper.id, 6667))
    request = replace(
        request,
        lines=[request.lines[0], replace(request.lines[1], shares=shared), request.lines[2]],
        ticket_discount=777,  # odd fen to split
        approver_pin=Team.MANAGER_PIN,
    )
    backend.checkout.complete_sale(request)
    figures = backend.day_close.view(backend.day_close.today()).figures
    with backend.db.read() as s:
        nets = dict(
            s.execute(text("SELECT position, net_total FROM ticket_line ORDER BY position")).all()
        )
    manicure = nets[2]
    helper_part = figures.by_technician[helper.id]
    assert abs(helper_part - manicure * 0.6667) < 1
    assert figures.by_technician[team.tech.id] + helper_part == nets[1] + nets[2]


def test_the_close_locks_the_day_what_follows_counts_on_the_next(
    backend: Backend, team: Team, shelf: Shelf, clock: FakeClock
) -> None:
    first = backend.checkout.complete_sale(three_line_sale(team, shelf))
    day = backend.day_close.today()
    closed = backend.day_close.close(day, team.manager.id, "  现金已核对 ")
    assert closed.figures.tickets == 1 and closed.note == "现金已核对"
    clock.advance(minutes=30)  # the same evening, after the close
    second = backend.checkout.complete_sale(three_line_sale(team, shelf))
    backend.checkout.void_sale(first.ticket_id, Team.MANAGER_PIN, "顾客取消", team.desk.id)
    with backend.db.read() as s:
        sold_after = s.get(Ticket, second.ticket_id)
        voided = s.get(Ticket, first.ticket_id)
    assert sold_after is not None and voided is not None
    nextday = day + timedelta(days=1)
    assert (sold_after.business_day, voided.business_day) == (nextday, day)
    assert voided.void_business_day == nextday
    assert backend.day_close.view(day).figures == closed.figures  # the closed day is as it was
    assert backend.day_close.today() == nextday
    with pytest.raises(DayAlreadyClosed) as again:
        backend.day_close.close(day, team.manager.id)
    assert "已于" in again.value.message("zh_CN")
    with backend.db.read() as s:
        op = s.scalars(select(OutboxOperation).where(OutboxOperation.type == "day.closed")).one()
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "day.closed")).one()
    payload = json.loads(op.payload)
    assert payload["business_day"] == day.isoformat() and payload["figures"]["net"] == first.total
    assert json.loads(audit.after)["net"] == first.total


def test_refusals_change_nothing(backend: Backend, team: Team, clock: FakeClock) -> None:
    day = backend.day_close.today()
    with pytest.raises(CloseNeedsManager):
        backend.day_close.close(day, team.desk.id)
    with pytest.raises(UnknownStaff):
        backend.day_close.close(day, "0190e000-0000-7000-8000-000000000000")
    with pytest.raises(DayNotBegun):
        backend.day_close.close(day + timedelta(days=1), team.manager.id)
    assert backend.day_close.closed_days() == []


def test_the_check_lists_what_waits_and_counters_not_heard_from(
    backend: Backend, team: Team, shelf: Shelf, clock: FakeClock
) -> None:
    backend.checkout.complete_sale(three_line_sale(team, shelf))
    day = backend.day_close.today()
    with backend.db.write() as s:
        s.execute(
            text(
                "INSERT INTO store_device (device_id, counter, last_heard_at, told_at) "
                "VALUES ('d-b1', 'B1', :old, :now), ('d-c1', 'C1', :recent, :now), "
                "('d-d1', 'D1', NULL, :now)"
            ),
            {
                "old": clock.now() - timedelta(days=1),
                "recent": clock.now() - timedelta(minutes=5),
                "now": clock.now(),
            },
        )
    check = backend.day_close.view(day).check
    assert check.waiting > 0 and not check.clear
    assert [(c.counter, c.last_heard_at is None) for c in check.unheard] == [
        ("B1", False),
        ("D1", True),
    ]
    started = datetime(day.year, day.month, day.day, 4, tzinfo=ZONE).astimezone(UTC)
    assert all(c.last_heard_at is None or c.last_heard_at < started for c in check.unheard)


@pytest.mark.parametrize("paper", [58, 80])
def test_the_z_summary_prints_the_closed_days_figures(
    backend: Backend, team: Team, shelf: Shelf, paper: int
) -> None:
    from salon_pos.devices.printers import DummyPrinter, printer_from_settings
    from salon_pos.devices.z_report import render_z
    from salon_pos.services.day_close import DayCloseService
    from tests.devices.escpos_text import printed_rows, printed_rows_wide

    sale = backend.checkout.complete_sale(three_line_sale(team, shelf))
    day = backend.day_close.today()
    backend.day_close.close(day, team.manager.id)
    backend.settings.update(printer_kind="dummy", paper_width_mm=paper)
    printer = printer_from_settings("dummy", "", paper)
    assert isinstance(printer, DummyPrinter)
    service = DayCloseService(
        backend.db, backend.settings, backend.clock, printers=lambda settings: printer
    )
    assert service.print_z(day).printed
    rows = printed_rows(printer.output)
    assert rows == [row.strip() for row in render_z(service.z_report(day), paper)]
    text = "\n".join(rows)
    assert "日结单" in text and day.isoformat() in text and "王店长" in text
    assert f"净收入 {'￥494.00'}" in " ".join(text.split())  # ¥198 + ¥168 + ¥128
    assert "微信" in text and "现金" in text and "李娜" in text
    assert sale.total == 49400
    assert all(width <= {58: 32, 80: 48}[paper] for _, width in printed_rows_wide(printer.output))


def test_no_printer_says_so(backend: Backend, team: Team) -> None:
    outcome = backend.day_close.print_z(backend.day_close.today())
    assert not outcome.printed and outcome.problem is not None


def test_the_close_as_a_pdf_has_its_tables_and_chart(
    backend: Backend, team: Team, shelf: Shelf, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    backend.checkout.complete_sale(three_line_sale(team, shelf))
    day = backend.day_close.today()
    backend.day_close.close(day, team.manager.id)
    path = backend.day_close.write_pdf(day, tmp_path)
    assert path.name == f"日结-{day.isoformat()}.pdf"
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    for expected in (
        "日结报表",
        "按支付方式",
        "按类别",
        "按技师",
        "净收入",
        "494.00",
        "王店长",
        "李娜",
    ):
        assert expected in text, expected
