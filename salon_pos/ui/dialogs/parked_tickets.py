"""The parked tickets (取单): pick one to take up again (Enter or a double click), or cancel one
(two taps: it is thrown away, audited). A ticket that cannot be read says why here and can
still be cancelled."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from salon_pos.domain.errors import UserError
from salon_pos.services.changes import Changes
from salon_pos.services.parked_tickets import PARKED_TICKET, ParkedTicketView
from salon_pos.ui.context import UiContext
from salon_pos.ui.models.parked_tickets import LABEL, ParkedTicketsModel
from salon_pos.ui.widgets import MessageLine, button, row_table


class ParkedTicketsDialog(QDialog):
    resumed = Signal(object)  # services.parked_tickets.ResumedTicket

    def __init__(self, ctx: UiContext, in_hand: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("parkedTicketsDialog")
        self.setWindowTitle(self.tr("Parked tickets"))
        self._ctx = ctx
        self._in_hand = in_hand  # the parked ticket on the cashier's screen: not listed
        self._armed: str | None = None  # the ticket a first tap on cancel chose
        self.model = ParkedTicketsModel(self)
        self.table = row_table("parkedTicketsTable", self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(36)
        self.table.doubleClicked.connect(lambda _index: self.resume_selected())
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.empty = QLabel(self.tr("No parked tickets."))
        self.empty.setObjectName("noParkedTickets")
        self.message = MessageLine()
        self.resume_button = button(self.tr("Resume  Enter"), "resumeParked", "primary")
        self.resume_button.setDefault(True)
        self.resume_button.clicked.connect(self.resume_selected)
        self.cancel_button = button(self.tr("Cancel ticket  Del"), "cancelParked", "danger")
        self.cancel_button.setShortcut("Delete")
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.close_button = button(self.tr("Close  Esc"), "closeParked")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        self._lay_out()
        self.resize(640, 360)
        ctx.changed.connect(self._on_ctx_changed)
        self.refresh()

    def _lay_out(self) -> None:
        actions = QHBoxLayout()
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        actions.addWidget(self.resume_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.message)
        layout.addLayout(actions)

    def refresh(self) -> None:
        """A short read of a handful of rows: on the UI thread."""
        rows = [r for r in self._ctx.backend.parked.list() if r.id != self._in_hand]
        self.model.reset(rows, self._ctx.backend.clock.now())
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        if rows:
            self.table.selectRow(0)
        self._disarm()
        self.resume_button.setEnabled(bool(rows))
        self.cancel_button.setEnabled(bool(rows))

    def selected(self) -> ParkedTicketView | None:
        index = self.table.selectionModel().currentIndex()
        rows = self.model.rows()
        return rows[index.row()] if index.isValid() and index.row() < len(rows) else None

    def resume_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        try:  # a short read; a draft that cannot be read is said here
            resumed = self._ctx.backend.parked.resume(chosen.id)
        except UserError as error:
            self.message.show_error(self._ctx.message(error))
            return
        self.resumed.emit(resumed)
        self.accept()

    def cancel_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or self._ctx.staff is None:
            return
        if self._armed != chosen.id:  # the first tap asks
            self._armed = chosen.id
            self.cancel_button.setText(self.tr("Tap again to throw it away"))
            self.message.show_error(
                self.tr("Cancel “{label}”? Its lines are thrown away.").format(label=chosen.label)
            )
            return
        parked, by = self._ctx.backend.parked, self._ctx.staff.id
        self._ctx.runner.run(
            lambda: parked.cancel(chosen.id, by), self._on_cancelled, self._on_refused
        )

    def _on_cancelled(self, changes: Changes) -> None:
        self._armed = None
        self._ctx.announce(changes)  # the list refreshes itself, as does the cashier's count
        self.message.show_info(self.tr("Parked ticket cancelled."))

    def _on_refused(self, error: BaseException) -> None:
        self.message.show_error(self._ctx.message(error))
        self.refresh()

    def _on_ctx_changed(self, changes: Changes) -> None:
        if changes.touches(PARKED_TICKET):
            self.refresh()

    def _on_current_row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if self._armed is not None:
            self._disarm()
            self.message.hide()

    def _disarm(self) -> None:
        self._armed = None
        self.cancel_button.setText(self.tr("Cancel ticket  Del"))
