"""A new booking: the customer (found as at the cashier, or a new one from a name and a phone),
one or more services, any suitable technician or one asked for by name (点钟), the day and a
quarter hour, a note. The length comes from the services; "next free slot" fills the first
start that fits and the day's free starts are listed to pick from. A service that needs a
patch test the customer lacks is flagged before saving. A refusal is shown in the dialog,
which stays open with everything as typed."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import partial

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.calendar_layout import snapped
from salon_pos.domain.errors import UserError
from salon_pos.domain.staff import Role
from salon_pos.services.bookings import BookingView, NoServiceChosen
from salon_pos.services.catalog import ServiceOffer
from salon_pos.services.changes import QUEUED, Changes
from salon_pos.services.customers import CustomerProfile
from salon_pos.ui.context import UiContext
from salon_pos.ui.pages.cashier_customer import ALLERGY_STYLE, CustomerPanel
from salon_pos.ui.widgets import HintedField, MessageLine, button, qdate
from sync.operations.bookings import CHANGE_BOOKING
from sync.operations.customers import CHANGE_CUSTOMER

QUARTERS = [time(h, m) for h in range(24) for m in (0, 15, 30, 45)]


class NewCustomerMissing(UserError):
    en = "Find the customer, or type a new customer's name and phone."
    zh = "请查找客户，或填写新客户的姓名和电话。"


class BookingFormDialog(QDialog):
    saved = Signal(object)  # BookingView

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        technician_id: str | None = None,
        at: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bookingForm")
        self.setWindowTitle(self.tr("New booking"))
        self._ctx = ctx
        self._bookings = ctx.backend.bookings
        now = self._bookings.now()
        start = at or snapped(now + timedelta(minutes=14), down=True)
        self._offers = ctx.backend.catalog.services()
        self._ticked: list[str] = []
        self._build_customer()
        self._build_services()
        self._build_when(technician_id, start)
        self.note = QLineEdit()
        self.note.setObjectName("bookingNote")
        self.note.setMaxLength(500)
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.patch_warning = QLabel()
        self.patch_warning.setObjectName("bookingPatchTestWarning")
        self.patch_warning.setStyleSheet(ALLERGY_STYLE)
        self.patch_warning.setWordWrap(True)
        self.patch_warning.hide()
        self.message = MessageLine()
        self.save = button(self.tr("Save booking"), "saveBooking", "primary")
        self.save.clicked.connect(self._on_save_clicked)
        cancel = button(self.tr("Cancel"), "cancelBooking")
        cancel.clicked.connect(self.reject)
        self._lay_out(cancel)
        self._refresh()

    # --- building ----------------------------------------------------------------------------
    def _build_customer(self) -> None:
        self.customer = CustomerPanel(self._ctx, self)
        self.customer.walk_in.hide()  # a booking is for someone
        self.customer.quick_add.hide()  # a new customer: the two fields below
        self.customer.chosen.connect(self._on_customer_chosen)
        self.customer.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newCustomerName")
        self.new_name.setPlaceholderText(self.tr("New customer: name"))
        self.new_phone = QLineEdit()
        self.new_phone.setObjectName("newCustomerPhone")
        self.new_phone.setPlaceholderText(self.tr("Phone"))
        self._on_customer_chosen(None)

    def _build_services(self) -> None:
        self.service_filter = HintedField()
        self.service_filter.setObjectName("bookingServiceFilter")
        self.service_filter.setPlaceholderText(self.tr("Find a service"))
        self.service_filter.textChanged.connect(self._on_service_filter_changed)
        self.services = QListWidget()
        self.services.setObjectName("bookingServiceList")
        for offer in self._offers:
            minutes = self.tr("{minutes} min").format(minutes=offer.duration_min)
            item = QListWidgetItem(f"{offer.name}  ·  {minutes}")
            item.setData(Qt.ItemDataRole.UserRole, offer.id)
            # Not user-checkable: a click anywhere on the row ticks it (_on_service_clicked),
            # the box included, once.
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(offer.category)
            self.services.addItem(item)
        self.services.itemClicked.connect(self._on_service_clicked)

    def _build_when(self, technician_id: str | None, start: datetime) -> None:
        self.technician = QComboBox()
        self.technician.setObjectName("bookingTechnician")
        self.technician.addItem(self.tr("Any suitable technician"), None)
        for member in self._ctx.backend.staff.list():
            if member.role is Role.TECHNICIAN:
                self.technician.addItem(
                    self.tr("{name} (by name)").format(name=member.name), member.id
                )
        found = self.technician.findData(technician_id) if technician_id else 0
        self.technician.setCurrentIndex(max(found, 0))
        self.technician.currentIndexChanged.connect(lambda _n: self._refresh())
        self.day = QDateEdit()
        self.day.setObjectName("bookingDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMinimumDate(qdate(self._bookings.now().date()))
        self.day.setDate(qdate(start.date()))
        self.day.dateChanged.connect(lambda _d: self._refresh())
        self.time = QComboBox()
        self.time.setObjectName("bookingTime")
        self.time.setMaxVisibleItems(16)
        for quarter in QUARTERS:
            self.time.addItem(quarter.strftime("%H:%M"), quarter.hour * 60 + quarter.minute)
        self.set_time(start.time())
        self.duration = QLabel()
        self.duration.setObjectName("bookingDuration")
        self.next_free = button(self.tr("Next free slot"), "nextFreeSlot")
        self.next_free.clicked.connect(self._on_next_free_clicked)
        self.free = QListWidget()
        self.free.setObjectName("freeStarts")
        self.free.setFlow(QListView.Flow.LeftToRight)
        self.free.setWrapping(True)
        self.free.setResizeMode(QListView.ResizeMode.Adjust)
        self.free.setSpacing(2)
        self.free.setMinimumHeight(96)
        self.free.itemClicked.connect(self._on_free_item_clicked)

    def _lay_out(self, cancel: QWidget) -> None:
        new = QHBoxLayout()
        new.addWidget(self.new_name, 1)
        new.addWidget(self.new_phone, 1)
        left = QVBoxLayout()
        left.addWidget(self._heading(self.tr("Customer")))
        left.addWidget(self.customer)
        left.addLayout(new)
        left.addWidget(self._heading(self.tr("Services")))
        left.addWidget(self.service_filter)
        left.addWidget(self.services, 1)
        when = QHBoxLayout()
        when.addWidget(self.day, 1)
        when.addWidget(self.time)
        form = QFormLayout()
        form.addRow(self.tr("Technician"), self.technician)
        form.addRow(self.tr("Date and time"), when)
        form.addRow(self.tr("Length"), self.duration)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.next_free)
        right.addWidget(QLabel(self.tr("Free starts that day (click one):")))
        right.addWidget(self.free, 1)
        right.addWidget(self.note)
        right.addWidget(self.patch_warning)
        grid = QGridLayout()
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addLayout(buttons)
        self.resize(860, 600)

    @staticmethod
    def _heading(text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: 600;")
        return label

    # --- what is chosen ----------------------------------------------------------------------
    def chosen_services(self) -> list[str]:
        """The services ticked, in the order they were ticked: the order they are done in."""
        return list(self._ticked)

    def choose_service(self, service_id: str, on: bool = True) -> None:
        for n in range(self.services.count()):
            item = self.services.item(n)
            if item.data(Qt.ItemDataRole.UserRole) == service_id:
                self._tick(item, on)

    def _tick(self, item: QListWidgetItem, on: bool) -> None:
        service_id = str(item.data(Qt.ItemDataRole.UserRole))
        if service_id in self._ticked:
            self._ticked.remove(service_id)
        if on:
            self._ticked.append(service_id)
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self._refresh()

    def technician_id(self) -> str | None:
        data = self.technician.currentData()
        return str(data) if data else None

    def start(self) -> datetime:
        chosen = self.day.date().toPython()
        assert isinstance(chosen, date)
        return datetime.combine(chosen, time()) + timedelta(minutes=int(self.time.currentData()))

    def set_time(self, at: time) -> None:
        quarter = snapped_time(at)
        self.time.setCurrentIndex(max(self.time.findData(quarter.hour * 60 + quarter.minute), 0))

    def _customer_id(self) -> str | None:
        return self.customer.customer.id if self.customer.customer else None

    # --- reacting ----------------------------------------------------------------------------
    def _on_customer_chosen(self, profile: CustomerProfile | None) -> None:
        if profile is None:  # the panel says "walk-in"; a booking has none
            self.customer.label.setText(self.tr("No customer yet: find one, or type a new one"))
        else:
            self.new_name.clear()
            self.new_phone.clear()
        if hasattr(self, "free"):
            self._refresh()

    def _on_service_filter_changed(self, text: str) -> None:
        wanted = text.strip().lower()
        for n, offer in enumerate(self._offers):
            seen = not wanted or wanted in offer.name.lower() or wanted in offer.category.lower()
            self.services.item(n).setHidden(not seen)

    def _on_service_clicked(self, item: QListWidgetItem) -> None:
        """A click anywhere on the row ticks it or unticks it (not only on the small box)."""
        self._tick(item, item.checkState() != Qt.CheckState.Checked)

    def _refresh(self) -> None:
        """Length, the day's free starts and the patch test warning, after any choice."""
        ids = self.chosen_services()
        offers = {o.id: o for o in self._offers}
        chosen = [offers[i] for i in ids if i in offers]
        minutes = sum(o.duration_min for o in chosen)
        end = self.start() + timedelta(minutes=minutes)
        self.duration.setText(
            self.tr("{minutes} min, until {end}").format(minutes=minutes, end=f"{end:%H:%M}")
            if chosen
            else self.tr("Choose the services")
        )
        self._show_free(ids)
        self._warn_patch_tests(chosen)

    def _show_free(self, ids: list[str]) -> None:
        self.free.clear()
        if not ids:
            return
        chosen = self.day.date().toPython()
        assert isinstance(chosen, date)
        try:
            slots = self._bookings.free_slots(
                ids,
                chosen,
                customer_id=self._customer_id(),
                technician_id=self.technician_id(),
            )
        except NoServiceChosen:
            return
        starts = sorted({slot.start for slot in slots})
        for start in starts:
            item = QListWidgetItem(f"{start:%H:%M}")
            item.setData(Qt.ItemDataRole.UserRole, start)
            self.free.addItem(item)
        if not starts:
            empty = QListWidgetItem(self.tr("No free time that day"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.free.addItem(empty)

    def _warn_patch_tests(self, chosen: list[ServiceOffer]) -> None:
        lacking = [
            offer.name
            for offer in chosen
            if offer.needs_patch_test
            and not self._ctx.backend.patch_tests.verdict(self._customer_id(), offer.id).allows
        ]
        self.patch_warning.setText(
            self.tr("⚠ {services}: needs a valid patch test, which this customer lacks").format(
                services="、".join(lacking)
            )
        )
        self.patch_warning.setVisible(bool(lacking))

    def _on_free_item_clicked(self, item: QListWidgetItem) -> None:
        start = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(start, datetime):
            self.set_time(start.time())
            self._refresh()

    def _on_next_free_clicked(self) -> None:
        ids = self.chosen_services()
        if not ids:
            self.message.show_error(self._ctx.message(NoServiceChosen()))
            return
        slot = self._bookings.next_free_slot(
            ids, customer_id=self._customer_id(), technician_id=self.technician_id()
        )
        if slot is None:
            self.message.show_error(self.tr("No free time in the next two weeks."))
            return
        self.message.hide()
        self.day.blockSignals(True)
        self.day.setDate(QDate(slot.start.year, slot.start.month, slot.start.day))
        self.day.blockSignals(False)
        self.set_time(slot.start.time())
        self._refresh()

    # --- saving ------------------------------------------------------------------------------
    def _on_save_clicked(self) -> None:
        self.message.hide()
        if not self.chosen_services():
            self.message.show_error(self._ctx.message(NoServiceChosen()))
            return
        if self.customer.customer is not None:
            self._book(self.customer.customer)
            return
        name, phone = self.new_name.text().strip(), self.new_phone.text().strip()
        if not name and not phone:
            self.message.show_error(self._ctx.message(NewCustomerMissing()))
            return
        work = partial(self._ctx.backend.customers.add, name, phone, actor_id=self._actor())
        self.save.setEnabled(False)
        self._ctx.runner.run(work, self._on_customer_added, self._on_refused)

    def _on_customer_added(self, profile: CustomerProfile) -> None:
        self._ctx.announce(Changes.of(CHANGE_CUSTOMER, profile.id) | Changes.of(QUEUED))
        self.customer.set_customer(profile)  # a refusal below keeps her: no second one
        self._book(profile)

    def _book(self, profile: CustomerProfile) -> None:
        work = partial(
            self._bookings.book,
            profile.id,
            self.chosen_services(),
            self.start(),
            technician_id=self.technician_id(),
            note=self.note.text(),
            actor_id=self._actor(),
        )
        self.save.setEnabled(False)
        self._ctx.runner.run(work, self._on_booked, self._on_refused)

    def _on_booked(self, view: BookingView) -> None:
        self._ctx.announce(Changes.of(CHANGE_BOOKING, view.id) | Changes.of(QUEUED))
        self.saved.emit(view)
        self.accept()

    def _on_refused(self, error: BaseException) -> None:
        self.save.setEnabled(True)
        self.message.show_error(self._ctx.message(error))

    def _actor(self) -> str | None:
        return self._ctx.staff.id if self._ctx.staff else None


def snapped_time(at: time) -> time:
    return snapped(datetime.combine(date(2026, 1, 1), at), down=True).time()
