"""Commission through the real widgets: the cashier marks a facial 点钟 and shares it 60/40
(the dialog's live check refusing 60/50 first), parks it and takes it up again (both kept),
pays; the technician sees only her own statement, the manager everyone's; the manager's rules
editor refuses a rule over 100% by its number and saves a good one; the statement exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from salon_pos.domain.commission import CommissionRule, CommissionRules, RateKind
from salon_pos.domain.commission import commission_rules_text as rules_text
from salon_pos.domain.ticket import LineKind
from salon_pos.services.staff import StaffMember
from salon_pos.ui.dialogs.line_split import LineSplitDialog
from salon_pos.ui.pages.cashier import CashierPage
from salon_pos.ui.pages.commission import CommissionPage
from salon_pos.ui.shell import Shell
from tests.conftest import Shelf, Team
from tests.ui.test_cashier import child, choose_technician
from tests.ui.test_chinese_ui import english_left, visible_texts
from tests.ui.test_parked_tickets import tap

LEFT = Qt.MouseButton.LeftButton
TEN_AND_FIFTEEN = CommissionRules(
    (CommissionRule(LineKind.SERVICE, RateKind.PERCENT, 1_000, 1_500),)
)


@pytest.fixture
def helper(shell: Shell) -> StaffMember:
    return shell.ctx.backend.staff.add("王芳", "technician", "3333", skills=["facial"])


def split_60_40(qtbot: QtBot, page: CashierPage, team: Team, helper: StaffMember) -> None:
    qtbot.mouseClick(child(page, QPushButton, "splitLine"), LEFT)
    dialog = page.ticket.split_dialog
    assert isinstance(dialog, LineSplitDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert english_left(visible_texts(dialog)) == []
    dialog.set_row(0, team.tech.id, 60)
    dialog.set_row(1, helper.id, 50)
    assert not dialog.ok.isEnabled() and "合计 100%" in dialog.message.text()  # live: 110%
    assert child(dialog, QLabel, "splitTotal").text() == "合计 110%"
    dialog.set_row(1, helper.id, 40)
    assert dialog.ok.isEnabled() and not dialog.message.isVisible()
    qtbot.mouseClick(dialog.ok, LEFT)
    qtbot.waitUntil(lambda: page.ticket.split_dialog is None)


def test_a_line_shared_60_40_and_requested_is_paid_and_on_each_statement(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, helper: StaffMember, tmp_path: Path
) -> None:
    backend = shell.ctx.backend
    backend.settings.update(commission_rules=rules_text(TEN_AND_FIFTEEN))
    shell.ctx.sign_in(team.desk)
    page = shell.window.open_page("cashier")
    assert isinstance(page, CashierPage)
    qtbot.waitExposed(shell.window)
    tap(qtbot, page, "补水", shelf.facial)
    choose_technician(page, 0, team.tech.id)
    qtbot.mouseClick(child(page, QPushButton, "requestedLine"), LEFT)  # 点钟
    split_60_40(qtbot, page, team, helper)
    [row] = page.ticket.model.rows()
    assert row.requested and [(s.name, s.share) for s in row.shares] == [
        ("李娜", 6_000), ("王芳", 4_000),
    ]  # fmt: skip
    assert page.ticket.model.index(0, 4).data() == "李娜 +1 点钟"
    assert page.ticket.model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole) == "李娜 60% / 王芳 40%"

    page.parking.park()  # parked and taken up again: 点钟 and the shares stay
    qtbot.waitUntil(lambda: page.ticket.model.rowCount() == 0)
    page.parking.take_up_by_id(backend.parked.list()[0].id)
    qtbot.waitUntil(lambda: page.ticket.model.rowCount() == 1)
    assert page.ticket.model.rows()[0].shares == row.shares
    assert page.ticket.model.rows()[0].requested

    qtbot.mouseClick(child(page, QPushButton, "payButton"), LEFT)
    payment = page.payment
    assert payment is not None
    child(payment, QLineEdit, "tender_wechat").setText("198")
    qtbot.mouseClick(child(payment, QPushButton, "completeSale"), LEFT)
    qtbot.waitUntil(lambda: page.ticket.model.rowCount() == 0)

    # 15% (点钟) of ¥198 is ¥29.70: ¥17.82 for 李娜, ¥11.88 for 王芳
    shell.ctx.sign_in(team.tech)
    mine = shell.window.open_page("commission")
    assert isinstance(mine, CommissionPage)
    qtbot.waitUntil(lambda: mine.report is not None)
    ModelTester(None).check(mine.summary_model)
    assert not mine.tabs.isTabVisible(1) and not mine.staff.isEnabled()  # no rules, no others
    summary = [[mine.summary_model.text(r, c) for c in range(7)] for r in range(2)]
    assert summary[0] == ["李娜", "1", "118.80", "118.80", "17.82", "0.00", "17.82"]
    assert mine.lines_model.text(0, 3) == "点钟" and mine.lines_model.text(0, 4) == "60%"
    assert english_left(visible_texts(mine)) == []

    shell.ctx.sign_in(team.manager)
    everyone = shell.window.open_page("commission")
    assert isinstance(everyone, CommissionPage)
    qtbot.waitUntil(lambda: everyone.report is not None and everyone.summary_model.rowCount() == 3)
    names = [everyone.summary_model.text(r, 0) for r in range(3)]
    assert names == ["李娜", "王芳", "合计"]
    assert everyone.summary_model.text(1, 4) == "11.88"
    assert everyone.summary_model.text(2, 6) == "29.70"
    everyone.export_to(tmp_path / "提成.csv", "csv")
    qtbot.waitUntil(lambda: everyone.exported is not None)
    exported = (tmp_path / "提成.csv").read_text(encoding="utf-8-sig")
    assert "王芳 的提成明细" in exported and "11.88" in exported


def test_the_rules_editor_refuses_a_rule_over_100_percent_and_saves_a_good_one(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf
) -> None:
    shell.ctx.sign_in(team.manager)
    page = shell.window.open_page("commission")
    assert isinstance(page, CommissionPage)
    page.tabs.setCurrentIndex(1)
    editor = page.rules
    assert english_left(visible_texts(editor)) == []
    target = child(editor, QComboBox, "ruleTarget")
    target.setCurrentIndex(target.findText("服务类别：美甲"))
    child(editor, QLineEdit, "ruleRotation").setText("120")
    qtbot.mouseClick(child(editor, QPushButton, "addCommissionRule"), LEFT)
    assert "第 1 条提成规则：百分比最多 100%（现为 120%）" in editor.message.text()
    assert editor.model.rowCount() == 0
    child(editor, QLineEdit, "ruleRotation").setText("12")
    child(editor, QLineEdit, "ruleRequested").setText("18")
    qtbot.mouseClick(child(editor, QPushButton, "addCommissionRule"), LEFT)
    qtbot.mouseClick(child(editor, QPushButton, "addCommissionRule"), LEFT)  # the same twice
    qtbot.mouseClick(child(editor, QPushButton, "saveCommissionRules"), LEFT)
    assert "第 2 条提成规则与第 1 条针对同一对象" in editor.message.text()
    editor.table.selectRow(1)
    qtbot.mouseClick(child(editor, QPushButton, "removeCommissionRule"), LEFT)
    ModelTester(None).check(editor.model)
    qtbot.mouseClick(child(editor, QPushButton, "saveCommissionRules"), LEFT)
    qtbot.waitUntil(lambda: "已保存" in editor.message.text())
    rules = shell.ctx.backend.settings.current.commission()
    assert rules.rules == (
        CommissionRule(LineKind.SERVICE, RateKind.PERCENT, 1_200, 1_800, category="美甲"),
    )
    assert editor.model.index(0, 2).data() == "12%" and editor.model.index(0, 3).data() == "18%"
