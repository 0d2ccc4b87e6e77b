"""The setup wizard on a data folder nobody can sign in to yet: a new store with its first
manager, who then signs in; the manager step alone after `init`; refusals that keep the page."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWizard
from pytestqt.qtbot import QtBot

from salon_pos.app import first_run_setup
from salon_pos.domain.staff import Role
from salon_pos.services.backend import Backend
from salon_pos.services.first_run import FirstPull, FirstRun, StoreData, first_run
from salon_pos.ui.setup.start import FirstRunSetup
from salon_pos.ui.setup.wizard import CHOICE, MANAGER, PRINTER, STORE
from salon_pos.ui.shell import Shell
from sync.pull import PullProgress
from tests.ui.test_sign_in import sign_in_with_pad


def no_pull(*_: object) -> FirstPull:
    raise AssertionError("a new store pulls nothing")


def open_wizard(
    qapp: QApplication, backend: Backend, made: list[FirstRunSetup], language: str = "zh_CN"
) -> FirstRunSetup:
    setup = FirstRunSetup(qapp, backend, first_run(backend), no_pull, language)
    made.append(setup)
    setup.wizard.show()
    return setup


def fill_manager(wizard: QWizard, name: str, pin: str, again: str | None = None) -> None:
    wizard.findChild(QLineEdit, "managerName").setText(name)
    wizard.findChild(QLineEdit, "managerPin").setText(pin)
    wizard.findChild(QLineEdit, "managerPinAgain").setText(pin if again is None else again)


def finish(qtbot: QtBot, setup: FirstRunSetup) -> None:
    with qtbot.waitSignal(setup.wizard.ready, timeout=10_000):
        setup.wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not setup.wizard.isVisible())


def test_a_new_store_and_its_manager_then_the_manager_signs_in(
    qtbot: QtBot, qapp: QApplication, fresh: Backend, setup_of: list[FirstRunSetup]
) -> None:
    assert first_run(fresh) is FirstRun.CHOOSE
    setup = open_wizard(qapp, fresh, setup_of)
    wizard = setup.wizard
    wizard.next()  # "set up a new store" is the default choice
    assert wizard.currentId() == STORE
    wizard.findChild(QLineEdit, "storeName").setText("花间美甲")
    wizard.findChild(QLineEdit, "counterPrefix").setText("a1")
    wizard.store.time_zone.setEditText("Asia/Hong_Kong")
    wizard.store.cutover.setValue(5)
    wizard.next()
    assert wizard.currentId() == MANAGER
    fill_manager(wizard, "陈店长", "4321")
    wizard.next()
    assert wizard.currentId() == PRINTER
    finish(qtbot, setup)

    settings = fresh.settings.current
    assert (settings.store_name, settings.counter_prefix) == ("花间美甲", "A1")
    assert (settings.time_zone, settings.cutover_hour, settings.printer_kind) == (
        "Asia/Hong_Kong",
        5,
        "none",
    )
    [manager] = fresh.staff.list()
    assert (manager.name, manager.role) == ("陈店长", Role.MANAGER)
    assert first_run(fresh) is FirstRun.DONE

    shell = Shell(qapp, fresh, "zh_CN")
    try:
        shell.window.show()
        sign_in_with_pad(qtbot, shell, manager.id, "4321")
        qtbot.waitUntil(lambda: shell.ctx.staff == manager)
        assert not shell.window._nav_buttons["settings"].isHidden()
    finally:
        shell.close()


def test_a_refused_page_says_why_and_keeps_the_page(
    qtbot: QtBot, qapp: QApplication, fresh: Backend, setup_of: list[FirstRunSetup]
) -> None:
    wizard = open_wizard(qapp, fresh, setup_of).wizard
    wizard.next()
    wizard.next()  # no store name
    assert wizard.currentId() == STORE
    assert "门店名称" in wizard.store.message.text()
    wizard.findChild(QLineEdit, "storeName").setText("花间美甲")
    wizard.findChild(QLineEdit, "counterPrefix").setText("A-1")
    wizard.next()
    assert wizard.currentId() == STORE and "前缀" in wizard.store.message.text()
    wizard.findChild(QLineEdit, "counterPrefix").setText("A1")
    wizard.next()
    fill_manager(wizard, "陈店长", "123")
    wizard.next()
    assert wizard.currentId() == MANAGER and "4 到 8 位" in wizard.manager.message.text()
    fill_manager(wizard, "陈店长", "1234", again="1243")
    wizard.next()
    assert wizard.currentId() == MANAGER and "不一致" in wizard.manager.message.text()
    assert not fresh.settings.is_initialised() and fresh.staff.list() == []


def test_after_init_alone_the_wizard_asks_only_for_the_manager(
    qtbot: QtBot, qapp: QApplication, backend: Backend, setup_of: list[FirstRunSetup]
) -> None:
    """`salon-pos init --store-name … --counter A1` made the store but nobody to sign in."""
    backend.settings.update(printer_kind="file", printer_target="/tmp/receipts.bin")
    assert first_run(backend) is FirstRun.MANAGER
    setup = open_wizard(qapp, backend, setup_of, language="en")
    wizard = setup.wizard
    assert wizard.currentId() == MANAGER
    fill_manager(wizard, "Lily", "2468")
    wizard.next()
    assert wizard.printer.printer()[0] == "file"  # the printer set before is kept
    finish(qtbot, setup)
    [manager] = backend.staff.list()
    assert manager.name == "Lily" and manager.role is Role.MANAGER
    assert backend.settings.current.store_name == "丽人美容（测试店）"
    assert backend.settings.current.printer_target == "/tmp/receipts.bin"


def test_the_app_opens_the_wizard_only_while_nobody_can_sign_in(
    qapp: QApplication, fresh: Backend, backend: Backend, team: object
) -> None:
    """`salon-pos gui`: the wizard on a fresh folder, the sign-in screen once a manager is here."""
    setup = first_run_setup(qapp, fresh, None)
    try:
        assert setup is not None and setup.wizard.startId() == CHOICE
        assert setup.ctx.language == "zh_CN"  # Chinese when nothing says otherwise
    finally:
        assert setup is not None
        setup.close()
    assert first_run_setup(qapp, backend, None) is None  # `team` has a manager


def test_the_first_pull_shows_its_progress_and_stops_when_asked(
    qtbot: QtBot, qapp: QApplication, backend: Backend, setup_of: list[FirstRunSetup]
) -> None:
    """Enrolled, nobody here yet: the wizard opens on the pull (a stand-in for the server's)."""

    def pull(told: Callable[[PullProgress], None], stop: threading.Event) -> FirstPull:
        told(PullProgress(500, 1500))
        stop.wait(10)
        return FirstPull(500, stopped=stop.is_set(), held=StoreData(2, 30, 0))

    setup = FirstRunSetup(qapp, backend, FirstRun.PULL, pull, "zh_CN")
    setup_of.append(setup)
    setup.wizard.show()
    page = setup.wizard.pull
    qtbot.waitUntil(lambda: "500 / 1,500" in page.status.text())
    assert (page.bar.value(), page.bar.maximum()) == (500, 1500)
    assert not page.isComplete() and page.retry.isHidden()
    qtbot.mouseClick(page.findChild(QPushButton, "stopPull"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.isComplete)
    assert "已停止" in page.status.text() and "30 个项目商品" in page.status.text()
    assert not page.retry.isHidden()  # goes on from where it stopped
    assert setup.wizard.nextId() == MANAGER  # nobody to approve came: the first manager
