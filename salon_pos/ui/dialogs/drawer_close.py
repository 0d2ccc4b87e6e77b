"""Closing this counter's drawer (交班): the count by denomination, typed into a grid of notes
and coins with the total kept up to date. Unless the store counts blind, the expected cash and
the variance show as the count is typed, and the reason field when the variance needs one.
Counting blind, they show only once the count is saved; a count refused for want of a reason
shows its variance and stays as counted (the refusal is on record: services/drawer.py). A
variance beyond the store's limit asks for a manager's PIN. Once saved, the dialog shows the
figures and can print the close slip (交班单)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.drawer import (
    COINS,
    MOST_PIECES,
    NOTES,
    Need,
    VarianceNeedsApproval,
    VarianceNeedsReason,
    denomination_name,
)
from salon_pos.domain.errors import UserError, WrongManagerPin
from salon_pos.domain.money import format_money
from salon_pos.services.changes import QUEUED, Changes
from salon_pos.services.drawer_views import SessionView
from salon_pos.services.receipts import PrintOutcome
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.manager_pin import ManagerPinDialog
from salon_pos.ui.widgets import MessageLine, button
from sync.operations.drawer import CHANGE_DRAWER_SESSION

TOTAL_STYLE = "font-size: 26px; font-weight: 700; color: #3d2c3e;"
FIGURES_STYLE = "font-size: 17px;"
SHORT, OVER, EVEN = "#b3261e", "#1b5e20", "#3d2c3e"


class CountField(QLineEdit):
    """The pieces of one denomination: digits only, typed (a touch keypad works too)."""

    def __init__(self, denomination: int) -> None:
        super().__init__()
        self.setObjectName(f"count_{denomination}")
        self.setValidator(QIntValidator(0, MOST_PIECES, self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setPlaceholderText("0")
        self.setMaximumWidth(96)

    def pieces(self) -> int:
        return int(self.text()) if self.text().isdigit() else 0

    def set_pieces(self, pieces: int) -> None:
        self.setText(str(pieces) if pieces else "")


class CloseDrawerDialog(QDialog):
    def __init__(self, ctx: UiContext, session: SessionView, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("closeDrawerDialog")
        self.setWindowTitle(self.tr("Close the drawer"))
        self.setModal(True)
        self._ctx = ctx
        self.session = session
        self.blind = ctx.backend.drawer.blind
        self.policy = ctx.backend.drawer.policy()
        self.closed: SessionView | None = None
        self.saving = False
        self.needs_pin = False
        self.approval: ManagerPinDialog | None = None
        self.counts: dict[int, CountField] = {}
        self.subtotals: dict[int, QLabel] = {}
        self.opened = QLabel(
            self.tr("Opened {time} by {name}, float {amount}").format(
                time=session.opened_at.strftime("%H:%M"),
                name=session.opened_by_name,
                amount=format_money(session.opening_float),
            )
        )
        self.opened.setObjectName("drawerOpened")
        self.opened.setProperty("role", "muted")
        self.total = self._label("countTotal", TOTAL_STYLE)
        self.figures = self._label("drawerFigures", FIGURES_STYLE)
        self.figures.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("closeReason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("Reason for the variance (required)"))
        self.reason.hide()
        self.message = MessageLine()
        self.cancel = button(self.tr("Cancel"), "closeDrawerCancel")
        self.save = button(self.tr("Save the count"), "saveClose", "primary")
        self.print_slip = button(self.tr("Print close slip"), "printCloseSlip")
        self.done_button = button(self.tr("Done"), "closeDrawerDone", "primary")
        self.cancel.clicked.connect(self.reject)
        self.save.clicked.connect(lambda: self.save_count())
        self.print_slip.clicked.connect(self.print_close)
        self.done_button.clicked.connect(self.accept)
        self._lay_out()
        self._on_count_changed()
        self.resize(640, 0)

    @staticmethod
    def _label(name: str, style: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setStyleSheet(style)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _lay_out(self) -> None:
        grids = QHBoxLayout()
        grids.addWidget(self._group(self.tr("Notes"), NOTES))
        coins = self._group(self.tr("Coins and small notes"), COINS)
        grids.addWidget(coins, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_slip)
        buttons.addStretch()
        for widget in (self.cancel, self.save, self.done_button):
            buttons.addWidget(widget)
        self.print_slip.hide()
        self.done_button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.opened)
        layout.addLayout(grids)
        layout.addWidget(self.total)
        layout.addWidget(self.figures)
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _group(self, title: str, denominations: tuple[int, ...]) -> QGroupBox:
        group = QGroupBox(title)
        grid = QGridLayout(group)
        for row, denomination in enumerate(denominations):
            count = CountField(denomination)
            count.textChanged.connect(self._on_count_changed)
            subtotal = QLabel()
            subtotal.setProperty("role", "muted")
            subtotal.setMinimumWidth(96)
            subtotal.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(QLabel(denomination_name(denomination)), row, 0)
            grid.addWidget(count, row, 1)
            grid.addWidget(subtotal, row, 2)
            self.counts[denomination] = count
            self.subtotals[denomination] = subtotal
        return group

    # The count

    def count(self) -> dict[int, int]:
        return {d: spin.pieces() for d, spin in self.counts.items() if spin.pieces()}

    def counted(self) -> int:
        return sum(d * n for d, n in self.count().items())

    def set_count(self, counts: dict[int, int]) -> None:
        """Type a whole count (tests and screenshots)."""
        for denomination, spin in self.counts.items():
            spin.set_pieces(counts.get(denomination, 0))

    def _on_count_changed(self) -> None:
        for denomination, spin in self.counts.items():
            self.subtotals[denomination].setText(format_money(denomination * spin.pieces()))
        counted = self.counted()
        self.total.setText(self.tr("Counted {amount}").format(amount=format_money(counted)))
        if self.blind:
            self.figures.setText(
                self.tr("Blind close: the expected cash shows once the count is saved.")
            )
            return
        expected = self.session.expected
        off = counted - expected
        self._show_figures(expected, off)
        need = self.policy.needs(off)
        self.reason.setVisible(need is not Need.NOTHING)
        self.needs_pin = need is Need.APPROVAL and not self._approves()

    def _show_figures(self, expected: int, off: int) -> None:
        colour = SHORT if off < 0 else OVER if off > 0 else EVEN
        self.figures.setStyleSheet(f"{FIGURES_STYLE} color: {colour};")
        self.figures.setText(
            self.tr("Expected {expected} · variance {variance}").format(
                expected=format_money(expected), variance=format_money(off)
            )
        )

    def _approves(self) -> bool:
        staff = self._ctx.staff
        return staff is not None and staff.role.approves

    # Saving

    def save_count(self, approver_pin: str | None = None) -> None:
        if self.saving:
            return
        reason = self.reason.text().strip()
        if self.needs_pin and reason and approver_pin is None:
            self._ask_approval(None)
            return
        self._set_saving(True)
        self.message.show_info(self.tr("Saving the count…"))
        actor = self._ctx.staff.id if self._ctx.staff else ""
        drawer, session_id, counts = self._ctx.backend.drawer, self.session.id, self.count()
        self._ctx.runner.run(
            lambda: drawer.close(session_id, counts, actor, reason, approver_pin),
            self._on_closed,
            self._on_refused,
        )

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.save.setEnabled(not saving)
        self.cancel.setEnabled(not saving)

    def reject(self) -> None:
        if not self.saving:
            super().reject()

    def _on_refused(self, error: BaseException) -> None:
        self._set_saving(False)
        self.message.show_error(self._ctx.message(error))
        if isinstance(error, VarianceNeedsReason | VarianceNeedsApproval):
            if self.blind:  # the variance is out: the count stays as it was first saved
                self._lock_count()
                self.figures.hide()  # the message says the variance now
            self.reason.show()
            self.reason.setFocus()
            self.needs_pin = isinstance(error, VarianceNeedsApproval) and not self._approves()
            if self.needs_pin and self.reason.text().strip():
                self._ask_approval(error)
        elif isinstance(error, WrongManagerPin):
            self._ask_approval(error)

    def _lock_count(self) -> None:
        for field in self.counts.values():
            field.setReadOnly(True)
            field.style().unpolish(field)  # the read-only look (style.qss)
            field.style().polish(field)

    def _ask_approval(self, error: UserError | None) -> None:
        if self.approval is None:
            self.approval = ManagerPinDialog(self.tr("close the drawer with this variance"), self)
            self.approval.accepted.connect(lambda: self.save_count(self._pin()))
        if isinstance(error, WrongManagerPin):
            self.approval.refuse(self._ctx.message(error))
        elif error is not None:
            self.approval.explain.setText(self._ctx.message(error))
        self.approval.open()

    def _pin(self) -> str:
        return self.approval.pin if self.approval is not None else ""

    def _on_closed(self, closed: SessionView) -> None:
        self._set_saving(False)
        self.closed = closed
        self._ctx.announce(Changes.of(CHANGE_DRAWER_SESSION, closed.id) | Changes.of(QUEUED))
        assert closed.variance is not None
        self._show_figures(closed.expected, closed.variance)
        self.figures.show()
        self.message.show_info(
            self.tr("The drawer is closed: expected {expected}, counted {counted}.").format(
                expected=format_money(closed.expected), counted=format_money(closed.counted or 0)
            )
        )
        self._lock_count()
        self.reason.setReadOnly(True)
        self.reason.setVisible(bool(closed.close_reason))
        self.save.hide()
        self.cancel.hide()
        self.done_button.show()
        self.print_slip.setVisible(self._ctx.backend.settings.current.printer_kind != "none")

    def print_close(self) -> None:
        if self.closed is None:
            return
        drawer, session_id = self._ctx.backend.drawer, self.closed.id
        self.print_slip.setEnabled(False)
        self._ctx.runner.run(
            lambda: drawer.print_close(session_id),
            self._on_printed,
            self._on_print_failed,
            device=True,
        )

    def _on_printed(self, outcome: PrintOutcome) -> None:
        self.print_slip.setEnabled(True)
        if outcome.printed:
            self.message.show_info(self.tr("The close slip is printed."))
        elif outcome.problem is not None:
            self.message.show_error(self._ctx.message(outcome.problem))

    def _on_print_failed(self, error: BaseException) -> None:
        self.print_slip.setEnabled(True)
        self.message.show_error(self._ctx.message(error))
