"""Small widgets every screen uses: the PIN pad, initials avatars, an inline message line."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel, QDate, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

AVATAR_COLOURS = ("#c2185b", "#7b1fa2", "#1976d2", "#00897b", "#f57c00", "#5d4037", "#455a64")


def button(text: str, name: str, role: str = "") -> QPushButton:
    """A push button with its objectName (for tests and automation) and style role."""
    made = QPushButton(text)
    made.setObjectName(name)
    if role:
        made.setProperty("role", role)
    return made


def row_table(name: str, model: QAbstractItemModel) -> QTableView:
    """A read-only table that selects one whole row at a time, with no row numbers."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    return table


def fitted_table(name: str, model: QAbstractItemModel, stretch: int) -> QTableView:
    """A row table whose columns fit their contents, column `stretch` taking what is left."""
    table = row_table(name, model)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def avatar_icon(name: str, size: int = 64) -> QIcon:
    """A round badge with the name's first character (photos come later)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(AVATAR_COLOURS[sum(map(ord, name)) % len(AVATAR_COLOURS)]))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(0, 0, size, size)
    painter.setPen(QColor("white"))
    font = QFont()
    font.setPixelSize(size // 2)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, name[:1])
    painter.end()
    return QIcon(pixmap)


PLACEHOLDER_PADDING = 24  # style.qss: a 1 px border and 8 px of padding each side; the frame


class HintedField(QLineEdit):
    """A line edit never laid out narrower than its placeholder: a hint cut off at 1024 px
    ("Find customer: phone, name or pi…") helps nobody. Measured with the font in use."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        text = self.fontMetrics().horizontalAdvance(self.placeholderText())
        return QSize(max(hint.width(), text + PLACEHOLDER_PADDING), hint.height())


class MessageLine(QLabel):
    """One line under a form that says what went wrong (or right), in the user's language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageLine")
        self.setWordWrap(True)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setProperty("kind", "error")
        self._show(text)

    def show_info(self, text: str) -> None:
        self.setProperty("kind", "info")
        self._show(text)

    def _show(self, text: str) -> None:
        self.style().unpolish(self)
        self.style().polish(self)
        self.setText(text)
        self.setVisible(bool(text))


class PinPad(QWidget):
    """A masked PIN field with big digit keys for a touch screen; typing digits works too."""

    entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setObjectName("pinField")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(8)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.setPlaceholderText(self.tr("PIN"))
        self.field.returnPressed.connect(self._submit)
        keys = QGridLayout()
        labels = ["1", "2", "3", "4", "5", "6", "7", "8", "9", self.tr("Clear"), "0", "⌫"]
        for index, label in enumerate(labels):
            button = QPushButton(label)
            button.setObjectName(f"pinKey_{index}")
            button.setProperty("role", "pinKey")
            button.setMinimumSize(QSize(72, 56))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, key=label: self._press(key))
            keys.addWidget(button, index // 3, index % 3)
        self.ok = QPushButton(self.tr("Sign in"))
        self.ok.setObjectName("pinOk")
        self.ok.setProperty("role", "primary")
        self.ok.setMinimumHeight(56)
        self.ok.clicked.connect(self._submit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addLayout(keys)
        layout.addWidget(self.ok)

    def _press(self, key: str) -> None:
        if key.isdigit():
            self.field.insert(key)
        elif key == "⌫":
            self.field.backspace()
        else:
            self.field.clear()
        self.field.setFocus()

    def _submit(self) -> None:
        pin = self.field.text()
        if pin:
            self.entered.emit(pin)

    def clear(self) -> None:
        self.field.clear()
        self.field.setFocus()
