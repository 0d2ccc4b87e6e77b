"""The issue's whole story at the counter, screen to screen: sign in with the PIN pad, find a
customer by pinyin initials, ring up two services with technicians and a scanned product, take
WeChat + cash, read the receipt, find the ticket on the tickets screen, and void it with the
manager's PIN after a wrong one is refused."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from salon_pos.domain.ticket import TicketStatus
from salon_pos.ui.models.tickets import TicketListModel
from salon_pos.ui.pages.cashier import CashierPage
from salon_pos.ui.pages.tickets import TicketsPage
from salon_pos.ui.shell import Shell
from tests.conftest import Shelf, Team
from tests.devices.escpos_text import printed_rows
from tests.ui.test_cashier import child, pay, ring_up, ticking
from tests.ui.test_sign_in import sign_in_with_pad
from tests.ui.test_tickets import approve, cell, select

LEFT = Qt.MouseButton.LeftButton


def test_a_sale_rung_up_paid_printed_found_and_voided(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, paper: Path
) -> None:
    shell.ctx.backend.customers.add("张丽华", "13800138000")
    shell.window.sign_in.reset()
    sign_in_with_pad(qtbot, shell, team.desk.id, Team.DESK_PIN)
    qtbot.waitUntil(lambda: shell.ctx.staff == team.desk)

    cashier = shell.window.open_page("cashier")
    assert isinstance(cashier, CashierPage)
    cashier.scanner.clock = ticking(0.01)
    qtbot.keyClicks(child(cashier, QLineEdit, "customerSearch"), "zlh")
    results = child(cashier, QListWidget, "customerResults")
    qtbot.waitUntil(lambda: results.count() == 1)
    rect = results.visualItemRect(results.item(0))
    qtbot.mouseClick(results.viewport(), LEFT, pos=rect.center())
    ring_up(qtbot, cashier, team, shelf)
    dialog = pay(qtbot, cashier, "300", "quickCash_200")
    with qtbot.waitSignal(shell.ctx.printer_state_changed, timeout=5000):
        qtbot.mouseClick(child(dialog, QPushButton, "completeSale"), LEFT)
    rows = printed_rows(paper.read_bytes())
    assert any(row.startswith("找零") and row.endswith("￥6.00") for row in rows)
    [sale] = shell.ctx.backend.tickets.find()
    assert (sale.customer, sale.total) == ("张丽华", 49400)

    qtbot.mouseClick(shell.window.findChild(QPushButton, "nav_tickets"), LEFT)
    tickets = shell.window.pages.currentWidget()
    assert isinstance(tickets, TicketsPage)
    qtbot.waitUntil(lambda: cell(tickets, sale.number, TicketListModel.STATUS) == "已完成")
    select(qtbot, tickets, sale.number)
    qtbot.mouseClick(tickets.findChild(QPushButton, "voidButton"), LEFT)
    approval = tickets.ticket_actions.pin_dialog
    assert approval is not None
    approve(qtbot, approval, "4321", "顾客临时取消")
    qtbot.waitUntil(lambda: approval.message.isVisible())
    assert "PIN 不正确" in approval.message.text()
    assert shell.ctx.backend.tickets.get(sale.id).summary.status is TicketStatus.COMPLETED
    with qtbot.waitSignal(shell.ctx.changed, timeout=10_000):
        approve(qtbot, approval, Team.MANAGER_PIN, "顾客临时取消")
    assert cell(tickets, sale.number, TicketListModel.STATUS) == "已作废"
    assert shell.ctx.backend.tickets.get(sale.id).summary.status is TicketStatus.VOIDED
