"""The day from the drawer to the close, on the screens, offscreen (issue 12's flow): open a
drawer with ¥500, sell in cash and by WeChat, pay ¥50 out for supplies, close the drawer blind
with a count ¥2 short; the close shows the ¥-2.00 variance, the Z slip printed for it decodes
to the day's figures, and a refund made after the close lands on the next day without changing
the closed day."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from salon_pos.domain.ticket import LineKind, TenderKind
from salon_pos.ui.dialogs.drawer_close import CloseDrawerDialog
from salon_pos.ui.dialogs.drawer_open import CashMoveDialog, OpenDrawerDialog
from salon_pos.ui.pages.cashier import CashierPage
from salon_pos.ui.pages.day_close import DayClosePage
from salon_pos.ui.shell import Shell
from tests.conftest import FakeClock, Shelf, Team
from tests.devices.escpos_text import printed_rows
from tests.ui.test_cashier import child
from tests.ui.test_day_close_page import rows
from tests.ui.test_drawer import press, sell, sell_facial_for_cash

LEFT = Qt.MouseButton.LeftButton


def test_drawer_to_close_to_a_refund_on_the_next_day(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, clock: FakeClock, paper: Path
) -> None:
    backend = shell.ctx.backend
    backend.settings.update(drawer_blind_close=1)
    shell.ctx.sign_in(team.desk)
    cashier = shell.window.open_page("cashier")
    assert isinstance(cashier, CashierPage)
    bar = cashier.drawer

    press(qtbot, bar, "openDrawer")
    opening = bar.dialog
    assert isinstance(opening, OpenDrawerDialog)
    opening.findChild(QLineEdit, "drawerFloat").setText("500")
    press(qtbot, opening, "openDrawerDialogSave")
    qtbot.waitUntil(lambda: bar.is_open)

    clock.advance(minutes=20)
    sell_facial_for_cash(qtbot, cashier, shelf, team)  # ¥198 in cash
    clock.advance(minutes=20)
    wechat = [(LineKind.SERVICE, shelf.manicure), (LineKind.PRODUCT, shelf.serum)]
    sell(qtbot, cashier, team, wechat, (TenderKind.WECHAT, 29_600), "¥296.00")  # not the drawer's

    press(qtbot, bar, "drawerCash")
    moving = bar.dialog
    assert isinstance(moving, CashMoveDialog) and moving.pay_out.isChecked()
    moving.findChild(QLineEdit, "drawerAmount").setText("50")
    moving.reason.setEditText("采购支出")
    press(qtbot, moving, "cashMoveDialogSave")
    qtbot.waitUntil(lambda: bool(getattr(backend.drawer.current(), "movements", ())))

    clock.advance(hours=6)
    press(qtbot, bar, "closeDrawer")
    closing = bar.dialog
    assert isinstance(closing, CloseDrawerDialog)
    assert "¥648" not in closing.findChild(QLabel, "drawerFigures").text()  # blind
    for denomination, pieces in ((10_000, 6), (2_000, 2), (500, 1), (100, 1)):  # ¥646
        closing.findChild(QLineEdit, f"count_{denomination}").setText(str(pieces))
    press(qtbot, closing, "saveClose")
    reason = closing.findChild(QLineEdit, "closeReason")
    qtbot.waitUntil(lambda: reason.isVisible())
    reason.setText("找零失误")
    press(qtbot, closing, "saveClose")
    qtbot.waitUntil(lambda: closing.closed is not None)
    press(qtbot, closing, "closeDrawerDone")
    qtbot.waitUntil(lambda: not bar.is_open)

    shell.ctx.sign_in(team.manager)
    page = shell.window.open_page("day_close")
    assert isinstance(page, DayClosePage)
    panel = page.panel
    net = child(panel, QLabel, "close_net")
    qtbot.waitUntil(lambda: net.text() == "¥494.00")
    assert rows(child(panel, QTableWidget, "closeTenders")) == [
        ("现金", "¥198.00"),
        ("微信支付", "¥296.00"),
    ]
    [(label, drawer)] = rows(child(panel, QTableWidget, "closeDrawers"))
    assert "周小敏" in label
    assert drawer == "¥648.00 / ¥646.00 / -¥2.00"

    qtbot.mouseClick(child(panel, QPushButton, "closeDayButton"), LEFT)
    dialog = panel.dialog
    assert dialog is not None
    qtbot.mouseClick(child(dialog, QPushButton, "confirmClose"), LEFT)
    qtbot.waitUntil(lambda: panel.view is not None and panel.view.closed is not None)
    day = panel.view.figures.business_day
    before = backend.day_close.view(day).figures

    paper.write_bytes(b"")  # the two receipts are on it; the Z slip follows alone
    qtbot.mouseClick(child(panel, QPushButton, "printZ"), LEFT)
    qtbot.waitUntil(lambda: paper.stat().st_size > 0)
    slip = printed_rows(paper.read_bytes())
    text = " ".join(" ".join(slip).split())
    assert "日结单" in slip and day.isoformat() in text
    assert "净收入 ￥494.00" in text and "现金 ￥198.00" in text and "微信" in text
    assert "￥648.00 / ￥646.00 -￥2.00" in text  # expected / counted, variance
    assert "王店长" in text

    clock.advance(minutes=30)
    [wechat_sale] = [t for t in backend.tickets.find(day_from=day) if t.total == 29_600]
    detail = backend.tickets.get(wechat_sale.id)
    serum = next(line for line in detail.lines if line.name == "玻尿酸精华")
    paid_back = backend.checkout.refund_lines(
        wechat_sale.id, {serum.id: 1}, Team.MANAGER_PIN, "过敏退货", team.manager.id
    )
    assert paid_back == 12_800
    assert backend.day_close.view(day).figures == before  # the closed day stands
    after = backend.day_close.view(day + timedelta(days=1)).figures
    assert (after.refunds, after.net) == (12_800, -12_800)
