"""The printer in the status bar is what it really is (none set up, not tried yet, ready, or
the last error); with no printer set up a sale is not an error: the change shows large."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from salon_pos.services.changes import SETTINGS, Changes
from salon_pos.ui.pages.cashier import CashierPage
from salon_pos.ui.shell import Shell
from tests.conftest import Shelf, Team
from tests.devices.escpos_text import closed_port
from tests.ui.test_cashier import child, pay, ring_up

LEFT = Qt.MouseButton.LeftButton


def printer_label(shell: Shell) -> QLabel:
    label = shell.window.statusBar().findChild(QLabel, "statusPrinter")
    assert isinstance(label, QLabel)
    return label


@pytest.fixture
def page(qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf) -> CashierPage:
    shell.ctx.sign_in(team.desk)
    page = shell.window.open_page("cashier")
    assert isinstance(page, CashierPage)
    return page


def test_with_no_printer_a_sale_shows_the_change_large_and_a_calm_note(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf
) -> None:
    shell.ctx.backend.settings.update(printer_kind="none")
    shell.ctx.announce(Changes.of(SETTINGS))
    assert printer_label(shell).text() == "未设置小票打印机"
    shell.ctx.sign_in(team.desk)
    page = shell.window.open_page("cashier")
    assert isinstance(page, CashierPage)
    ring_up(qtbot, page, team, shelf)
    dialog = pay(qtbot, page, "300", "quickCash_200")
    qtbot.mouseClick(child(dialog, QPushButton, "completeSale"), LEFT)
    qtbot.waitUntil(lambda: page.change_due.isVisible())

    assert page.change_due.text() == "找零 ¥6.00"
    assert page.change_due.font().pixelSize() >= 2 * page.message.fontInfo().pixelSize()
    assert page.message.property("kind") == "info"
    assert "找零 ¥6.00" in page.message.text() and "未设置小票打印机" in page.message.text()
    assert printer_label(shell).text() == "未设置小票打印机"
    assert printer_label(shell).property("kind") != "error"


def test_the_status_bar_says_not_tried_yet_then_ready_or_the_short_reason(
    qtbot: QtBot, shell: Shell, page: CashierPage, team: Team, shelf: Shelf
) -> None:
    assert printer_label(shell).text() == "打印机：尚未试打"  # was "打印机：就绪" from the start
    shell.ctx.printer_state_changed.emit(True, "")
    assert printer_label(shell).text() == "打印机：就绪"

    dead = f"127.0.0.1:{closed_port()}"
    shell.ctx.backend.settings.update(printer_kind="network", printer_target=dead)
    shell.ctx.announce(Changes.of(SETTINGS))
    assert printer_label(shell).text() == "打印机：尚未试打"  # another printer
    ring_up(qtbot, page, team, shelf)
    dialog = pay(qtbot, page, "300", "quickCash_200")
    with qtbot.waitSignal(shell.ctx.printer_state_changed, timeout=10_000) as printed:
        qtbot.mouseClick(child(dialog, QPushButton, "completeSale"), LEFT)
    label = printer_label(shell)
    assert label.property("kind") == "error" and label.toolTip() == printed.args[1]
    assert len(label.text()) <= len("打印机：") + 20  # the whole reason is in the tooltip
    assert page.change_due.text() == "找零 ¥6.00" and page.change_due.isVisible()
