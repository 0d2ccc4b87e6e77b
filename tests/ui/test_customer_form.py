"""The customer form takes no more name and notes than the server accepts, never cuts what a
customer already has, and shows the reason when a save is refused for a field too long."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from salon_pos.db.models import Customer
from salon_pos.services.customers import NAME_MAX, NOTES_MAX
from salon_pos.ui.dialogs.customer_form import CustomerFormDialog
from salon_pos.ui.shell import Shell
from tests.conftest import Team


def form(qtbot: QtBot, shell: Shell, team: Team, **existing: object) -> CustomerFormDialog:
    shell.ctx.sign_in(team.desk)
    dialog = CustomerFormDialog(shell.ctx, **existing)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_inputs_stop_at_the_servers_limits(qtbot: QtBot, shell: Shell, team: Team) -> None:
    dialog = form(qtbot, shell, team)
    assert dialog.name.maxLength() == NAME_MAX == 64
    assert dialog.notes.maxLength() == NOTES_MAX == 2000
    dialog.name.insert("张" * 80)
    assert dialog.name.text() == "张" * 64
    dialog.notes.insertPlainText("敏" * 1990)
    dialog.notes.moveCursor(QTextCursor.MoveOperation.Start)
    dialog.notes.insertPlainText("过敏" * 10)  # a paste at the start: only what fits is kept
    assert dialog.notes.toPlainText() == "过敏" * 5 + "敏" * 1990
    assert dialog.notes.textCursor().position() == 10  # after the part kept
    dialog.notes.insertPlainText("x")
    assert len(dialog.notes.toPlainText()) == 2000


def test_a_customer_with_longer_notes_from_the_server_keeps_them_whole(
    qtbot: QtBot, shell: Shell, team: Team
) -> None:
    backend = shell.ctx.backend
    anna = backend.customers.add("张美丽", "13800138000")
    with backend.db.write() as s:  # notes merged on the server grow past the counter's limit
        s.execute(update(Customer).where(Customer.id == anna.id).values(notes="敏" * 5000))
    grown = replace(anna, notes="敏" * 5000)
    dialog = form(qtbot, shell, team, existing=grown)
    assert dialog.notes.toPlainText() == grown.notes  # not cut, so not sent back as an edit
    assert dialog.profile() == grown
    dialog.notes.selectAll()
    dialog.notes.insertPlainText("过" * 4999)  # rewritten: now an edit, and too long for it
    qtbot.mouseClick(dialog.findChild(QPushButton, "customerSave"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert dialog.message.text() == "备注过长：共 4999 个字符，最多 2000 个。"
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert backend.customers.get(anna.id).notes == grown.notes
