"""The conflict inbox's list: a thin adapter over frozen ConflictRows (nothing here reads the
database), and the words for a conflict's type, status, resolution and what it concerns.

A conflict's `details` come from the server (sync/server/handlers); any key may be missing, so
every reading of them falls back to what is there."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from salon_pos.domain.money import format_money
from salon_pos.services.customers import CustomerProfile
from salon_pos.services.sync_status import RESOLVING, ConflictRow
from salon_pos.ui.models.tickets import RowsModel
from sync.operations import CONFLICTS, REGISTRY
from sync.operations.kinds import StoreTimes, node_of
from sync.protocol import CONFLICT_OPEN, CONFLICT_RESOLVED_STATUS

STATUS_COLOURS = {
    CONFLICT_OPEN: QColor("#b3261e"),
    RESOLVING: QColor("#c77700"),
    CONFLICT_RESOLVED_STATUS: QColor("#2e7d32"),
}


def text_of(value: Any) -> str:
    return "" if value is None else str(value)


class ConflictWords(QObject, StoreTimes):
    """What a conflict is called and how it is explained, for the list, the detail pane and the
    confirmation: the words come from the conflict kind's declaration (sync/operations/); this
    is the counter's Describer for them. The server names customers by id; `people` (set by
    the page) holds those this counter has."""

    def __init__(
        self,
        own_device: str = "",
        language: str = "zh_CN",
        time_zone: str = "Asia/Shanghai",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.own_device = own_device
        self.language = language
        self.zone = ZoneInfo(time_zone)
        self.people: dict[str, CustomerProfile] = {}
        self.deciders: dict[str, str] = {}  # staff id → name, of those who resolved

    def type_name(self, kind: str) -> str:
        declared = CONFLICTS.get(kind)
        return declared.title.text(self.language) if declared else kind

    def status_name(self, status: str) -> str:
        return {
            CONFLICT_OPEN: self.tr("Open"),
            RESOLVING: self.tr("Resolving"),
            CONFLICT_RESOLVED_STATUS: self.tr("Resolved"),
        }.get(status, status)

    def resolution_name(self, resolution: str, kind: str = "") -> str:
        return REGISTRY.resolution_name(resolution, kind, self.language)

    def decider(self, resolved_by: str) -> str:
        """Who resolved a conflict: a manager by name, else the owner's web console (its
        accounts are no staff of the store)."""
        return self.deciders.get(resolved_by) or self.tr("the web console")

    def explain(self, row: ConflictRow) -> str:
        declared = CONFLICTS.get(row.type)
        if declared is None:
            return self.tr("The server recorded a conflict of type “{type}”.").format(type=row.type)
        return declared.explain(row.details, self)

    def concerns(self, row: ConflictRow) -> str:
        """One line: what the conflict is about (a ticket and item, a customer, a device)."""
        declared = CONFLICTS.get(row.type)
        parts = declared.concerns(row.details, self) if declared else []
        shown = " · ".join(text_of(p) for p in parts if p)
        return shown or f"{row.entity} {row.entity_id[-8:]}"

    # Describer (sync.operations.kinds)

    def customer(self, customer_id: Any) -> str:
        """A customer's name as this counter knows it, else the end of the id."""
        if not customer_id:
            return ""
        known = self.people.get(str(customer_id))
        return known.name if known else str(customer_id)[-8:]

    def device(self, stamp: Any) -> str:
        """Who made a stamped edit: this counter, or the end of another device's id."""
        node = node_of(stamp)
        if node is None:
            return ""
        if node == self.own_device:
            return self.tr("this counter")
        return self.tr("another counter ({device})").format(device=node[-6:])

    def money(self, fen: Any) -> str:
        return format_money(fen) if isinstance(fen, int) else self.unknown(fen)

    def value(self, value: Any) -> str:
        return self.tr("(empty)") if value in (None, "") else str(value)

    def unknown(self, value: Any) -> str:
        return self.tr("unknown") if value in (None, "") else str(value)


class ConflictListModel(RowsModel):
    """Conflicts newest first: type, what it concerns, when (the store's time zone), status."""

    TYPE, CONCERNS, TIME, STATUS = range(4)

    def __init__(self, time_zone: str, words: ConflictWords, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone = ZoneInfo(time_zone)
        self.words = words

    def headers(self) -> Sequence[str]:
        return (self.tr("Type"), self.tr("Concerns"), self.tr("When"), self.tr("Status"))

    def cell(self, row: ConflictRow, column: int) -> str:
        values = (
            self.words.type_name(row.type),
            self.words.concerns(row),
            row.created_at.astimezone(self._zone).strftime("%m-%d %H:%M"),
            self.words.status_name(row.status),
        )
        return values[column]

    def style(self, row: ConflictRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return STATUS_COLOURS.get(row.status)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.CONCERNS:
            return self.words.concerns(row)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None
