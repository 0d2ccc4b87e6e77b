"""The close screen (日结, Ctrl+D): a manager sees the day's figures and the checks, closes the
day with a note through the confirmation dialog; the day then shows as closed, and a sale rung
up afterwards belongs to the next day. Others are refused the page."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from salon_pos.ui.pages.day_close import DayClosePage
from salon_pos.ui.shell import Shell
from tests.conftest import FakeClock, Shelf, Team, three_line_sale
from tests.ui.test_cashier import child

LEFT = Qt.MouseButton.LeftButton


def rows(table: QTableWidget) -> list[tuple[str, str]]:
    return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]


def test_a_manager_closes_the_day_from_the_screen(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, clock: FakeClock
) -> None:
    backend = shell.ctx.backend
    sale = backend.checkout.complete_sale(three_line_sale(team, shelf))
    day = backend.day_close.today()
    shell.ctx.sign_in(team.manager)
    page = shell.window.open_page("day_close")
    assert isinstance(page, DayClosePage)
    panel = page.panel
    net = child(panel, QLabel, "close_net")
    qtbot.waitUntil(lambda: net.text() == "¥494.00")
    assert child(panel, QLabel, "close_tickets").text() == "1"
    assert rows(child(panel, QTableWidget, "closeTenders")) == [
        ("现金", "¥194.00"),
        ("微信支付", "¥300.00"),
    ]
    assert ("李娜", "¥366.00") in rows(child(panel, QTableWidget, "closeTechnicians"))
    assert "未上传" in panel.checks.text()  # the sale has not reached a server

    qtbot.mouseClick(child(panel, QPushButton, "closeDayButton"), LEFT)
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    assert "未上传" in child(dialog, QLabel, "closeWarnings").text()
    child(dialog, QLineEdit, "closeNote").setText("现金已核对")
    qtbot.mouseClick(child(dialog, QPushButton, "confirmClose"), LEFT)
    qtbot.waitUntil(lambda: panel.view is not None and panel.view.closed is not None)
    assert "王店长" in child(panel, QLabel, "closeState").text()
    assert not child(panel, QPushButton, "closeDayButton").isEnabled()
    [closed] = backend.day_close.closed_days()
    assert (closed.business_day, closed.note, closed.figures.net) == (day, "现金已核对", sale.total)

    opened: list[str] = []
    panel.open_file = lambda url: opened.append(url.toLocalFile())
    qtbot.mouseClick(child(panel, QPushButton, "closePdf"), LEFT)
    qtbot.waitUntil(lambda: bool(opened))
    assert (
        opened[0].endswith(f"日结-{day.isoformat()}.pdf") and Path(opened[0]).stat().st_size > 1000
    )

    clock.advance(minutes=10)
    later = backend.checkout.complete_sale(three_line_sale(team, shelf))
    assert backend.tickets.get(later.ticket_id).summary.business_day == day + timedelta(days=1)


def test_the_front_desk_is_refused(qtbot: QtBot, shell: Shell, team: Team) -> None:
    shell.ctx.sign_in(team.desk)
    assert not shell.window._nav_buttons["day_close"].isVisible()
    page = shell.window.open_page("day_close")
    assert isinstance(page, DayClosePage) and not page.allowed()
    assert page.refusal.text() == "只有店长或老板可以打开此页面。"
