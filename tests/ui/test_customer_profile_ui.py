"""The customer's profile on screen: the care and source fields saved from the form, health data
only for those allowed (hidden for a technician who never served the customer), the history
tab, the standing badge and the allergy warning at checkout. Screenshots of the form's tabs at
1024x768 go to SALON_POS_SHOTS when it is set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from salon_pos.domain.ticket import LineKind
from salon_pos.services.customers import CustomerProfile
from salon_pos.ui.dialogs.customer_form import CustomerFormDialog
from salon_pos.ui.pages.cashier import CashierPage
from salon_pos.ui.shell import Shell
from tests.conftest import Shelf, Team, three_line_sale

NOTE = "孕 24 周，避免精油"
ALLERGY = "青霉素、芒果"


pytestmark = pytest.mark.usefixtures("memory_keyring")  # the store key


def _customer(shell: Shell, team: Team) -> CustomerProfile:
    return shell.ctx.backend.customers.add(
        "林晓",
        "13912345678",
        "F",
        actor_id=team.desk.id,
        skin_type="sensitive",
        skin_condition="两颊泛红，换季易干",
        preferences=("moisturizing",),
        member_card="VIP-0001",
        source="walk_in",
        tags=("孕期", "学生"),
        allergies=ALLERGY,
        health_notes=NOTE,
    )


def _open(qtbot: QtBot, shell: Shell, existing: CustomerProfile | None) -> CustomerFormDialog:
    dialog = CustomerFormDialog(shell.ctx, existing)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _save(qtbot: QtBot, dialog: CustomerFormDialog) -> None:
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.findChild(QPushButton, "customerSave"), Qt.MouseButton.LeftButton)


def test_a_new_customer_with_care_profile_tags_and_health_data_is_saved(
    qtbot: QtBot, shell: Shell, team: Team
) -> None:
    shell.ctx.sign_in(team.desk)
    dialog = _open(qtbot, shell, None)
    assert dialog.tabs.count() == 3  # no history for a customer not on file yet
    dialog.name.setText("周敏")
    dialog.phone.setText("13600002222")
    dialog.member_card.setText("M-88")
    dialog.tags.setText("敏感肌，学生")
    dialog.care.skin_type.setCurrentIndex(dialog.care.skin_type.findData("oily"))
    dialog.care.preferences["anti_aging"].setChecked(True)
    dialog.care.technician.setCurrentIndex(dialog.care.technician.findData(team.tech.id))
    assert not dialog.health.allergies.isHidden()  # the customer tells the front desk
    dialog.health.allergies.setPlainText(ALLERGY)
    assert dialog.health.has_allergies.isChecked()  # typed allergies tick the warning
    _save(qtbot, dialog)

    assert dialog.saved is not None
    saved = shell.ctx.backend.customers.get(dialog.saved.id, team.manager.id)
    assert (saved.member_card, saved.tags, saved.skin_type) == ("M-88", ("敏感肌", "学生"), "oily")
    assert saved.preferences == ("anti_aging",) and saved.favourite_technician_id == team.tech.id
    assert saved.allergies == ALLERGY and saved.has_allergies


def test_a_referral_names_a_customer_on_file_by_phone(
    qtbot: QtBot, shell: Shell, team: Team
) -> None:
    referrer = _customer(shell, team)
    shell.ctx.sign_in(team.desk)
    dialog = _open(qtbot, shell, None)
    dialog.name.setText("周敏")
    dialog.phone.setText("13600002222")
    dialog.source.setCurrentIndex(dialog.source.findData("referral"))
    dialog.referrer.setText("13500000000")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "没有手机号为 13500000000 的客户：请先登记介绍人，或留空。"
    dialog.referrer.setText(referrer.phone)
    _save(qtbot, dialog)
    assert dialog.saved is not None and dialog.saved.referred_by == referrer.id


def test_health_fields_are_hidden_from_a_technician_who_never_served_the_customer(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf
) -> None:
    added = _customer(shell, team)
    shell.ctx.sign_in(team.tech)
    dialog = _open(qtbot, shell, added)
    assert dialog.health.allergies.isHidden()
    assert dialog.health.health_notes.isHidden()
    assert dialog.health.allergies.toPlainText() == ""  # the text never reached the screen
    assert dialog.health.has_allergies.isChecked()
    dialog.close()

    shell.ctx.backend.checkout.complete_sale(three_line_sale(team, shelf, added.id))
    served = _open(qtbot, shell, added)
    assert not served.health.health_notes.isHidden()
    assert served.health.health_notes.toPlainText() == NOTE
    assert served.history is not None
    assert served.history.spend.text() == "¥494.00"
    assert served.history.model.rowCount() == 3
    assert served.history.standing.text() == "会员"  # a member card


def test_the_cashier_sees_the_standing_and_an_allergy_warning_not_the_allergies(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf
) -> None:
    added = _customer(shell, team)
    shell.ctx.sign_in(team.desk)
    page = shell.window.open_page("cashier")
    assert isinstance(page, CashierPage)
    page.set_customer(shell.ctx.backend.customers.search("林晓")[0])
    assert page.customer.badge.text() == "会员"
    assert not page.customer.allergy.isVisible()
    page.add_item(LineKind.PRODUCT, shelf.serum)
    assert not page.customer.allergy.isVisible()  # a product: no service, no warning
    page.add_item(LineKind.SERVICE, shelf.facial)
    assert page.customer.allergy.isVisible()
    assert "过敏" in page.customer.allergy.text() and "芒果" not in page.customer.allergy.text()
    page.ticket.model.remove(1)  # the service taken off again
    assert not page.customer.allergy.isVisible()
    page.add_item(LineKind.SERVICE, shelf.facial)
    page.set_customer(None)
    assert not page.customer.allergy.isVisible() and not page.customer.badge.isVisible()
    assert added.id


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_screenshots_of_the_form_tabs(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, language: str, tmp_path: Path
) -> None:
    added = _customer(shell, team)
    shell.ctx.backend.checkout.complete_sale(three_line_sale(team, shelf, added.id))
    if language != "zh_CN":
        shell.set_language(language)
    shell.ctx.sign_in(team.manager)
    dialog = _open(qtbot, shell, added)
    shots = Path(os.environ.get("SALON_POS_SHOTS", tmp_path))
    shell.window.resize(1024, 768)
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        qtbot.waitExposed(dialog)
        picture = dialog.grab()
        assert picture.width() <= 1024 and picture.height() <= 768  # fits the small screen
        picture.save(str(shots / f"customer-form-{tab}-{language}.png"))
    dialog.close()
    for page in ("customers", "settings", "cashier"):
        shown = shell.window.open_page(page)
        if isinstance(shown, CashierPage):
            shown.set_customer(shell.ctx.backend.customers.search("林晓")[0])
            shown.add_item(LineKind.SERVICE, shelf.facial)
        shell.window.resize(1024, 768)
        qtbot.waitExposed(shell.window)
        shell.window.grab().save(str(shots / f"{page}-{language}.png"))
