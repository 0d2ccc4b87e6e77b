"""The drawer on the cashier screen (交班), offscreen: open with ¥500, sell in cash, pay ¥50
out for supplies, close blind with a count ¥2 short; the variance shows once the count is
saved, the reason is asked for, and the close is saved with it. A cash sale with no drawer
open goes through and says so."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from salon_pos.db.models import OutboxOperation
from salon_pos.domain.ticket import LineKind, TenderKind
from salon_pos.services.changes import SETTINGS
from salon_pos.ui.dialogs.drawer_close import CloseDrawerDialog
from salon_pos.ui.dialogs.drawer_open import CashMoveDialog, OpenDrawerDialog
from salon_pos.ui.pages.cashier import CashierPage
from salon_pos.ui.shell import Shell
from tests.conftest import FakeClock, Shelf, Team
from tests.ui.test_chinese_ui import english_left, visible_texts

LEFT = Qt.MouseButton.LeftButton


def press(qtbot: QtBot, where: QWidget, name: str) -> None:
    found = where.findChild(QPushButton, name)
    assert found is not None and found.isVisible(), name
    qtbot.mouseClick(found, LEFT)


def sell(
    qtbot: QtBot,
    page: CashierPage,
    team: Team,
    items: list[tuple[LineKind, str]],
    paid: tuple[TenderKind, int],
    total: str,
) -> None:
    """Ring up `items` (the first done by the team's technician), pay, and see `total` sold."""
    for kind, item in items:
        page.add_item(kind, item)
    page.ticket.model.set_technician(0, team.tech.id, team.tech.name)
    dialog = page.open_payment()
    assert dialog is not None
    dialog.set_tender(*paid)
    press(qtbot, dialog, "completeSale")
    qtbot.waitUntil(lambda: page.payment is None and total in page.message.text())


def sell_facial_for_cash(qtbot: QtBot, page: CashierPage, shelf: Shelf, team: Team) -> None:
    """The ¥198 facial, paid with ¥200 in cash."""
    facial = [(LineKind.SERVICE, shelf.facial)]
    sell(qtbot, page, team, facial, (TenderKind.CASH, 20_000), "¥198.00")


def test_open_sell_pay_out_and_close_blind_two_yuan_short(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, clock: FakeClock
) -> None:
    backend = shell.ctx.backend
    backend.settings.update(drawer_blind_close=1)
    shell.ctx.sign_in(team.desk)
    page = shell.window.open_page("cashier")
    assert isinstance(page, CashierPage)
    bar = page.drawer
    assert bar.state.text() == "钱箱：未开班"

    press(qtbot, bar, "openDrawer")
    opening = bar.dialog
    assert isinstance(opening, OpenDrawerDialog)
    assert english_left(visible_texts(opening)) == []
    opening.findChild(QLineEdit, "drawerFloat").setText("500")
    press(qtbot, opening, "openDrawerDialogSave")
    qtbot.waitUntil(lambda: bar.is_open)
    assert bar.state.text() == "钱箱：14:30 由 周小敏 开班"

    clock.advance(minutes=30)
    sell_facial_for_cash(qtbot, page, shelf, team)
    assert "未开班" not in page.message.text()

    press(qtbot, bar, "drawerCash")
    moving = bar.dialog
    assert isinstance(moving, CashMoveDialog) and moving.pay_out.isChecked()
    assert english_left(visible_texts(moving)) == []
    moving.findChild(QLineEdit, "drawerAmount").setText("50")
    moving.reason.setEditText("采购支出")
    press(qtbot, moving, "cashMoveDialogSave")
    qtbot.waitUntil(lambda: bool(getattr(backend.drawer.current(), "movements", ())))
    now = backend.drawer.current()
    assert now is not None and now.expected == 50_000 + 19_800 - 5_000  # ¥648

    clock.advance(hours=8)
    press(qtbot, bar, "closeDrawer")
    closing = bar.dialog
    assert isinstance(closing, CloseDrawerDialog)
    assert english_left(visible_texts(closing)) == []
    figures = closing.findChild(QLabel, "drawerFigures").text()
    assert "¥648" not in figures and "盲点交班" in figures  # counted blind
    for denomination, pieces in ((10_000, 6), (2_000, 2), (500, 1), (100, 1)):  # ¥646
        closing.findChild(QLineEdit, f"count_{denomination}").setText(str(pieces))
    assert closing.findChild(QLabel, "countTotal").text() == "实点 ¥646.00"
    press(qtbot, closing, "saveClose")
    reason = closing.findChild(QLineEdit, "closeReason")
    qtbot.waitUntil(lambda: reason.isVisible())  # refused: the variance needs a reason
    assert closing.message.text() == "清点金额与应有现金相差 -¥2.00，请填写原因。"
    assert closing.findChild(QLineEdit, "count_10000").isReadOnly()  # the count stands
    reason.setText("找零失误")
    press(qtbot, closing, "saveClose")
    qtbot.waitUntil(lambda: closing.closed is not None)
    assert closing.findChild(QLabel, "drawerFigures").text() == "应有 ¥648.00 · 差额 -¥2.00"
    assert closing.message.text() == "已交班：应有 ¥648.00，实点 ¥646.00。"
    press(qtbot, closing, "printCloseSlip")
    qtbot.waitUntil(lambda: closing.message.text() == "交班单已打印。")
    press(qtbot, closing, "closeDrawerDone")
    qtbot.waitUntil(lambda: not bar.is_open)
    assert bar.state.text() == "钱箱：未开班"
    [session] = backend.drawer.sessions_of_day(now.business_day)
    assert (session.counted, session.variance, session.close_reason) == (64_600, -200, "找零失误")


def test_a_cash_sale_with_no_drawer_open_goes_through_and_says_so(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf
) -> None:
    shell.ctx.sign_in(team.desk)
    page = shell.window.open_page("cashier")
    assert isinstance(page, CashierPage)
    sell_facial_for_cash(qtbot, page, shelf, team)
    assert "本收银台尚未开班：这笔现金记为班次外收取的现金。" in page.message.text()
    [sold] = shell.ctx.backend.tickets.find()
    outside = shell.ctx.backend.drawer.cash_outside_sessions(sold.business_day)
    assert (outside.taken, outside.tickets) == (19_800, (sold.number,))


def test_a_manager_sets_the_drawer_rules_for_the_whole_store(
    qtbot: QtBot, shell: Shell, team: Team
) -> None:
    shell.ctx.sign_in(team.manager)
    page = shell.window.open_page("settings")
    page.findChild(QCheckBox, "drawerBlindClose").setChecked(True)
    page.findChild(QSpinBox, "drawer_variance_pin").setValue(80)
    page.findChild(QSpinBox, "drawer_pay_out_pin").setValue(300)
    with qtbot.waitSignal(shell.ctx.changed, check_params_cb=lambda c: c.touches(SETTINGS)):
        press(qtbot, page, "saveSettings")
    settings = shell.ctx.backend.settings.current
    assert (settings.drawer_blind_close, settings.drawer_variance_pin) == (1, 8_000)
    assert (settings.drawer_pay_out_pin, settings.drawer_variance_reason) == (30_000, 0)
    assert shell.ctx.backend.drawer.blind
    with shell.ctx.backend.db.read() as session:
        sent = session.scalars(
            select(OutboxOperation.payload)
            .where(OutboxOperation.type == "store.settings_saved")
            .order_by(OutboxOperation.seq.desc())
        ).first()
    assert sent is not None
    assert json.loads(sent)["changed"] == {
        "drawer_blind_close": 1,
        "drawer_variance_pin": 8_000,
        "drawer_pay_out_pin": 30_000,
    }  # fmt: skip — to the server, and so to every counter of the store


def test_an_overdraft_collected_in_cash_at_the_inbox_goes_into_the_drawer(
    qtbot: QtBot, shell: Shell, team: Team
) -> None:
    from tests.ui.test_sync_ui import confirm, conflict, inbox, pull_conflict, select_type

    backend = shell.ctx.backend
    customer = backend.customers.add("透支客", "13500135000").id
    details = {"customer_id": customer, "account": "principal", "shortfall": 30_000}
    pull_conflict(backend, 1, conflict("overdraft", details, "collect", backend.clock.now()))
    backend.drawer.open(10_000, team.desk.id)
    page = inbox(shell, team)
    select_type(qtbot, page, "overdraft")
    tender = page.detail.findChild(QComboBox, "collectTender")
    assert tender.isVisible() and tender.currentText() == "现金（记入本收银台钱箱）"
    confirm(qtbot, page, "collect")
    qtbot.waitUntil(lambda: bool(getattr(backend.drawer.current(), "movements", ())))
    now = backend.drawer.current()
    assert now is not None and now.expected == 40_000
    assert [(m.kind.value, m.amount, m.staff) for m in now.movements] == [
        ("overdraft_collected", 30_000, "王店长")
    ]
