"""The conflict inbox (冲突), for managers and owners: the conflicts the server recorded (a price
changed while a counter sold offline, a profile edited on two counters, a duplicate customer, a
clock ahead), each explained with its suggested resolution.

Resolving one is asked for confirmation, then saved on the database worker as an operation for
the server; the row shows "resolving" until the server's answer comes back by pull.

The list is read on the database worker, never on the UI thread: price mismatches pile up one
per sale. It holds the conflicts still to see to, and only the newest resolved ones. The sync
status ticks every few seconds; a tick reads the list again only when the inbox's mark (pull
cursor, counts per status) has moved."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salon_pos.services.changes import Changes
from salon_pos.services.sync_status import ConflictInbox, ConflictRow, InboxMark, SyncStatus
from salon_pos.ui.context import UiContext
from salon_pos.ui.models.conflicts import ConflictListModel, ConflictWords
from salon_pos.ui.pages.conflicts_detail import ConflictDetail
from salon_pos.ui.widgets import MessageLine, row_table
from sync.operations.conflicts import CHANGE_CONFLICT
from sync.operations.customers import CHANGE_CUSTOMER

HEADING_STYLE = "font-size: 20px; font-weight: 600; color: #3d2c3e;"
RESOLVED_SHOWN = 200  # the newest resolved conflicts listed with "show resolved"; they are history
EMPTY_STYLE = "font-size: 18px; color: #6b5a63;"


class ConflictsPage(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.setObjectName("conflictsPage")
        self._ctx = ctx
        settings = ctx.backend.settings.current
        zone = settings.time_zone
        self.words = ConflictWords(settings.device_id, ctx.language, zone, self)
        self.heading = QLabel(self.tr("Sync conflicts"))
        self.heading.setStyleSheet(HEADING_STYLE)
        self.show_resolved = QCheckBox(self.tr("Show resolved"))
        self.show_resolved.setObjectName("showResolved")
        self.model = ConflictListModel(zone, self.words, self)
        self.table = self._conflict_table()
        self.empty = QLabel(self.tr("No conflicts to deal with"))
        self.empty.setObjectName("conflictsEmpty")
        self.empty.setStyleSheet(EMPTY_STYLE)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.listing = QStackedWidget()
        self.listing.addWidget(self.table)
        self.listing.addWidget(self.empty)
        self.detail = ConflictDetail(self.words)
        self.message = MessageLine()
        self.confirmation: QMessageBox | None = None  # open while a decision is confirmed
        self.busy = False
        self._choice: tuple[ConflictRow, str] | None = None
        self._shown: list[ConflictRow] | None = None  # what the list holds, to skip no-ops
        self._mark: InboxMark | None = None  # of the last read shown; None: read whatever
        self._reading = False  # a read is on the database worker
        self._read_again = False  # asked for while it was: read once more after it
        self._read_all_again = False  # … whatever the mark says
        self._lay_out()
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.show_resolved.toggled.connect(self._on_show_resolved_toggled)
        self.detail.resolution_chosen.connect(self.confirm)
        ctx.sync_status_changed.connect(self._on_ctx_sync_status_changed)
        ctx.changed.connect(self._on_ctx_changed)
        # No read here: the window calls on_shown() when it brings the page to the front.

    def _conflict_table(self) -> QTableView:
        table = row_table("conflictList", self.model)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        table.setStyleSheet("QTableView, QHeaderView { font-size: 14px; }")  # as the tickets list
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ConflictListModel.CONCERNS, QHeaderView.ResizeMode.Stretch)
        header.setResizeContentsPrecision(100)  # sized by 100 rows, not all: 210 rows took 50 ms
        return table

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch()
        top.addWidget(self.show_resolved)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(16, 0, 0, 0)
        side.addWidget(self.detail, 1)
        side.addWidget(self.message)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self.listing)
        split.addWidget(right)
        split.setStretchFactor(0, 6)
        split.setStretchFactor(1, 5)
        split.setSizes([600, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    # Showing

    def on_shown(self) -> None:
        self.refresh()

    @property
    def reading(self) -> bool:
        """A read of the list is under way (or about to be repeated)."""
        return self._reading

    def refresh(self, if_changed: bool = False) -> None:
        """Read the list on the database worker; with `if_changed`, skip it (on the worker) if
        the inbox's mark has not moved since the list shown was read."""
        if self._reading:  # one read at a time; another follows it
            self._read_again = True
            self._read_all_again = self._read_all_again or not if_changed
            return
        if not if_changed:
            self._mark = None
        self._reading = True
        resolved = self.show_resolved.isChecked()
        work = partial(self._ctx.backend.sync.inbox, resolved, RESOLVED_SHOWN, self._mark)
        done = partial(self._on_inbox_read, resolved)
        self._ctx.runner.run(work, done, self._on_inbox_failed)

    def _on_inbox_read(self, resolved: bool, inbox: ConflictInbox | None) -> None:
        self._reading = False
        if inbox is not None and resolved == self.show_resolved.isChecked():
            self._mark = inbox.mark
            self._show(inbox)
        if self._read_again:  # asked for while this read ran: it may have missed a change
            forced = self._read_all_again
            self._read_again = self._read_all_again = False
            self.refresh(if_changed=not forced)

    def _on_inbox_failed(self, error: BaseException) -> None:
        self._reading = self._read_again = self._read_all_again = False
        self.message.show_error(self._ctx.message(error))

    def _show(self, inbox: ConflictInbox) -> None:
        rows = inbox.rows
        if (rows, inbox.people, inbox.deciders) == (
            self._shown,
            self.words.people,
            self.words.deciders,
        ):
            return  # nothing new: keep the selection and the scroll as they are
        keep = self.selected_id()
        self._shown = rows
        self.words.people = inbox.people
        self.words.deciders = inbox.deciders
        self.model.set_rows(rows)
        self.listing.setCurrentWidget(self.table if rows else self.empty)
        self.empty.setText(
            self.tr("No conflicts to deal with")
            if not self.show_resolved.isChecked()
            else self.tr("No conflicts yet")
        )
        row = self.model.find(lambda c: c.id == keep) if keep else -1
        if rows:
            self.table.selectRow(max(row, 0))
        else:
            self.detail.show_conflict(None)

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()).id if rows else None

    def selected(self) -> ConflictRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    # Resolving

    def confirm(self, resolution: str) -> None:
        """Ask before acting: a merge, for one, cannot be taken back."""
        row = self.detail.row
        if row is None or self.busy:
            return
        self._choice = (row, resolution)
        words = self.words
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Resolve conflict"), "", parent=self)
        box.setObjectName("conflictConfirmation")
        box.setText(
            self.tr("Resolve this conflict with “{resolution}”?").format(
                resolution=words.resolution_name(resolution, row.type)
            )
        )
        box.setInformativeText(
            self.tr("{type}: {concerns}. The decision is sent to the server.").format(
                type=words.type_name(row.type), concerns=words.concerns(row)
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Ok).setObjectName("confirmResolve")
        box.finished.connect(self._on_confirmation_finished)
        self.confirmation = box
        box.open()  # not exec(): the window stays live, and tests press the button they find

    def _on_confirmation_finished(self, result: int) -> None:
        box, self.confirmation = self.confirmation, None
        choice, self._choice = self._choice, None
        if box is not None:
            box.deleteLater()
        if choice is None or result != QMessageBox.StandardButton.Ok.value:
            return
        row, resolution = choice
        actor = self._ctx.staff.id if self._ctx.staff else ""
        self._set_busy(True)
        self.message.show_info(self.tr("Saving the decision…"))
        note = self.detail.note.text()
        tender = self.detail.collect_tender() if resolution == "collect" else None
        work = partial(self._ctx.backend.sync.resolve, row.id, resolution, actor, note, tender)
        self._ctx.runner.run(work, self._on_resolved, self._on_refused)

    def _on_resolved(self, changes: Changes) -> None:
        self._set_busy(False)
        self.message.show_info(
            self.tr("Decision saved; it is sent to the server at the next sync.")
        )
        self._ctx.announce(changes)  # this page, the status bar, and a wake for the driver

    def _on_refused(self, error: BaseException) -> None:
        self._set_busy(False)
        self.message.show_error(self._ctx.message(error))
        self.refresh()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.detail.set_enabled(not busy)

    # Slots

    def _on_table_selection_changed(self, *_: QItemSelection) -> None:
        row = self.selected()
        if row is None or self.detail.row is None or row.id != self.detail.row.id:
            self.message.hide()  # it was about another conflict
        self.detail.show_conflict(row)

    def _on_show_resolved_toggled(self, _: bool) -> None:
        self._shown = None
        self.refresh()

    def _on_ctx_sync_status_changed(self, _status: SyncStatus) -> None:
        # A pull may have brought new conflicts or the server's answers (resolving → resolved).
        if self.isVisible() and self.confirmation is None:
            self.refresh(if_changed=True)

    def _on_ctx_changed(self, changes: Changes) -> None:
        if self.isVisible() and changes.touches(CHANGE_CONFLICT, CHANGE_CUSTOMER):
            self.refresh()  # reads only when the inbox's mark moved
