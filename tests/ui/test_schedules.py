"""The manager's schedule screens: 李娜's weekly hours with a lunch break and the 14-day preview,
a rotating 早/晚/休 cycle saved and read back, her leave added and cancelled, a room for a
service from the Catalog page, and bad input said under the form. Each fits 1024 × 768; the
screenshots go to tmp_path (pytest --basetemp to keep them)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from salon_pos.domain.schedule import Hours, RotatingPattern, WeeklyPattern
from salon_pos.services.backend import Backend
from salon_pos.ui.dialogs.leave import LeaveDialog
from salon_pos.ui.dialogs.resources import ResourceFormDialog, ResourcesDialog
from salon_pos.ui.dialogs.schedule_editor import ScheduleDialog
from salon_pos.ui.models.schedules import LeaveTableModel, ResourceTableModel
from salon_pos.ui.pages.catalog import CatalogPage
from salon_pos.ui.pages.staff import StaffPage
from salon_pos.ui.shell import Shell
from tests.conftest import Shelf, Team
from tests.ui.test_small_screen import at_1024

LEFT = Qt.MouseButton.LeftButton
FRIDAY = date(2026, 11, 20)  # the clock's day
LUNCH = (("12:00", "12:30"),)


def click(qtbot: QtBot, parent: QWidget, name: str) -> None:
    found = parent.findChild(QPushButton, name)
    assert found is not None, name
    qtbot.mouseClick(found, LEFT)


def pick(parent: QWidget, name: str, value: str) -> None:
    combo = parent.findChild(QComboBox, name)
    assert combo is not None, name
    combo.setCurrentIndex(combo.findData(value))


def pick_text(parent: QWidget, name: str, text: str) -> None:
    combo = parent.findChild(QComboBox, name)
    combo.setCurrentIndex(combo.findText(text))


def check(parent: QWidget, name: str, on: bool) -> None:
    box = parent.findChild(QCheckBox, name)
    assert box is not None, name
    box.setChecked(on)


def preview(dialog: ScheduleDialog, n: int) -> str:
    return dialog.preview_text(n)


def staff_page(qtbot: QtBot, shell: Shell, team: Team, language: str = "zh_CN") -> StaffPage:
    page = at_1024(shell, team, language, "staff")
    assert isinstance(page, StaffPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    return page


def open_for(qtbot: QtBot, page: StaffPage, staff_id: str, button: str) -> QDialog:
    assert page.select(staff_id)
    click(qtbot, page, button)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def schedule_cell(page: StaffPage, staff_id: str) -> str:
    row = page.model.row_of(staff_id)
    assert row is not None
    return str(page.model.data(page.model.index(row, 6)))


def fits(dialog: QWidget, shots: Path, name: str) -> None:
    assert dialog.width() <= 1024 and dialog.height() <= 768, (dialog.width(), dialog.height())
    cut = [
        label.text()
        for label in dialog.findChildren(QLabel)
        if label.isVisible() and not label.wordWrap() and label.text()
        and label.sizeHint().width() > label.width()
    ]  # fmt: skip
    assert cut == []
    dialog.grab().save(str(shots / f"{name}.png"))


def save_schedule(qtbot: QtBot, page: StaffPage, dialog: QDialog) -> None:
    click(qtbot, dialog, "scheduleFormSave")
    qtbot.waitUntil(lambda: page.dialog is None)


def test_a_weekly_pattern_with_a_lunch_break_shows_in_the_preview_and_the_list(
    qtbot: QtBot, shell: Shell, team: Team, tmp_path: Path
) -> None:
    page = staff_page(qtbot, shell, team)
    assert schedule_cell(page, team.tech.id) == "未排班"
    assert schedule_cell(page, team.desk.id) == ""  # not a technician
    assert page.select(team.desk.id) and not page.schedule.isEnabled()
    dialog = open_for(qtbot, page, team.tech.id, "editSchedule")
    assert isinstance(dialog, ScheduleDialog)
    assert dialog.weekly_mode.isChecked() and dialog.findChild(QLabel, "notScheduledHint")
    pick(dialog, "week0Start", "10:00")
    pick(dialog, "week0End", "19:00")
    check(dialog, "week0Break1On", True)
    pick(dialog, "week0Break1Start", "12:00")
    pick(dialog, "week0Break1End", "12:30")
    click(qtbot, dialog, "copyMonday")  # to Tuesday … Friday
    check(dialog, "weekWorking6", False)  # Sunday off
    assert preview(dialog, 0) == "11/20 周五\n10:00–19:00\n休息 12:00–12:30"
    assert preview(dialog, 1) == "11/21 周六\n09:00–21:00\n休息 12:00–12:30"  # as it was
    assert preview(dialog, 2) == "11/22 周日\n休"
    assert preview(dialog, 3).startswith("11/23 周一\n10:00–19:00")
    fits(dialog, tmp_path, "schedule_weekly_zh_CN")
    save_schedule(qtbot, page, dialog)

    ten_to_seven = Hours("10:00", "19:00", LUNCH)
    nine_to_nine = Hours("09:00", "21:00", LUNCH)
    expected = WeeklyPattern((ten_to_seven,) * 5 + (nine_to_nine, None))
    assert shell.ctx.backend.bookings.schedule_of(team.tech.id) == expected
    qtbot.waitUntil(lambda: schedule_cell(page, team.tech.id) == "每周固定")
    page.grab().save(str(tmp_path / "staff_page_zh_CN.png"))


def test_a_rotating_early_late_off_cycle_saves_and_reads_back_equal(
    qtbot: QtBot, shell: Shell, team: Team, tmp_path: Path
) -> None:
    page = staff_page(qtbot, shell, team)
    dialog = open_for(qtbot, page, team.tech.id, "editSchedule")
    assert isinstance(dialog, ScheduleDialog)
    dialog.rotating_mode.click()
    assert dialog.findChild(QWidget, "rotatingEditor").isVisible()
    dialog.findChild(QDateEdit, "cycleFirstDay").setDate(QDate(2026, 11, 19))
    dialog.findChild(QSpinBox, "cycleLength").setValue(3)
    pick_text(dialog, "cycleDay0", "早班")
    pick_text(dialog, "cycleDay1", "晚班")
    pick_text(dialog, "cycleDay2", "休")
    pick(dialog, "preset0End", "16:00")  # 早班 09:00–16:00
    assert preview(dialog, 0) == "11/20 周五\n13:00–21:00\n休息 17:30–18:00"  # day 2: 晚班
    assert preview(dialog, 1) == "11/21 周六\n休"
    assert preview(dialog, 2) == "11/22 周日\n09:00–16:00\n休息 12:00–12:30"
    fits(dialog, tmp_path, "schedule_rotating_zh_CN")
    save_schedule(qtbot, page, dialog)

    early = Hours("09:00", "16:00", LUNCH)
    late = Hours("13:00", "21:00", (("17:30", "18:00"),))
    expected = RotatingPattern(date(2026, 11, 19), (early, late, None))
    assert shell.ctx.backend.bookings.schedule_of(team.tech.id) == expected
    qtbot.waitUntil(lambda: schedule_cell(page, team.tech.id) == "轮班")

    again = open_for(qtbot, page, team.tech.id, "editSchedule")  # read back into the form
    assert isinstance(again, ScheduleDialog)
    assert again.rotating_mode.isChecked() and again.pattern() == expected
    again.reject()


def test_leave_is_added_listed_in_the_preview_and_cancelled(
    qtbot: QtBot, shell: Shell, team: Team, tmp_path: Path
) -> None:
    page = staff_page(qtbot, shell, team)
    dialog = open_for(qtbot, page, team.tech.id, "editLeave")
    assert isinstance(dialog, LeaveDialog)
    dialog.first.setDate(QDate(2026, 11, 25))
    dialog.last.setDate(QDate(2026, 11, 27))
    dialog.reason.setText("年假")
    click(qtbot, dialog, "addLeave")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert dialog.message.text() == "已保存 2026-11-25 至 2026-11-27 的请假。"
    cells = [dialog.model.data(dialog.model.index(0, c)) for c in range(5)]
    assert cells == ["2026-11-25", "2026-11-27", "3", "年假", ""]

    dialog.first.setDate(QDate(2026, 12, 5))
    dialog.last.setDate(QDate(2026, 12, 1))  # before the first day
    dialog.table.clearSelection()
    click(qtbot, dialog, "addLeave")
    qtbot.waitUntil(lambda: "结束日须不早于开始日" in dialog.message.text())
    assert dialog.model.rowCount() == 1
    fits(dialog, tmp_path, "leave_zh_CN")

    dialog.table.selectRow(0)
    click(qtbot, dialog, "cancelLeave")
    qtbot.waitUntil(lambda: dialog.model.data(dialog.model.index(0, 4)) == "已取消")
    assert not dialog.cancel_leave.isEnabled()
    held = shell.ctx.backend.bookings.leave_of(team.tech.id)
    assert [(v.first_day, v.cancelled) for v in held] == [(date(2026, 11, 25), True)]
    dialog.reject()
    qtbot.waitUntil(lambda: page.dialog is None)

    shell.ctx.backend.bookings.save_leave(
        team.tech.id, date(2026, 11, 21), date(2026, 11, 21), "病假"
    )
    schedule = open_for(qtbot, page, team.tech.id, "editSchedule")
    assert isinstance(schedule, ScheduleDialog)
    assert preview(schedule, 1) == "11/21 周六\n请假\n病假"
    assert preview(schedule, 5).startswith("11/25 周三\n09:00–21:00")  # cancelled: working
    schedule.reject()


def test_a_room_for_a_service_is_added_listed_and_deactivated(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Shelf, tmp_path: Path
) -> None:
    page = at_1024(shell, team, "zh_CN", "catalog")
    assert isinstance(page, CatalogPage)
    click(qtbot, page, "openResources")
    rooms = page.resources
    assert isinstance(rooms, ResourcesDialog)
    qtbot.waitUntil(rooms.isVisible)
    click(qtbot, rooms, "addResource")
    form = rooms.form
    assert isinstance(form, ResourceFormDialog)
    click(qtbot, form, "resourceFormSave")  # no name
    qtbot.waitUntil(lambda: form.message.text() == "请填写房间、床位或座椅的名称。")
    form.name.setText("美容床 1")
    pick(form, "resourceKind", "bed")
    form.check_service(shelf.facial)
    fits(form, tmp_path, "resource_form_zh_CN")
    click(qtbot, form, "resourceFormSave")
    qtbot.waitUntil(lambda: rooms.form is None and rooms.model.rowCount() == 1)
    [bed] = shell.ctx.backend.bookings.resources()
    assert (bed.name, bed.kind, bed.service_ids) == ("美容床 1", "bed", frozenset({shelf.facial}))
    cells = [rooms.model.data(rooms.model.index(0, c)) for c in range(4)]
    assert cells == ["美容床 1", "床位", "补水保湿护理", "启用"]
    fits(rooms, tmp_path, "resources_zh_CN")

    rooms.table.selectRow(0)
    click(qtbot, rooms, "toggleResource")
    qtbot.waitUntil(lambda: rooms.model.data(rooms.model.index(0, 3)) == "停用")
    assert shell.ctx.backend.bookings.resources() == []
    assert rooms.toggle.text() == "重新启用"


def test_bad_hours_are_said_under_the_form_and_an_overnight_shift_says_next_day(
    qtbot: QtBot, shell: Shell, team: Team, tmp_path: Path
) -> None:
    page = staff_page(qtbot, shell, team)
    dialog = open_for(qtbot, page, team.tech.id, "editSchedule")
    assert isinstance(dialog, ScheduleDialog)
    pick(dialog, "week0Start", "18:00")
    pick(dialog, "week0End", "02:00")  # ends the next day
    check(dialog, "week0Break1On", False)
    assert dialog.findChild(QLabel, "week0NextDay").text() == "次日"
    assert "18:00–次日 02:00" in preview(dialog, 3)  # Monday 11/23
    assert not dialog.message.isVisible()

    pick(dialog, "week0End", "18:00")  # no length
    assert dialog.message.text() == "周一：18:00–18:00 的班次没有时长，下班时间须与上班时间不同。"
    assert preview(dialog, 3) == "11/23 周一\n—"  # nothing until it is right
    pick(dialog, "week0End", "23:00")
    check(dialog, "week0Break1On", True)  # 12:00–12:30: before the shift
    assert "不在班次 18:00–23:00 之内" in dialog.message.text()
    fits(dialog, tmp_path, "schedule_refused_zh_CN")
    click(qtbot, dialog, "scheduleFormSave")
    assert dialog.isVisible() and shell.ctx.backend.bookings.schedule_of(team.tech.id) is None

    check(dialog, "week0Break1On", False)
    assert not dialog.message.isVisible()
    save_schedule(qtbot, page, dialog)
    saved = shell.ctx.backend.bookings.schedule_of(team.tech.id)
    assert isinstance(saved, WeeklyPattern) and saved.days[0] == Hours("18:00", "23:00")


def test_the_schedule_editor_in_english_fits(
    qtbot: QtBot, shell: Shell, team: Team, tmp_path: Path
) -> None:
    page = staff_page(qtbot, shell, team, "en")
    assert schedule_cell(page, team.tech.id) == "Not scheduled"
    dialog = open_for(qtbot, page, team.tech.id, "editSchedule")
    assert isinstance(dialog, ScheduleDialog)
    assert preview(dialog, 0) == "11/20 Fri\n09:00–21:00\nBreak 12:00–12:30"
    fits(dialog, tmp_path, "schedule_weekly_en")
    dialog.rotating_mode.click()
    fits(dialog, tmp_path, "schedule_rotating_en")
    page.grab().save(str(tmp_path / "staff_page_en.png"))


def test_the_leave_and_room_models_are_well_behaved(
    qtmodeltester: ModelTester, backend: Backend, team: Team, shelf: Shelf
) -> None:
    bookings = backend.bookings
    bookings.save_leave(team.tech.id, date(2026, 11, 25), date(2026, 11, 27), "年假")
    bookings.save_resource("美容床 1", "bed", [shelf.facial])
    leave = LeaveTableModel()
    leave.set_rows(bookings.leave_of(team.tech.id))
    rooms = ResourceTableModel()
    rooms.set_rows(bookings.resource_list())
    for model in (leave, rooms):
        assert model.rowCount() == 1
        qtmodeltester.check(model, force_py=True)
