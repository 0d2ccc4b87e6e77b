"""The member cards page: a manager adds a package card (name, price, sessions, validity, the
services it pays for) and sets the stored-value and points rules; bad rules are refused with
the reason and change nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QSpinBox
from pytestqt.qtbot import QtBot

from salon_pos.ui.pages.members import MembersPage
from salon_pos.ui.shell import Shell
from tests.conftest import Shelf, Team
from tests.ui.test_cashier import child

LEFT = Qt.MouseButton.LeftButton


def open_members(qtbot: QtBot, shell: Shell, team: Team) -> MembersPage:
    shell.ctx.sign_in(team.manager)
    page = shell.window.open_page("members")
    assert isinstance(page, MembersPage)
    return page


def save_rules(qtbot: QtBot, page: MembersPage) -> None:
    """Save, and wait for the page to say so (the screen is back in step with what is saved)."""
    button = child(page, QPushButton, "saveMemberRules")
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: button.isEnabled() and page.message.isVisible())
    assert page.message.text() == "规则已保存。"


def test_a_manager_adds_a_package_card_and_sets_the_rules(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf
) -> None:
    page = open_members(qtbot, shell, team)
    qtbot.mouseClick(child(page, QPushButton, "addPlan"), LEFT)
    dialog = page.dialog
    assert dialog is not None
    child(dialog, QLineEdit, "planName").setText("补水护理10次卡")
    child(dialog, QLineEdit, "planPrice").setText("1500")
    child(dialog, QSpinBox, "planSessions").setValue(10)
    services = child(dialog, QListWidget, "planServices")
    for row in range(services.count()):
        item = services.item(row)
        if "补水保湿护理" in item.text():
            item.setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(child(dialog, QPushButton, "packagePlanFormSave"), LEFT)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    [plan] = shell.ctx.backend.members.plans()
    assert (plan.name, plan.price, plan.sessions, plan.service_ids) == (
        "补水护理10次卡",
        150000,
        10,
        (shelf.facial,),
    )

    page.tabs.setCurrentIndex(1)  # stored value, points and tiers
    rules = child(page, QPlainTextEdit, "topUpRules")
    assert rules.isVisible()
    rules.setPlainText("1000=200\n500=80")
    child(page, QLineEdit, "offlineAllowance").setText("50")
    child(page, QLineEdit, "pointsRates").setText("美甲=2，美睫=0")
    save_rules(qtbot, page)
    assert shell.ctx.backend.settings.current.offline_allowance == 5000
    settings = shell.ctx.backend.settings.current
    assert settings.top_up_rules == "100000:20000,50000:8000"
    assert settings.points_rates == "美甲=2,美睫=0"

    tiers = child(page, QPlainTextEdit, "tiers")
    assert tiers.toPlainText().splitlines() == ["普通 0 100", "黄金 5000 100", "钻石 20000 100"]
    tiers.setPlainText("普通 0\n金卡 3000 90 美甲=85")
    child(page, QSpinBox, "birthdayPercent").setValue(80)
    validity = child(page, QSpinBox, "pointsValidDays")
    assert validity.text() == "永不过期"  # 0, the default
    validity.setValue(365)
    save_rules(qtbot, page)
    assert shell.ctx.backend.settings.current.birthday_percent == 80
    assert shell.ctx.backend.settings.current.points_valid_days == 365
    assert shell.ctx.backend.settings.current.tiers == "普通:0:100;金卡:300000:90:美甲=85"

    tiers.setPlainText("金卡 三千 90")
    qtbot.mouseClick(child(page, QPushButton, "saveMemberRules"), LEFT)
    assert page.message.isVisible() and "金卡 三千 90" in page.message.text()
    tiers.setPlainText("普通 0\n金卡 3000 90 美甲=85")

    rules.setPlainText("1000=两百")
    qtbot.mouseClick(child(page, QPushButton, "saveMemberRules"), LEFT)
    assert page.message.isVisible() and "两百" in page.message.text()
    assert shell.ctx.backend.settings.current.top_up_rules == "100000:20000,50000:8000"


def test_a_package_card_without_services_is_refused(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf
) -> None:
    page = open_members(qtbot, shell, team)
    qtbot.mouseClick(child(page, QPushButton, "addPlan"), LEFT)
    dialog = page.dialog
    assert dialog is not None
    child(dialog, QLineEdit, "planName").setText("空卡")
    child(dialog, QLineEdit, "planPrice").setText("100")
    qtbot.mouseClick(child(dialog, QPushButton, "packagePlanFormSave"), LEFT)
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert "服务项目" in dialog.message.text()
    assert shell.ctx.backend.members.plans() == []
