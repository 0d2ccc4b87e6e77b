"""Patch tests on screen: a service needing one is stopped at the line for a customer without a
valid test, a manager lets it through with PIN and reason, the sale completes with the approval
on its line and in the audit log; a valid test goes through without a question; a wrong PIN
approves nothing. Tests are recorded from the Customers screen."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from salon_pos.db.models import AuditEntry, TicketLine
from salon_pos.domain.ticket import LineKind
from salon_pos.services.backend import Backend
from salon_pos.services.customers import CustomerProfile
from salon_pos.services.patch_tests import PatchTestSubject
from salon_pos.ui.dialogs.catalog_item import CatalogItemDialog
from salon_pos.ui.dialogs.patch_test import PatchTestDialog
from salon_pos.ui.pages.cashier import CashierPage
from salon_pos.ui.pages.customers import CustomersPage
from salon_pos.ui.shell import Shell
from tests.conftest import Team
from tests.ui.test_tickets import approve

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def dye(shell: Shell) -> str:
    catalog = shell.ctx.backend.catalog
    return catalog.add_service("染发", "植物染发", 38800, 120, needs_patch_test=True).id


@pytest.fixture
def anna(shell: Shell) -> CustomerProfile:
    return shell.ctx.backend.customers.add("张美丽", "13800138000")


@pytest.fixture
def cashier(shell: Shell, team: Team, dye: str) -> CashierPage:
    shell.ctx.sign_in(team.desk)
    page = shell.window.open_page("cashier")
    assert isinstance(page, CashierPage)
    return page


def pay_cash(qtbot: QtBot, shell: Shell, page: CashierPage, team: Team) -> None:
    page.ticket.select(0)
    picker = page.findChild(QComboBox, "technicianPicker")
    picker.setCurrentIndex(picker.findData(team.tech.id))
    dialog = page.open_payment()
    assert dialog is not None
    qtbot.mouseClick(dialog.findChild(QPushButton, "quickCash_exact"), LEFT)
    with qtbot.waitSignal(shell.ctx.printer_state_changed, timeout=10_000):
        qtbot.mouseClick(dialog.findChild(QPushButton, "completeSale"), LEFT)


def lines_of(backend: Backend) -> list[TicketLine]:
    with backend.db.read() as session:
        return list(session.scalars(select(TicketLine)))


def test_stopped_at_the_line_then_a_manager_approves_and_the_sale_keeps_it(
    qtbot: QtBot, shell: Shell, cashier: CashierPage, team: Team, dye: str, anna: CustomerProfile
) -> None:
    cashier.set_customer(anna)
    cashier.add_item(LineKind.SERVICE, dye)
    assert cashier.ticket.model.rowCount() == 0  # stopped
    assert "植物染发需要皮试：没有皮试记录。" in cashier.message.text()
    approval = cashier.patch_test.dialog
    assert approval is not None

    approve(qtbot, approval, "9999", "熟客，上周在别店做过")  # a wrong PIN approves nothing
    qtbot.waitUntil(lambda: approval.message.isVisible() and approval.isVisible(), timeout=5000)
    assert "PIN 不正确" in approval.message.text()
    assert cashier.ticket.model.rowCount() == 0

    approve(qtbot, approval, Team.MANAGER_PIN, "熟客，上周在别店做过")
    qtbot.waitUntil(lambda: cashier.ticket.model.rowCount() == 1, timeout=5000)
    assert "王店长" in cashier.message.text()
    pay_cash(qtbot, shell, cashier, team)

    [line] = lines_of(shell.ctx.backend)
    assert line.patch_test_waiver is not None
    assert line.patch_test_waiver["approved_by"] == team.manager.id
    assert line.patch_test_waiver["reason"] == "熟客，上周在别店做过"
    with shell.ctx.backend.db.read() as session:
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "patch_test.waived"))
        after = json.loads(audit.one().after)
    assert (after["customer_id"], after["service"], after["approved_by"]) == (
        anna.id,
        "植物染发",
        team.manager.id,
    )


def test_a_valid_test_goes_through_without_a_question(
    qtbot: QtBot, shell: Shell, cashier: CashierPage, team: Team, dye: str, anna: CustomerProfile
) -> None:
    shell.ctx.backend.patch_tests.record(
        anna.id, "passed", date(2026, 11, 18), PatchTestSubject(service_id=dye)
    )
    cashier.set_customer(anna)
    cashier.add_item(LineKind.SERVICE, dye)
    assert cashier.ticket.model.rowCount() == 1 and cashier.patch_test.dialog is None
    pay_cash(qtbot, shell, cashier, team)
    [line] = lines_of(shell.ctx.backend)
    assert line.patch_test_waiver is None


def test_without_a_customer_the_cashier_is_asked_to_pick_one(
    cashier: CashierPage, dye: str
) -> None:
    cashier.add_item(LineKind.SERVICE, dye)
    assert cashier.ticket.model.rowCount() == 0
    assert "请先选择顾客" in cashier.message.text()
    assert cashier.patch_test.dialog is not None and cashier.patch_test.dialog.isVisible()
    cashier.patch_test.dialog.reject()  # not approved: nothing on the ticket
    assert cashier.ticket.model.rowCount() == 0


def test_an_empty_reason_is_asked_for_and_writes_nothing(
    qtbot: QtBot, shell: Shell, cashier: CashierPage, dye: str, anna: CustomerProfile
) -> None:
    cashier.set_customer(anna)
    cashier.add_item(LineKind.SERVICE, dye)
    approval = cashier.patch_test.dialog
    assert approval is not None
    approve(qtbot, approval, Team.MANAGER_PIN, "  ")
    assert approval.isVisible() and approval.message.text() == "请填写原因。"
    assert cashier.ticket.model.rowCount() == 0


def test_recording_a_test_from_the_customers_screen(
    qtbot: QtBot, shell: Shell, team: Team, dye: str, anna: CustomerProfile
) -> None:
    shell.ctx.sign_in(team.desk)
    page = shell.window.open_page("customers")
    assert isinstance(page, CustomersPage)
    page.select(anna.id)
    qtbot.mouseClick(page.findChild(QPushButton, "customerPatchTests"), LEFT)
    dialog = page.patch_test_dialog
    assert isinstance(dialog, PatchTestDialog) and dialog.isVisible()
    assert dialog.empty.isVisible()

    dialog.tested_on.setDate(QDate(2026, 11, 21))  # tomorrow: refused, nothing written
    qtbot.mouseClick(dialog.record_button, LEFT)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=5000)
    assert "晚于今天" in dialog.message.text()
    assert shell.ctx.backend.patch_tests.tests_of(anna.id) == []

    dialog.tested_on.setDate(QDate(2026, 11, 19))
    dialog.subject.setCurrentIndex(dialog.subject.findText("植物染发"))
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("failed"))
    dialog.note.setText("耳后红肿")
    qtbot.mouseClick(dialog.record_button, LEFT)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5000)
    [test] = shell.ctx.backend.patch_tests.tests_of(anna.id)
    assert (test.service_id, test.result.value, test.note) == (dye, "failed", "耳后红肿")
    assert dialog.model.subject(test) == "植物染发"


def test_the_catalog_form_marks_a_service_as_needing_a_patch_test(
    qtbot: QtBot, shell: Shell, team: Team, dye: str
) -> None:
    shell.ctx.sign_in(team.manager)
    offer = shell.ctx.backend.catalog.item(LineKind.SERVICE, dye)
    dialog = CatalogItemDialog(shell.ctx, LineKind.SERVICE, offer, shell.window)
    box = dialog.findChild(QCheckBox, "itemNeedsPatchTest")
    assert box.isChecked()
    box.setChecked(False)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save_button.click()
    assert not shell.ctx.backend.catalog.item(LineKind.SERVICE, dye).needs_patch_test  # type: ignore[union-attr]


def test_a_customer_changed_after_the_line_is_asked_about_before_paying(
    qtbot: QtBot, shell: Shell, cashier: CashierPage, team: Team, dye: str, anna: CustomerProfile
) -> None:
    backend = shell.ctx.backend
    hair_dye = PatchTestSubject(category="染发")
    backend.patch_tests.record(anna.id, "passed", date(2026, 11, 18), hair_dye)
    bella = backend.customers.add("王玲", "13912345678")
    cashier.set_customer(anna)
    cashier.add_item(LineKind.SERVICE, dye)  # anna's test is valid: no question
    assert cashier.ticket.model.rowCount() == 1 and cashier.patch_test.dialog is None
    cashier.set_customer(bella)
    cashier.ticket.select(0)
    picker = cashier.findChild(QComboBox, "technicianPicker")
    picker.setCurrentIndex(picker.findData(team.tech.id))
    assert cashier.open_payment() is None  # stopped: bella has no test
    assert "植物染发需要皮试：没有皮试记录。" in cashier.message.text()
    approval = cashier.patch_test.dialog
    assert approval is not None
    approve(qtbot, approval, Team.MANAGER_PIN, "顾客坚持，已告知风险")
    line_waiver = lambda: cashier.ticket.model.rows()[0].patch_test_waiver  # noqa: E731
    qtbot.waitUntil(lambda: line_waiver() is not None, timeout=5000)
    assert cashier.ticket.model.rows()[0].technician_id == team.tech.id  # the line kept as it was
    pay_cash(qtbot, shell, cashier, team)
    [line] = lines_of(backend)
    assert line.patch_test_waiver is not None
    assert line.patch_test_waiver["reason"] == "顾客坚持，已告知风险"
