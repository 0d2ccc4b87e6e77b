"""Birthday gift on the counter (issue 10): a manager names the service on the member rules
page; a customer picked in their birthday month sees one unit of it free on the ticket as 生日礼,
the payment asks only for the rest, and the receipt prints it. Points for a catalog item: the
catalog form sets a points price; on the ticket a line is redeemed for points (no money), the
points tender offers only what is left, and the receipt prints 积分兑换 -N 积分."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QSpinBox
from pytestqt.qtbot import QtBot

from salon_pos.domain.ticket import LineKind, TenderKind
from salon_pos.ui.dialogs.catalog_item import CatalogItemDialog
from salon_pos.ui.models.ticket_lines import NAME
from salon_pos.ui.pages.cashier import CashierPage
from salon_pos.ui.shell import Shell
from tests.conftest import Shelf, Team
from tests.devices.escpos_text import printed_rows
from tests.ui.test_cashier import child, choose_technician, page  # noqa: F401
from tests.ui.test_member_flow import complete, pick_customer
from tests.ui.test_members_page import open_members, save_rules

LEFT = Qt.MouseButton.LeftButton


def test_a_manager_names_the_birthday_gift_on_the_rules_tab(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf
) -> None:
    rules = open_members(qtbot, shell, team)
    rules.tabs.setCurrentIndex(1)
    gift = child(rules, QComboBox, "birthdayService")
    assert gift.isVisible() and gift.currentData() == ""  # none until chosen
    names = [gift.itemText(i) for i in range(gift.count())]
    assert names == ["无", "美甲 · 日式美甲", "面部护理 · 补水保湿护理"]  # services only
    gift.setCurrentIndex(gift.findData(shelf.facial))
    save_rules(qtbot, rules)
    assert shell.ctx.backend.settings.current.birthday_service_id == shelf.facial
    gift.setCurrentIndex(0)
    save_rules(qtbot, rules)
    assert shell.ctx.backend.settings.current.birthday_service_id == ""


def test_the_birthday_gift_shows_on_the_ticket_and_the_receipt(
    qtbot: QtBot,
    shell: Shell,
    page: CashierPage,  # noqa: F811
    team: Team,
    shelf: Shelf,
    paper: Path,
) -> None:
    backend = shell.ctx.backend
    backend.settings.update(birthday_service_id=shelf.facial)
    backend.customers.add("林生日", "13500135011", birthday=date(1992, 11, 8))  # November
    search = child(page, QLineEdit, "catalogSearch")
    search.setText("补水")
    qtbot.mouseClick(child(page, QPushButton, f"item_{shelf.facial}"), LEFT)
    search.setText("rsmj")
    qtbot.mouseClick(child(page, QPushButton, f"item_{shelf.manicure}"), LEFT)
    model = page.ticket.model
    assert "生日礼" not in model.index(0, NAME).data()  # nobody picked yet
    pick_customer(qtbot, page, "13500135011")
    assert model.index(0, NAME).data() == "补水保湿护理（生日礼）"
    assert child(page, QLabel, "totalLabel").text().endswith("168.00")
    model.set_quantity(0, 2)  # two units: not the gift line; one unit again: it is
    assert "生日礼" not in model.index(0, NAME).data() and model.rows()[0].unit_price == 19800
    model.set_quantity(0, 1)
    assert model.rows()[0].birthday_gift
    choose_technician(page, 0, team.tech.id)
    choose_technician(page, 1, team.tech.id)
    qtbot.mouseClick(child(page, QPushButton, "payButton"), LEFT)
    assert page.payment is not None
    assert page.payment.draft.due == 16800
    child(page.payment, QLineEdit, "tender_cash").setText("168")
    complete(qtbot, shell, page)
    rows = printed_rows(paper.read_bytes())
    assert any(row.strip().startswith("生日礼") and row.endswith("-￥198.00") for row in rows)
    # once this birthday year: picked again, the facial is priced
    search.setText("补水")
    qtbot.mouseClick(child(page, QPushButton, f"item_{shelf.facial}"), LEFT)
    pick_customer(qtbot, page, "13500135011")
    assert model.rows()[0].unit_price == 19800 and not model.rows()[0].birthday_gift


def test_the_catalog_form_sets_a_points_price(qtbot: QtBot, shell: Shell, team: Team) -> None:
    shell.ctx.sign_in(team.manager)
    catalog = shell.ctx.backend.catalog
    new = CatalogItemDialog(shell.ctx, LineKind.PRODUCT, None, shell.window)
    points = new.findChild(QSpinBox, "itemPointsPrice")
    assert points is not None and points.value() == 0 and points.text() == "不可兑换"
    for name, text in {"itemCategory": "护肤品", "itemName": "面膜", "itemPrice": "38",
                       "itemSku": "SKU-MASK"}.items():  # fmt: skip
        field = new.findChild(QLineEdit, name) or new.findChild(QComboBox, name)
        field.setEditText(text) if isinstance(field, QComboBox) else field.setText(text)
    points.setValue(500)
    with qtbot.waitSignal(new.accepted, timeout=5000):
        new.save_button.click()
    [mask] = [o for o in catalog.products() if o.name == "面膜"]
    assert mask.points_price == 500
    edit = CatalogItemDialog(shell.ctx, LineKind.PRODUCT, mask, shell.window)
    points = edit.findChild(QSpinBox, "itemPointsPrice")
    assert points.value() == 500
    points.setValue(0)
    with qtbot.waitSignal(edit.accepted, timeout=5000):
        edit.save_button.click()
    assert catalog.item(LineKind.PRODUCT, mask.id).points_price == 0  # type: ignore[union-attr]


def test_a_line_redeemed_with_points_costs_no_money_and_the_receipt_says_so(
    qtbot: QtBot,
    shell: Shell,
    page: CashierPage,  # noqa: F811
    team: Team,
    shelf: Shelf,
    paper: Path,
) -> None:
    backend = shell.ctx.backend
    serum = backend.catalog.item(LineKind.PRODUCT, shelf.serum)
    backend.catalog.edit(replace(serum, points_price=2000))  # type: ignore[type-var]
    customer = backend.customers.add("积分客", "13500135022")
    backend.members.adjust_points(customer.id, 2600, "开业活动", Team.MANAGER_PIN, None)
    page.add_scanned(shelf.serum_barcode)
    redeem = child(page, QPushButton, "redeemPoints")
    assert not redeem.isEnabled()  # nobody picked: no points to pay with
    pick_customer(qtbot, page, "13500135022")
    page.ticket.select(0)
    assert redeem.isEnabled() and "2000" in redeem.toolTip()
    qtbot.mouseClick(redeem, LEFT)
    model = page.ticket.model
    assert model.index(0, NAME).data() == "玻尿酸精华（积分兑换 2000 积分）"
    assert child(page, QLabel, "totalLabel").text().endswith("0.00")
    qtbot.mouseClick(child(page, QPushButton, "payButton"), LEFT)
    dialog = page.payment
    assert dialog is not None and dialog.draft.due == 0
    assert "600" in dialog.member_tender_name(TenderKind.POINTS)  # what is left for a tender
    complete(qtbot, shell, page)
    assert backend.members.balances(customer.id).points == 600
    rows = printed_rows(paper.read_bytes())
    assert any("积分兑换 -2000 积分" in row for row in rows), rows
    # the customer changes: the line is paid with money again
    page.add_scanned(shelf.serum_barcode)
    pick_customer(qtbot, page, "13500135022")
    page.ticket.select(0)
    qtbot.mouseClick(redeem, LEFT)
    assert model.rows()[0].redeem_points
    page.set_customer(None)
    assert not model.rows()[0].redeem_points and model.rows()[0].unit_price == 12800
