"""Sharing a service line between several technicians (多人合作): a row a technician with their
share in percent, the line's own technician first. The total shows as it is typed and the
domain's check (domain.shares.check_shares) says what is wrong; OK only when the shares add up
to 100%. One row left: the line is that technician's alone."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.commission import percent_text
from salon_pos.domain.errors import UserError
from salon_pos.domain.shares import WHOLE_SHARE, StaffShare, check_shares
from salon_pos.domain.ticket_draft import DraftShare
from salon_pos.services.staff import StaffMember
from salon_pos.ui.context import UiContext
from salon_pos.ui.models.ticket_lines import TicketLineRow
from salon_pos.ui.widgets import MessageLine, button

MOST = 6  # technicians on one line (the sale's payload takes up to 10)


class LineSplitDialog(QDialog):
    def __init__(
        self,
        ctx: UiContext,
        row: TicketLineRow,
        technicians: Sequence[StaffMember],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("lineSplit")
        self.setWindowTitle(self.tr("Shared by several technicians"))
        self.item = row.name
        self.technicians = list(technicians)
        self.pickers: list[QComboBox] = []
        self.percents: list[QDoubleSpinBox] = []
        self.removers: list[QPushButton] = []
        self.grid = QGridLayout()
        self.total = QLabel()
        self.total.setObjectName("splitTotal")
        self.message = MessageLine()
        self.add_button = button(self.tr("Add a technician"), "addSplitTechnician")
        self.add_button.clicked.connect(lambda: self.add_row(None, 0))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("splitButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("splitOk")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("{item}: each technician's share").format(item=row.name)))
        layout.addLayout(self.grid)
        layout.addWidget(self.add_button)
        layout.addWidget(self.total)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        shares = row.shares or (
            (DraftShare(row.technician_id, row.technician, WHOLE_SHARE),)
            if row.technician_id
            else ()
        )
        for share in shares:
            self.add_row(share.staff_id, share.share)
        if len(shares) < 2:
            self.add_row(None, 0)
        self.check()

    def add_row(self, staff_id: str | None, share: int) -> None:
        place = len(self.pickers)
        if place >= MOST:
            return
        picker = QComboBox()
        picker.setObjectName(f"splitTechnician{place}")
        picker.addItem(self.tr("Choose technician…"), None)
        for member in self.technicians:
            picker.addItem(member.name, member.id)
        picker.setCurrentIndex(max(0, picker.findData(staff_id)))
        picker.currentIndexChanged.connect(self.check)
        percent = QDoubleSpinBox()
        percent.setObjectName(f"splitPercent{place}")
        percent.setRange(0, 100)
        percent.setDecimals(2)
        percent.setSuffix(" %")
        percent.setValue(share / 100)
        percent.valueChanged.connect(self.check)
        remove = button(self.tr("Remove"), f"splitRemove{place}")
        remove.clicked.connect(lambda: self.remove_row(self.removers.index(remove)))
        self.grid.addWidget(picker, place, 0)
        self.grid.addWidget(percent, place, 1)
        self.grid.addWidget(remove, place, 2)
        self.pickers.append(picker)
        self.percents.append(percent)
        self.removers.append(remove)
        self.check()

    def remove_row(self, place: int) -> None:
        gone: list[QWidget] = [
            self.pickers.pop(place),
            self.percents.pop(place),
            self.removers.pop(place),
        ]
        for widget in gone:
            self.grid.removeWidget(widget)
            widget.deleteLater()
        for i, row in enumerate(zip(self.pickers, self.percents, self.removers, strict=True)):
            for column, kept in enumerate(row):
                self.grid.addWidget(kept, i, column)
        self.check()

    def set_row(self, place: int, staff_id: str, percent: float) -> None:
        """Choose a row's technician and share (tests, and a quicker way than clicking)."""
        while len(self.pickers) <= place:
            self.add_row(None, 0)
        self.pickers[place].setCurrentIndex(self.pickers[place].findData(staff_id))
        self.percents[place].setValue(percent)

    def chosen(self) -> tuple[DraftShare, ...]:
        return tuple(
            DraftShare(str(p.currentData()), p.currentText(), round(v.value() * 100))
            for p, v in zip(self.pickers, self.percents, strict=True)
            if p.currentData()
        )

    def check(self) -> bool:
        """Show the total and what is wrong; OK only when the shares add up."""
        shares = self.chosen()
        total = sum(round(v.value() * 100) for v in self.percents)
        self.total.setText(self.tr("Total {percent}").format(percent=percent_text(total)))
        self.add_button.setEnabled(len(self.pickers) < MOST)
        for remove in self.removers:
            remove.setEnabled(len(self.removers) > 1)
        problem = ""
        if len(shares) < len(self.pickers):
            problem = self.tr("Choose the technician of each row, or remove the row.")
        else:
            try:
                first = shares[0].staff_id if shares else None
                check_shares(self.item, first, [StaffShare(s.staff_id, s.share) for s in shares])
            except UserError as error:
                problem = self._ctx.message(error)
        if problem:
            self.message.show_error(problem)
        else:
            self.message.hide()
        self.ok.setEnabled(not problem and bool(shares))
        return not problem

    def technician(self) -> DraftShare:
        """The line's technician: the first row's."""
        return self.chosen()[0]

    def shares(self) -> tuple[DraftShare, ...]:
        """The shares to keep on the line: () when one technician has it all."""
        chosen = self.chosen()
        return chosen if len(chosen) > 1 else ()
