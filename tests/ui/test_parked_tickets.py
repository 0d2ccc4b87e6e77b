"""Parking a ticket on the cashier screen and taking it up again (挂单 / 取单), through the
real widgets over a real database."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from salon_pos.domain.ticket import LineKind
from salon_pos.domain.ticket_draft import DraftLine, TicketDraft
from salon_pos.ui.dialogs.parked_tickets import ParkedTicketsDialog
from salon_pos.ui.models.parked_tickets import ParkedTicketsModel
from salon_pos.ui.pages.cashier import CashierPage
from salon_pos.ui.shell import Shell
from tests.conftest import Shelf, Team
from tests.ui.test_cashier import child, choose_technician
from tests.ui.test_chinese_ui import english_left, visible_texts

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def page(qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf) -> CashierPage:
    shell.ctx.sign_in(team.desk)
    page = shell.window.open_page("cashier")
    assert isinstance(page, CashierPage)
    qtbot.waitExposed(shell.window)
    return page


def tap(qtbot: QtBot, page: CashierPage, search: str, item_id: str) -> None:
    child(page, QLineEdit, "catalogSearch").setText(search)
    qtbot.mouseClick(child(page, QPushButton, f"item_{item_id}"), LEFT)


def two_services(qtbot: QtBot, page: CashierPage, team: Team, shelf: Shelf) -> None:
    """日式美甲 ¥168 and 补水保湿护理 ¥198, both by 李娜."""
    tap(qtbot, page, "rsmj", shelf.manicure)
    tap(qtbot, page, "补水", shelf.facial)
    choose_technician(page, 0, team.tech.id)
    choose_technician(page, 1, team.tech.id)


def open_list(qtbot: QtBot, page: CashierPage) -> ParkedTicketsDialog:
    qtbot.mouseClick(child(page, QPushButton, "parkedTickets"), LEFT)
    dialog = page.parking.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_park_list_resume_and_pay(
    qtbot: QtBot, shell: Shell, page: CashierPage, team: Team, shelf: Shelf
) -> None:
    two_services(qtbot, page, team, shelf)
    rung_up = page.ticket.model.rows()
    park_button = child(page, QPushButton, "parkTicket")
    listed = child(page, QPushButton, "parkedTickets")
    assert listed.text() == "取单（0）  Ctrl+F8"

    qtbot.mouseClick(park_button, LEFT)

    qtbot.waitUntil(lambda: page.ticket.model.rowCount() == 0)  # a new sale starts empty
    assert child(page, QLabel, "totalLabel").text() == "应收 ¥0.00"
    qtbot.waitUntil(lambda: page.parking.count == 1)
    assert listed.text() == "取单（1）  Ctrl+F8"
    assert "挂单" in page.message.text()

    dialog = open_list(qtbot, page)
    assert english_left(visible_texts(dialog)) == []
    rows = dialog.model.rows()
    assert [(r.label, r.item_count, r.total) for r in rows] == [("日式美甲 +1", 2, 36600)]
    assert dialog.model.index(0, 1).data() == "散客"
    assert dialog.model.index(0, 4).data() == "刚刚"
    qtbot.mouseClick(child(dialog, QPushButton, "resumeParked"), LEFT)

    qtbot.waitUntil(lambda: page.ticket.model.rowCount() == 2)
    back = page.ticket.model.rows()
    assert back == rung_up  # the lines are back as they were, technicians and all
    assert [(r.name, r.technician) for r in back] == [
        ("日式美甲", "李娜"),
        ("补水保湿护理", "李娜"),
    ]
    assert page.parking.count == 0  # the one on the screen is not counted

    qtbot.mouseClick(child(page, QPushButton, "payButton"), LEFT)
    payment = page.payment
    assert payment is not None and payment.draft.parked_id == rows[0].id
    child(payment, QLineEdit, "tender_wechat").setText("366")
    qtbot.mouseClick(child(payment, QPushButton, "completeSale"), LEFT)

    qtbot.waitUntil(lambda: page.ticket.model.rowCount() == 0)
    assert shell.ctx.backend.parked.list() == []
    assert page.parking.count == 0
    assert open_list(qtbot, page).model.rowCount() == 0


def test_taking_one_up_parks_the_ticket_in_hand_first(
    qtbot: QtBot, shell: Shell, page: CashierPage, team: Team, shelf: Shelf
) -> None:
    two_services(qtbot, page, team, shelf)
    qtbot.keyClick(page, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)  # the shortcut
    qtbot.waitUntil(lambda: page.ticket.model.rowCount() == 0)
    tap(qtbot, page, "bsbs", shelf.facial)
    assert page.ticket.model.rowCount() == 1

    dialog = open_list(qtbot, page)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter takes the selected one up

    qtbot.waitUntil(lambda: page.ticket.model.rowCount() == 2)
    parked = shell.ctx.backend.parked.list()
    assert [p.label for p in parked] == ["日式美甲 +1", "补水保湿护理"]
    assert page.parked_id == parked[0].id
    assert page.parking.count == 1


def test_a_customer_discount_and_redemption_come_back_and_parking_again_updates(
    qtbot: QtBot, shell: Shell, page: CashierPage, team: Team, shelf: Shelf
) -> None:
    backend = shell.ctx.backend
    customer = backend.customers.add("张丽华", "13800138000")
    page.set_customer(customer)
    two_services(qtbot, page, team, shelf)
    page.ticket.select(1)
    line_discount = child(page, QLineEdit, "lineDiscount")
    line_discount.setText("20")
    line_discount.editingFinished.emit()
    page.ticket.set_ticket_discount(1000)
    page.ticket.model.lines_changed.emit()
    held = page.draft_in_hand()
    page.parking.park()
    qtbot.waitUntil(lambda: page.ticket.model.rowCount() == 0)

    dialog = open_list(qtbot, page)
    assert dialog.model.index(0, 1).data() == "张丽华"
    dialog.resume_selected()
    qtbot.waitUntil(lambda: page.ticket.model.rowCount() == 2)
    assert page.draft_in_hand() == held
    assert page.customer.customer is not None and page.customer.customer.id == customer.id
    assert child(page, QLabel, "totalLabel").text() == "应收 ¥336.00"

    page.ticket.remove_selected()
    page.parking.park()
    qtbot.waitUntil(lambda: page.ticket.model.rowCount() == 0)
    [again] = backend.parked.list()
    assert again.item_count == 1  # the same parked ticket, changed: not a second one


def test_an_item_no_longer_sold_is_said_not_a_crash(
    qtbot: QtBot, shell: Shell, page: CashierPage, team: Team, shelf: Shelf
) -> None:
    two_services(qtbot, page, team, shelf)
    page.parking.park()
    qtbot.waitUntil(lambda: page.ticket.model.rowCount() == 0)
    shell.ctx.backend.catalog.set_active(LineKind.SERVICE, shelf.manicure, False)

    open_list(qtbot, page).resume_selected()

    qtbot.waitUntil(lambda: page.ticket.model.rowCount() == 1)
    assert "日式美甲" in page.message.text() and "停售" in page.message.text()


def test_cancelling_asks_twice_and_empties_the_list(
    qtbot: QtBot, shell: Shell, page: CashierPage, team: Team, shelf: Shelf
) -> None:
    two_services(qtbot, page, team, shelf)
    page.parking.park()
    qtbot.waitUntil(lambda: page.ticket.model.rowCount() == 0)
    dialog = open_list(qtbot, page)
    cancel = child(dialog, QPushButton, "cancelParked")

    qtbot.mouseClick(cancel, LEFT)
    assert dialog.model.rowCount() == 1 and "日式美甲 +1" in dialog.message.text()
    qtbot.mouseClick(cancel, LEFT)

    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0)
    assert shell.ctx.backend.parked.list() == []
    assert page.parking.count == 0


def test_the_list_model_is_a_proper_qt_model(
    qtmodeltester: ModelTester, shell: Shell, page: CashierPage, team: Team, shelf: Shelf
) -> None:
    backend = shell.ctx.backend
    assert page.draft_in_hand() is None  # nothing rung up yet
    one_service = TicketDraft(
        (DraftLine(LineKind.SERVICE, shelf.facial, "补水保湿护理", 19800),), note="等染发"
    )
    backend.parked.park(one_service, team.desk.id)
    model = ParkedTicketsModel()
    model.reset(backend.parked.list(), backend.clock.now() + timedelta(minutes=75))
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(5)] == [
        "等染发",
        "散客",
        "1",
        "¥198.00",
        "1 小时 15 分",
    ]
