"""预约 Bookings, the counter's calendar (issue 11; docs/bookings.md, "Bookings screen"): a day
of technicians on shift (or of rooms) side by side, or a week; filters by status and, in the
week, by technician or room; drag a booking to move it (to another column: another technician
or room), drag its bottom edge to change its length — the booking service decides, and a
refusal is said here and the booking goes back. A click on free time opens a new booking
there; a click on a booking opens it with the steps it may take. Beside it, the rotation
queue (轮钟) and, for managers, what is running late."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from functools import partial
from typing import Any, TypeVar

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.bookings import DayPlan
from salon_pos.domain.calendar_layout import CalendarColumn, CalendarItem
from salon_pos.services.bookings import BookingView
from salon_pos.services.changes import QUEUED, Changes
from salon_pos.ui.calendar_view import CalendarView
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.booking_detail import BookingDetailDialog
from salon_pos.ui.dialogs.booking_form import BookingFormDialog
from salon_pos.ui.pages.bookings_feed import (
    ACTIVE,
    ALL,
    NO_ROOM,
    REQUESTED,
    ROOMS,
    TECHNICIANS,
    items,
    needing_attention,
    next_in_rotation,
    room_columns,
    shown,
    technician_columns,
    week_working,
)
from salon_pos.ui.pages.bookings_side import BookingsSidePanel
from salon_pos.ui.widgets import MessageLine, button, qdate
from sync.operations.bookings import (
    CHANGE_BOOKING,
    CHANGE_LEAVE,
    CHANGE_RESOURCE,
    CHANGE_SCHEDULE,
)
from sync.operations.customers import CHANGE_CUSTOMER
from sync.operations.setup import CHANGE_STAFF

Opened = TypeVar("Opened", BookingFormDialog, BookingDetailDialog)
WATCHED = (CHANGE_BOOKING, CHANGE_SCHEDULE, CHANGE_LEAVE, CHANGE_RESOURCE, CHANGE_STAFF)
OPENING, CLOSING = 9, 21  # hours shown unless a shift or booking reaches beyond


class BookingsPage(QWidget):
    checked_in = Signal(str)  # booking id: the customer has arrived (the cashier takes it on)

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.setObjectName("bookingsPage")
        self._ctx = ctx
        self._bookings = ctx.backend.bookings
        self.day = self._bookings.now().date()
        self.views: list[BookingView] = []
        self.dialog: QDialog | None = None
        self._stale = True
        self.calendar = CalendarView(now=self._bookings.now)
        self.calendar.item_clicked.connect(self.open_booking)
        self.calendar.empty_clicked.connect(self._on_calendar_empty_clicked)
        self.calendar.item_moved.connect(self._on_calendar_item_moved)
        self.calendar.item_resized.connect(self._on_calendar_item_resized)
        self.side = BookingsSidePanel()
        self.side.booking_chosen.connect(self.open_booking)
        self.message = MessageLine()
        self._build_toolbar()
        self._lay_out()
        ctx.changed.connect(self._on_ctx_changed)
        self._minute = QTimer(self)  # late and overrunning bookings become so as time passes
        self._minute.setInterval(60_000)
        self._minute.timeout.connect(self._refresh_side)
        self._minute.start()

    # --- building ----------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        self.previous = button("◀", "bookingsPrevious")
        self.previous.clicked.connect(lambda: self.show_day(self.day - self._step()))
        self.today = button(self.tr("Today"), "bookingsToday")
        self.today.clicked.connect(lambda: self.show_day(self._bookings.now().date()))
        self.following = button("▶", "bookingsNext")
        self.following.clicked.connect(lambda: self.show_day(self.day + self._step()))
        self.date = QDateEdit()
        self.date.setObjectName("bookingsDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDate(qdate(self.day))
        self.date.dateChanged.connect(lambda d: self.show_day(d.toPython()))
        self.heading = QLabel()
        self.heading.setObjectName("bookingsHeading")
        self.heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.day_view = self._toggle(self.tr("Day"), "bookingsDayView")
        self.week_view = self._toggle(self.tr("Week"), "bookingsWeekView")
        self._group(self.day_view, self.week_view)
        self.by_technician = self._toggle(self.tr("Technicians"), "bookingsByTechnician")
        self.by_room = self._toggle(self.tr("Rooms"), "bookingsByRoom")
        self._group(self.by_technician, self.by_room)
        self.status = QComboBox()
        self.status.setObjectName("bookingsStatusFilter")
        self.status.addItem(self.tr("All statuses"), ALL)
        self.status.addItem(self.tr("Active (not cancelled)"), ACTIVE)
        self.status.addItem(self.tr("To confirm"), REQUESTED)
        self.status.currentIndexChanged.connect(lambda _n: self.refresh())
        self.who = QComboBox()
        self.who.setObjectName("bookingsWhoFilter")
        self.who.currentIndexChanged.connect(lambda _n: self.refresh())
        self.new_booking = button(self.tr("New booking"), "newBooking", "primary")
        self.new_booking.clicked.connect(lambda: self.open_new_booking())
        self.side_toggle = self._toggle(self.tr("Rotation"), "toggleBookingsSide")
        self.side_toggle.setChecked(True)
        self.side_toggle.toggled.connect(self._on_side_toggled)

    def _toggle(self, text: str, name: str) -> QPushButton:
        made = button(text, name)
        made.setCheckable(True)
        return made

    def _group(self, first: QPushButton, second: QPushButton) -> None:
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(first)
        group.addButton(second)
        first.setChecked(True)
        group.buttonToggled.connect(self._on_view_toggled)

    def _on_view_toggled(self, _button: QPushButton, on: bool) -> None:
        if on:  # the button switched off says so too: one refresh
            self.refresh()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        for widget in (self.previous, self.today, self.following, self.date):
            top.addWidget(widget)
        top.addSpacing(8)
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.new_booking)
        filters = QHBoxLayout()
        for widget in (self.day_view, self.week_view):
            filters.addWidget(widget)
        filters.addSpacing(8)
        for widget in (self.by_technician, self.by_room):
            filters.addWidget(widget)
        filters.addSpacing(8)
        filters.addWidget(self.status)
        filters.addWidget(self.who)
        filters.addStretch(1)
        filters.addWidget(self.side_toggle)
        body = QHBoxLayout()
        body.addWidget(self.calendar, 1)
        body.addWidget(self.side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)

    # --- what it shows -----------------------------------------------------------------------
    def on_shown(self) -> None:
        if self._stale:
            self.refresh()
            self.calendar.scroll_to_time(self._opening_time())

    def show_day(self, day: date) -> None:
        if day == self.day:
            return
        self.day = day
        self.date.blockSignals(True)
        self.date.setDate(qdate(day))
        self.date.blockSignals(False)
        self.refresh()
        self.calendar.scroll_to_time(self._opening_time())

    def week(self) -> bool:
        return self.week_view.isChecked()

    def mode(self) -> str:
        return ROOMS if self.by_room.isChecked() else TECHNICIANS

    def _step(self) -> timedelta:
        return timedelta(days=7 if self.week() else 1)

    def _first_day(self) -> date:
        return self.day - timedelta(days=self.day.weekday()) if self.week() else self.day

    def refresh(self) -> None:
        """Read the day (or week) again and feed the calendar; a few ms, on the UI thread."""
        self._stale = False
        first = self._first_day()
        last = first + timedelta(days=6) if self.week() else first
        plan, names = self._bookings.plan(first, last)
        self.views = self._read(first, last)
        self._fill_who(plan, names)
        who = self.who.currentData() if self.week() else None
        kept = shown(self.views, self.status.currentData() or ALL, who, self.mode())
        columns = self._columns(plan, kept, first, who)
        self.calendar.set_window(*self._window(first, columns, kept))
        self.calendar.set_columns(columns)
        self.calendar.set_items(items(kept, self.mode(), self.week()))
        self._show_heading(first, last)
        self._refresh_side()

    def _read(self, first: date, last: date) -> list[BookingView]:
        found: dict[str, BookingView] = {}
        day = first
        while day <= last:
            found.update((v.id, v) for v in self._bookings.day(day))
            day += timedelta(days=1)
        return sorted(found.values(), key=lambda v: (v.start, v.id))

    def _columns(
        self, plan: DayPlan, kept: list[BookingView], first: date, who: str | None
    ) -> list[CalendarColumn]:
        if self.week():
            mine = who if self.mode() == TECHNICIANS else None
            return self.calendar.week_columns(first, week_working(plan, mine))
        if self.mode() == ROOMS:
            return room_columns(plan.rooms, kept, first, self.tr("No room"))
        return technician_columns(plan, kept)

    def _window(
        self, first: date, columns: Sequence[CalendarColumn], kept: Sequence[BookingView]
    ) -> tuple[datetime, datetime]:
        """9:00 to 21:00, widened to whole hours for a shift or booking beyond them."""
        opening, closing = OPENING * 60, CLOSING * 60
        spans = [(v.start, v.end) for v in kept]
        if self.week() or self.mode() == TECHNICIANS:  # a room's column is open all day
            spans += [(s.start, s.end) for c in columns for s in c.working]
        for start, end in spans:
            midnight = datetime.combine(start.date(), time())
            opening = min(opening, int((start - midnight).total_seconds() // 3600) * 60)
            reach = (min(end, midnight + timedelta(days=1)) - midnight).total_seconds() / 60
            closing = max(closing, -(-int(reach) // 60) * 60)
        midnight = datetime.combine(first, time())
        return midnight + timedelta(minutes=opening), midnight + timedelta(minutes=closing)

    def _opening_time(self) -> datetime:
        now = self._bookings.now()
        if now.date() == self.day:
            return now
        starts = [v.start for v in self.views if v.start.date() == self.day]
        return min(starts) if starts else datetime.combine(self.day, time(OPENING + 1))

    def _fill_who(self, plan: DayPlan, names: dict[str, str]) -> None:
        """The week view's filter: everybody, or one technician (or room)."""
        self.who.setVisible(self.week())
        rooms = self.mode() == ROOMS
        wanted: list[tuple[str, str | None]] = [
            (self.tr("All rooms") if rooms else self.tr("All technicians"), None)
        ]
        people = plan.rooms if rooms else plan.technicians
        wanted += [(p.name, p.id) for p in people]
        held = [(self.who.itemText(n), self.who.itemData(n)) for n in range(self.who.count())]
        if held == wanted:
            return
        chosen = self.who.currentData()
        self.who.blockSignals(True)
        self.who.clear()
        for text, data in wanted:
            self.who.addItem(text, data)
        self.who.setCurrentIndex(max(self.who.findData(chosen), 0) if chosen else 0)
        self.who.blockSignals(False)

    def _show_heading(self, first: date, last: date) -> None:
        names = self.calendar.weekday_names()
        if self.week():
            text = f"{first.month}/{first.day} – {last.month}/{last.day}"
        else:
            text = self.tr("{weekday} {month}/{day}").format(
                weekday=names[first.weekday()], month=first.month, day=first.day
            )
        self.heading.setText(text)

    def _refresh_side(self) -> None:
        if not (self.isVisible() and self.side.isVisibleTo(self)):
            return  # read when shown (refresh) or switched on
        today = self._bookings.now().date()
        plan, names = self._bookings.plan(today, today)
        views = self.views if self.day == today and not self.week() else self._read(today, today)
        now = self._bookings.now()
        self.side.show_rotation(next_in_rotation(plan, views, now), names)
        staff = self._ctx.staff
        managing = staff is not None and staff.role.approves
        self.side.show_watch(needing_attention(views, now) if managing else None)

    def _on_side_toggled(self, on: bool) -> None:
        self.side.setVisible(on)
        self._refresh_side()

    def _on_ctx_changed(self, changes: Changes) -> None:
        if changes.touches(*WATCHED, CHANGE_CUSTOMER):
            self._stale = True
            if self.isVisible():
                self.refresh()

    # --- booking, moving ---------------------------------------------------------------------
    def open_new_booking(
        self, technician_id: str | None = None, at: datetime | None = None
    ) -> BookingFormDialog:
        dialog = BookingFormDialog(self._ctx, self, technician_id=technician_id, at=at)
        return self._open(dialog)

    def open_booking(self, booking_id: str) -> BookingDetailDialog:
        dialog = BookingDetailDialog(self._ctx, self._bookings.booking(booking_id), self)
        dialog.checked_in.connect(self.checked_in)
        return self._open(dialog)

    def _open(self, dialog: Opened) -> Opened:
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_calendar_empty_clicked(self, column_id: str, at: datetime) -> None:
        technician = None
        if self.week():
            technician = self.who.currentData() if self.mode() == TECHNICIANS else None
        elif self.mode() == TECHNICIANS:
            technician = column_id or None
        self.open_new_booking(technician, at)

    def _on_calendar_item_moved(self, booking_id: str, column_id: str, start: datetime) -> None:
        held = next((v for v in self.views if v.id == booking_id), None)
        if held is None:
            return
        into: dict[str, Any] = {}
        if not self.week() and self.mode() == TECHNICIANS and column_id != held.technician_id:
            into["technician_id"] = column_id
        if not self.week() and self.mode() == ROOMS:
            room = None if column_id == NO_ROOM else column_id
            if room != held.resource_id:
                into["resource_id"] = room or ""
        self._change(partial(self._bookings.move, booking_id, start, **into))

    def _on_calendar_item_resized(self, booking_id: str, end: datetime) -> None:
        self._change(partial(self._bookings.move, booking_id, end=end))

    def _change(self, move: Callable[..., BookingView]) -> None:
        self.message.hide()
        staff = self._ctx.staff
        work = partial(move, actor_id=staff.id if staff else None)
        self._ctx.runner.run(work, self._on_booking_changed, self._on_change_refused)

    def _on_booking_changed(self, view: BookingView) -> None:
        self._ctx.announce(Changes.of(CHANGE_BOOKING, view.id) | Changes.of(QUEUED))
        if self._stale:  # hidden meanwhile: the calendar shows the service's answer anyway
            self.refresh()

    def _on_change_refused(self, error: BaseException) -> None:
        self.message.show_error(self._ctx.message(error))
        self.refresh()  # the booking goes back where it is

    def calendar_items(self) -> list[CalendarItem]:
        return list(self.calendar.grid.items)
