"""The reports' figures against an independent computation from the raw tables of a generated
fortnight of sales (tests/report_sales.py), voids and refunds on later days included."""

from __future__ import annotations

import shutil
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from salon_pos.domain.report_periods import InvalidReportPeriod
from salon_pos.paths import Paths
from salon_pos.reports.model import Report
from salon_pos.services.backend import Backend, open_backend
from salon_pos.services.reports import ReportKind
from tests.conftest import FakeClock, Shelf, Team, three_line_sale
from tests.report_sales import DAYS, FIRST_DAY, SHANGHAI, Floor, ring_up_fortnight

LAST_DAY = FIRST_DAY + timedelta(days=DAYS - 1)
REVENUE = ("service", "product")


@pytest.fixture(scope="module")
def floor(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Iterator[Floor]:
    """One generated fortnight for the whole module (ringing it up takes a few seconds)."""
    paths = Paths(tmp_path_factory.mktemp("reports") / "home").ensure()
    shutil.copyfile(migrated_template, paths.database)
    clock = FakeClock(datetime(2026, 11, 1, 2, 0, tzinfo=UTC))
    backend = open_backend(paths, clock)
    backend.settings.initialise("丽人美容（测试店）", "A1")
    team = Team(
        manager=backend.staff.add("王店长", "manager", Team.MANAGER_PIN),
        desk=backend.staff.add("周小敏", "front_desk", Team.DESK_PIN),
        tech=backend.staff.add("李娜", "technician", "2222", skills=["facial", "nail"]),
    )
    facial = backend.catalog.add_service("面部护理", "补水保湿护理", 19800, 60, "facial")
    manicure = backend.catalog.add_service("美甲", "日式美甲", 16800, 90, "nail")
    serum = backend.catalog.add_product("护肤品", "玻尿酸精华", "SKU-001", 12800, 5000, "690")
    shelf = Shelf(facial.id, manicure.id, serum.id)
    made = ring_up_fortnight(backend, clock, team, shelf)
    clock.current = datetime(2026, 11, 30, 4, 0, tzinfo=UTC)
    yield made
    backend.close()


# ------------------------------------------------------------------ the independent computation


def raw(backend: Backend, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(backend.db.path)) as connection:
        return connection.execute(sql, params).fetchall()


def business_day_of(stored: str) -> date:
    """A UTC moment as stored, to its Shanghai business day (cut-over 04:00)."""
    moment = datetime.fromisoformat(stored).replace(tzinfo=UTC).astimezone(SHANGHAI)
    return (moment - timedelta(hours=4)).date()


def day_figures(backend: Backend) -> dict[date, dict[str, int]]:
    """Per business day, from the raw rows: money sold by kind, voided, refunded; tickets."""
    days: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    sold = raw(
        backend,
        "SELECT t.id, t.business_day, l.kind, l.net_total FROM ticket_line l "
        "JOIN ticket t ON t.id = l.ticket_id",
    )
    tickets_sold = {(tid, day) for tid, day, _, _ in sold}
    for _, day, kind, net in sold:
        days[date.fromisoformat(day)][kind] += net
    for _, day in tickets_sold:
        days[date.fromisoformat(day)]["tickets"] += 1
    voids = raw(
        backend,
        "SELECT t.id, t.voided_at, l.kind, l.net_total FROM ticket t "
        "JOIN ticket_line l ON l.ticket_id = t.id WHERE t.status = 'voided'",
    )
    for _, voided_at, kind, net in voids:
        if kind in REVENUE:
            days[business_day_of(voided_at)]["voided"] += net
        else:  # a top-up voided: less stored value sold that day
            days[business_day_of(voided_at)][kind] -= net
    for _, voided_at in {(ticket, at) for ticket, at, _, _ in voids}:
        days[business_day_of(voided_at)]["tickets"] -= 1
    refunds = raw(
        backend,
        "SELECT r.business_day, l.kind, rl.amount FROM refund_line rl "
        "JOIN refund r ON r.id = rl.refund_id JOIN ticket_line l ON l.id = rl.ticket_line_id",
    )
    for day, kind, amount in refunds:
        if kind in REVENUE:
            days[date.fromisoformat(day)]["refunded"] += amount
        else:
            days[date.fromisoformat(day)][kind] -= amount
    return days


def days_of(first: date, last: date) -> set[date]:
    return {first + timedelta(days=i) for i in range((last - first).days + 1)}


def largest_remainder(amount: int, weights: list[int]) -> list[int]:
    """The test's own split: floor each part, then a fen more to the largest remainders."""
    sign, amount = (-1, -amount) if amount < 0 else (1, amount)
    whole = sum(weights)
    parts = [amount * w // whole for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-(amount * weights[i] % whole), i))
    for i in order[: amount - sum(parts)]:
        parts[i] += 1
    return [sign * part for part in parts]


def technician_money(floor: Floor, days: set[date]) -> dict[str, int]:
    """Per technician's name: their shares of the service and product money moved on `days`
    (sales on the sale's day, voids on the void's, refunds on the refund's), from raw rows."""
    backend = floor.backend
    names = dict(raw(backend, "SELECT id, name FROM staff"))
    shares: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for line_id, staff_id, share in raw(
        backend, "SELECT ticket_line_id, staff_id, share FROM ticket_line_share ORDER BY 1, 2"
    ):
        shares[line_id].append((staff_id, share))
    lines = raw(
        backend,
        "SELECT l.id, l.technician_id, l.net_total, t.business_day, t.voided_at FROM ticket_line "
        "l JOIN ticket t ON t.id = l.ticket_id WHERE l.kind IN ('service', 'product')",
    )
    moves: list[tuple[str, int]] = []
    for line_id, _, net, day, voided_at in lines:
        if date.fromisoformat(day) in days:
            moves.append((line_id, net))
        if voided_at and business_day_of(voided_at) in days:
            moves.append((line_id, -net))
    for line_id, amount, day in raw(
        backend,
        "SELECT rl.ticket_line_id, rl.amount, r.business_day FROM refund_line rl "
        "JOIN refund r ON r.id = rl.refund_id",
    ):
        if date.fromisoformat(day) in days:
            moves.append((line_id, -amount))
    owner = {line_id: tech for line_id, tech, *_ in lines}
    money: dict[str, int] = defaultdict(int)
    for line_id, amount in moves:
        if line_id not in owner:
            continue  # a top-up refunded
        split = shares.get(line_id) or [(owner[line_id] or "", 10_000)]
        for (staff, _), part in zip(
            split, largest_remainder(amount, [w for _, w in split]), strict=True
        ):
            money[names.get(staff, "（未指定技师）")] += part
    return dict(money)


def cells(report: Report, section: int = 0) -> list[tuple[Any, ...]]:
    return list(report.sections[section].table.rows)


# ------------------------------------------------------------------ the tests


def test_sales_by_day_match_the_raw_rows(floor: Floor) -> None:
    expected = day_figures(floor.backend)
    report = floor.backend.reports.build(ReportKind.DAY, FIRST_DAY, LAST_DAY)
    rows = cells(report)
    assert len(rows) == DAYS
    assert sum(1 for row in rows if row[4]) >= 2, "voids on at least two days"
    assert sum(1 for row in rows if row[5]) >= 3, "refunds on at least three days"
    for label, tickets, services, products, voided, refunded, net, stored, packages in rows:
        want = expected[date.fromisoformat(str(label))]
        assert (tickets, services, products) == (
            want["tickets"], want["service"], want["product"],
        ), label  # fmt: skip
        assert (voided, refunded) == (want["voided"], want["refunded"]), label
        assert net == want["service"] + want["product"] - want["voided"] - want["refunded"]
        assert (stored, packages) == (want["stored_value"], want["package"]), label
    totals = report.sections[0].table.totals
    assert totals is not None and totals[6] == sum(row[6] for row in rows)


def test_weeks_and_months_add_up_the_days(floor: Floor) -> None:
    reports = floor.backend.reports
    days = cells(reports.build(ReportKind.DAY, FIRST_DAY, LAST_DAY))
    weeks = cells(reports.build(ReportKind.WEEK, FIRST_DAY, LAST_DAY))
    month = cells(reports.build(ReportKind.MONTH, FIRST_DAY, LAST_DAY))
    assert [w[0] for w in weeks] == ["2026-11-02~11-08", "2026-11-09~11-15"]
    for week, first in zip(weeks, (0, 7), strict=True):
        for column in range(1, 9):
            assert week[column] == sum(d[column] for d in days[first : first + 7])
    assert month[0][0] == "2026-11" and month[0][6] == sum(d[6] for d in days)


def test_a_closed_day_keeps_its_figures_when_later_voids_and_refunds_come(
    backend: Backend, clock: FakeClock, team: Team, shelf: Shelf
) -> None:
    """Sales on the 20th; on the 22nd one is voided and another partly refunded: the 20th's
    report is unchanged, the 22nd's shows both, and the period's net is sales less both."""
    reports, checkout = backend.reports, backend.checkout
    first = checkout.complete_sale(three_line_sale(team, shelf))  # ¥494
    second = checkout.complete_sale(three_line_sale(team, shelf))
    sold_on, later = date(2026, 11, 20), date(2026, 11, 22)
    before = reports.build(ReportKind.DAY, sold_on, sold_on)
    clock.advance(days=2)
    checkout.void_sale(first.ticket_id, Team.MANAGER_PIN, "顾客取消", team.desk.id)
    serum = backend.tickets.get(second.ticket_id).lines[2]
    checkout.refund_lines(second.ticket_id, {serum.id: 1}, Team.MANAGER_PIN, "退货", team.desk.id)
    after = reports.build(ReportKind.DAY, sold_on, sold_on)
    assert cells(after) == cells(before) == [("2026-11-20", 2, 73200, 25600, 0, 0, 98800, 0, 0)]
    assert cells(reports.build(ReportKind.DAY, later, later)) == [
        ("2026-11-22", -1, 0, 0, 49400, 12800, -62200, 0, 0)
    ]
    period = reports.build(ReportKind.DAY, sold_on, later).sections[0].table.totals
    assert period == ("合计", 1, 73200, 25600, 49400, 12800, 36600, 0, 0)


def test_by_service_category_and_technician_add_up_to_the_net(floor: Floor) -> None:
    reports = floor.backend.reports
    net = sum(row[6] for row in cells(reports.build(ReportKind.DAY, FIRST_DAY, LAST_DAY)))
    services = reports.build(ReportKind.SERVICE, FIRST_DAY, LAST_DAY)
    categories = reports.build(ReportKind.CATEGORY, FIRST_DAY, LAST_DAY)
    technicians = reports.build(ReportKind.TECHNICIAN, FIRST_DAY, LAST_DAY)
    by_category = {row[0]: row[2] for row in cells(categories)}
    assert set(by_category) == {"面部护理", "美甲", "护肤品"}
    assert sum(by_category.values()) == net
    assert sum(row[2] for row in cells(technicians)) == net
    by_name = {row[0]: row[2] for row in cells(services)}
    assert by_name["补水保湿护理"] == by_category["面部护理"]
    assert technician_money(floor, days_of(FIRST_DAY, LAST_DAY)) == {
        row[0]: row[2] for row in cells(technicians)
    }
    shares = [row[3] for row in cells(categories)]
    assert sum(s for s in shares if s is not None) in range(9_998, 10_003)


def test_top_sellers_and_margin(floor: Floor) -> None:
    reports = floor.backend.reports
    top = reports.build(ReportKind.TOP, FIRST_DAY, LAST_DAY)
    assert len(top.sections) == 4
    by_sales = cells(top, 0)
    assert [row[0] for row in by_sales] == list(range(1, len(by_sales) + 1))
    assert [row[3] for row in by_sales] == sorted((row[3] for row in by_sales), reverse=True)
    margin = reports.build(ReportKind.MARGIN, FIRST_DAY, LAST_DAY)
    (name, quantity, amount, cost, gross, rate), *_ = cells(margin)
    assert name == "玻尿酸精华" and cost == quantity * 5000 and gross == amount - cost
    assert rate == round(gross * 10_000 / amount)
    assert any("当前成本" in note for note in margin.footnotes)


def test_customer_analysis(floor: Floor) -> None:
    """New vs returning and the repeat rate from the raw tickets, over the second week."""
    first, last = FIRST_DAY + timedelta(days=7), LAST_DAY
    report = floor.backend.reports.build(ReportKind.CUSTOMERS, first, last)
    visits: dict[str, set[date]] = defaultdict(set)
    for customer, day in raw(
        floor.backend,
        "SELECT customer_id, business_day FROM ticket WHERE customer_id IS NOT NULL "
        "AND status != 'voided'",
    ):
        visits[customer].add(date.fromisoformat(day))
    came = {c for c, days in visits.items() if any(first <= d <= last for d in days)}
    new = {c for c in came if min(visits[c]) >= first}
    repeat = {c for c in came if sum(1 for d in visits[c] if first <= d <= last) >= 2}
    row = cells(report)[0]
    assert row[:3] == (len(came), len(new), len(came) - len(new))
    assert row[3] == round(len(repeat) * 10_000 / len(came))
    assert row[5] == 0  # every customer was made before the period (2026-11-01)


def test_staff_performance(floor: Floor) -> None:
    report = floor.backend.reports.build(ReportKind.STAFF, FIRST_DAY, LAST_DAY)
    rows = {row[0]: row for row in cells(report)}
    lina, zhao = rows["李娜"], rows["赵敏"]
    assert (lina[5], lina[6]) == (2, 775)  # 60 and 95 minutes: 77.5
    assert (zhao[5], zhao[6]) == (1, 500)  # the cancelled booking does not count
    tickets = raw(
        floor.backend,
        "SELECT DISTINCT t.id, t.customer_id FROM ticket t JOIN ticket_line l "
        "ON l.ticket_id = t.id LEFT JOIN ticket_line_share s ON s.ticket_line_id = l.id "
        "WHERE (l.technician_id = ? OR s.staff_id = ?) AND t.status != 'voided'",
        floor.team.tech.id,
        floor.team.tech.id,
    )
    assert lina[1] == len(tickets)
    assert lina[2] == len({c for _, c in tickets if c})
    requested = raw(
        floor.backend,
        "SELECT COUNT(*) FROM ticket_line l JOIN ticket t ON t.id = l.ticket_id "
        "WHERE l.requested AND l.technician_id = ? AND t.status != 'voided'",
        floor.team.tech.id,
    )
    assert lina[4] == requested[0][0] > 0  # 点钟 lines


def test_a_period_that_ends_before_it_starts_is_refused(backend: Backend) -> None:
    with pytest.raises(InvalidReportPeriod):
        backend.reports.build(ReportKind.DAY, date(2026, 11, 5), date(2026, 11, 4))


def test_an_empty_store_reports_zeros(backend: Backend) -> None:
    report = backend.reports.build(ReportKind.DAY, date(2026, 11, 1), date(2026, 11, 3))
    assert [row[6] for row in cells(report)] == [0, 0, 0]
    for kind in ReportKind:
        assert backend.reports.build(kind, date(2026, 11, 1), date(2026, 11, 3)).sections
