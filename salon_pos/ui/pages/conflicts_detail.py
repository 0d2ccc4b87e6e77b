"""One sync conflict explained in plain words beside the inbox's list: what happened, what the
server did about it, the suggested resolution, and a button for each resolution the type
allows (the suggested one first and highlighted)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from salon_pos.services.sync_status import ConflictRow, allowed_resolutions
from salon_pos.ui.models.conflicts import STATUS_COLOURS, ConflictWords
from salon_pos.ui.widgets import button
from sync.operations.members import CONFLICT_OVERDRAFT
from sync.protocol import CONFLICT_OPEN

MONEY_ACCOUNTS = ("principal", "bonus")  # an overdraft of these is money to collect

TITLE_STYLE = "font-size: 20px; font-weight: 600; color: #3d2c3e;"
STATUS_STYLE = "font-size: 15px; font-weight: 600; padding: 2px 10px; border-radius: 10px;"
TEXT_STYLE = "font-size: 16px; line-height: 150%;"
SUGGESTION_STYLE = "background: #fbeef4; color: #8c2f5c; border-radius: 6px; padding: 8px 10px;"


def takes_notes(conflict_type: str) -> bool:
    from sync.operations import REGISTRY  # lazy: pydantic after the first paint

    return REGISTRY.takes_notes(conflict_type)


def resolutions(row: ConflictRow) -> tuple[str, ...]:
    """What a manager may choose for this conflict, the suggested one first."""
    allowed = allowed_resolutions(row.type)
    return tuple(sorted(allowed, key=lambda r: r != row.suggestion))


class ConflictDetail(QWidget):
    resolution_chosen = Signal(str)  # one of resolutions(row)

    def __init__(self, words: ConflictWords, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDetail")
        self.row: ConflictRow | None = None
        self.words = words
        self.empty = QLabel(self.tr("Choose a conflict to see what happened."))
        self.empty.setObjectName("conflictDetailEmpty")
        self.empty.setProperty("role", "muted")
        self.title = self._text("conflictTitle", TITLE_STYLE, wrap=False)
        self.status = self._text("conflictStatus", "", wrap=False)
        self.when = self._text("conflictTime", "", wrap=False)
        self.when.setProperty("role", "muted")
        self.explanation = self._text("conflictExplanation", TEXT_STYLE)
        self.suggestion = self._text("conflictSuggestion", SUGGESTION_STYLE)
        self.state = self._text("conflictState", "")
        self.state.setProperty("role", "muted")
        self.note = QLineEdit()
        self.note.setObjectName("resolutionNote")
        self.note.setMaxLength(500)
        self.note.setPlaceholderText(self.tr("Note: why (a write-off needs the reason)"))
        self.tender = QComboBox()  # how a money overdraft is collected: cash goes in the drawer
        self.tender.setObjectName("collectTender")
        for text, kind in (
            (self.tr("Cash (into this counter's drawer)"), "cash"),
            (self.tr("Bank card"), "bank_card"),
            (self.tr("WeChat Pay"), "wechat"),
            (self.tr("Alipay"), "alipay"),
        ):
            self.tender.addItem(text, kind)
        self.tender_label = QLabel(self.tr("If collected, paid by"))
        self.buttons = QHBoxLayout()
        self.choices: dict[str, QPushButton] = {}  # resolution → its button, for the open row
        self.enabled = True  # the page turns the buttons off while a decision is being saved
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self._centred(self.empty))
        self._stack.addWidget(self._filled())

    def _text(self, name: str, style: str, wrap: bool = True) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(wrap)
        label.setTextFormat(Qt.TextFormat.PlainText)
        if style:
            label.setStyleSheet(style)
        return label

    @staticmethod
    def _centred(label: QLabel) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.addStretch()
        layout.addWidget(label, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch()
        return holder

    def _filled(self) -> QWidget:
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.status)
        heading.addStretch()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addLayout(heading)
        layout.addWidget(self.when)
        layout.addWidget(self.explanation)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.state)
        layout.addWidget(self.note)
        paid_by = QHBoxLayout()
        paid_by.addWidget(self.tender_label)
        paid_by.addWidget(self.tender)
        paid_by.addStretch()
        layout.addLayout(paid_by)
        layout.addLayout(self.buttons)  # right under what it decides
        layout.addStretch()
        return page

    # Showing

    def show_conflict(self, row: ConflictRow | None) -> None:
        self.row = row
        self._stack.setCurrentIndex(0 if row is None else 1)
        if row is None:
            return
        self.title.setText(self.words.type_name(row.type))
        self.status.setText(self.words.status_name(row.status))
        colour = STATUS_COLOURS.get(row.status)
        fill = colour.name() if colour else "#6b5a63"
        self.status.setStyleSheet(f"{STATUS_STYLE} color: white; background: {fill};")
        self.when.setText(self.words.local(row.created_at))  # the store's time
        self.explanation.setText(self.words.explain(row))
        suggested = self.words.resolution_name(row.suggestion, row.type) if row.suggestion else ""
        self.suggestion.setText(self.tr("Suggested: {resolution}").format(resolution=suggested))
        self.suggestion.setVisible(bool(suggested) and row.status == CONFLICT_OPEN)
        self.state.setText(self._state_text(row))
        self.state.setVisible(bool(self.state.text()))
        self.note.clear()
        self.note.setVisible(row.status == CONFLICT_OPEN and takes_notes(row.type))
        money = row.type == CONFLICT_OVERDRAFT and row.details.get("account") in MONEY_ACCOUNTS
        self.tender.setCurrentIndex(0)
        for widget in (self.tender, self.tender_label):
            widget.setVisible(row.status == CONFLICT_OPEN and money)
        self._show_buttons(row)

    def collect_tender(self) -> str | None:
        """How the customer pays an overdraft of money back (None: not one of those)."""
        return str(self.tender.currentData()) if self.tender.isVisibleTo(self) else None

    def _state_text(self, row: ConflictRow) -> str:
        chosen = self.words.resolution_name(row.resolution or "", row.type)
        if row.status == CONFLICT_OPEN:
            if not row.rejected_reason:
                return ""
            return self.tr("The server refused the last decision ({reason}); decide again.").format(
                reason=row.rejected_reason
            )
        if row.status == "resolving":
            return self.tr("“{resolution}” was chosen; waiting for the server to confirm.").format(
                resolution=chosen
            )
        note = str(row.details.get("resolution_note") or "")
        if row.resolved_by:
            done = self.tr("Resolved: {resolution}, by {who}.").format(
                resolution=chosen, who=self.words.decider(row.resolved_by)
            )
        else:
            done = self.tr("Resolved: {resolution}.").format(resolution=chosen)
        return done + (" " + self.tr("Note: {note}").format(note=note) if note else "")

    def _show_buttons(self, row: ConflictRow) -> None:
        self.choices = {}
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone at once for finders; deleted when the loop comes round
                widget.deleteLater()
        if row.status != CONFLICT_OPEN:
            return
        for resolution in resolutions(row):
            role = "primary" if resolution == row.suggestion else ""
            text = self.words.resolution_name(resolution, row.type)
            made = button(text, f"resolve_{resolution}", role)
            made.setMinimumHeight(44)
            made.setEnabled(self.enabled)
            made.clicked.connect(lambda _=False, r=resolution: self.resolution_chosen.emit(r))
            self.buttons.addWidget(made)
            self.choices[resolution] = made
        self.buttons.addStretch()

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        for found in self.findChildren(QPushButton):
            found.setEnabled(enabled)
