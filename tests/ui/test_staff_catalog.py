"""The Staff and Catalog pages: a manager adds a technician and a front-desk person with PINs
and two services, the front-desk person signs in and sells one of them with that technician,
and cannot open either page; bad input is refused in the form, changing nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.staff import StaffMember
from salon_pos.ui.models.catalog import CatalogTableModel
from salon_pos.ui.models.staff import StaffTableModel
from salon_pos.ui.pages.catalog import CatalogPage
from salon_pos.ui.pages.staff import StaffPage
from salon_pos.ui.shell import Shell
from tests.conftest import Shelf, Team
from tests.ui.test_sign_in import sign_in_with_pad
from tests.ui.test_small_screen import at_1024, cut_placeholders


def type_into(form: QWidget, values: dict[str, str]) -> None:
    for name, text in values.items():
        field = form.findChild(QLineEdit, name)
        if field is None:  # the category is an editable combo box
            field = form.findChild(QComboBox, name).lineEdit()
        field.clear()
        field.insert(text)  # as an input method commits it (QTest types ASCII only)


def choose(form: QWidget, name: str, value: str) -> None:
    combo = form.findChild(QComboBox, name)
    combo.setCurrentIndex(combo.findData(value))


def save(qtbot: QtBot, page: StaffPage | CatalogPage, button: str) -> None:
    dialog = page.dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.findChild(QPushButton, button), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is None or dialog.message.isVisible())


def click(qtbot: QtBot, page: QWidget, name: str) -> None:
    qtbot.mouseClick(page.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def staff_page(shell: Shell, manager: StaffMember) -> StaffPage:
    shell.ctx.sign_in(manager)
    page = shell.window.open_page("staff")
    assert isinstance(page, StaffPage)
    return page


def catalog_page(qtbot: QtBot, shell: Shell) -> CatalogPage:
    page = shell.window.open_page("catalog")
    assert isinstance(page, CatalogPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == len(shell.ctx.backend.catalog.items()))
    return page


def add_member(qtbot: QtBot, page: StaffPage, name: str, role: str, pin: str, **more: str) -> None:
    click(qtbot, page, "addStaff")
    assert page.dialog is not None
    type_into(page.dialog, {"staffName": name, "newPin": pin, "newPinAgain": pin} | more)
    choose(page.dialog, "staffRole", role)
    save(qtbot, page, "staffFormSave")


def add_service(qtbot: QtBot, page: CatalogPage, fields: dict[str, str]) -> None:
    click(qtbot, page, "addService")
    assert page.dialog is not None
    type_into(page.dialog, fields)
    save(qtbot, page, "catalogItemFormSave")


def test_a_manager_sets_up_staff_and_services_and_the_front_desk_sells(
    qtbot: QtBot, shell: Shell
) -> None:
    backend = shell.ctx.backend
    manager = backend.staff.add("王店长", "manager", "8888")
    page = staff_page(shell, manager)
    add_member(qtbot, page, "李娜", "technician", "2222", staffSkills="facial, nail",
               staffPhone="13800138000", approverPin="8888")  # fmt: skip
    add_member(qtbot, page, "周小敏", "front_desk", "1111", approverPin="8888")
    assert page.dialog is None
    assert [page.model.row_at(r).name for r in range(page.model.rowCount())] == [
        "周小敏", "王店长", "李娜",
    ]  # fmt: skip
    tech = next(m for m in backend.staff.list() if m.name == "李娜")
    assert tech.skills == ("facial", "nail") and tech.phone == "13800138000"

    catalog = catalog_page(qtbot, shell)
    for category, name, price, minutes, skill in (
        ("面部护理", "补水保湿护理", "198", "60", "facial"),
        ("美甲", "日式美甲", "168.50", "90", "nail"),
    ):
        add_service(qtbot, catalog, {"itemCategory": category, "itemName": name,
                                     "itemPrice": price, "itemDuration": minutes,
                                     "itemSkill": skill})  # fmt: skip
    qtbot.waitUntil(lambda: catalog.model.rowCount() == 2)
    prices = {s.name: s.price for s in backend.catalog.services()}
    assert prices == {"补水保湿护理": 19800, "日式美甲": 16850}

    shell.ctx.sign_out()  # the sign-in screen reads the staff afresh: the new PIN works
    desk_id = next(m.id for m in backend.staff.list() if m.role == "front_desk")
    sign_in_with_pad(qtbot, shell, desk_id, "1111")
    qtbot.waitUntil(lambda: shell.ctx.staff is not None and shell.ctx.staff.id == desk_id)
    desk = shell.ctx.staff
    assert desk is not None
    assert not shell.window.findChild(QPushButton, "nav_staff").isVisible()
    assert not shell.window.findChild(QPushButton, "nav_catalog").isVisible()
    assert shell.window.findChild(QPushButton, "nav_cashier").isVisible()
    for key in ("staff", "catalog"):  # opened anyway: the page refuses
        refused = shell.window.open_page(key)
        assert refused.refusal.isVisible()  # type: ignore[attr-defined]
        assert refused.refusal.text() == "只有店长或老板可以打开此页面。"  # type: ignore[attr-defined]

    facial = next(s for s in backend.catalog.services() if s.name == "补水保湿护理")
    sale = backend.checkout.complete_sale(
        SaleRequest(
            cashier_id=desk.id,
            customer_id=None,
            lines=[SaleLine(LineKind.SERVICE, facial.id, technician_id=tech.id)],
            tenders=[Tender(TenderKind.CASH, 19800)],
        )
    )
    assert sale.total == 19800


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"staffName": " ", "newPin": "4444", "newPinAgain": "4444", "approverPin": "8888"},
         "姓名为必填项。"),
        ({"staffName": "新人", "newPin": "123", "newPinAgain": "123", "approverPin": "8888"},
         "PIN 须为 4 到 8 位数字。"),
        ({"staffName": "新人", "newPin": "4444", "newPinAgain": "4445", "approverPin": "8888"},
         "两次输入的新 PIN 不一致，请重新输入两次。"),
        ({"staffName": "新人", "newPin": "4444", "newPinAgain": "4444", "approverPin": "1111"},
         "PIN 不正确，或不属于店长或老板。"),
    ],
)  # fmt: skip
def test_bad_staff_input_is_refused_in_the_form(
    qtbot: QtBot, shell: Shell, team: Team, fields: dict[str, str], said: str
) -> None:
    page = staff_page(shell, team.manager)
    before = shell.ctx.backend.staff.list(active_only=False)
    click(qtbot, page, "addStaff")
    dialog = page.dialog
    assert dialog is not None
    type_into(dialog, fields)
    save(qtbot, page, "staffFormSave")
    assert dialog.message.text() == said and dialog.isVisible()
    assert shell.ctx.backend.staff.list(active_only=False) == before
    dialog.reject()


def test_a_second_manager_cannot_take_a_managers_pin(
    qtbot: QtBot, shell: Shell, team: Team
) -> None:
    page = staff_page(shell, team.manager)
    click(qtbot, page, "addStaff")
    assert page.dialog is not None
    type_into(page.dialog, {"staffName": "赵店长", "newPin": "8888", "newPinAgain": "8888",
                            "approverPin": "8888"})  # fmt: skip
    choose(page.dialog, "staffRole", "manager")
    save(qtbot, page, "staffFormSave")
    assert "已有另一位在职的店长或老板使用这个 PIN" in page.dialog.message.text()
    assert page.dialog.findChild(QLineEdit, "approverPin").text() == ""  # asked again
    page.dialog.reject()


def test_the_last_manager_cannot_be_deactivated_and_a_technician_can(
    qtbot: QtBot, shell: Shell, team: Team
) -> None:
    page = staff_page(shell, team.manager)
    page.select(team.manager.id)
    click(qtbot, page, "toggleStaffActive")
    qtbot.waitUntil(page.message.isVisible)
    assert "王店长 是本店最后一位在职的店长或老板" in page.message.text()
    assert shell.ctx.backend.staff.get(team.manager.id).active
    page.select(team.tech.id)
    with qtbot.waitSignal(shell.ctx.changed):
        click(qtbot, page, "toggleStaffActive")
    assert team.tech.id not in {page.model.row_at(r).id for r in range(page.model.rowCount())}
    page.show_inactive.setChecked(True)
    assert page.select(team.tech.id) and page.toggle.text() == "重新启用"


def test_set_pin_asks_twice_and_for_a_managers_pin(qtbot: QtBot, shell: Shell, team: Team) -> None:
    page = staff_page(shell, team.manager)
    page.select(team.tech.id)
    click(qtbot, page, "setStaffPin")
    assert page.dialog is not None
    type_into(page.dialog, {"newPin": "5678", "newPinAgain": "5678", "approverPin": "8888"})
    save(qtbot, page, "staffPinDialogSave")
    assert page.dialog is None
    assert shell.ctx.backend.sign_in.sign_in(team.tech.id, "5678").id == team.tech.id


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"itemPrice": "-1"}, "新项目 的价格不能为负数。"),
        ({"itemPrice": "abc"}, "“abc”不是有效金额，请写成 198 或 198.50 这样的格式。"),
        ({"itemDuration": "0"}, "新项目 的时长须大于 0 分钟（当前为 0）。"),
        ({"itemName": ""}, "名称为必填项。"),
    ],
)
def test_bad_catalog_input_is_refused_in_the_form(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, fields: dict[str, str], said: str
) -> None:
    shell.ctx.sign_in(team.manager)
    page = catalog_page(qtbot, shell)
    before = shell.ctx.backend.catalog.items()
    click(qtbot, page, "addService")
    dialog = page.dialog
    assert dialog is not None
    good = {
        "itemCategory": "面部护理",
        "itemName": "新项目",
        "itemPrice": "100",
        "itemDuration": "30",
    }
    type_into(dialog, good | fields)
    save(qtbot, page, "catalogItemFormSave")
    assert dialog.message.text() == said and dialog.isVisible()
    assert shell.ctx.backend.catalog.items() == before
    dialog.reject()


def test_a_barcode_on_another_product_is_refused(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf
) -> None:
    shell.ctx.sign_in(team.manager)
    page = catalog_page(qtbot, shell)
    click(qtbot, page, "addProduct")
    assert page.dialog is not None
    type_into(page.dialog, {"itemCategory": "护肤品", "itemName": "面霜", "itemPrice": "99",
                            "itemSku": "SKU-9", "itemBarcode": shelf.serum_barcode})  # fmt: skip
    save(qtbot, page, "catalogItemFormSave")
    assert page.dialog.message.text() == "条码 6901234567890 已被 玻尿酸精华 使用。"
    page.dialog.reject()


def test_search_hide_and_show(qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf) -> None:
    shell.ctx.sign_in(team.manager)
    page = catalog_page(qtbot, shell)
    page.filter.setText("bsbs")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.row_at(0).id == shelf.facial
    page.filter.setText("6901234")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.row_at(0).id == shelf.serum)
    page.select(shelf.serum)
    with qtbot.waitSignal(shell.ctx.changed):
        click(qtbot, page, "toggleItemShown")
    qtbot.waitUntil(lambda: page.toggle.text() == "显示")
    assert shelf.serum not in {p.id for p in shell.ctx.backend.catalog.products()}
    page.show_hidden.setChecked(False)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)


def test_importing_the_catalog_gives_the_line_numbered_report(
    qtbot: QtBot, shell: Shell, team: Team, tmp_path: Path
) -> None:
    shell.ctx.sign_in(team.manager)
    page = catalog_page(qtbot, shell)
    path = tmp_path / "价目表.csv"
    path.write_text(
        "类型,分类,名称,价格,时长,编号\n"
        "服务,面部护理,补水保湿护理,198,60,\n"
        "服务,面部护理,坏价格,abc,60,\n"
        "商品,护肤品,精华,128,,SKU-1\n",
        encoding="utf-8-sig",
    )
    with qtbot.waitSignal(shell.ctx.changed, timeout=20_000):
        page.importer.import_file(path)
    report = page.importer.message.text()
    assert report.startswith("新增 2 条，更新 0 条，未变 0 条，出错 1 行")
    assert "第 3 行：“abc”不是有效金额" in report
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)


@pytest.mark.parametrize("which", ["staff", "catalog"])
def test_the_table_models_are_well_behaved(
    qtmodeltester: ModelTester, backend: Backend, team: Team, shelf: Shelf, which: str
) -> None:
    model: StaffTableModel | CatalogTableModel
    if which == "staff":
        model = StaffTableModel()
        model.set_rows(backend.staff.list())
    else:
        model = CatalogTableModel()
        model.set_rows(backend.catalog.items())
    assert model.rowCount() == 3
    qtmodeltester.check(model, force_py=True)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("screen", ["staff", "catalog"])
def test_the_pages_fit_1024_by_768(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, language: str, screen: str
) -> None:
    page = at_1024(shell, team, language, screen)
    table = page.table  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: table.model().rowCount() == 3)
    shell.settle()
    assert not table.horizontalScrollBar().isVisible()
    assert cut_placeholders(page) == []
    header = table.horizontalHeader()
    for column in range(table.model().columnCount()):  # no header cut short
        text = table.model().headerData(column, Qt.Orientation.Horizontal)
        assert header.fontMetrics().horizontalAdvance(text) < header.sectionSize(column), text


def test_renaming_a_category_moves_its_items_or_nothing(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf
) -> None:
    shell.ctx.sign_in(team.manager)
    page = catalog_page(qtbot, shell)
    backend = shell.ctx.backend
    backend.catalog.add_service("美甲美睫", "日式美甲", 100, 30)
    page.select(shelf.manicure)
    click(qtbot, page, "renameCategory")
    assert page.dialog is not None
    assert page.dialog.findChild(QComboBox, "renameFrom").currentText() == "美甲"
    type_into(page.dialog, {"renameTo": "美甲美睫"})  # it has a 日式美甲 already
    save(qtbot, page, "categoryRenameSave")
    assert page.dialog.message.text() == "分类“美甲美睫”中已有名为“日式美甲”的服务。"
    assert backend.catalog.item(LineKind.SERVICE, shelf.manicure).category == "美甲"
    type_into(page.dialog, {"renameTo": "手足护理"})
    click(qtbot, page.dialog, "categoryRenameSave")
    qtbot.waitUntil(lambda: page.dialog is None)
    assert backend.catalog.item(LineKind.SERVICE, shelf.manicure).category == "手足护理"
    qtbot.waitUntil(lambda: "手足护理" in {page.model.row_at(r).category
                                        for r in range(page.model.rowCount())})  # fmt: skip
