"""Stock at the cashier: a product the records hold none of warns but still sells, and the sale
says what went below zero; stock past its expiry asks for a manager's PIN, then sells."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from salon_pos.domain.ticket import LineKind
from salon_pos.services.stock import ReceiptLine
from salon_pos.ui.pages.cashier import CashierPage
from salon_pos.ui.shell import Shell
from tests.conftest import Shelf, Team
from tests.ui.test_cashier import LEFT, child, pay, ticking

WARNING = "玻尿酸精华：本店账面无库存（0 件）。仍可继续销售，请告知店长。"


@pytest.fixture
def till(qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf) -> CashierPage:
    shell.ctx.sign_in(team.desk)
    page = shell.window.open_page("cashier")
    assert isinstance(page, CashierPage)
    qtbot.waitExposed(shell.window)
    page.scanner.clock = ticking(0.01)
    return page


def on_hand(shell: Shell, product_id: str) -> int:
    rows = shell.ctx.backend.stock.on_hand()
    return next(r.on_hand for r in rows if r.product_id == product_id)


def test_selling_a_product_out_of_stock_warns_and_the_sale_completes(
    qtbot: QtBot, shell: Shell, till: CashierPage, shelf: Shelf
) -> None:
    till.add_item(LineKind.PRODUCT, shelf.serum)
    qtbot.waitUntil(lambda: till.message.text() == WARNING)
    assert till.message.isVisible() and till.ticket.model.rowCount() == 1
    dialog = pay(qtbot, till, "", "quickCash_exact")
    with qtbot.waitSignal(dialog.completed, timeout=10_000):
        qtbot.mouseClick(child(dialog, QPushButton, "completeSale"), LEFT)
    [ticket] = shell.ctx.backend.tickets.find()
    assert ticket.total == 12_800
    assert "以下商品现为负库存：玻尿酸精华。" in till.message.text()
    assert on_hand(shell, shelf.serum) == -1


def test_a_product_in_stock_does_not_warn(
    qtbot: QtBot, shell: Shell, team: Team, till: CashierPage, shelf: Shelf
) -> None:
    shell.ctx.backend.stock.receive([ReceiptLine(shelf.serum, 2, 5_000)], team.manager.id)
    till.add_item(LineKind.PRODUCT, shelf.serum)
    shell.settle()  # the stock read is back
    assert not till.message.isVisible()


def test_expired_stock_asks_a_manager_and_then_sells(
    qtbot: QtBot, shell: Shell, team: Team, till: CashierPage, shelf: Shelf
) -> None:
    backend = shell.ctx.backend
    yesterday = backend.clock.now().date() - timedelta(days=1)
    backend.stock.receive([ReceiptLine(shelf.serum, 1, 5_000, "OLD", yesterday)], team.manager.id)
    till.add_item(LineKind.PRODUCT, shelf.serum)
    dialog = pay(qtbot, till, "", "quickCash_exact")
    qtbot.mouseClick(child(dialog, QPushButton, "completeSale"), LEFT)
    qtbot.waitUntil(lambda: dialog._approval is not None and dialog._approval.isVisible())
    approval = dialog._approval
    assert approval is not None and "玻尿酸精华 的库存已过有效期" in approval.explain.text()
    assert backend.tickets.find() == [] and on_hand(shell, shelf.serum) == 1
    approval.pad.field.setText(Team.MANAGER_PIN)
    with qtbot.waitSignal(dialog.completed, timeout=10_000):
        qtbot.mouseClick(child(approval, QPushButton, "pinOk"), LEFT)
    assert len(backend.tickets.find()) == 1 and on_hand(shell, shelf.serum) == 0
