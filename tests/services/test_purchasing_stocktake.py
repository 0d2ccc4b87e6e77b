"""Suppliers, purchase orders and stocktakes through the service layer, against a real SQLite
file: an order drafted from low stock, placed, received in two receipts (partly, then whole),
refused when not open; a stocktake counted in two places while a sale goes on, posted with the
movements of each product that differs (a loss out of its batches first expired first) and
the variance at cost, theoretical against counted consumption, and refused when posted twice."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from salon_pos.db.models import OutboxOperation, StockMovement
from salon_pos.domain.stock import NotAQuantity
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.purchasing import EmptyOrder, OrderLine, OrderNotOpen, OrderState
from salon_pos.services.stock import ConsumableLine, ReceiptLine
from salon_pos.services.stocktake import (
    NothingCounted,
    NotInStocktake,
    StocktakeAlreadyPosted,
    StocktakeOpen,
)
from tests.conftest import FakeClock, Shelf, Team
from tests.services.test_stock import TODAY, BackBar, back_bar, batch_of, on_hand

__all__ = ["back_bar"]  # the fixture, used by name


def ops_of(backend: Backend, op_type: str) -> list[dict[str, object]]:
    with backend.db.read() as s:
        found = s.scalars(select(OutboxOperation).where(OutboxOperation.type == op_type))
        return [json.loads(op.payload) for op in found]


def test_an_order_from_low_stock_is_placed_and_received_in_two_receipts(
    backend: Backend, team: Team, back_bar: BackBar
) -> None:
    supplier = backend.purchasing.save_supplier(
        "广州美源", team.manager.id, "陈经理", "138-0013-8000"
    )
    backend.stock.set_minimum(back_bar.cream, 5, team.manager.id)
    order_id = backend.purchasing.draft_from_low_stock(team.manager.id, supplier)
    assert order_id is not None
    order = backend.purchasing.order(order_id)
    assert order.state is OrderState.DRAFT and order.supplier == "广州美源"
    assert [(line.product_id, line.packages) for line in order.lines] == [(back_bar.cream, 10)]
    with pytest.raises(OrderNotOpen) as refused:  # a draft is not received against
        backend.stock.receive(
            [ReceiptLine(back_bar.cream, 1)], team.manager.id, purchase_order_id=order_id
        )
    assert "草稿" in refused.value.text("zh") and "入库" in refused.value.text("zh")
    assert refused.value.text("en") == (
        f"Purchase order {order.number} is a draft: it cannot be received against."
    )
    backend.purchasing.place(order_id, team.manager.id)
    backend.stock.receive(
        [ReceiptLine(back_bar.cream, 4, 9_000)], team.manager.id, purchase_order_id=order_id
    )
    order = backend.purchasing.order(order_id)
    assert order.state is OrderState.PARTLY_RECEIVED
    assert order.outstanding() == {back_bar.cream: 6}
    backend.stock.receive(
        [ReceiptLine(back_bar.cream, 6, 9_000)], team.manager.id, purchase_order_id=order_id
    )
    order = backend.purchasing.order(order_id)
    assert order.state is OrderState.RECEIVED and order.outstanding() == {}
    assert on_hand(backend, back_bar.cream) == 10
    receipts = ops_of(backend, "stock.moved")
    assert [r["purchase_order_id"] for r in receipts] == [order_id, order_id]
    assert {r["supplier"] for r in receipts} == {"广州美源"}
    saved = ops_of(backend, "purchase_order.saved")
    assert [o["status"] for o in saved] == ["draft", "ordered"]
    # each edit names the version it was made from: the server sees two counters' edits by it
    assert (saved[0]["base_hlc"], saved[1]["base_hlc"]) == ("", saved[0]["hlc"])
    with pytest.raises(OrderNotOpen) as received:
        backend.purchasing.cancel(order_id, team.manager.id)
    assert received.value.text("en").endswith("is received: it cannot be cancelled.")


def test_bad_orders_are_refused(backend: Backend, team: Team, back_bar: BackBar) -> None:
    with pytest.raises(EmptyOrder):
        backend.purchasing.draft([], team.manager.id)
    with pytest.raises(NotAQuantity):
        backend.purchasing.draft([OrderLine(back_bar.cream, -3)], team.manager.id)
    assert backend.purchasing.orders() == []
    order_id = backend.purchasing.draft([OrderLine(back_bar.cream, 3)], team.manager.id)
    backend.purchasing.cancel(order_id, team.manager.id)
    with pytest.raises(OrderNotOpen) as cancelled:
        backend.purchasing.place(order_id, team.manager.id)
    assert cancelled.value.text("en").endswith("is cancelled: it cannot be ordered.")
    assert "已取消" in cancelled.value.text("zh") and "下单" in cancelled.value.text("zh")


def test_a_stocktake_counts_around_a_sale_and_posts_one_movement_per_product(
    backend: Backend, team: Team, shelf: Shelf, back_bar: BackBar, clock: FakeClock
) -> None:
    backend.stock.receive(
        [
            ReceiptLine(back_bar.cream, 10, 9_000),
            ReceiptLine(back_bar.serum, 2, 20_000, "L1", TODAY + timedelta(days=200)),
        ],
        team.manager.id,
    )
    facial = SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id)
    backend.checkout.complete_sale(
        SaleRequest(team.desk.id, [facial], [Tender(TenderKind.CASH, 19_800)])
    )  # 5 ml of serum used: 995 on record
    take = backend.stocktakes.start(team.manager.id)
    with pytest.raises(StocktakeOpen):
        backend.stocktakes.start(team.manager.id)
    clock.advance(minutes=5)
    backend.stocktakes.count(take.id, back_bar.cream, 4, team.desk.id)  # the shelf
    clock.advance(minutes=1)
    backend.stocktakes.count(take.id, back_bar.cream, 5, team.manager.id)  # the store room
    backend.stocktakes.count(take.id, back_bar.serum, 980, team.desk.id)  # 15 ml gone astray
    clock.advance(minutes=3)
    cream = SaleLine(LineKind.PRODUCT, back_bar.cream, quantity=2)
    backend.checkout.complete_sale(  # sold after being counted: not the count's to judge
        SaleRequest(team.desk.id, [cream], [Tender(TenderKind.CASH, 2 * 26_800)])
    )
    sheet = {line.product_id: line for line in backend.stocktakes.sheet(take.id)}
    assert (sheet[back_bar.cream].counted, sheet[back_bar.cream].expected) == (9, 10)
    assert sheet[back_bar.cream].value == -9_000  # one cream at ¥90
    assert (sheet[back_bar.serum].counted, sheet[back_bar.serum].expected) == (980, 995)
    assert sheet[back_bar.serum].value == -600  # 15 ml of a ¥200 500 ml bottle
    assert sheet[back_bar.serum].used_recorded == 5
    assert sheet[back_bar.serum].used_counted == 20  # the count says the facials used more
    clock.advance(minutes=2)
    backend.stocktakes.post(take.id, team.manager.id)
    # The count stands for the moment counted; the later sale stays taken.
    assert on_hand(backend, back_bar.cream) == 9 - 2
    assert on_hand(backend, back_bar.serum) == 980
    with backend.db.read() as s:
        moves = s.scalars(select(StockMovement).where(StockMovement.document_id == take.id)).all()
    assert sorted((m.product_id, m.quantity) for m in moves) == sorted(
        [(back_bar.cream, -1), (back_bar.serum, -15)]
    )
    posted = ops_of(backend, "stocktake.posted")
    assert len(posted) == 1 and len(posted[0]["movements"]) == 2  # type: ignore[arg-type]
    assert len(ops_of(backend, "stocktake.counted")) == 3
    with pytest.raises(StocktakeAlreadyPosted):
        backend.stocktakes.post(take.id, team.manager.id)
    with pytest.raises(StocktakeAlreadyPosted):
        backend.stocktakes.count(take.id, back_bar.cream, 1, team.desk.id)
    after = {line.product_id: line for line in backend.stocktakes.sheet(take.id)}
    assert (after[back_bar.cream].counted, after[back_bar.cream].value) == (9, -9_000)


def test_a_stocktake_out_of_scope_lists_its_categories_in_the_messages_language(
    backend: Backend, team: Team, back_bar: BackBar
) -> None:
    take = backend.stocktakes.start(team.manager.id, ["Hair", "Nails"])
    with pytest.raises(NotInStocktake) as refused:
        backend.stocktakes.count(take.id, back_bar.cream, 3, team.desk.id)
    assert "(it counts Hair, Nails)" in refused.value.text("en")
    assert "Hair、Nails" in refused.value.text("zh")


def test_a_stocktake_by_category_refuses_other_products_and_an_empty_post(
    backend: Backend, team: Team, back_bar: BackBar
) -> None:
    take = backend.stocktakes.start(team.manager.id, ["院装"])
    with pytest.raises(NotInStocktake) as refused:
        backend.stocktakes.count(take.id, back_bar.cream, 3, team.desk.id)
    assert "院装" in refused.value.text("zh")
    with pytest.raises(NothingCounted):
        backend.stocktakes.post(take.id, team.manager.id)
    assert [line.name for line in backend.stocktakes.sheet(take.id)] == ["玻尿酸原液"]
    assert ConsumableLine  # the back-bar fixture sets the facial's consumables


def test_the_next_stocktake_counts_consumption_since_the_last_one_posted(
    backend: Backend, team: Team, shelf: Shelf, back_bar: BackBar, clock: FakeClock
) -> None:
    backend.stock.receive(
        [ReceiptLine(back_bar.serum, 2, 20_000, "L1", TODAY + timedelta(days=200))],
        team.manager.id,
    )
    facial = SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id)
    paid = [Tender(TenderKind.CASH, 19_800)]
    backend.checkout.complete_sale(SaleRequest(team.desk.id, [facial], paid))
    first = backend.stocktakes.start(team.manager.id)
    clock.advance(minutes=5)
    backend.stocktakes.count(first.id, back_bar.serum, 995, team.desk.id)
    clock.advance(minutes=1)
    backend.stocktakes.post(first.id, team.manager.id)
    clock.advance(days=3)  # two facials on a later day: the first one was before the post
    backend.checkout.complete_sale(SaleRequest(team.desk.id, [facial, facial], paid * 2))
    second = backend.stocktakes.start(team.manager.id)
    clock.advance(minutes=5)
    backend.stocktakes.count(second.id, back_bar.serum, 980, team.desk.id)
    sheet = {line.product_id: line for line in backend.stocktakes.sheet(second.id)}
    assert sheet[back_bar.serum].used_recorded == 10
    assert sheet[back_bar.serum].used_counted == 15
    before = {line.product_id: line for line in backend.stocktakes.sheet(first.id)}
    assert before[back_bar.serum].used_recorded == 5  # as posted: up to its post


def test_a_loss_larger_than_a_batch_comes_out_of_the_batches_first_expired_first(
    backend: Backend, team: Team, back_bar: BackBar
) -> None:
    """Batches stay true after a stocktake: a loss is taken out of every batch it needs, the
    expired one first, not booked to no batch while the batches keep what is gone (the
    expiring list showed a bottle the shelf no longer held)."""
    serum = back_bar.serum
    backend.stock.receive(
        [
            ReceiptLine(serum, 2, 20_000, "LATE", TODAY + timedelta(days=300)),
            ReceiptLine(serum, 1, 20_000, "OLD", TODAY - timedelta(days=1)),
            ReceiptLine(serum, 1, 20_000, "SOON", TODAY + timedelta(days=20)),
        ],
        team.manager.id,
    )  # 2,000 ml: 500 expired, 500 expiring in 20 days, 1,000 later
    take = backend.stocktakes.start(team.manager.id)
    backend.stocktakes.count(take.id, serum, 700, team.desk.id)  # 1,300 ml gone
    backend.stocktakes.count(take.id, back_bar.cream, 3, team.desk.id)  # 3 found, none held
    backend.stocktakes.post(take.id, team.manager.id)
    held = {batch.code: batch.on_hand for batch in backend.stock.batches(serum)}
    assert held == {"LATE": 700}  # OLD and SOON used up first, then 300 of LATE
    assert on_hand(backend, serum) == 700
    assert [e.code for e in backend.stock.expiring(30)] == []  # nothing left to expire soon
    assert on_hand(backend, back_bar.cream) == 3
    with backend.db.read() as s:
        moves = s.scalars(select(StockMovement).where(StockMovement.document_id == take.id)).all()
    by_batch = sorted((m.product_id, m.batch_id is None, m.quantity) for m in moves)
    assert by_batch == sorted(
        [
            (serum, False, -500),
            (serum, False, -500),
            (serum, False, -300),
            (back_bar.cream, True, 3),
        ]
    )
    [posted] = ops_of(backend, "stocktake.posted")
    assert len(posted["movements"]) == 4  # type: ignore[arg-type]


def test_a_loss_beyond_what_the_batches_hold_takes_the_rest_from_no_batch(
    backend: Backend, team: Team, back_bar: BackBar
) -> None:
    cream = back_bar.cream
    backend.stock.receive(
        [ReceiptLine(cream, 2, 9_000, "C1"), ReceiptLine(cream, 5, 9_000)], team.manager.id
    )  # 2 in lot C1, 5 of no batch
    take = backend.stocktakes.start(team.manager.id)
    backend.stocktakes.count(take.id, cream, 1, team.desk.id)  # 6 gone
    backend.stocktakes.post(take.id, team.manager.id)
    assert backend.stock.batches(cream) == []  # the lot first, then 4 of no batch
    assert on_hand(backend, cream) == 1
    with backend.db.read() as s:
        moves = s.scalars(select(StockMovement).where(StockMovement.document_id == take.id)).all()
    assert sorted((m.batch_id is None, m.quantity) for m in moves) == [(False, -2), (True, -4)]


def test_a_loss_comes_out_of_the_batches_as_they_stood_at_the_count(
    backend: Backend, team: Team, back_bar: BackBar, clock: FakeClock
) -> None:
    """Found in review: the split read the batches as they stand at the post. A batch received
    after the count took a loss it was not there for (its ledger below zero from the count to
    its receipt), and one written off from after the count could be taken below zero."""
    serum = back_bar.serum
    backend.stock.receive(
        [
            ReceiptLine(serum, 2, 20_000, "LATE", TODAY + timedelta(days=300)),
            ReceiptLine(serum, 1, 20_000, "SOON", TODAY + timedelta(days=20)),
        ],
        team.manager.id,
    )  # 1,500 ml
    take = backend.stocktakes.start(team.manager.id)
    clock.advance(minutes=5)
    backend.stocktakes.count(take.id, serum, 1_200, team.desk.id)  # 300 ml gone
    clock.advance(minutes=5)
    backend.stock.receive(  # after the count: not the count's
        [ReceiptLine(serum, 1, 20_000, "NEW", TODAY + timedelta(days=10))], team.manager.id
    )
    soon = batch_of(backend, serum, "SOON")
    backend.stock.write_off(serum, 400, "瓶子摔了", team.manager.id, batch_id=soon)
    clock.advance(minutes=5)
    backend.stocktakes.post(take.id, team.manager.id)
    held = {b.code: b.on_hand for b in backend.stock.batches(serum)}
    # SOON held 500 at the count but 100 now: 100 of the loss from it, 200 from LATE; NEW,
    # expiring first but received after the count, keeps its 500.
    assert held == {"NEW": 500, "LATE": 800}
    assert on_hand(backend, serum) == 1_200 + 500 - 400
