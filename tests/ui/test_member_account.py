"""A customer's member account on the Customers screen: balances and the ledger, points adjusted
and stored value refunded by a manager (a wrong PIN changes nothing)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSpinBox
from pytestqt.qtbot import QtBot

from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.ui.dialogs.manager_pin import ManagerPinDialog
from salon_pos.ui.dialogs.member_account import MemberAccountDialog
from salon_pos.ui.pages.customers import CustomersPage
from salon_pos.ui.shell import Shell
from tests.conftest import FakeClock, Team
from tests.ui.test_cashier import child
from tests.ui.test_tickets import approve

LEFT = Qt.MouseButton.LeftButton


def open_account(shell: Shell, team: Team, customer_id: str) -> MemberAccountDialog:
    """Customers → 会员账户 of the customer, signed in at the front desk."""
    shell.ctx.sign_in(team.desk)
    page = shell.window.open_page("customers")
    assert isinstance(page, CustomersPage)
    assert page.select(customer_id)
    dialog = page.open_account()
    assert dialog is not None
    return dialog


def test_a_manager_adjusts_points_and_refunds_stored_value(
    qtbot: QtBot, shell: Shell, team: Team
) -> None:
    backend = shell.ctx.backend
    backend.settings.update(top_up_rules="100000:20000")
    customer = backend.customers.add("周会员", "13100131000")
    backend.checkout.complete_sale(
        SaleRequest(
            cashier_id=team.desk.id,
            customer_id=customer.id,
            lines=[SaleLine(LineKind.STORED_VALUE, customer.id, unit_price=100000)],
            tenders=[Tender(TenderKind.WECHAT, 100000)],
        )
    )
    dialog = open_account(shell, team, customer.id)
    summary = child(dialog, QLabel, "memberSummary").text()
    assert "¥1200.00" in summary and "¥200.00" in summary
    assert dialog.entries.rowCount() == 2  # the top-up: paid in and bonus

    child(dialog, QSpinBox, "pointsChange").setValue(300)
    qtbot.mouseClick(child(dialog, QPushButton, "adjustPoints"), LEFT)
    pin = dialog.approval
    assert isinstance(pin, ManagerPinDialog)
    approve(qtbot, pin, "4321", "生日赠送")
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert "PIN" in dialog.message.text()
    assert backend.members.balances(customer.id).points == 0

    qtbot.mouseClick(child(dialog, QPushButton, "adjustPoints"), LEFT)
    with qtbot.waitSignal(shell.ctx.changed, timeout=10_000):
        approve(qtbot, dialog.approval, Team.MANAGER_PIN, "生日赠送")
    assert backend.members.balances(customer.id).points == 300
    qtbot.waitUntil(lambda: dialog.entries.rowCount() == 3)

    qtbot.mouseClick(child(dialog, QPushButton, "refundStoredValue"), LEFT)
    with qtbot.waitSignal(shell.ctx.changed, timeout=10_000):
        approve(qtbot, dialog.approval, Team.MANAGER_PIN, "顾客搬家")
    held = backend.members.balances(customer.id)
    assert (held.principal, held.bonus) == (0, 0)
    qtbot.waitUntil(lambda: not child(dialog, QPushButton, "refundStoredValue").isEnabled())


def test_the_account_records_expired_points_and_shows_them_as_expired(
    qtbot: QtBot, shell: Shell, team: Team, clock: FakeClock
) -> None:
    backend = shell.ctx.backend
    backend.settings.update(points_valid_days=30)
    customer = backend.customers.add("周会员", "13100131000")
    facial = backend.catalog.add_service("面部护理", "补水保湿护理", 19800, 60, "facial")
    backend.checkout.complete_sale(
        SaleRequest(
            cashier_id=team.desk.id,
            customer_id=customer.id,
            lines=[SaleLine(LineKind.SERVICE, facial.id)],
            tenders=[Tender(TenderKind.CASH, 19800)],
        )
    )
    clock.advance(days=31)
    assert backend.customers.history(customer.id).balances.points == 0  # read: none written
    dialog = open_account(shell, team, customer.id)
    assert child(dialog, QLabel, "memberSummary").text().endswith("· 积分 0")
    rows = [
        [dialog.entries.index(r, c).data() for c in range(dialog.entries.columnCount())]
        for r in range(dialog.entries.rowCount())
    ]
    assert [row[1:4] for row in rows] == [["积分", "-198", "过期"], ["积分", "+198", "获得"]]
