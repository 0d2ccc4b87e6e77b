"""The stock ledger through the service layer, against a real SQLite file: receiving in batches,
a sale taking its products and its services' consumables first expired first out, voids and
refunds putting stock back, write-offs, minimums and the suggested order, what expires soon,
and every bad input refused with a clear message and nothing written."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, text

from salon_pos.db.models import OutboxOperation, StockBatch, StockMovement
from salon_pos.domain.errors import UnknownItem, UserError
from salon_pos.domain.stock import (
    MOST_COST,
    ConsumableListedTwice,
    ExpiredStockNeedsApproval,
    ExpiryRequired,
    MoreThanBatchHolds,
    NotAConsumable,
    NotACost,
    NotAQuantity,
    ReasonNeeded,
    UnitChangeWithStock,
    UnitMismatch,
    UnknownUnit,
)
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.stock import ConsumableLine, ReceiptLine
from tests.conftest import Shelf, Team

TODAY = date(2026, 11, 20)  # the clock fixture's day


@dataclass(frozen=True)
class BackBar:
    """A back-bar serum kept by the ml (500 ml bottles, batches with an expiry) that the
    facial uses 5 ml of, and a retail cream sold by the piece."""

    serum: str
    cream: str


@pytest.fixture
def back_bar(backend: Backend, shelf: Shelf, team: Team) -> BackBar:
    serum = backend.catalog.add_product(
        "院装", "玻尿酸原液", "BB-001", 0, 20_000, unit="ml", pack_size=500, needs_expiry=True
    )
    cream = backend.catalog.add_product("护肤品", "修护面霜", "SKU-CREAM", 26_800, 9_000)
    backend.stock.set_consumables(
        shelf.facial, [ConsumableLine(serum.id, 5, "ml")], team.manager.id
    )
    return BackBar(serum.id, cream.id)


def on_hand(backend: Backend, product_id: str) -> int:
    return next(r.on_hand for r in backend.stock.on_hand() if r.product_id == product_id)


def ledger_sum(backend: Backend, product_id: str) -> int:
    with backend.db.read() as s:
        total = s.scalar(
            select(func.coalesce(func.sum(StockMovement.quantity), 0)).where(
                StockMovement.product_id == product_id
            )
        )
    return int(total or 0)


def by_batch(backend: Backend, product_id: str) -> dict[str | None, int]:
    with backend.db.read() as s:
        found = s.execute(
            select(StockMovement.batch_id, func.sum(StockMovement.quantity))
            .where(StockMovement.product_id == product_id)
            .group_by(StockMovement.batch_id)
        )
        return {batch: int(total) for batch, total in found}


def batch_of(backend: Backend, product_id: str, code: str) -> str:
    with backend.db.read() as s:
        return s.scalars(
            select(StockBatch.id).where(
                StockBatch.product_id == product_id, StockBatch.code == code
            )
        ).one()


def sell(
    backend: Backend, team: Team, lines: list[SaleLine], total: int, pin: str | None = None
) -> str:
    request = SaleRequest(team.desk.id, lines, [Tender(TenderKind.CASH, total)], approver_pin=pin)
    return backend.checkout.complete_sale(request).ticket_id


def receive_two_batches(backend: Backend, team: Team, back_bar: BackBar) -> None:
    backend.stock.receive(
        [
            ReceiptLine(back_bar.serum, 1, 20_000, "LATE", TODAY + timedelta(days=300)),
            ReceiptLine(back_bar.serum, 1, 22_000, "EARLY", TODAY + timedelta(days=30)),
            ReceiptLine(back_bar.cream, 10, 9_000),
        ],
        team.manager.id,
        supplier="广州美源",
    )


def test_a_receipt_adds_stock_by_batch_and_averages_the_cost(
    backend: Backend, team: Team, back_bar: BackBar
) -> None:
    receive_two_batches(backend, team, back_bar)
    rows = {r.product_id: r for r in backend.stock.on_hand()}
    assert rows[back_bar.serum].on_hand == 1_000  # two 500 ml bottles
    assert rows[back_bar.cream].on_hand == 10
    # Nothing held before: the serum's cost is the two bottles' average, the cream's its own.
    assert rows[back_bar.serum].cost == 21_000
    assert rows[back_bar.serum].value == 42_000
    assert rows[back_bar.cream].value == 90_000
    early, late = (batch_of(backend, back_bar.serum, c) for c in ("EARLY", "LATE"))
    assert by_batch(backend, back_bar.serum) == {early: 500, late: 500}
    assert by_batch(backend, back_bar.cream) == {None: 10}
    with backend.db.read() as s:
        op = s.scalars(select(OutboxOperation).where(OutboxOperation.type == "stock.moved")).one()
    payload = json.loads(op.payload)
    assert payload["document"] == "receipt" and payload["supplier"] == "广州美源"
    assert len(payload["movements"]) == 3 and len(payload["batches"]) == 2
    assert payload["costs"] == {back_bar.serum: 21_000, back_bar.cream: 9_000}
    # Another receipt averages with what is held: 10 creams at ¥90 and 10 at ¥110 → ¥100.
    backend.stock.receive([ReceiptLine(back_bar.cream, 10, 11_000)], team.manager.id)
    assert next(r.cost for r in backend.stock.on_hand() if r.product_id == back_bar.cream) == 10_000


def test_a_sale_takes_products_and_consumables_earliest_expiry_first(
    backend: Backend, team: Team, shelf: Shelf, back_bar: BackBar
) -> None:
    receive_two_batches(backend, team, back_bar)
    lines = [
        SaleLine(LineKind.SERVICE, shelf.facial, quantity=2, technician_id=team.tech.id),
        SaleLine(LineKind.PRODUCT, back_bar.cream, quantity=3),
    ]
    ticket = sell(backend, team, lines, 2 * 19_800 + 3 * 26_800)
    early, late = (batch_of(backend, back_bar.serum, c) for c in ("EARLY", "LATE"))
    assert by_batch(backend, back_bar.serum) == {early: 490, late: 500}  # 2 facials × 5 ml
    assert on_hand(backend, back_bar.cream) == 7
    with backend.db.read() as s:
        moves = s.scalars(select(StockMovement).where(StockMovement.document_id == ticket)).all()
        op = s.scalars(
            select(OutboxOperation).where(OutboxOperation.type == "sale.completed")
        ).one()
    kinds = sorted((m.kind, m.quantity, m.staff_id) for m in moves)
    assert kinds == [("consumption", -10, team.tech.id), ("sale", -3, None)]
    sent = json.loads(op.payload)["stock"]
    assert sorted(m["id"] for m in sent) == sorted(m.id for m in moves)


def test_a_sale_beyond_the_stock_stands_and_says_what_was_short(
    backend: Backend, team: Team, back_bar: BackBar
) -> None:
    backend.stock.receive([ReceiptLine(back_bar.cream, 1, 9_000)], team.manager.id)
    request = SaleRequest(
        team.desk.id,
        [SaleLine(LineKind.PRODUCT, back_bar.cream, quantity=3)],
        [Tender(TenderKind.CASH, 3 * 26_800)],
    )
    sale = backend.checkout.complete_sale(request)
    assert sale.stock_short == ("修护面霜",)
    assert on_hand(backend, back_bar.cream) == -2
    assert by_batch(backend, back_bar.cream) == {None: -2}


def test_the_batch_view_follows_a_ticket_taking_twice_from_one_batch(
    backend: Backend, team: Team, shelf: Shelf, back_bar: BackBar
) -> None:
    """Two facial lines use 5 ml each: the second takes from what the first left."""
    backend.stock.receive(
        [ReceiptLine(back_bar.serum, 1, 20_000, "ONE", TODAY + timedelta(days=9))],
        team.manager.id,
    )
    with backend.db.write() as s:  # use the bottle down to 7 ml
        s.execute(
            text(
                "INSERT INTO stock_movement (id, product_id, batch_id, kind, quantity, at, "
                "business_day, document_id, reason) SELECT 'x', product_id, id, 'write_off', "
                "-493, received_at, '2026-11-20', 'doc', 'test' FROM stock_batch"
            )
        )
    facial = SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id)
    sell(backend, team, [facial, facial], 2 * 19_800)
    one = batch_of(backend, back_bar.serum, "ONE")
    assert by_batch(backend, back_bar.serum) == {one: 0, None: -3}


def test_expired_stock_needs_a_managers_pin(
    backend: Backend, team: Team, back_bar: BackBar
) -> None:
    serum = back_bar.serum
    backend.catalog.edit(replace(backend.catalog.item(LineKind.PRODUCT, serum), price=9_900))
    backend.stock.receive(
        [ReceiptLine(serum, 1, 20_000, "OLD", TODAY - timedelta(days=1))], team.manager.id
    )
    line = [SaleLine(LineKind.PRODUCT, serum)]
    with pytest.raises(ExpiredStockNeedsApproval) as refused:
        sell(backend, team, line, 9_900)
    assert "玻尿酸原液" in refused.value.text("zh")
    assert ledger_sum(backend, serum) == 500  # nothing sold
    ticket = sell(backend, team, line, 9_900, pin=Team.MANAGER_PIN)
    assert on_hand(backend, serum) == 0
    with backend.db.read() as s:
        audit = s.execute(
            text("SELECT after FROM audit_entry WHERE action = 'sale.completed'")
        ).scalar_one()
    assert json.loads(audit)["expired_batches"] == [batch_of(backend, serum, "OLD")]
    assert ticket


def test_a_void_puts_everything_back_and_a_refund_only_the_products(
    backend: Backend, team: Team, shelf: Shelf, back_bar: BackBar
) -> None:
    receive_two_batches(backend, team, back_bar)
    lines = [
        SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id),
        SaleLine(LineKind.PRODUCT, back_bar.cream, quantity=4),
    ]
    first = sell(backend, team, lines, 19_800 + 4 * 26_800)
    backend.checkout.void_sale(first, Team.MANAGER_PIN, "录错了", team.desk.id)
    assert (on_hand(backend, back_bar.serum), on_hand(backend, back_bar.cream)) == (1_000, 10)
    second = sell(backend, team, lines, 19_800 + 4 * 26_800)
    with backend.db.read() as s:
        line_ids = dict(
            s.execute(
                text("SELECT kind, id FROM ticket_line WHERE ticket_id = :t"), {"t": second}
            ).all()
        )
    backend.checkout.refund_lines(
        second,
        {line_ids["service"]: 1, line_ids["product"]: 1},
        Team.MANAGER_PIN,
        "过敏",
        team.desk.id,
    )
    # The serum the facial used stays used; one cream of four is back on the shelf.
    assert (on_hand(backend, back_bar.serum), on_hand(backend, back_bar.cream)) == (995, 7)
    with backend.db.read() as s:
        op = s.scalars(select(OutboxOperation).where(OutboxOperation.type == "sale.refunded")).one()
    assert [(m["kind"], m["quantity"]) for m in json.loads(op.payload)["stock"]] == [("refund", 1)]


def test_a_write_off_takes_the_earliest_expiry_and_needs_a_reason(
    backend: Backend, team: Team, back_bar: BackBar
) -> None:
    receive_two_batches(backend, team, back_bar)
    with pytest.raises(ReasonNeeded):
        backend.stock.write_off(back_bar.serum, 100, " ", team.manager.id)
    backend.stock.write_off(back_bar.serum, 100, "瓶子摔了", team.manager.id)
    early = batch_of(backend, back_bar.serum, "EARLY")
    assert by_batch(backend, back_bar.serum)[early] == 400
    late = batch_of(backend, back_bar.serum, "LATE")
    backend.stock.write_off(back_bar.serum, 50, "过期", team.manager.id, batch_id=late)
    assert by_batch(backend, back_bar.serum)[late] == 450


def test_a_write_off_from_a_batch_takes_no_more_than_it_holds(
    backend: Backend, team: Team, back_bar: BackBar
) -> None:
    receive_two_batches(backend, team, back_bar)
    late = batch_of(backend, back_bar.serum, "LATE")
    before = nothing_written(backend)
    with pytest.raises(MoreThanBatchHolds) as refused:
        backend.stock.write_off(back_bar.serum, 501, "过期", team.manager.id, batch_id=late)
    assert "holds 500 ml; 501 cannot" in refused.value.text("en")
    assert "500 毫升" in refused.value.text("zh")
    assert nothing_written(backend) == before
    backend.stock.write_off(back_bar.serum, 500, "过期", team.manager.id, batch_id=late)
    assert by_batch(backend, back_bar.serum)[late] == 0


def test_a_receipt_at_no_cost_is_taken(backend: Backend, team: Team, back_bar: BackBar) -> None:
    backend.stock.receive([ReceiptLine(back_bar.cream, 2, 0)], team.manager.id)  # a free sample
    assert on_hand(backend, back_bar.cream) == 2


def test_low_stock_and_the_suggested_order(backend: Backend, team: Team, back_bar: BackBar) -> None:
    receive_two_batches(backend, team, back_bar)
    backend.stock.set_minimum(back_bar.cream, 12, team.manager.id)
    backend.stock.set_minimum(back_bar.serum, 600, team.manager.id)
    low = {r.product_id: r for r in backend.stock.low_stock()}
    assert set(low) == {back_bar.cream}
    assert low[back_bar.cream].suggested_packages == 14  # up to 24: 14 more
    backend.stock.write_off(back_bar.serum, 401, "过期", team.manager.id)
    low = {r.product_id: r for r in backend.stock.low_stock()}
    assert low[back_bar.serum].suggested_packages == 2  # 599 ml held, 1,200 wanted: 2 bottles


def test_what_expires_within_n_days(backend: Backend, team: Team, back_bar: BackBar) -> None:
    receive_two_batches(backend, team, back_bar)
    soon = backend.stock.expiring(within_days=60)
    assert [(b.code, b.on_hand, b.expires_on) for b in soon] == [
        ("EARLY", 500, TODAY + timedelta(days=30))
    ]
    assert [b.code for b in backend.stock.expiring(within_days=365)] == ["EARLY", "LATE"]
    assert backend.stock.expiring(within_days=10) == []


def nothing_written(backend: Backend) -> tuple[int, int]:
    with backend.db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(StockMovement)) or 0,
            s.scalar(select(func.count()).select_from(OutboxOperation)) or 0,
        )


@pytest.mark.parametrize(
    ("line", "error"),
    [
        (ReceiptLine("serum", -2, 100, "L1", TODAY + timedelta(days=90)), NotAQuantity),
        (ReceiptLine("serum", 0, 100, "L1", TODAY + timedelta(days=90)), NotAQuantity),
        (ReceiptLine("serum", 1, 100, "L1", None), ExpiryRequired),
        (ReceiptLine("nothing-like-it", 1), UnknownItem),
        # A cost below nothing or past any package's (the server would refuse the receipt).
        (ReceiptLine("serum", 1, -9_000, "L1", TODAY + timedelta(days=90)), NotACost),
        (ReceiptLine("serum", 1, MOST_COST + 1, "L1", TODAY + timedelta(days=90)), NotACost),
    ],
)
def test_bad_receipts_are_refused_and_write_nothing(
    backend: Backend, team: Team, back_bar: BackBar, line: ReceiptLine, error: type[UserError]
) -> None:
    before = nothing_written(backend)
    product = back_bar.serum if line.product_id == "serum" else line.product_id
    good = ReceiptLine(back_bar.cream, 5)
    with pytest.raises(error) as refused:
        backend.stock.receive(
            [good, line.__class__(**{**line.__dict__, "product_id": product})], team.manager.id
        )
    assert refused.value.text("zh") != refused.value.text("en")
    assert nothing_written(backend) == before


def test_consumables_in_another_unit_or_of_a_service_are_refused(
    backend: Backend, team: Team, shelf: Shelf, back_bar: BackBar
) -> None:
    with pytest.raises(UnitMismatch) as refused:
        backend.stock.set_consumables(
            shelf.facial, [ConsumableLine(back_bar.serum, 1, "piece")], team.manager.id
        )
    assert "ml" in refused.value.text("en")
    with pytest.raises(NotAConsumable):
        backend.stock.set_consumables(
            shelf.facial, [ConsumableLine(shelf.manicure, 1, "piece")], team.manager.id
        )
    assert backend.stock.consumables(shelf.facial) == [ConsumableLine(back_bar.serum, 5, "ml")]


def test_consumables_listed_twice_or_in_an_unknown_unit_are_refused(
    backend: Backend, team: Team, shelf: Shelf, back_bar: BackBar
) -> None:
    twice = [ConsumableLine(back_bar.serum, 5, "ml"), ConsumableLine(back_bar.serum, 3, "ml")]
    with pytest.raises(ConsumableListedTwice) as refused:
        backend.stock.set_consumables(shelf.facial, twice, team.manager.id)
    assert "玻尿酸原液" in refused.value.text("en")
    with pytest.raises(UnknownUnit) as unknown:
        backend.stock.set_consumables(
            shelf.facial, [ConsumableLine(back_bar.serum, 5, "bottle")], team.manager.id
        )
    assert "bottle" in unknown.value.text("en")
    assert backend.stock.consumables(shelf.facial) == [ConsumableLine(back_bar.serum, 5, "ml")]


def test_a_products_unit_stays_while_it_holds_stock(
    backend: Backend, team: Team, back_bar: BackBar
) -> None:
    """Ten jars in the ledger must not become ten ml of a 50 ml jar."""
    backend.stock.receive([ReceiptLine(back_bar.cream, 10, 9_000)], team.manager.id)
    item = backend.catalog.item(LineKind.PRODUCT, back_bar.cream)
    for changed in (replace(item, unit="ml", pack_size=50), replace(item, pack_size=6)):
        with pytest.raises(UnitChangeWithStock) as refused:
            backend.catalog.edit(changed)
        assert "kept in pieces (10 on hand)" in refused.value.text("en")
    backend.catalog.edit(replace(item, price=29_800))  # other fields change as ever
    backend.stock.write_off(back_bar.cream, 10, "改为按毫升管理", team.manager.id)
    backend.catalog.edit(replace(item, unit="ml", pack_size=50))  # no stock: it may change
    row = next(r for r in backend.stock.on_hand() if r.product_id == back_bar.cream)
    assert (row.unit, row.pack_size, row.on_hand, row.value) == ("ml", 50, 0, 0)


def test_stock_of_no_batch_is_sold_without_a_shortfall(
    backend: Backend, team: Team, back_bar: BackBar
) -> None:
    """A product received without a lot number or expiry: the sale takes from that stock."""
    backend.stock.receive([ReceiptLine(back_bar.cream, 10, 9_000)], team.manager.id)
    request = SaleRequest(
        team.desk.id,
        [SaleLine(LineKind.PRODUCT, back_bar.cream)],
        [Tender(TenderKind.CASH, 26_800)],
    )
    assert backend.checkout.complete_sale(request).stock_short == ()
    assert by_batch(backend, back_bar.cream) == {None: 9}


def test_two_refunds_of_one_line_put_back_each_batch_once(
    backend: Backend, team: Team, back_bar: BackBar
) -> None:
    """Four creams sold from two batches (3 + 1): refunding one, then another, puts one back
    in each batch taken from, the last first, never the same unit twice."""
    backend.stock.receive(
        [
            ReceiptLine(back_bar.cream, 3, 9_000, "A", TODAY + timedelta(days=10)),
            ReceiptLine(back_bar.cream, 5, 9_000, "B", TODAY + timedelta(days=90)),
        ],
        team.manager.id,
    )
    ticket = sell(
        backend, team, [SaleLine(LineKind.PRODUCT, back_bar.cream, quantity=4)], 4 * 26_800
    )
    a, b = (batch_of(backend, back_bar.cream, code) for code in ("A", "B"))
    assert by_batch(backend, back_bar.cream) == {a: 0, b: 4}
    with backend.db.read() as s:
        line = s.execute(
            text("SELECT id FROM ticket_line WHERE ticket_id = :t"), {"t": ticket}
        ).scalar_one()
    for _ in range(2):
        backend.checkout.refund_lines(ticket, {line: 1}, Team.MANAGER_PIN, "退货", team.desk.id)
    assert by_batch(backend, back_bar.cream) == {a: 1, b: 5}


def test_held_is_one_products_stock_and_batches_what_it_holds_by_expiry(
    backend: Backend, team: Team, back_bar: BackBar
) -> None:
    receive_two_batches(backend, team, back_bar)
    backend.stock.receive(
        [ReceiptLine(back_bar.cream, 2, 9_000, "LOT-C")], team.manager.id
    )  # a batch with a lot number and no expiry
    late = batch_of(backend, back_bar.serum, "LATE")
    backend.stock.write_off(back_bar.serum, 500, "破损", team.manager.id, late)
    assert backend.stock.held(back_bar.serum) == 500
    assert backend.stock.held(back_bar.cream) == 12
    assert backend.stock.held("no-such-product") == 0
    [early] = backend.stock.batches(back_bar.serum)  # LATE is used up: not listed
    assert (early.code, early.expires_on, early.on_hand, early.unit) == (
        "EARLY",
        TODAY + timedelta(days=30),
        500,
        "ml",
    )
    [lot] = backend.stock.batches(back_bar.cream)  # stock of no batch is no batch
    assert (lot.code, lot.expires_on, lot.on_hand) == ("LOT-C", None, 2)
