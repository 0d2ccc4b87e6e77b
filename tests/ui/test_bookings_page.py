"""The 预约 Bookings screen, as the front desk uses it: a customer whose favourite technician is
on shift is booked for two services with "any suitable" technician and lands in the favourite's
column; dragged an hour later with the mouse on the calendar, the booking moves in the
database; a drag onto a busy time is refused, said on the page, and the booking stays; a click
opens it, check-in says so to whoever listens, and completing it shows in the calendar. The
dialog says when a service needs a patch test the customer lacks, keeps a refusal inline, and
makes a new customer from two fields. Everything at 1024 × 768."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from salon_pos.domain.bookings import BookingStatus
from salon_pos.domain.calendar_layout import column_origin
from salon_pos.domain.schedule import Hours, WeeklyPattern
from salon_pos.services.backend import Backend
from salon_pos.ui.dialogs.booking_detail import BookingDetailDialog
from salon_pos.ui.dialogs.booking_form import BookingFormDialog
from salon_pos.ui.pages.bookings import BookingsPage
from salon_pos.ui.pages.cashier import CashierPage
from salon_pos.ui.shell import Shell
from tests.conftest import Shelf, Team
from tests.ui.test_cashier import child

FRIDAY = date(2026, 11, 20)  # the clock: 14:30 in Shanghai
EVERY_DAY = WeeklyPattern((Hours("09:00", "21:00", (("12:00", "12:30"),)),) * 7)
LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(FRIDAY.year, FRIDAY.month, FRIDAY.day, hour, minute)


class Salon:
    """李娜 and 陈静 both do facials and nails; 赵敏's favourite is 陈静, who already has an
    evening booking (so the lightest day alone would give 李娜 the booking)."""

    def __init__(self, backend: Backend, team: Team, shelf: Shelf) -> None:
        self.backend, self.team, self.shelf = backend, team, shelf
        self.li_na = team.tech
        self.chen = backend.staff.add("陈静", "technician", "4444", skills=["facial", "nail"])
        for tech in (self.li_na, self.chen):
            backend.bookings.save_schedule(tech.id, EVERY_DAY)
        self.zhao = backend.customers.add("赵敏", "13900139000")
        backend.customers.update(replace(self.zhao, favourite_technician_id=self.chen.id))
        other = backend.customers.add("钱多多", "13700137000").id
        self.evening = backend.bookings.book(
            other, [shelf.facial], at(19), technician_id=self.chen.id
        )


@pytest.fixture
def salon(backend: Backend, team: Team, shelf: Shelf) -> Salon:
    return Salon(backend, team, shelf)


def open_bookings(qtbot: QtBot, shell: Shell, team: Team) -> BookingsPage:
    shell.ctx.sign_in(team.desk)
    shell.window.resize(1024, 768)
    qtbot.mouseClick(shell.window.findChild(QPushButton, "nav_bookings"), LEFT)
    page = shell.window.pages.currentWidget()
    assert isinstance(page, BookingsPage)
    qtbot.waitExposed(page.calendar)
    return page


def point(page: BookingsPage, column_id: str, when: datetime) -> QPoint:
    """Where a column's time is in the calendar's viewport, as scrolled now."""
    grid = page.calendar.grid
    column = next(n for n, c in enumerate(grid.columns) if c.id == column_id)
    offset = grid.scroll_offset()
    x = grid.column_width * (column + 0.5) - offset.x()
    origin = column_origin(grid.columns[column], grid.day_start)
    y = grid.pixels((when - origin).total_seconds() / 60) - offset.y()
    return QPoint(round(x), round(y))


def drag(page: BookingsPage, start: QPoint, end: QPoint) -> None:
    viewport = page.calendar.grid.viewport()
    QTest.mousePress(viewport, LEFT, NO_KEYS, start)
    middle = (start + end) / 2
    QTest.mouseMove(viewport, QPoint(round(middle.x()), round(middle.y())))
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, LEFT, NO_KEYS, end)


def tick(qtbot: QtBot, services: QListWidget, name: str, on: bool = True) -> None:
    rows = [services.item(n) for n in range(services.count())]
    item = next(row for row in rows if name in row.text())
    services.scrollToItem(item)
    qtbot.mouseClick(services.viewport(), LEFT, pos=services.visualItemRect(item).center())
    assert item.checkState() == (Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def new_booking(qtbot: QtBot, page: BookingsPage) -> BookingFormDialog:
    qtbot.mouseClick(page.new_booking, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, BookingFormDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_booking_moving_checking_in_and_completing_from_the_calendar(
    qtbot: QtBot, shell: Shell, salon: Salon, tmp_path: Path
) -> None:
    bookings = salon.backend.bookings
    page = open_bookings(qtbot, shell, salon.team)
    assert {c.title for c in page.calendar.grid.columns} == {"李娜", "陈静"}  # on shift today
    rotation = page.side.rotation
    assert [rotation.item(n).text() for n in range(2)] == ["1. 李娜  ← 下一位", "2. 陈静"]
    assert not page.side.watch.isVisible()  # what runs late is for managers

    dialog = new_booking(qtbot, page)
    dialog.customer.search.setText("赵敏")
    qtbot.keyClick(dialog.customer.search, Qt.Key.Key_Return)
    assert dialog.customer.customer is not None and dialog.customer.customer.name == "赵敏"
    tick(qtbot, dialog.services, "补水保湿护理")
    tick(qtbot, dialog.services, "日式美甲")
    assert dialog.technician.currentData() is None  # 任意合适技师
    assert dialog.duration.text().startswith("150 分钟")
    free = [dialog.free.item(n).text() for n in range(dialog.free.count())]
    assert "14:30" in free and "15:00" in free and "19:00" not in free
    dialog.time.setCurrentIndex(dialog.time.findText("15:00"))
    dialog.grab().save(str(tmp_path / "booking_form.png"))
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(dialog.save, LEFT)

    [made] = [v for v in bookings.day(FRIDAY) if v.customer_name == "赵敏"]
    assert (made.technician_id, made.requested) == (salon.chen.id, False)  # the favourite
    assert (made.start, made.end) == (at(15), at(17, 30))
    qtbot.waitUntil(lambda: any(i.id == made.id for i in page.calendar_items()), timeout=5000)
    [item] = [i for i in page.calendar_items() if i.id == made.id]
    assert (item.column_id, item.title, item.detail) == (
        salon.chen.id,
        "赵敏",
        "补水保湿护理、日式美甲",
    )

    # An hour later, with the mouse: held 15 minutes in, dropped an hour down.
    drag(page, point(page, salon.chen.id, at(15, 15)), point(page, salon.chen.id, at(16, 15)))
    qtbot.waitUntil(lambda: bookings.booking(made.id).start == at(16), timeout=5000)
    qtbot.waitUntil(lambda: [i.start for i in page.calendar_items() if i.id == made.id] == [at(16)])

    # Onto 陈静's evening booking: refused, said, and it stays at 16:00.
    drag(page, point(page, salon.chen.id, at(16, 15)), point(page, salon.chen.id, at(17, 45)))
    qtbot.waitUntil(page.message.isVisible, timeout=5000)
    assert page.message.text() == "陈静 在 11-20 17:30–20:00 已有安排（预约、休息或请假）。"
    assert bookings.booking(made.id).start == at(16)
    assert [i.start for i in page.calendar_items() if i.id == made.id] == [at(16)]
    shell.window.grab().save(str(tmp_path / "bookings_day.png"))

    QTest.mouseClick(
        page.calendar.grid.viewport(), LEFT, NO_KEYS, point(page, salon.chen.id, at(16, 30))
    )
    detail = page.dialog
    assert isinstance(detail, BookingDetailDialog)
    qtbot.waitExposed(detail)
    assert detail.findChild(QPushButton, "bookingStep_arrived") is not None
    with qtbot.waitSignal(page.checked_in, timeout=5000) as checked:
        qtbot.mouseClick(detail.step_button(BookingStatus.ARRIVED), LEFT)
    assert checked.args == [made.id]
    assert bookings.booking(made.id).status is BookingStatus.ARRIVED

    # The open ticket, at the cashier: both services, each with the booking's technician.
    cashier = shell.window.open_page("cashier")
    assert isinstance(cashier, CashierPage)
    qtbot.waitUntil(lambda: shell.window.current_page_key() == "cashier", timeout=5000)
    qtbot.waitUntil(lambda: cashier.ticket.model.rowCount() == 2, timeout=5000)
    lines = [(r.name, r.technician_id) for r in cashier.ticket.model.rows()]
    assert lines == [("补水保湿护理", salon.chen.id), ("日式美甲", salon.chen.id)]
    assert cashier.customer.customer is not None and cashier.customer.customer.name == "赵敏"

    # Parked (the customer is still in the chair), taken up again, and paid.
    qtbot.mouseClick(child(cashier, QPushButton, "parkTicket"), LEFT)
    qtbot.waitUntil(lambda: cashier.ticket.model.rowCount() == 0, timeout=5000)
    qtbot.mouseClick(child(cashier, QPushButton, "parkedTickets"), LEFT)
    listed = cashier.parking.dialog
    assert listed is not None
    qtbot.waitUntil(listed.isVisible)
    assert [r.id for r in listed.model.rows()] == [made.id]
    qtbot.mouseClick(child(listed, QPushButton, "resumeParked"), LEFT)
    qtbot.waitUntil(lambda: cashier.ticket.model.rowCount() == 2, timeout=5000)
    qtbot.mouseClick(child(cashier, QPushButton, "payButton"), LEFT)
    payment = cashier.payment
    assert payment is not None and payment.draft.parked_id == made.id
    child(payment, QLineEdit, "tender_wechat").setText("366")
    qtbot.mouseClick(child(payment, QPushButton, "completeSale"), LEFT)
    qtbot.waitUntil(lambda: bookings.booking(made.id).status is BookingStatus.COMPLETED)
    assert bookings.booking(made.id).ticket_id is not None

    # Back in the calendar: 陈静's column shows it completed.
    shell.window.open_page("bookings")
    qtbot.waitUntil(
        lambda: (
            [(i.column_id, i.status) for i in page.calendar_items() if i.id == made.id]
            == [(salon.chen.id, "completed")]
        ),
        timeout=5000,
    )


def test_the_dialog_warns_of_a_patch_test_keeps_a_refusal_and_adds_a_new_customer(
    qtbot: QtBot, shell: Shell, salon: Salon
) -> None:
    dye = salon.backend.catalog.add_service("染发", "植物染发", 38800, 60, needs_patch_test=True)
    page = open_bookings(qtbot, shell, salon.team)
    # A click on 李娜's free 15:40: her column and the quarter hour are filled in.
    QTest.mouseClick(
        page.calendar.grid.viewport(), LEFT, NO_KEYS, point(page, salon.li_na.id, at(15, 40))
    )
    dialog = page.dialog
    assert isinstance(dialog, BookingFormDialog)
    qtbot.waitExposed(dialog)
    assert (dialog.technician_id(), dialog.start()) == (salon.li_na.id, at(15, 30))
    assert dialog.width() <= 1024 and dialog.height() <= 768

    tick(qtbot, dialog.services, "植物染发")
    assert dialog.patch_warning.isVisible() and "植物染发" in dialog.patch_warning.text()
    assert dialog.chosen_services() == [dye.id]
    tick(qtbot, dialog.services, "植物染发", on=False)  # a second click takes it off again
    assert not dialog.patch_warning.isVisible() and dialog.chosen_services() == []

    # A new customer in two fields, 陈静 asked for by name at 19:00, when 钱多多 has her:
    # refused, said in the dialog, which stays open; the new customer is kept (not made twice).
    dialog.new_name.setText("孙丽")
    dialog.new_phone.setText("13600136000")
    tick(qtbot, dialog.services, "补水保湿护理")
    dialog.technician.setCurrentIndex(dialog.technician.findData(salon.chen.id))
    dialog.time.setCurrentIndex(dialog.time.findText("19:00"))
    qtbot.mouseClick(dialog.save, LEFT)
    qtbot.waitUntil(dialog.message.isVisible, timeout=5000)
    assert dialog.isVisible() and "陈静" in dialog.message.text()
    assert dialog.customer.customer is not None and dialog.customer.customer.name == "孙丽"
    assert [c.name for c in salon.backend.customers.search("孙丽", 5)] == ["孙丽"]

    qtbot.mouseClick(dialog.next_free, LEFT)  # 陈静's first free hour: 14:30
    assert dialog.start() == at(14, 30)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(dialog.save, LEFT)
    [made] = [v for v in salon.backend.bookings.day(FRIDAY) if v.customer_name == "孙丽"]
    assert (made.technician_id, made.requested, made.start) == (salon.chen.id, True, at(14, 30))
    assert [c.name for c in salon.backend.customers.search("孙丽", 5)] == ["孙丽"]  # just one


def test_rooms_filters_and_the_week(qtbot: QtBot, shell: Shell, salon: Salon) -> None:
    bookings = salon.backend.bookings
    rooms = [
        bookings.save_resource(name, "room", [salon.shelf.facial]) for name in ("VIP 1", "VIP 2")
    ]
    made = bookings.book(salon.zhao.id, [salon.shelf.facial], at(15), technician_id=salon.li_na.id)
    assert made.resource_id == rooms[0]
    page = open_bookings(qtbot, shell, salon.team)
    qtbot.mouseClick(page.by_room, LEFT)
    # 钱多多's evening was booked before there were rooms: in a column of its own.
    assert [c.title for c in page.calendar.grid.columns] == ["VIP 1", "VIP 2", "无房间"]
    drag(page, point(page, rooms[0], at(15, 15)), point(page, rooms[1], at(15, 15)))
    qtbot.waitUntil(lambda: bookings.booking(made.id).resource_id == rooms[1], timeout=5000)
    assert bookings.booking(made.id).start == at(15)

    page.status.setCurrentIndex(page.status.findData("requested"))
    assert page.calendar_items() == []  # nothing waits to be confirmed
    page.status.setCurrentIndex(page.status.findData("all"))
    qtbot.mouseClick(page.by_technician, LEFT)
    qtbot.mouseClick(page.week_view, LEFT)
    assert page.who.isVisible() and page.calendar.grid.columns[4].id == FRIDAY.isoformat()
    assert {i.column_id for i in page.calendar_items()} == {FRIDAY.isoformat()}
    page.who.setCurrentIndex(page.who.findData(salon.li_na.id))
    assert [i.id for i in page.calendar_items()] == [made.id]  # 陈静's evening is filtered out
    shell.ctx.sign_in(salon.team.manager)
    page.refresh()
    assert page.side.watch.isVisible() and page.side.watch.item(0).text() == "没有超时"
    qtbot.mouseClick(page.following, LEFT)
    assert page.calendar_items() == [] and page.day == date(2026, 11, 27)
