"""Beside the bookings calendar (collapsible): the rotation queue (轮钟), who is next for a
customer who asked for nobody among the technicians on shift now; and for managers what to
watch now — services under way, those running past their end, and bookings whose start has
passed with nobody arrived. A click on a booking there opens it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from salon_pos.ui.pages.bookings_feed import Attention

SIDE_WIDTH = 210
KIND_COLOURS = {"overrunning": "#c62828", "not_arrived": "#e65100", "in_service": "#2e7d32"}


class BookingsSidePanel(QWidget):
    booking_chosen = Signal(str)  # booking id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookingsSide")
        self.setFixedWidth(SIDE_WIDTH)
        self.rotation = QListWidget()
        self.rotation.setObjectName("rotationQueue")
        self.rotation.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.watch_title = self._title(self.tr("In service / running late"))
        self.watch = QListWidget()
        self.watch.setObjectName("bookingsToWatch")
        self.watch.setWordWrap(True)
        self.watch.itemClicked.connect(self._on_watch_item_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title(self.tr("Rotation (next first)")))
        layout.addWidget(self.rotation, 2)
        layout.addWidget(self.watch_title)
        layout.addWidget(self.watch, 3)

    @staticmethod
    def _title(text: str) -> QLabel:
        label = QLabel(text)
        label.setProperty("role", "sectionTitle")
        label.setStyleSheet("font-weight: 600; padding-top: 4px;")
        return label

    def show_rotation(self, queue: Sequence[str], names: Mapping[str, str]) -> None:
        self.rotation.clear()
        if not queue:
            self._muted(self.rotation, self.tr("Nobody on shift now"))
            return
        for n, tech_id in enumerate(queue):
            name = names.get(tech_id, "—")
            text = self.tr("{name}  ← next").format(name=name) if n == 0 else name
            item = QListWidgetItem(f"{n + 1}. {text}")
            item.setData(Qt.ItemDataRole.UserRole, tech_id)
            self.rotation.addItem(item)

    def show_watch(self, found: Sequence[Attention] | None) -> None:
        """None: not a manager, the list is hidden."""
        self.watch_title.setVisible(found is not None)
        self.watch.setVisible(found is not None)
        self.watch.clear()
        if found is None:
            return
        if not found:
            self._muted(self.watch, self.tr("Nothing running late"))
        for attention in found:
            item = QListWidgetItem(self._line(attention))
            item.setData(Qt.ItemDataRole.UserRole, attention.view.id)
            item.setForeground(QColor(KIND_COLOURS[attention.kind]))
            self.watch.addItem(item)

    def _line(self, attention: Attention) -> str:
        view = attention.view
        when = f"{view.start:%H:%M}–{view.end:%H:%M}"
        who = f"{view.customer_name} · {view.technician_name or '—'}"
        if attention.kind == "overrunning":
            state = self.tr("{minutes} min over").format(minutes=attention.minutes)
        elif attention.kind == "not_arrived":
            state = self.tr("not arrived, {minutes} min late").format(minutes=attention.minutes)
        else:
            state = self.tr("in service")
        return f"{when} {state}\n{who}"

    @staticmethod
    def _muted(target: QListWidget, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        target.addItem(item)

    def _on_watch_item_clicked(self, item: QListWidgetItem) -> None:
        booking_id = item.data(Qt.ItemDataRole.UserRole)
        if booking_id:
            self.booking_chosen.emit(str(booking_id))
