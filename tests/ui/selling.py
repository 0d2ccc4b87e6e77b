"""Selling one service on the cashier screen as the front desk does: find its tile, tap it,
pick the technician, pay by WeChat."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from salon_pos.ui.pages.cashier import CashierPage

LEFT = Qt.MouseButton.LeftButton


def sell_one_service(
    qtbot: QtBot, cashier: CashierPage, item_id: str, search: str, technician_id: str, wechat: str
) -> None:
    """Type `search` in the catalog box, tap the item's tile, give the line its technician and
    pay `wechat` (yuan, as typed) by WeChat."""
    cashier.findChild(QLineEdit, "catalogSearch").setText(search)

    def tile() -> QPushButton | None:
        found: QPushButton | None = cashier.findChild(QPushButton, f"item_{item_id}")
        return found if found is not None and found.isVisible() else None

    qtbot.waitUntil(lambda: tile() is not None)
    qtbot.mouseClick(tile(), LEFT)
    qtbot.waitUntil(lambda: cashier.ticket.model.rowCount() == 1)
    cashier.ticket.select(0)
    picker = cashier.findChild(QComboBox, "technicianPicker")
    picker.setCurrentIndex(picker.findData(technician_id))
    qtbot.mouseClick(cashier.findChild(QPushButton, "payButton"), LEFT)
    dialog = cashier.payment
    assert dialog is not None and dialog.isVisible()
    dialog.findChild(QLineEdit, "tender_wechat").setText(wechat)
    qtbot.mouseClick(dialog.findChild(QPushButton, "completeSale"), LEFT)
