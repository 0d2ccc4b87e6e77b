"""The tickets screen: list and search, detail, reprint, void and refund with a manager's PIN.
Real widgets found by objectName, a real SQLite file, the file printer for receipts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit, QPushButton, QSpinBox, QTableView
from pytestqt.qtbot import QtBot

from salon_pos.domain.ticket import TicketStatus
from salon_pos.services.checkout import CompletedSale
from salon_pos.services.tickets import TicketLineView, TicketSummary
from salon_pos.ui.dialogs.manager_pin import ManagerPinDialog
from salon_pos.ui.dialogs.void_refund import RefundDialog, line_refund
from salon_pos.ui.models.tickets import TicketLineModel, TicketListModel
from salon_pos.ui.pages.tickets import TicketsPage
from salon_pos.ui.shell import Shell
from tests.conftest import FakeClock, Shelf, Team, three_line_sale
from tests.devices.escpos_text import closed_port, printed_text
from tests.ui.test_chinese_ui import english_left, visible_texts

LEFT = Qt.MouseButton.LeftButton


def open_tickets(shell: Shell, team: Team) -> TicketsPage:
    shell.ctx.sign_in(team.desk)
    page = shell.window.open_page("tickets")
    assert isinstance(page, TicketsPage)
    return page


def sell(shell: Shell, team: Team, shelf: Shelf, customer_id: str | None = None) -> CompletedSale:
    return shell.ctx.backend.checkout.complete_sale(three_line_sale(team, shelf, customer_id))


def listed(page: TicketsPage) -> list[TicketSummary]:
    model = page.findChild(QTableView, "ticketList").model()
    assert isinstance(model, TicketListModel)
    return [model.row(i) for i in range(model.rowCount())]


def cell(page: TicketsPage, number: str, column: int) -> str:
    model = page.findChild(QTableView, "ticketList").model()
    row = next(i for i, t in enumerate(listed(page)) if t.number == number)
    return str(model.index(row, column).data())


def select(qtbot: QtBot, page: TicketsPage, number: str) -> None:
    row = next(i for i, t in enumerate(listed(page)) if t.number == number)
    page.findChild(QTableView, "ticketList").selectRow(row)
    qtbot.waitUntil(
        lambda: page.detail.view is not None and page.detail.view.summary.number == number
    )


def detail_lines(page: TicketsPage) -> list[TicketLineView]:
    model = page.findChild(QTableView, "ticketLines").model()
    assert isinstance(model, TicketLineModel)
    return [model.row(i) for i in range(model.rowCount())]


def approve(qtbot: QtBot, dialog: ManagerPinDialog, pin: str, reason: str) -> None:
    qtbot.waitUntil(dialog.isVisible)
    dialog.findChild(QLineEdit, "approvalReason").setText(reason)
    dialog.findChild(QLineEdit, "pinField").setText(pin)
    qtbot.mouseClick(dialog.findChild(QPushButton, "pinOk"), LEFT)


def message(page: TicketsPage) -> QLabel:
    return page.message  # the page's own; each dialog has one too


@pytest.fixture
def sales(shell: Shell, team: Team, shelf: Shelf) -> list[CompletedSale]:
    customers = shell.ctx.backend.customers
    anna = customers.add("张美丽", "13800138000")
    ling = customers.add("王玲", "13912345678")
    return [
        sell(shell, team, shelf, anna.id),
        sell(shell, team, shelf, ling.id),
        sell(shell, team, shelf),
    ]


def test_todays_tickets_are_listed_newest_first_and_search_narrows_them(
    qtbot: QtBot, shell: Shell, team: Team, sales: list[CompletedSale]
) -> None:
    page = open_tickets(shell, team)
    assert [t.number for t in listed(page)] == [s.number for s in reversed(sales)]
    assert cell(page, sales[2].number, TicketListModel.CUSTOMER) == "散客"
    assert cell(page, sales[0].number, TicketListModel.STATUS) == "已完成"
    assert cell(page, sales[0].number, TicketListModel.TOTAL) == "¥494.00"
    assert cell(page, sales[0].number, TicketListModel.TIME) == "14:30"  # Shanghai, not UTC
    assert page.detail.view is not None and page.detail.view.summary.number == sales[2].number

    search = page.findChild(QLineEdit, "ticketSearch")
    for text, expected in (
        (sales[1].number, [sales[1].number]),
        ("张美", [sales[0].number]),
        ("2345", [sales[1].number]),  # phone digits
        ("", [s.number for s in reversed(sales)]),
    ):
        search.setText(text)
        qtbot.waitUntil(lambda expected=expected: [t.number for t in listed(page)] == expected)


def test_past_days_by_date_range(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, clock: FakeClock
) -> None:
    yesterday = sell(shell, team, shelf)
    clock.advance(days=1)
    today = sell(shell, team, shelf)
    page = open_tickets(shell, team)
    assert [t.number for t in listed(page)] == [today.number]
    page.findChild(QDateEdit, "dateFrom").setDate(QDate(2026, 11, 20))
    assert [t.number for t in listed(page)] == [today.number, yesterday.number]
    assert cell(page, yesterday.number, TicketListModel.TIME) == "11-20 14:30"
    page.findChild(QDateEdit, "dateTo").setDate(QDate(2026, 11, 20))
    assert [t.number for t in listed(page)] == [yesterday.number]
    qtbot.mouseClick(page.findChild(QPushButton, "ticketsToday"), LEFT)
    assert [t.number for t in listed(page)] == [today.number]


def test_detail_shows_lines_with_technicians_payments_and_change(
    qtbot: QtBot, shell: Shell, team: Team, sales: list[CompletedSale]
) -> None:
    page = open_tickets(shell, team)
    select(qtbot, page, sales[0].number)
    lines = detail_lines(page)
    assert [(line.name, line.technician) for line in lines] == [
        ("补水保湿护理", "李娜"),
        ("日式美甲", "李娜"),
        ("玻尿酸精华", None),
    ]
    detail = page.findChild(QLabel, "ticketDetailNumber").parent()

    def shown() -> list[str]:  # labels added to a shown layout appear on the next event loop turn
        return [label.text() for label in detail.findChildren(QLabel) if label.isVisibleTo(page)]

    qtbot.waitUntil(lambda: "微信支付" in shown())
    assert {"¥300.00", "现金", "¥200.00", "找零", "¥6.00", "应收", "¥494.00"} <= set(shown())
    assert "张美丽" in page.findChild(QLabel, "ticketDetailFacts").text()
    assert page.findChild(QPushButton, "voidButton").isEnabled()
    assert page.findChild(QPushButton, "refundButton").isEnabled()


def test_a_wrong_pin_is_refused_and_the_manager_pin_voids(
    qtbot: QtBot, shell: Shell, team: Team, sales: list[CompletedSale]
) -> None:
    page = open_tickets(shell, team)
    select(qtbot, page, sales[1].number)
    qtbot.mouseClick(page.findChild(QPushButton, "voidButton"), LEFT)
    dialog = page.ticket_actions.pin_dialog
    assert dialog is not None
    approve(qtbot, dialog, Team.DESK_PIN, "顾客临时取消")  # a front-desk PIN cannot approve
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.message.isVisible())
    assert "PIN 不正确" in dialog.message.text()
    assert (
        shell.ctx.backend.tickets.get(sales[1].ticket_id).summary.status is TicketStatus.COMPLETED
    )
    assert cell(page, sales[1].number, TicketListModel.STATUS) == "已完成"

    with qtbot.waitSignal(shell.ctx.changed, timeout=10_000):
        approve(qtbot, dialog, Team.MANAGER_PIN, "顾客临时取消")
    assert cell(page, sales[1].number, TicketListModel.STATUS) == "已作废"
    assert "已作废" in message(page).text()
    assert page.findChild(QLabel, "ticketVoidReason").text() == "作废原因：顾客临时取消"
    assert not page.findChild(QPushButton, "voidButton").isEnabled()
    assert not page.findChild(QPushButton, "refundButton").isEnabled()


def test_refund_one_unit_of_a_line_shows_the_refunded_amount(
    qtbot: QtBot, shell: Shell, team: Team, sales: list[CompletedSale]
) -> None:
    page = open_tickets(shell, team)
    select(qtbot, page, sales[0].number)
    qtbot.mouseClick(page.findChild(QPushButton, "refundButton"), LEFT)
    choice = page.ticket_actions.refund_dialog
    assert isinstance(choice, RefundDialog)
    qtbot.waitUntil(choice.isVisible)
    serum = choice.findChild(QSpinBox, "refundQuantity_3")
    assert serum.maximum() == 1
    serum.setValue(1)
    assert "¥128.00" in choice.findChild(QLabel, "refundPreview").text()
    qtbot.mouseClick(choice.findChild(QPushButton, "refundNext"), LEFT)
    pin = page.ticket_actions.pin_dialog
    assert pin is not None
    with qtbot.waitSignal(shell.ctx.changed, timeout=10_000):
        approve(qtbot, pin, Team.MANAGER_PIN, "商品未拆封，顾客退货")
    assert cell(page, sales[0].number, TicketListModel.REFUNDED) == "¥128.00"
    assert cell(page, sales[0].number, TicketListModel.STATUS) == "部分退款"
    assert [line.refunded_quantity for line in detail_lines(page)] == [0, 0, 1]
    assert "¥128.00" in message(page).text()
    assert not page.findChild(QPushButton, "voidButton").isEnabled()  # refunded: no void


def test_reprint_writes_a_copy_marked_as_such(
    qtbot: QtBot, shell: Shell, team: Team, sales: list[CompletedSale], paper: Path
) -> None:
    page = open_tickets(shell, team)
    select(qtbot, page, sales[0].number)
    with qtbot.waitSignal(shell.ctx.printer_state_changed, timeout=10_000) as printed:
        qtbot.mouseClick(page.findChild(QPushButton, "reprintButton"), LEFT)
    assert printed.args == [True, ""]
    text = printed_text(paper.read_bytes())
    assert "重印" in text and sales[0].number in text
    assert "已重打" in message(page).text()


def test_a_printer_problem_is_told_and_nothing_else_changes(
    qtbot: QtBot, shell: Shell, team: Team, sales: list[CompletedSale]
) -> None:
    shell.ctx.backend.settings.update(
        printer_kind="network", printer_target=f"127.0.0.1:{closed_port()}"
    )
    page = open_tickets(shell, team)
    with qtbot.waitSignal(shell.ctx.printer_state_changed, timeout=10_000) as printed:
        qtbot.mouseClick(page.findChild(QPushButton, "reprintButton"), LEFT)
    assert printed.args[0] is False and printed.args[1]
    assert message(page).text() == printed.args[1]
    assert page.findChild(QPushButton, "reprintButton").isEnabled()


def test_the_refund_preview_is_exact_or_marked_as_an_estimate() -> None:
    line = TicketLineView("l", 1, None, "i", "x", 3, 100, 100, 0, 300, 299, None, None, 0)  # type: ignore[arg-type]
    assert line_refund(line, 1) == (99, True)
    assert line_refund(line, 3) == (299, True)
    part = TicketLineView("l", 1, None, "i", "x", 3, 100, 100, 0, 300, 299, None, None, 1)  # type: ignore[arg-type]
    assert line_refund(part, 1) == (99, True)
    assert line_refund(part, 2) == (200, False)


def test_the_models_pass_the_model_tester(
    qtmodeltester,
    shell: Shell,
    team: Team,
    sales: list[CompletedSale],  # type: ignore[no-untyped-def]
) -> None:
    page = open_tickets(shell, team)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.detail.lines)


def test_the_refund_and_approval_dialogs_are_all_chinese(
    qtbot: QtBot, shell: Shell, team: Team, sales: list[CompletedSale]
) -> None:
    page = open_tickets(shell, team)
    qtbot.mouseClick(page.findChild(QPushButton, "refundButton"), LEFT)
    choice = page.ticket_actions.refund_dialog
    assert choice is not None
    qtbot.waitUntil(choice.isVisible)
    assert english_left(visible_texts(choice)) == []
    choice.findChild(QSpinBox, "refundQuantity_1").setValue(1)
    qtbot.mouseClick(choice.findChild(QPushButton, "refundNext"), LEFT)
    approval = page.ticket_actions.pin_dialog
    assert approval is not None
    qtbot.waitUntil(approval.isVisible)
    assert english_left(visible_texts(approval)) == []
    assert english_left(visible_texts(page)) == []
