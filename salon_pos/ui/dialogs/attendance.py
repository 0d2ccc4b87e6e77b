"""Clocking in and out (考勤) at the counter: tap your name, in or out (the likely one is
chosen for you), type your own PIN. The answer stays on screen ("李娜 上班 09:02") with today's
clockings below, and the dialog is ready for the next person. Opened from the navigation bar
by whoever is signed in; the PIN is the clocking person's own (services/attendance.py)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.attendance import ClockKind
from salon_pos.services.attendance import Clocked
from salon_pos.services.changes import QUEUED, Changes
from salon_pos.services.staff import StaffMember
from salon_pos.ui.context import UiContext
from salon_pos.ui.models.attendance import ClockingTableModel
from salon_pos.ui.widgets import MessageLine, PinPad, avatar_icon, button, row_table
from sync.operations.attendance import CHANGE_ATTENDANCE

TILES_PER_ROW = 4


class AttendanceDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendanceDialog")
        self.setWindowTitle(self.tr("Attendance: clock in or out"))
        self._ctx = ctx
        self.chosen: StaffMember | None = None
        self.last: Clocked | None = None
        self.prompt = QLabel(self.tr("Tap your name, choose in or out, then enter your PIN"))
        self.prompt.setObjectName("attendancePrompt")
        self.prompt.setWordWrap(True)
        self.tiles = QButtonGroup(self)
        self.clock_in = button(self.tr("Clock in"), "clockIn")
        self.clock_out = button(self.tr("Clock out"), "clockOut")
        self.kinds = QButtonGroup(self)
        for kind_button in (self.clock_in, self.clock_out):
            kind_button.setCheckable(True)
            kind_button.setProperty("role", "choice")
            kind_button.setMinimumHeight(44)
            self.kinds.addButton(kind_button)
        self.clock_in.setChecked(True)
        self.pad = PinPad()
        self.pad.setObjectName("attendancePinPad")
        self.pad.ok.setText(self.tr("Clock"))
        self.pad.entered.connect(self._on_pad_entered)
        self.message = MessageLine()
        self.message.setProperty("emphasis", "large")  # read from a step away: "李娜 上班 09:02"
        self.model = ClockingTableModel(self)
        self.today = row_table("todayClockings", self.model)
        self.today.horizontalHeader().setStretchLastSection(True)
        self._build()
        self.refresh()
        self.resize(900, 620)

    def _build(self) -> None:
        grid = QGridLayout()
        for index, member in enumerate(self._ctx.backend.staff.list()):
            grid.addWidget(self._tile(member), index // TILES_PER_ROW, index % TILES_PER_ROW)
        tiles = QWidget()
        tiles.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidget(tiles)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        kinds = QHBoxLayout()
        kinds.addWidget(self.clock_in)
        kinds.addWidget(self.clock_out)
        today = QLabel(self.tr("Today's clockings"))
        today.setObjectName("sectionTitle")
        left = QVBoxLayout()
        left.addWidget(self.prompt)
        left.addWidget(scroll, 3)
        left.addLayout(kinds)
        left.addWidget(today)
        left.addWidget(self.today, 2)
        right = QVBoxLayout()
        right.addWidget(self.pad)
        right.addWidget(self.message)
        right.addStretch()
        close = QPushButton(self.tr("Close"))
        close.setObjectName("attendanceClose")
        close.clicked.connect(self.reject)
        right.addWidget(close)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

    def _tile(self, member: StaffMember) -> QToolButton:
        tile = QToolButton()
        tile.setObjectName(f"clockTile_{member.id}")
        tile.setProperty("role", "staffTile")
        tile.setCheckable(True)
        tile.setIcon(avatar_icon(member.name))
        tile.setIconSize(QSize(44, 44))
        tile.setText(member.name)
        tile.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        tile.setMinimumSize(QSize(100, 86))
        tile.clicked.connect(lambda _=False, m=member: self.choose(m))
        self.tiles.addButton(tile)
        return tile

    def kind(self) -> ClockKind:
        return ClockKind.OUT if self.clock_out.isChecked() else ClockKind.IN

    def choose(self, member: StaffMember) -> None:
        """The person clocking; in or out as they most likely mean (a short read)."""
        self.chosen = member
        likely = self._ctx.backend.attendance.next_kind(member.id)
        (self.clock_out if likely is ClockKind.OUT else self.clock_in).setChecked(True)
        self.prompt.setText(self.tr("{name}, enter your PIN").format(name=member.name))
        self.pad.clear()

    def refresh(self) -> None:
        self.model.set_rows(self._ctx.backend.attendance.today())
        self.today.resizeColumnsToContents()

    def _on_pad_entered(self, pin: str) -> None:
        if self.chosen is None:
            self.message.show_error(self.tr("First tap your name."))
            return
        attendance, staff_id, kind = self._ctx.backend.attendance, self.chosen.id, self.kind()
        actor = self._ctx.staff.id if self._ctx.staff else None
        self.pad.setEnabled(False)
        self._ctx.runner.run(
            lambda: attendance.clock(staff_id, kind.value, pin, actor_id=actor),
            self._on_clocked,
            self._on_refused,
        )

    def _on_clocked(self, clocked: Clocked) -> None:
        self.last = clocked
        self.pad.setEnabled(True)
        shown = clocked.clocking
        said = self.tr("{name} clocked in at {time}")
        if shown.kind is ClockKind.OUT:
            said = self.tr("{name} clocked out at {time}")
        text = said.format(name=shown.name, time=shown.at.strftime("%H:%M"))
        if clocked.repeated and shown.kind is ClockKind.IN:
            text += "\n" + self.tr(
                "Clocked in twice in a row: the earlier clock-in has no clock-out."
            )
        elif clocked.repeated:
            text += "\n" + self.tr(
                "Clocked out twice in a row: the later clock-out has no clock-in."
            )
        self.message.show_info(text)
        self._ready_for_next()
        self.refresh()
        self._ctx.announce(Changes.of(CHANGE_ATTENDANCE, shown.id) | Changes.of(QUEUED))

    def _on_refused(self, error: BaseException) -> None:
        self.pad.setEnabled(True)
        self.pad.clear()
        self.message.show_error(self._ctx.message(error))

    def _ready_for_next(self) -> None:
        self.chosen = None
        self.tiles.setExclusive(False)
        for tile in self.tiles.buttons():
            tile.setChecked(False)
        self.tiles.setExclusive(True)
        self.prompt.setText(self.tr("Tap your name, choose in or out, then enter your PIN"))
        self.pad.clear()

    def done(self, result: int) -> None:
        self.pad.clear()  # a PIN typed and not sent does not wait in the field
        super().done(result)
