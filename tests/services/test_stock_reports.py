"""The stock reports (库存报表) against a store generated through the services over two weeks —
receipts in batches, sales of products and of services that use consumables, voids, refunds,
a write-off and a stocktake — each figure equal to a computation from the raw ledger rows."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlalchemy import text

from salon_pos.db.fast_insert import insert_rows
from salon_pos.db.models import StockMovement
from salon_pos.domain.report_periods import Period
from salon_pos.domain.stock import MovementKind, value_at_cost
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.reports.csv_file import report_csv
from salon_pos.reports.model import Report
from salon_pos.reports.pdf import write_pdf
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.reports import ReportKind
from salon_pos.services.stock import ConsumableLine, ReceiptLine
from salon_pos.services.stock_reports import read_flows
from tests.conftest import FakeClock, Shelf, Team

START = date(2026, 11, 20)  # the clock fixture's day
FIRST, LAST = START + timedelta(days=3), START + timedelta(days=9)  # the period reported
DAYS = 13  # the store runs START .. START + 12, today
STOCK_KINDS = (
    ReportKind.STOCK,
    ReportKind.STOCK_FLOW,
    ReportKind.CONSUMPTION,
    ReportKind.EXPIRING,
    ReportKind.SLOW,
)
PRICES = {"facial": 19_800, "manicure": 16_800, "cream": 26_800}


@dataclass(frozen=True)
class Store:
    backend: Backend
    serum: str  # 玻尿酸原液, ml in 500 ml bottles, batches; the facial uses 5 ml
    gel: str  # 美甲胶, g in 10 g pots; the manicure uses 2 g
    cream: str  # 修护面霜, retail by the piece
    mask: str  # 面膜, received and never sold: a slow mover
    techs: tuple[str, str]


def raw(backend: Backend, sql: str, **params: Any) -> list[Any]:
    with backend.db.read() as session:
        return list(session.execute(text(sql), params).all())


def day_of(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _sell(
    backend: Backend, team: Team, items: dict[str, str], picked: list[tuple[str, int, str]]
) -> str:
    """A sale of (short name, quantity, technician) lines, paid in cash to the fen."""
    lines = [
        SaleLine(
            LineKind.PRODUCT if name == "cream" else LineKind.SERVICE,
            items[name],
            quantity=quantity,
            technician_id=None if name == "cream" else technician,
        )
        for name, quantity, technician in picked
    ]
    total = sum(PRICES[name] * quantity for name, quantity, _ in picked)
    request = SaleRequest(team.desk.id, lines, [Tender(TenderKind.CASH, total)])
    return backend.checkout.complete_sale(request).ticket_id


@pytest.fixture
def store(backend: Backend, clock: FakeClock, team: Team, shelf: Shelf) -> Store:
    stock, manager = backend.stock, team.manager.id
    add = backend.catalog.add_product
    serum = add(
        "院装", "玻尿酸原液", "BB-1", 0, 20_000, unit="ml", pack_size=500, needs_expiry=True
    )
    gel = add("美甲耗材", "美甲胶", "BB-2", 0, 3_000, unit="g", pack_size=10)
    cream = add("护肤品", "修护面霜", "SKU-C", PRICES["cream"], 9_000)
    mask = add("护肤品", "补水面膜", "SKU-M", 6_800, 2_000)
    other = backend.staff.add("赵敏", "technician", "3333", skills=["facial", "nail"]).id
    stock.set_consumables(shelf.facial, [ConsumableLine(serum.id, 5, "ml")], manager)
    stock.set_consumables(shelf.manicure, [ConsumableLine(gel.id, 2, "g")], manager)
    stock.receive(
        [
            ReceiptLine(serum.id, 1, 20_000, "EARLY", START + timedelta(days=20)),
            ReceiptLine(serum.id, 1, 22_000, "LATE", START + timedelta(days=300)),
            ReceiptLine(gel.id, 5, 3_000),
            ReceiptLine(cream.id, 10, 9_000),
            ReceiptLine(mask.id, 6, 2_000),
        ],
        manager,
    )
    rng = random.Random(7)
    techs = (team.tech.id, other)
    items = {"facial": shelf.facial, "manicure": shelf.manicure, "cream": cream.id}
    sold: list[str] = []
    for day in range(DAYS):
        if day:
            clock.advance(days=1)
        for _ in range(rng.randint(2, 4)):
            picked = [
                (name, rng.randint(1, 2), rng.choice(techs))
                for name in rng.sample(sorted(items), rng.randint(1, 3))
            ]
            sold.append(_sell(backend, team, items, picked))
        if day in (2, 4, 7, 10):  # a void of an earlier sale (day 4: of one before the period)
            backend.checkout.void_sale(sold.pop(0), Team.MANAGER_PIN, "录错了", team.desk.id)
        if day in (5, 8):  # a refund: a cream back on the shelf; a service's use stays used
            _refund_one(backend, team, sold, "product" if day == 5 else "service")
        if day == 5:
            stock.write_off(serum.id, 20, "瓶子摔了", manager)
            stock.receive([ReceiptLine(cream.id, 6, 11_000)], manager)
        if day == 7:
            take = backend.stocktakes.start(manager)
            held = {r.product_id: r.on_hand for r in stock.on_hand()}
            backend.stocktakes.count(take.id, cream.id, held[cream.id] - 1, team.desk.id)
            backend.stocktakes.count(take.id, gel.id, held[gel.id] + 3, team.desk.id)
            backend.stocktakes.post(take.id, manager)
    return Store(backend, serum.id, gel.id, cream.id, mask.id, techs)


def _refund_one(backend: Backend, team: Team, sold: list[str], kind: str) -> None:
    """One unit of a line of `kind` of the latest sale that has one."""
    for ticket in reversed(sold):
        line = next((li for li in backend.tickets.get(ticket).lines if li.kind == kind), None)
        if line is not None:
            refund = {line.id: 1}
            backend.checkout.refund_lines(ticket, refund, Team.MANAGER_PIN, "退货", team.desk.id)
            sold.remove(ticket)
            return
    raise AssertionError(f"no {kind} line sold")


# ------------------------------------------------------------------ from the raw rows


def products(backend: Backend) -> dict[str, Any]:
    """id → (category, name, unit, pack size, a package's cost: the store's, else the catalog's)."""
    rows = raw(
        backend,
        "SELECT p.id, p.category, p.name, p.unit, p.pack_size, COALESCE(l.cost, p.cost) "
        "FROM product p LEFT JOIN stock_level l ON l.product_id = p.id",
    )
    return {row[0]: row[1:] for row in rows}


def movements(backend: Backend) -> list[Any]:
    return raw(
        backend,
        "SELECT m.product_id, m.kind, m.quantity, m.business_day, m.batch_id, l.kind, "
        "l.name, l.technician_id FROM stock_movement m "
        "LEFT JOIN ticket_line l ON l.id = m.line_id",
    )


def cells(report: Report, section: int = 0) -> list[tuple[Any, ...]]:
    return list(report.sections[section].table.rows)


def value(catalog: dict[str, Any], product_id: str, units: int) -> int:
    _, _, _, pack, cost = catalog[product_id]
    return value_at_cost(units, cost, pack)


# ------------------------------------------------------------------ the tests


def test_the_store_did_what_the_reports_must_count(store: Store) -> None:
    kinds = {row[1] for row in movements(store.backend)}
    assert kinds == {"receipt", "sale", "consumption", "void", "refund", "write_off", "stocktake"}
    voids_of_services = [
        m for m in movements(store.backend) if m[1] == "void" and m[5] == "service"
    ]
    assert any(FIRST <= day_of(m[3]) <= LAST for m in voids_of_services)


def test_on_hand_and_value_by_category_match_the_ledger(store: Store) -> None:
    backend = store.backend
    catalog = products(backend)
    held: dict[str, int] = defaultdict(int)
    for product_id, _, quantity, *_ in movements(backend):
        held[product_id] += quantity
    report = backend.reports.build(ReportKind.STOCK, FIRST, LAST)
    assert report.first_day == report.last_day == START + timedelta(days=DAYS - 1)
    detail = {row[1]: row for row in cells(report, 1)}
    assert set(detail) == {catalog[p][1] for p, units in held.items() if units}
    for product_id, units in held.items():
        category, name, unit, _pack, cost = catalog[product_id]
        want = (category, name, units, "件" if unit == "piece" else unit, cost)
        assert detail[name][:5] == want, name
        assert detail[name][5] == value(catalog, product_id, units)
    by_category: dict[str, int] = defaultdict(int)
    for product_id, units in held.items():
        by_category[catalog[product_id][0]] += value(catalog, product_id, units)
    assert {row[0]: row[2] for row in cells(report, 0)} == by_category
    totals = report.sections[0].table.totals
    assert totals is not None and totals[2] == sum(by_category.values())
    cream = next(row for row in cells(report, 1) if row[1] == "修护面霜")
    assert cream[4] != 9_000, "the second receipt's dearer creams moved the average"


def test_in_and_out_by_product_match_the_ledger(store: Store) -> None:
    backend = store.backend
    catalog = products(backend)
    opening: dict[str, int] = defaultdict(int)
    moved: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for product_id, kind, quantity, day, *_ in movements(backend):
        if day_of(day) < FIRST:
            opening[product_id] += quantity
        elif day_of(day) <= LAST:
            moved[product_id][kind] += quantity
    report = backend.reports.build(ReportKind.STOCK_FLOW, FIRST, LAST)
    rows = {row[0]: row for row in cells(report)}
    assert set(rows) == {catalog[p][1] for p in set(opening) | set(moved)}
    for product_id in set(opening) | set(moved):
        got = rows[catalog[product_id][1]]
        kinds = moved[product_id]
        closing = opening[product_id] + sum(kinds.values())
        assert got[2:] == (
            opening[product_id],
            kinds["receipt"],
            kinds["transfer_in"],
            kinds["void"] + kinds["refund"],
            -kinds["sale"],
            -kinds["consumption"],
            -kinds["transfer_out"],
            -kinds["write_off"],
            kinds["stocktake"],
            kinds["adjustment"],
            closing,
            value(catalog, product_id, closing),
        ), catalog[product_id][1]
    serum = rows["玻尿酸原液"]
    assert serum[7] > 0 and serum[9] == 20, "the facials' serum and the write-off in the period"
    assert rows["修护面霜"][10] == -1 and rows["美甲胶"][10] == 3, "the stocktake"
    totals = report.sections[0].table.totals
    assert totals is not None and totals[-1] == sum(row[-1] for row in rows.values())


def test_consumption_by_service_and_technician_is_net_of_voids(store: Store) -> None:
    backend = store.backend
    catalog = products(backend)
    names = dict(raw(backend, "SELECT id, name FROM staff"))
    by_service: dict[tuple[str, str], int] = defaultdict(int)
    by_technician: dict[tuple[str, str], int] = defaultdict(int)
    for product_id, kind, quantity, day, _, line_kind, service, technician in movements(backend):
        if not FIRST <= day_of(day) <= LAST or line_kind != "service":
            continue
        if kind in ("consumption", "void"):
            by_service[(service, catalog[product_id][1])] -= quantity
            by_technician[(names[technician], catalog[product_id][1])] -= quantity
    report = backend.reports.build(ReportKind.CONSUMPTION, FIRST, LAST)
    ids = {catalog[p][1]: p for p in catalog}
    for section, expected in ((0, by_service), (1, by_technician)):
        rows = cells(report, section)
        assert {(r[0], r[1]): r[2] for r in rows} == {k: v for k, v in expected.items() if v}
        for who, product, units, _, cost in rows:
            assert cost == value(catalog, ids[product], units), (who, product)
    assert {r[0] for r in cells(report, 1)} == {"李娜", "赵敏"}
    assert {r[1] for r in cells(report, 0)} == {"玻尿酸原液", "美甲胶"}
    chart = report.sections[0].chart
    totals = report.sections[0].table.totals
    assert chart is not None and totals is not None
    assert sum(v for _, v in chart.points) == totals[-1]


def test_expiring_batches_and_their_value(store: Store) -> None:
    backend = store.backend
    catalog = products(backend)
    today = START + timedelta(days=DAYS - 1)
    batches = raw(
        backend,
        "SELECT b.code, b.expires_on, SUM(m.quantity) FROM stock_batch b "
        "JOIN stock_movement m ON m.batch_id = b.id GROUP BY b.id",
    )
    held = {code: (day_of(expires), int(units)) for code, expires, units in batches}
    report = backend.reports.build(ReportKind.EXPIRING, FIRST, LAST, days=30)
    (row,) = cells(report)
    expires, units = held["EARLY"]
    assert row == (
        "玻尿酸原液", "EARLY", expires.isoformat(), (expires - today).days, units, "ml",
        value(catalog, store.serum, units),
    )  # fmt: skip
    assert "30 天内" in report.sections[0].title
    assert cells(backend.reports.build(ReportKind.EXPIRING, FIRST, LAST, days=5)) == []
    longer = cells(backend.reports.build(ReportKind.EXPIRING, FIRST, LAST, days=400))
    assert [r[1] for r in longer] == ["EARLY", "LATE"]


def test_slow_movers_are_products_in_stock_not_sold_nor_used(store: Store) -> None:
    backend = store.backend
    catalog = products(backend)
    today = START + timedelta(days=DAYS - 1)
    last: dict[str, date] = {}
    held: dict[str, int] = defaultdict(int)
    for product_id, kind, quantity, day, *_ in movements(backend):
        held[product_id] += quantity
        if kind in ("sale", "consumption"):
            last[product_id] = max(last.get(product_id, date.min), day_of(day))
    for days in (60, 0):
        want = {
            catalog[p][1]: (last.get(p), (today - last[p]).days if p in last else None)
            for p, units in held.items()
            if units > 0 and (p not in last or (today - last[p]).days >= days)
        }
        report = backend.reports.build(ReportKind.SLOW, FIRST, LAST, days=days)
        rows = cells(report)
        got = {r[1]: (None if r[4] == "从未" else date.fromisoformat(r[4]), r[5]) for r in rows}
        assert got == want
        assert [r[6] for r in rows] == sorted((r[6] for r in rows), reverse=True)
    (mask,) = cells(backend.reports.build(ReportKind.SLOW, FIRST, LAST, days=60))
    assert mask[1:] == ("补水面膜", 6, "件", "从未", None, 12_000)


def test_stock_reports_in_english_and_as_csv(store: Store) -> None:
    report = store.backend.reports.build(ReportKind.STOCK_FLOW, FIRST, LAST, "en")
    assert report.title == "Stock in and out by product"
    assert [c.heading for c in report.sections[0].table.columns] == [
        "Product", "Unit", "Opening", "Received", "Transferred in", "Back (void, refund)",
        "Sold", "Used", "Transferred out", "Written off", "Stocktake ±", "Adjusted ±",
        "Closing", "Closing value",
    ]  # fmt: skip
    lines = report_csv(store.backend.reports.build(ReportKind.STOCK, FIRST, LAST)).splitlines()
    assert lines[0] == "\ufeff库存金额"
    assert "类别,商品,库存,单位,成本（每包装）,成本金额" in lines
    assert "护肤品,补水面膜,6,件,20.00,120.00" in lines


def test_each_stock_report_prints_as_a_pdf(store: Store, tmp_path: Path) -> None:
    for kind in STOCK_KINDS:
        report = store.backend.reports.build(kind, FIRST, LAST)
        path = write_pdf(report, tmp_path / f"{kind.value}.pdf")
        page = PdfReader(path).pages[0].extract_text()
        assert report.title in page and "丽人美容" in page, kind
        assert report.sections[0].table.columns[1].heading in page, kind
    flow = PdfReader(tmp_path / "stock-flow.pdf").pages[0].extract_text()
    assert "玻尿酸原液" in flow and "期初" in flow and "855" in flow


MOVES = st.lists(
    st.tuples(
        st.integers(0, 2),  # the product
        st.sampled_from(sorted(k.value for k in MovementKind)),
        st.integers(-50, 50).filter(bool),
        st.integers(0, 20),  # the day
    ),
    max_size=40,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(moves=MOVES, first=st.integers(0, 20), length=st.integers(0, 20))
def test_in_and_out_adds_up_for_any_ledger(
    backend: Backend, moves: list[tuple[int, str, int, int]], first: int, length: int
) -> None:
    """Any movements on any days, any period: each product's opening is the sum before the
    period, each kind its sum in it, closing the sum to its end; a product with neither stock
    nor a movement in the period is not listed."""
    with backend.db.read() as session:
        ids = [p for (p,) in session.execute(text("SELECT id FROM product ORDER BY sku"))]
    for n in range(len(ids), 3):
        ids.append(backend.catalog.add_product("护肤品", f"商品{n}", f"SKU-H{n}", 100, 50).id)
    with backend.db.write() as session:
        session.execute(text("DELETE FROM stock_movement"))
        session.execute(text("DELETE FROM stock_on_hand"))
    rows = [
        {
            "id": f"m{i:04d}", "product_id": ids[p], "batch_id": None, "kind": kind,
            "quantity": quantity, "at": datetime(2026, 11, 1, tzinfo=UTC),
            "business_day": START + timedelta(days=day), "document_id": "d", "line_id": None,
            "staff_id": None, "device_id": None, "reason": "",
        }
        for i, (p, kind, quantity, day) in enumerate(moves)
    ]  # fmt: skip
    with backend.db.write() as session:
        insert_rows(session, StockMovement, rows)
    period = Period(START + timedelta(days=first), START + timedelta(days=first + length))
    with backend.db.read() as session:
        flows = {f.product.product_id: f for f in read_flows(session, period)}
    for product_id in ids:
        mine = [m for m in rows if m["product_id"] == product_id]
        opening = sum(m["quantity"] for m in mine if m["business_day"] < period.first)
        inside = [m for m in mine if period.first <= m["business_day"] <= period.last]
        closing = opening + sum(m["quantity"] for m in inside)
        if not inside and not closing:
            assert product_id not in flows
            continue
        flow = flows[product_id]
        assert (flow.opening, flow.closing) == (opening, closing)
        for kind in MovementKind:
            want = sum(m["quantity"] for m in inside if m["kind"] == kind.value)
            assert flow.of(kind) == want, kind
