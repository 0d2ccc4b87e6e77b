"""One sync conflict explained in plain words beside the inbox's list: what happened, what the
server did about it, the suggested resolution, and a button for each resolution the type
allows (the suggested one first and highlighted)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedLayout, QVBoxLayout, QWidget

from salon_pos.domain.money import format_money
from salon_pos.services.sync_status import ALLOWED_RESOLUTIONS, ConflictRow
from salon_pos.ui.models.conflicts import STATUS_COLOURS, ConflictWords, pick, price_lines, side
from salon_pos.ui.widgets import button
from sync.protocol import (
    CONFLICT_CLOCK_AHEAD,
    CONFLICT_DUPLICATE_CUSTOMER,
    CONFLICT_FIELD_OVERWRITTEN,
    CONFLICT_MONEY_BACK_TWICE,
    CONFLICT_OPEN,
    CONFLICT_PRICE_MISMATCH,
    RESOLUTION_ACCEPT,
    hlc_parts,
)

TITLE_STYLE = "font-size: 20px; font-weight: 600; color: #3d2c3e;"
STATUS_STYLE = "font-size: 15px; font-weight: 600; padding: 2px 10px; border-radius: 10px;"
TEXT_STYLE = "font-size: 16px; line-height: 150%;"
SUGGESTION_STYLE = "background: #fbeef4; color: #8c2f5c; border-radius: 6px; padding: 8px 10px;"


def resolutions(row: ConflictRow) -> tuple[str, ...]:
    """What a manager may choose for this conflict, the suggested one first."""
    allowed = ALLOWED_RESOLUTIONS.get(row.type, (RESOLUTION_ACCEPT,))
    return tuple(sorted(allowed, key=lambda r: r != row.suggestion))


class ConflictDetail(QWidget):
    resolution_chosen = Signal(str)  # one of resolutions(row)

    def __init__(self, time_zone: str, words: ConflictWords, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDetail")
        self._zone = ZoneInfo(time_zone)
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
        self.when.setText(self._local(row.created_at))
        self.explanation.setText(self.explain(row))
        suggested = self.words.resolution_name(row.suggestion, row.type) if row.suggestion else ""
        self.suggestion.setText(self.tr("Suggested: {resolution}").format(resolution=suggested))
        self.suggestion.setVisible(bool(suggested) and row.status == CONFLICT_OPEN)
        self.state.setText(self._state_text(row))
        self.state.setVisible(row.status != CONFLICT_OPEN)
        self._show_buttons(row)

    def _state_text(self, row: ConflictRow) -> str:
        chosen = self.words.resolution_name(row.resolution or "", row.type)
        if row.status == CONFLICT_OPEN:
            return ""
        if row.status == "resolving":
            return self.tr("“{resolution}” was chosen; waiting for the server to confirm.").format(
                resolution=chosen
            )
        return self.tr("Resolved: {resolution}.").format(resolution=chosen)

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

    # Explaining

    def explain(self, row: ConflictRow) -> str:
        d = row.details
        if row.type == CONFLICT_PRICE_MISMATCH:
            return self._price_mismatch(d)
        if row.type == CONFLICT_FIELD_OVERWRITTEN:
            field = pick(d, "field")
            return self.tr(
                "The {field} of customer {customer} was edited on two counters. The later edit "
                "was kept: “{kept}”. The other value, “{other}”, is kept in the history. Keep "
                "the current value, or use the other value instead."
            ).format(
                field=self.words.field_name(field) if field else self.tr("profile"),
                customer=self._or_unknown(self.words.customer(pick(d, "customer_id"))),
                kept=self._value(side(d, "winner")),
                other=self._value(side(d, "loser")),
            )
        if row.type == CONFLICT_DUPLICATE_CUSTOMER:
            return self.tr(
                "Two customers have the same phone {phone}: {older} (registered first) and "
                "{newer}. They may be one person registered twice. Merge folds {newer} into "
                "{older}: the first profile stays, the notes are joined, and {newer} no longer "
                "appears in searches (past tickets keep their name). Keep both if they are two "
                "people."
            ).format(
                phone=self._or_unknown(pick(d, "phone")),
                older=self._or_unknown(self.words.customer(pick(d, "other_customer_id"))),
                newer=self._or_unknown(self.words.customer(pick(d, "customer_id"))),
            )
        if row.type == CONFLICT_CLOCK_AHEAD:
            return self.tr(
                "The clock of {device} is ahead: an edit of customer {customer} was stamped "
                "{stamp}, later than the server's time, so the server set it to {server}. Check "
                "that computer's date and time."
            ).format(
                device=self._or_unknown(self.words.device(pick(d, "stamp"))),
                customer=self._or_unknown(self.words.customer(pick(d, "customer_id"))),
                stamp=self._moment(pick(d, "stamp")),
                server=self._moment(pick(d, "clamped_to", "server_time")),
            )
        if row.type == CONFLICT_MONEY_BACK_TWICE:
            return self.tr(
                "Ticket {number} ({total}) had money handed back on two counters while they were "
                "offline: {amount} more was voided or refunded after {before}. Both are on the "
                "books as the counters recorded them. Check the drawers and the customer, then "
                "accept."
            ).format(
                number=self._or_unknown(pick(d, "number")),
                total=self._money(pick(d, "total")),
                amount=self._money(pick(d, "amount")),
                before=self._clash(pick(d, "clash")),
            )
        return self.tr("The server recorded a conflict of type “{type}”.").format(type=row.type)

    def _clash(self, clash: Any) -> str:
        return {
            "voided before": self.tr("it had been voided"),
            "refunded before": self.tr("it had been refunded"),
            "more than the sale took": self.tr("refunds had reached what the sale took"),
        }.get(str(clash), self.tr("an earlier void or refund"))

    def _price_mismatch(self, details: dict[str, Any]) -> str:
        lines = [
            self.tr("“{item}”: paid at {paid}, the server's price is {server}").format(
                item=self._or_unknown(line.get("name")),
                paid=self._money(line.get("list_price")),
                server=self._money(line.get("server_price")),
            )
            for line in price_lines(details)
        ]
        return self.tr(
            "Ticket {number} was sold while the server had other prices: {lines}. A completed "
            "sale is never changed: the customer paid the counter's price. Accept to close "
            "this; if the catalog price is wrong, correct it at the server."
        ).format(
            number=self._or_unknown(pick(details, "number")),
            lines="; ".join(lines) or self.tr("unknown"),
        )

    def _value(self, value: Any) -> str:
        return self.tr("(empty)") if value in (None, "") else str(value)

    def _or_unknown(self, value: Any) -> str:
        return self.tr("unknown") if value in (None, "") else str(value)

    def _money(self, value: Any) -> str:
        return format_money(value) if isinstance(value, int) else self._or_unknown(value)

    def _moment(self, value: Any) -> str:
        """An HLC stamp, an ISO time or epoch milliseconds, in the store's time."""
        try:
            if isinstance(value, int | float):
                return self._local(datetime.fromtimestamp(value / 1000, UTC))
            if isinstance(value, str) and value[:13].isdigit() and value.count("-") >= 2:
                wall_ms, _, _ = hlc_parts(value)
                return self._local(datetime.fromtimestamp(wall_ms / 1000, UTC))
            if isinstance(value, str):
                parsed = datetime.fromisoformat(value)
                return self._local(parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC))
        except (ValueError, OverflowError):
            pass
        return self._or_unknown(value)

    def _local(self, moment: datetime) -> str:
        return moment.astimezone(self._zone).strftime("%Y-%m-%d %H:%M:%S")
