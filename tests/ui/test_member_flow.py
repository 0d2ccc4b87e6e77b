"""Issue 10's story at the counter: a new customer buys a 10-session package card and a
¥1,000 → ¥1,200 top-up; on the next visit one service is paid with a session and the rest with
stored value and points; the receipt says the sessions left, the balances and the points
earned, and the member strip shows the same figures."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QListWidget, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from salon_pos.db.models import AuditEntry, Setting, SyncState
from salon_pos.domain.ids import new_id
from salon_pos.domain.money import format_yuan, parse_yuan
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.members import PackagePlanView
from salon_pos.ui.pages.cashier import CashierPage
from salon_pos.ui.pages.customers import CustomersPage
from salon_pos.ui.shell import Shell
from tests.conftest import FakeClock, Shelf, Team
from tests.devices.escpos_text import printed_rows
from tests.ui.test_cashier import child, choose_technician, page  # noqa: F401

LEFT = Qt.MouseButton.LeftButton


def pick_customer(qtbot: QtBot, page: CashierPage, typed: str) -> None:  # noqa: F811
    qtbot.keyClicks(child(page, QLineEdit, "customerSearch"), typed)
    results = child(page, QListWidget, "customerResults")
    qtbot.waitUntil(lambda: results.count() == 1)
    rect = results.visualItemRect(results.item(0))
    qtbot.mouseClick(results.viewport(), LEFT, pos=rect.center())
    qtbot.waitUntil(lambda: child(page, QLabel, "memberBalances").isVisible())


def complete(qtbot: QtBot, shell: Shell, page: CashierPage) -> None:  # noqa: F811
    dialog = page.payment
    assert dialog is not None
    button = child(dialog, QPushButton, "completeSale")
    assert button.isEnabled(), dialog.message.text()
    with qtbot.waitSignal(shell.ctx.printer_state_changed, timeout=10_000):
        qtbot.mouseClick(button, LEFT)


def test_card_and_top_up_then_a_visit_paid_by_session_stored_value_and_points(
    qtbot: QtBot,
    shell: Shell,
    page: CashierPage,  # noqa: F811
    team: Team,
    shelf: Shelf,
    paper: Path,
) -> None:
    backend = shell.ctx.backend
    with backend.db.write() as s:
        s.merge(Setting(key="top_up_rules", value="100000:20000"))
    backend.settings.reload()
    plan = PackagePlanView(new_id(), "补水护理10次卡", (shelf.facial,), 10, 150000, 365)
    backend.members.save_plan(plan)
    customer = backend.customers.add("林晓", "13500135000")

    pick_customer(qtbot, page, "13500135000")
    qtbot.mouseClick(child(page, QPushButton, "sellCardButton"), LEFT)
    cards = page.member.findChild(QListWidget, "packagePlans")
    assert cards is not None and "补水护理10次卡" in cards.item(0).text()
    qtbot.mouseClick(child(cards.window(), QPushButton, "cardSaleOk"), LEFT)
    qtbot.mouseClick(child(page, QPushButton, "topUpButton"), LEFT)
    amount = page.member.findChild(QLineEdit, "topUpAmount")
    assert amount is not None
    qtbot.keyClicks(amount, "1000")
    preview = child(amount.window(), QLabel, "topUpPreview").text()
    assert "¥1200.00" in preview and "¥200.00" in preview
    qtbot.mouseClick(child(amount.window(), QPushButton, "topUpOk"), LEFT)
    qtbot.waitUntil(lambda: page.ticket.model.rowCount() == 2)
    qtbot.mouseClick(child(page, QPushButton, "payButton"), LEFT)
    assert page.payment is not None
    child(page.payment, QLineEdit, "tender_wechat").setText("2500")
    complete(qtbot, shell, page)

    held = backend.members.balances(customer.id)
    assert (held.principal, held.bonus, held.points) == (100000, 20000, 1500)
    assert [(c.name, c.left) for c in held.cards] == [("补水护理10次卡", 10)]

    # The next visit: 补水保湿护理 ¥198 by the card, 日式美甲 ¥168 by ¥158 stored value and
    # 1,000 points (¥10).
    paper.unlink()
    pick_customer(qtbot, page, "13500135000")
    strip = child(page, QLabel, "memberBalances").text()
    assert "¥1200.00" in strip and "1500" in strip and "补水护理10次卡" in strip
    search = child(page, QLineEdit, "catalogSearch")
    search.setText("补水")
    qtbot.mouseClick(child(page, QPushButton, f"item_{shelf.facial}"), LEFT)
    search.setText("rsmj")
    qtbot.mouseClick(child(page, QPushButton, f"item_{shelf.manicure}"), LEFT)
    choose_technician(page, 0, team.tech.id)
    choose_technician(page, 1, team.tech.id)
    qtbot.mouseClick(child(page, QPushButton, "payButton"), LEFT)
    dialog = page.payment
    assert dialog is not None
    child(dialog, QCheckBox, "session_1").setChecked(True)
    child(dialog, QLineEdit, "tender_points").setText("10")
    child(dialog, QLineEdit, "tender_stored_value").setText("158")
    complete(qtbot, shell, page)

    rows = printed_rows(paper.read_bytes())
    text = "\n".join(rows)
    assert any("补水护理10次卡" in row and "剩 9 次" in row for row in rows), text
    assert any(row.startswith("本单积分") and row.endswith("+158") for row in rows), text
    assert any(row.startswith("储值余额") and row.endswith("￥1042.00") for row in rows), text
    assert any(row.startswith("积分余额") and row.endswith("658") for row in rows), text
    after = backend.members.balances(customer.id)
    assert (after.principal, after.bonus, after.points) == (100000 - 15800, 20000, 658)
    assert after.cards[0].left == 9
    pick_customer(qtbot, page, "13500135000")
    strip = child(page, QLabel, "memberBalances").text()
    assert "¥1042.00" in strip and "658" in strip and "9" in strip

    # The customer's profile (Customers, member account) shows the same figures.
    customers = shell.window.open_page("customers")
    assert isinstance(customers, CustomersPage) and customers.select(customer.id)
    account = customers.open_account()
    assert account is not None
    summary = child(account, QLabel, "memberSummary").text()
    assert "¥1042.00" in summary and "¥842.00" in summary and "¥200.00" in summary
    assert "658" in summary and "补水护理10次卡" in summary and "9/10" in summary


def test_offline_the_payment_dialog_offers_stored_value_up_to_the_allowance(
    qtbot: QtBot,
    shell: Shell,
    page: CashierPage,  # noqa: F811
    team: Team,
    shelf: Shelf,
) -> None:
    """¥100 on the card, a ¥50 allowance, the counter cut off from its server: the ¥198 facial
    can take ¥150 from the card, and the dialog says why; back online it takes ¥100 only."""
    backend = shell.ctx.backend
    backend.settings.update(offline_allowance=5000)
    customer = backend.customers.add("周离线", "13600136000")
    top_up = SaleLine(LineKind.STORED_VALUE, customer.id, unit_price=10000)
    paid = [Tender(TenderKind.CASH, 10000)]
    backend.checkout.complete_sale(SaleRequest(team.desk.id, [top_up], paid, customer.id))
    with backend.db.write() as s:
        s.merge(SyncState(id=1, server_url="http://127.0.0.1:9", store_id=new_id(),
                          pull_cursor=0, connection="offline"))  # fmt: skip

    pick_customer(qtbot, page, "13600136000")
    child(page, QLineEdit, "catalogSearch").setText("补水")
    qtbot.mouseClick(child(page, QPushButton, f"item_{shelf.facial}"), LEFT)
    choose_technician(page, 0, team.tech.id)
    for link, most in (("online", 10000), ("offline", 15000)):
        with backend.db.write() as s:
            s.merge(SyncState(id=1, connection=link))
        qtbot.mouseClick(child(page, QPushButton, "payButton"), LEFT)
        dialog = page.payment
        assert dialog is not None
        rest = child(dialog, QPushButton, "payRest_stored_value")
        assert ("离线时最多可超 ¥50.00" in rest.text()) is (link == "offline"), rest.text()
        qtbot.mouseClick(rest, LEFT)
        assert parse_yuan(child(dialog, QLineEdit, "tender_stored_value").text()) == most
        if link == "online":
            qtbot.mouseClick(child(dialog, QPushButton, "cancelPayment"), LEFT)
            qtbot.waitUntil(lambda: page.payment is None or not page.payment.isVisible())
    child(dialog, QLineEdit, "tender_cash").setText(format_yuan(19800 - 15000))
    complete(qtbot, shell, page)
    assert backend.members.balances(customer.id).stored_value.total == -5000


def test_an_expired_card_is_offered_and_a_managers_pin_lets_it_pay(
    qtbot: QtBot,
    shell: Shell,
    page: CashierPage,  # noqa: F811
    team: Team,
    shelf: Shelf,
    clock: FakeClock,
) -> None:
    backend = shell.ctx.backend
    plan = backend.members.save_plan(
        PackagePlanView(new_id(), "体验3次卡", (shelf.facial,), 3, 30000, 1)
    )
    customer = backend.customers.add("吴过期", "13700137000")
    card_sale = [SaleLine(LineKind.PACKAGE, plan.id)]
    paid = [Tender(TenderKind.CASH, 30000)]
    backend.checkout.complete_sale(SaleRequest(team.desk.id, card_sale, paid, customer.id))
    clock.advance(days=3)  # valid one day: expired

    pick_customer(qtbot, page, "13700137000")
    child(page, QLineEdit, "catalogSearch").setText("补水")
    qtbot.mouseClick(child(page, QPushButton, f"item_{shelf.facial}"), LEFT)
    choose_technician(page, 0, team.tech.id)
    qtbot.mouseClick(child(page, QPushButton, "payButton"), LEFT)
    dialog = page.payment
    assert dialog is not None
    box = child(dialog, QCheckBox, "session_1")
    assert "体验3次卡" in box.text() and "过期，需店长 PIN" in box.text()
    box.setChecked(True)
    qtbot.mouseClick(child(dialog, QPushButton, "completeSale"), LEFT)
    qtbot.waitUntil(lambda: dialog._approval is not None and dialog._approval.isVisible())
    approval = dialog._approval
    assert approval is not None and "过期" in approval.explain.text()
    assert backend.members.balances(customer.id).cards[0].left == 3
    approval.pad.field.setText(Team.MANAGER_PIN)
    with qtbot.waitSignal(shell.ctx.printer_state_changed, timeout=10_000):
        qtbot.mouseClick(child(approval, QPushButton, "pinOk"), LEFT)
    assert backend.members.balances(customer.id).cards[0].left == 2
    with backend.db.read() as s:
        audited = s.scalars(
            select(AuditEntry.entity_id).where(AuditEntry.action == "package_card.expired_allowed")
        ).all()
    assert audited == [backend.members.balances(customer.id).cards[0].id]
