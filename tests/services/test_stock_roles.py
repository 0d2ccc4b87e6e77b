"""Who may change stock, checked by the services themselves (not only by hidden buttons): the
front desk counts on a stocktake a manager started, and is refused starting or posting one,
receiving, writing off, a minimum, suppliers, purchase orders and transfers, with nothing
written; a technician may not even count."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from salon_pos.db.models import AuditEntry, OutboxOperation
from salon_pos.domain.errors import UnknownStaff
from salon_pos.services.backend import Backend
from salon_pos.services.purchasing import OrderLine
from salon_pos.services.stock import ReceiptLine
from salon_pos.services.stock_roles import CountingNotAllowed, StockNeedsManager
from tests.conftest import Shelf, Team
from tests.services.test_stock import BackBar, back_bar

__all__ = ["back_bar"]  # the fixture, used by name


def written(backend: Backend) -> tuple[int, int]:
    """Outbox operations and audit entries: a refusal adds neither."""
    with backend.db.read() as s:
        ops = s.scalar(select(func.count()).select_from(OutboxOperation))
        audits = s.scalar(select(func.count()).select_from(AuditEntry))
        return int(ops or 0), int(audits or 0)


def test_the_front_desk_counts_but_cannot_start_or_post_a_stocktake(
    backend: Backend, team: Team, back_bar: BackBar
) -> None:
    with pytest.raises(StockNeedsManager) as refused:
        backend.stocktakes.start(team.desk.id)
    assert refused.value.text("zh") == "只有店长或老板可以开始盘点。"
    assert refused.value.text("en") == "Only a manager or the owner may start a stocktake."
    assert backend.stocktakes.open_stocktake() is None
    take = backend.stocktakes.start(team.manager.id)
    backend.stocktakes.count(take.id, back_bar.cream, 4, team.desk.id)
    before = written(backend)
    with pytest.raises(StockNeedsManager) as refused:
        backend.stocktakes.post(take.id, team.desk.id)
    assert refused.value.text("en") == "Only a manager or the owner may post a stocktake."
    assert refused.value.text("zh") == "只有店长或老板可以盘点过账。"
    assert written(backend) == before
    assert backend.stocktakes.open_stocktake() == take  # still open, the count still there
    line = next(x for x in backend.stocktakes.sheet(take.id) if x.product_id == back_bar.cream)
    assert line.counted == 4
    backend.stocktakes.post(take.id, team.manager.id)
    assert backend.stocktakes.open_stocktake() is None


def test_a_technician_or_no_one_cannot_count(
    backend: Backend, team: Team, back_bar: BackBar
) -> None:
    take = backend.stocktakes.start(team.manager.id)
    before = written(backend)
    with pytest.raises(CountingNotAllowed) as refused:
        backend.stocktakes.count(take.id, back_bar.cream, 4, team.tech.id)
    assert refused.value.text("zh") == "李娜 不能盘点：盘点计数由前台、店长或老板录入。"
    with pytest.raises(UnknownStaff):
        backend.stocktakes.count(take.id, back_bar.cream, 4, "")
    assert written(backend) == before
    assert all(line.counted is None for line in backend.stocktakes.sheet(take.id))


def test_the_front_desk_cannot_receive_write_off_order_or_transfer(
    backend: Backend, team: Team, shelf: Shelf, back_bar: BackBar
) -> None:
    backend.stock.receive([ReceiptLine(back_bar.cream, 5, 9_000)], team.manager.id)
    order = backend.purchasing.draft([OrderLine(back_bar.cream, 2, 9_000)], team.manager.id)
    desk = team.desk.id
    refused: list[tuple[str, Callable[[], object]]] = [
        ("receive goods", lambda: backend.stock.receive([ReceiptLine(back_bar.cream, 1)], desk)),
        ("write stock off", lambda: backend.stock.write_off(back_bar.cream, 1, "破损", desk)),
        ("set a minimum stock", lambda: backend.stock.set_minimum(back_bar.cream, 3, desk)),
        ("edit suppliers", lambda: backend.purchasing.save_supplier("广州美源", desk)),
        (
            "draft, place or cancel purchase orders",
            lambda: backend.purchasing.draft([OrderLine(back_bar.cream, 1, 9_000)], desk),
        ),
        ("draft, place or cancel purchase orders", lambda: backend.purchasing.place(order, desk)),
        ("draft, place or cancel purchase orders", lambda: backend.purchasing.cancel(order, desk)),
        (
            "send or receive a transfer",
            lambda: backend.transfers.send("x", {back_bar.cream: 1}, desk),
        ),
        ("send or receive a transfer", lambda: backend.transfers.receive("x", {}, desk)),
        (
            "set what a service uses up",
            lambda: backend.stock.set_consumables(shelf.facial, [], desk),
        ),
    ]
    before = written(backend)
    for action, call in refused:
        with pytest.raises(StockNeedsManager) as error:
            call()
        assert error.value.text("en") == f"Only a manager or the owner may {action}.", action
    assert written(backend) == before
    assert [row.on_hand for row in backend.stock.on_hand() if row.product_id == back_bar.cream] == [
        5
    ]
