"""A salon's first day, from an empty data folder, through the screens only (issue 9): the
wizard sets up the store and its manager; the manager signs in and adds a technician and a
front-desk person with PINs and two services; the front-desk person signs in and sells one of
them with that technician on the cashier screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from salon_pos.services.backend import Backend
from salon_pos.ui.pages.cashier import CashierPage
from salon_pos.ui.setup.start import FirstRunSetup
from salon_pos.ui.shell import Shell
from tests.ui.selling import sell_one_service
from tests.ui.test_setup_wizard import fill_manager, finish, open_wizard
from tests.ui.test_sign_in import sign_in_with_pad
from tests.ui.test_staff_catalog import add_member, add_service, catalog_page, staff_page

LEFT = Qt.MouseButton.LeftButton


def test_a_salons_first_day_from_an_empty_folder(
    qtbot: QtBot, qapp: QApplication, fresh: Backend, setup_of: list[FirstRunSetup]
) -> None:
    setup = open_wizard(qapp, fresh, setup_of)
    wizard = setup.wizard
    wizard.next()  # a new store
    wizard.findChild(QLineEdit, "storeName").setText("花间美甲")
    wizard.findChild(QLineEdit, "counterPrefix").setText("A1")
    wizard.next()
    fill_manager(wizard, "陈店长", "4321")
    wizard.next()
    finish(qtbot, setup)
    [manager] = fresh.staff.list()

    shell = Shell(qapp, fresh, "zh_CN")
    try:
        shell.window.show()
        sign_in_with_pad(qtbot, shell, manager.id, "4321")
        qtbot.waitUntil(lambda: shell.ctx.staff == manager)
        people = staff_page(shell, manager)
        add_member(qtbot, people, "李娜", "technician", "2222", staffSkills="nail",
                   approverPin="4321")  # fmt: skip
        add_member(qtbot, people, "周小敏", "front_desk", "1111", approverPin="4321")
        qtbot.waitUntil(lambda: len(fresh.staff.list()) == 3)
        tech = next(m for m in fresh.staff.list() if m.name == "李娜")
        desk = next(m for m in fresh.staff.list() if m.name == "周小敏")

        catalog = catalog_page(qtbot, shell)
        for name, price in (("日式美甲", "168"), ("法式美甲", "198")):
            add_service(qtbot, catalog, {"itemCategory": "美甲", "itemName": name,
                                         "itemPrice": price, "itemDuration": "90",
                                         "itemSkill": "nail"})  # fmt: skip
        qtbot.waitUntil(lambda: len(fresh.catalog.services()) == 2)
        manicure = next(s for s in fresh.catalog.services() if s.name == "日式美甲")

        shell.ctx.sign_out()
        sign_in_with_pad(qtbot, shell, desk.id, "1111")
        qtbot.waitUntil(lambda: shell.ctx.staff is not None and shell.ctx.staff.id == desk.id)
        cashier = shell.window.open_page("cashier")
        assert isinstance(cashier, CashierPage)
        sell_one_service(qtbot, cashier, manicure.id, "日式", tech.id, "168")
        qtbot.waitUntil(lambda: len(fresh.tickets.find()) == 1, timeout=10_000)

        [ticket] = fresh.tickets.find()
        detail = fresh.tickets.get(ticket.id)
        assert detail.summary.total == 16800 and detail.summary.number == "A1-000001"
        assert [(line.name, line.technician) for line in detail.lines] == [("日式美甲", "李娜")]
        qtbot.waitUntil(lambda: cashier.ticket.model.rowCount() == 0)  # the next customer
    finally:
        shell.close()
