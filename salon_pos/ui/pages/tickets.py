"""The tickets screen (单据): today's tickets of the store's business day, or past ones by a date
range; search by ticket number, customer name or phone digits; one ticket's detail beside the
list, with reprint, void and refund. The list is a short bounded read on the UI thread; every
write goes through the task runner (see tickets_actions)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QItemSelection, Qt, QTimer
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.business_day import business_day
from salon_pos.domain.money import format_money
from salon_pos.domain.ticket import TicketStatus
from salon_pos.services.changes import Changes
from salon_pos.services.tickets import TicketSummary, TicketView
from salon_pos.ui.context import UiContext
from salon_pos.ui.models.tickets import TicketListModel
from salon_pos.ui.pages.tickets_actions import TicketActions
from salon_pos.ui.pages.tickets_detail import TicketDetail
from salon_pos.ui.widgets import MessageLine, button, qdate, row_table
from sync.operations.customers import CHANGE_CUSTOMER
from sync.operations.sales import CHANGE_REFUND, CHANGE_TICKET

LIMIT = 500  # newest first; a wider search narrows the dates
SEARCH_PAUSE_MS = 200
RECENT_DAYS = 7


def as_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class TicketsPage(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.setObjectName("ticketsPage")
        self._ctx = ctx
        settings = ctx.backend.settings.current
        self._today = self.business_today()
        self.search = QLineEdit()
        self.search.setObjectName("ticketSearch")
        self.search.setPlaceholderText(self.tr("Search: ticket number, customer name or phone"))
        self.search.setClearButtonEnabled(True)
        self.date_from = self._date_edit("dateFrom")
        self.date_to = self._date_edit("dateTo")
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setObjectName("ticketsToday")
        self.week_button = QPushButton(self.tr("Last 7 days"))
        self.week_button.setObjectName("ticketsWeek")
        self.count = QLabel()
        self.count.setObjectName("ticketCount")
        self.model = TicketListModel(settings.time_zone, self)
        self.table = self._ticket_table()
        self.detail = TicketDetail(settings.time_zone)
        self.message = MessageLine()
        self.reprint_button = self._action("reprintButton", self.tr("Reprint receipt"), "primary")
        self.refund_button = self._action("refundButton", self.tr("Refund…"), "danger")
        self.void_button = self._action("voidButton", self.tr("Void…"), "danger")
        self.ticket_actions = TicketActions(ctx, self, self.message)
        self._search_pause = QTimer(self)
        self._search_pause.setSingleShot(True)
        self._search_pause.setInterval(SEARCH_PAUSE_MS)
        self._lay_out()
        self._connect()
        self.refresh()
        if not self.model.rowCount():  # first thing in the morning: yesterday's are near
            self.show_days(RECENT_DAYS)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(qdate(self._today))
        edit.setObjectName(name)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        edit.setMinimumWidth(130)
        return edit

    def _action(self, name: str, text: str, role: str) -> QPushButton:
        made = button(text, name, role)
        made.setMinimumHeight(44)
        made.setEnabled(False)  # until a ticket is chosen
        return made

    def _ticket_table(self) -> QTableView:
        table = row_table("ticketList", self.model)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        # Seven columns beside the detail: a size smaller, so English fits at 1280 px too.
        table.setStyleSheet("QTableView, QHeaderView { font-size: 14px; }")
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TicketListModel.CUSTOMER, QHeaderView.ResizeMode.Stretch)
        return table

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        filters.addWidget(self.today_button)
        filters.addWidget(self.week_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reprint_button)
        buttons.addStretch()
        buttons.addWidget(self.refund_button)
        buttons.addWidget(self.void_button)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(12, 0, 0, 0)
        side.addWidget(self.detail, 1)
        side.addWidget(self.message)
        side.addLayout(buttons)
        left = QWidget()
        listing = QVBoxLayout(left)
        listing.setContentsMargins(0, 0, 0, 0)
        listing.addWidget(self.table, 1)
        listing.addWidget(self.count)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 6)
        split.setStretchFactor(1, 5)
        split.setSizes([650, 430])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.addLayout(filters)
        layout.addWidget(split, 1)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._search_pause.start)
        self._search_pause.timeout.connect(self.refresh)
        self.date_from.dateChanged.connect(self._on_date_from_changed)
        self.date_to.dateChanged.connect(self._on_date_to_changed)
        self.today_button.clicked.connect(lambda: self.show_days(1))
        self.week_button.clicked.connect(lambda: self.show_days(RECENT_DAYS))
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.reprint_button.clicked.connect(lambda: self._act(self.ticket_actions.reprint))
        self.void_button.clicked.connect(lambda: self._act(self.ticket_actions.void))
        self.refund_button.clicked.connect(lambda: self._act(self.ticket_actions.refund))
        self.ticket_actions.busy_changed.connect(lambda _: self._update_buttons())
        self._ctx.changed.connect(self._on_ctx_changed)

    # Showing

    def business_today(self) -> date:
        settings = self._ctx.backend.settings.current
        now = self._ctx.backend.clock.now()
        return business_day(now, settings.time_zone, settings.cutover_hour)

    def on_shown(self) -> None:
        """Brought to the front. Past midnight (the cut-over), a range that ended on the old
        business day moves on with it, keeping its length."""
        today = self.business_today()
        moved, self._today = today - self._today, today
        first, last = as_date(self.date_from.date()), as_date(self.date_to.date())
        if moved and last == today - moved:
            self._set_dates(first + moved, today)
        self.refresh()

    def show_days(self, days: int) -> None:
        """The last `days` business days, today included."""
        today = self.business_today()
        self._set_dates(today - timedelta(days=days - 1), today)
        self.refresh()

    def _set_dates(self, first: date, last: date) -> None:
        for edit, day in ((self.date_from, first), (self.date_to, last)):
            edit.blockSignals(True)
            edit.setDate(qdate(day))
            edit.blockSignals(False)

    def refresh(self) -> None:
        keep = self.selected_id()
        rows = self._ctx.backend.tickets.find(
            self.search.text(),
            as_date(self.date_from.date()),
            as_date(self.date_to.date()),
            limit=LIMIT,
        )
        self.model.set_rows(rows)
        # The refunded column only when something was refunded: room for the customer's name
        self.table.setColumnHidden(TicketListModel.REFUNDED, not any(t.refunded for t in rows))
        self._show_count(rows)
        row = self.model.find(lambda t: t.id == keep) if keep else -1
        if rows:
            self.table.selectRow(max(row, 0))
        else:
            self._show_detail(None)

    def _show_count(self, rows: list[TicketSummary]) -> None:
        takings = sum(t.total - t.refunded for t in rows if t.status is not TicketStatus.VOIDED)
        text = self.tr("{count} tickets · net {amount}").format(
            count=len(rows), amount=format_money(takings)
        )
        if self._none_today(rows):
            text += self.tr(" · none yet today")
        if len(rows) >= LIMIT:
            text += self.tr(" (the newest {limit}: narrow the dates to see older ones)").format(
                limit=LIMIT
            )
        self.count.setText(text)

    def _none_today(self, rows: list[TicketSummary]) -> bool:
        """Older tickets listed and none from today, which the range includes (no search)."""
        today = self.business_today()
        if self.search.text().strip() or as_date(self.date_to.date()) < today:
            return False
        return bool(rows) and all(t.business_day < today for t in rows)

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()).id if rows else None

    def _show_detail(self, ticket_id: str | None) -> None:
        view = self._ctx.backend.tickets.get(ticket_id) if ticket_id else None
        self.detail.show_ticket(view)
        self._update_buttons()

    def _update_buttons(self) -> None:
        view, idle = self.detail.view, not self.ticket_actions.busy
        completed = view is not None and view.summary.status is TicketStatus.COMPLETED
        self.reprint_button.setEnabled(idle and view is not None)
        self.refund_button.setEnabled(idle and completed)
        self.void_button.setEnabled(
            idle and completed and view is not None and not view.summary.refunded
        )

    def _act(self, action: Callable[[TicketView], None]) -> None:
        if self.detail.view is not None:
            action(self.detail.view)

    # Slots

    def _on_table_selection_changed(self, *_: QItemSelection) -> None:
        ticket_id, shown = self.selected_id(), self.detail.view
        if ticket_id != (shown.summary.id if shown else None):
            self.message.hide()  # it was about another ticket
        self._show_detail(ticket_id)

    def _on_date_from_changed(self, day: QDate) -> None:
        if day > self.date_to.date():
            self._set_dates(as_date(day), as_date(day))
        self.refresh()

    def _on_date_to_changed(self, day: QDate) -> None:
        if day < self.date_from.date():
            self._set_dates(as_date(day), as_date(day))
        self.refresh()

    def _on_ctx_changed(self, changes: Changes) -> None:
        if self.isVisible() and changes.touches(CHANGE_TICKET, CHANGE_REFUND, CHANGE_CUSTOMER):
            self.refresh()  # else on_shown() refreshes
