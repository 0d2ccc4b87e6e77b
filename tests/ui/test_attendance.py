"""Attendance on screen: from the navigation bar a technician taps her name and PIN and sees
"李娜 上班 14:30"; the likely next kind is chosen for her; a wrong PIN records nothing; the
manager's hours report on the Staff page shows her hours. Both fit a 1024 × 768 screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from salon_pos.ui.dialogs.attendance import AttendanceDialog
from salon_pos.ui.dialogs.hours_report import HoursReportDialog
from salon_pos.ui.pages.staff import StaffPage
from salon_pos.ui.shell import Shell
from tests.conftest import FakeClock, Team

LEFT = Qt.MouseButton.LeftButton


def open_clock(qtbot: QtBot, shell: Shell) -> AttendanceDialog:
    qtbot.mouseClick(shell.window.findChild(QPushButton, "openAttendance"), LEFT)
    dialog = shell.window.attendance
    assert isinstance(dialog, AttendanceDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def clock_with_pin(qtbot: QtBot, dialog: AttendanceDialog, staff_id: str, pin: str) -> None:
    qtbot.mouseClick(dialog.findChild(QToolButton, f"clockTile_{staff_id}"), LEFT)
    dialog.findChild(QLineEdit, "pinField").setText(pin)
    qtbot.mouseClick(dialog.findChild(QPushButton, "pinOk"), LEFT)


def test_clocking_in_and_out_with_a_pin_and_the_hours_in_the_report(
    qtbot: QtBot, shell: Shell, team: Team, clock: FakeClock, tmp_path: Path
) -> None:
    shell.ctx.sign_in(team.desk)  # the front desk is signed in; the technician clocks
    shell.window.resize(1024, 768)
    dialog = open_clock(qtbot, shell)

    clock_with_pin(qtbot, dialog, team.tech.id, "9999")
    qtbot.waitUntil(lambda: "PIN 不正确" in dialog.message.text(), timeout=5000)
    assert dialog.model.rowCount() == 0

    clock_with_pin(qtbot, dialog, team.tech.id, "2222")
    qtbot.waitUntil(lambda: dialog.message.text() == "李娜 上班 14:30", timeout=5000)
    assert dialog.model.rowCount() == 1 and dialog.chosen is None  # ready for the next person
    assert dialog.findChild(QLineEdit, "pinField").text() == ""
    assert dialog.width() <= 1024 and dialog.height() <= 768
    dialog.grab().save(str(tmp_path / "attendance.png"))

    clock.advance(hours=8, minutes=5)
    qtbot.mouseClick(dialog.findChild(QToolButton, f"clockTile_{team.tech.id}"), LEFT)
    assert dialog.clock_out.isChecked()  # on the clock: out is the likely one
    dialog.findChild(QLineEdit, "pinField").setText("2222")
    qtbot.mouseClick(dialog.findChild(QPushButton, "pinOk"), LEFT)
    qtbot.waitUntil(lambda: dialog.message.text() == "李娜 下班 22:35", timeout=5000)
    assert dialog.model.rowCount() == 2
    qtbot.mouseClick(dialog.findChild(QPushButton, "attendanceClose"), LEFT)
    qtbot.waitUntil(lambda: shell.window.attendance is None)

    shell.ctx.sign_in(team.manager)
    page = shell.window.open_page("staff")
    assert isinstance(page, StaffPage)
    qtbot.mouseClick(page.findChild(QPushButton, "openHoursReport"), LEFT)
    report = page.dialog
    assert isinstance(report, HoursReportDialog)
    qtbot.waitUntil(lambda: report.model.rowCount() == 3, timeout=5000)  # every active person
    lina = next(report.model.row_at(i) for i in range(3) if report.model.row_at(i).name == "李娜")
    assert (lina.days_worked, lina.minutes, lina.missing_clock_outs) == (1, 485, 0)
    assert report.model.data(report.model.index(0, 2)) == "8:05"  # most hours first
    assert "8:05" in report.total.text()
    assert report.width() <= 1024 and report.height() <= 768
    report.grab().save(str(tmp_path / "hours.png"))


def test_clocking_in_twice_is_recorded_and_said(
    qtbot: QtBot, shell: Shell, team: Team, clock: FakeClock
) -> None:
    shell.ctx.sign_in(team.tech)  # a technician signed in sees the button too
    assert shell.window.findChild(QPushButton, "openAttendance").isVisible()
    dialog = open_clock(qtbot, shell)
    clock_with_pin(qtbot, dialog, team.tech.id, "2222")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5000)
    clock.advance(minutes=3)
    qtbot.mouseClick(dialog.findChild(QToolButton, f"clockTile_{team.tech.id}"), LEFT)
    dialog.clock_in.click()  # she means in again: nothing asks
    dialog.findChild(QLineEdit, "pinField").setText("2222")
    qtbot.mouseClick(dialog.findChild(QPushButton, "pinOk"), LEFT)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=5000)
    assert dialog.message.text().startswith("李娜 上班 14:33\n")
    assert "连续" in dialog.message.text()


def test_a_pin_without_a_name_asks_for_the_name(qtbot: QtBot, shell: Shell, team: Team) -> None:
    shell.ctx.sign_in(team.desk)
    dialog = open_clock(qtbot, shell)
    dialog.findChild(QLineEdit, "pinField").setText("2222")
    qtbot.mouseClick(dialog.findChild(QPushButton, "pinOk"), LEFT)
    assert dialog.message.isVisible() and dialog.model.rowCount() == 0
