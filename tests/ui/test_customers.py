"""The customers screen: search as you type, add and edit through the customer form."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from salon_pos.services.backend import Backend
from salon_pos.ui.dialogs.customer_form import CustomerFormDialog
from salon_pos.ui.models.customers import NOTES, CustomerTableModel, notes_preview, phone_text
from salon_pos.ui.pages.customers import CustomersPage
from salon_pos.ui.shell import Shell
from tests.conftest import Team


def add_three(backend: Backend) -> None:
    backend.customers.add("张三", "13800138000", "F", notes="敏感肌，对酒精过敏")
    backend.customers.add("李四", "13900139000", "M")
    backend.customers.add("王小美", "13700137000", "F")


def customers_page(shell: Shell, team: Team) -> CustomersPage:
    shell.ctx.sign_in(team.desk)
    page = shell.window.open_page("customers")
    assert isinstance(page, CustomersPage)
    return page


def names(page: CustomersPage) -> list[str]:
    table = page.findChild(QTableView, "customerTable")
    model = table.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def open_form(qtbot: QtBot, page: CustomersPage, button: str) -> CustomerFormDialog:
    qtbot.mouseClick(page.findChild(QPushButton, button), Qt.MouseButton.LeftButton)
    form = page.form
    assert form is not None
    qtbot.waitExposed(form)
    return form


def fill(qtbot: QtBot, form: CustomerFormDialog, name: str, phone: str) -> None:
    for field, text in (("customerName", name), ("customerPhone", phone)):
        edit = form.findChild(QLineEdit, field)
        edit.selectAll()
        if text.isascii():
            qtbot.keyClicks(edit, text)
        else:
            edit.insert(text)  # as an input method commits it: QTest's key clicks are ASCII only


def test_the_newest_customers_show_and_pinyin_initials_filter(
    qtbot: QtBot, shell: Shell, team: Team
) -> None:
    add_three(shell.ctx.backend)
    page = customers_page(shell, team)
    assert names(page) == ["王小美", "李四", "张三"]  # newest first

    qtbot.keyClicks(page.findChild(QLineEdit, "customerFilter"), "zs")
    assert names(page) == ["张三"]
    model = page.model
    assert model.index(0, 1).data() == "138 0013 8000"
    assert model.index(0, 2).data() == "女"
    assert model.index(0, NOTES).data() == "敏感肌，对酒精过敏"

    page.filter.setText("xyz")
    assert names(page) == [] and "xyz" in page.count.text()


def test_adding_a_customer_through_the_form(qtbot: QtBot, shell: Shell, team: Team) -> None:
    add_three(shell.ctx.backend)
    page = customers_page(shell, team)
    qtbot.keyClicks(page.filter, "13600136000")
    assert names(page) == []

    form = open_form(qtbot, page, "addCustomer")
    assert form.findChild(QLineEdit, "customerPhone").text() == "13600136000"
    fill(qtbot, form, "赵敏", "13600136000")
    qtbot.mouseClick(form.findChild(QPushButton, "customerSave"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.form is None)

    assert names(page) == ["赵敏"]
    assert page.selected() is not None and page.selected().name == "赵敏"
    found = shell.ctx.backend.customers.search("zm")
    assert [(c.name, c.phone) for c in found] == [("赵敏", "13600136000")]


def test_a_phone_on_file_is_refused_in_the_form(qtbot: QtBot, shell: Shell, team: Team) -> None:
    add_three(shell.ctx.backend)
    page = customers_page(shell, team)
    form = open_form(qtbot, page, "addCustomer")
    fill(qtbot, form, "张三丰", "138-0013-8000")
    qtbot.mouseClick(form.findChild(QPushButton, "customerSave"), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: form.message.isVisible())
    assert form.message.text() == "电话 13800138000 已属于客户 张三。"
    assert form.isVisible() and page.form is form
    assert len(names(page)) == 3
    assert [c.name for c in shell.ctx.backend.customers.search("zsf")] == []
    form.reject()


def test_double_click_edits_and_the_list_follows(qtbot: QtBot, shell: Shell, team: Team) -> None:
    add_three(shell.ctx.backend)
    page = customers_page(shell, team)
    assert not page.findChild(QPushButton, "editCustomer").isEnabled()
    table = page.findChild(QTableView, "customerTable")
    rect = table.visualRect(page.model.index(2, 0))  # 张三
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.findChild(QPushButton, "editCustomer").isEnabled()
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    form = page.form
    assert form is not None and form.findChild(QLineEdit, "customerName").text() == "张三"

    fill(qtbot, form, "张珊", "13800138000")
    qtbot.mouseClick(form.findChild(QPushButton, "customerSave"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.form is None)
    assert names(page) == ["王小美", "李四", "张珊"]
    assert page.selected() is not None and page.selected().name == "张珊"


def test_the_table_model_is_a_well_behaved_qt_model(
    qtbot: QtBot, qtmodeltester: ModelTester, shell: Shell, team: Team
) -> None:
    add_three(shell.ctx.backend)
    model = CustomerTableModel()
    model.set_rows(shell.ctx.backend.customers.search("1"))
    assert model.rowCount() == 3
    qtmodeltester.check(model, force_py=True)
    assert phone_text("+85291234567") == "+85291234567"
    assert notes_preview("第一行\n第二行") == "第一行…"


def test_a_manager_imports_customers_from_csv_with_a_report(
    qtbot: QtBot, shell: Shell, team: Team, tmp_path: Path
) -> None:
    shell.ctx.sign_in(team.manager)
    page = shell.window.open_page("customers")
    assert isinstance(page, CustomersPage)
    assert page.importer.isVisibleTo(page)
    csv = tmp_path / "客户.csv"
    csv.write_bytes("姓名,手机\r\n林小雨,13911112222\r\n坏行,abc\r\n".encode("gbk"))
    with qtbot.waitSignal(shell.ctx.changed, timeout=10_000):
        page.importer.import_file(csv)
    assert not page.importer.busy.isVisibleTo(page) and page.importer.button.isEnabled()
    report = page.importer.message.text()
    assert "第 3 行" in report and "abc" in report
    assert "林小雨" in names(page)

    shell.ctx.sign_in(team.desk)  # the front desk does not import
    shell.window.open_page("customers")
    assert not page.importer.isVisibleTo(page)
