"""The conflict inbox's list: a thin adapter over frozen ConflictRows (nothing here reads the
database), and the words for a conflict's type, status, resolution and what it concerns.

A conflict's `details` come from the server (sync/server/handlers); any key may be missing, so
every reading of them falls back to what is there."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from salon_pos.services.customers import CustomerProfile
from salon_pos.services.sync_status import RESOLVING, ConflictRow
from salon_pos.ui.models.tickets import RowsModel
from sync.protocol import (
    CONFLICT_CLOCK_AHEAD,
    CONFLICT_DUPLICATE_CUSTOMER,
    CONFLICT_FIELD_OVERWRITTEN,
    CONFLICT_MONEY_BACK_TWICE,
    CONFLICT_OPEN,
    CONFLICT_PRICE_MISMATCH,
    CONFLICT_RESOLVED_STATUS,
    RESOLUTION_ACCEPT,
    RESOLUTION_KEEP_BOTH,
    RESOLUTION_MERGE,
    RESOLUTION_USE_OTHER,
    hlc_parts,
)

STATUS_COLOURS = {
    CONFLICT_OPEN: QColor("#b3261e"),
    RESOLVING: QColor("#c77700"),
    CONFLICT_RESOLVED_STATUS: QColor("#2e7d32"),
}


def pick(details: Mapping[str, Any], *keys: str) -> Any:
    """The first of `keys` that details hold (not None), else None."""
    return next((details[k] for k in keys if details.get(k) is not None), None)


def text_of(value: Any) -> str:
    return "" if value is None else str(value)


class ConflictWords(QObject):
    """What a conflict is called, shared by the list, the detail pane and the confirmation.
    The server names customers by id; `people` (set by the page) holds those this counter has."""

    def __init__(self, own_device: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.own_device = own_device
        self.people: dict[str, CustomerProfile] = {}

    def type_name(self, kind: str) -> str:
        return {
            CONFLICT_PRICE_MISMATCH: self.tr("Price mismatch"),
            CONFLICT_FIELD_OVERWRITTEN: self.tr("Profile field overwritten"),
            CONFLICT_CLOCK_AHEAD: self.tr("Clock ahead"),
            CONFLICT_DUPLICATE_CUSTOMER: self.tr("Duplicate customer"),
            CONFLICT_MONEY_BACK_TWICE: self.tr("Money handed back twice"),
        }.get(kind, kind)

    def status_name(self, status: str) -> str:
        return {
            CONFLICT_OPEN: self.tr("Open"),
            RESOLVING: self.tr("Resolving"),
            CONFLICT_RESOLVED_STATUS: self.tr("Resolved"),
        }.get(status, status)

    def resolution_name(self, resolution: str, kind: str = "") -> str:
        if resolution == RESOLUTION_ACCEPT and kind == CONFLICT_FIELD_OVERWRITTEN:
            return self.tr("Keep the current value")
        return {
            RESOLUTION_ACCEPT: self.tr("Accept"),
            RESOLUTION_USE_OTHER: self.tr("Use the other value"),
            RESOLUTION_MERGE: self.tr("Merge"),
            RESOLUTION_KEEP_BOTH: self.tr("Keep both"),
        }.get(resolution, resolution)

    def field_name(self, field: str) -> str:
        return {
            "name": self.tr("name"),
            "phone": self.tr("phone"),
            "gender": self.tr("gender"),
            "birthday": self.tr("birthday"),
            "notes": self.tr("notes"),
        }.get(field, field)

    def customer(self, customer_id: Any) -> str:
        """A customer's name as this counter knows it, else the end of the id."""
        if not customer_id:
            return ""
        known = self.people.get(str(customer_id))
        return known.name if known else str(customer_id)[-8:]

    def device(self, stamp: Any) -> str:
        """Who made a stamped edit: this counter, or the end of another device's id."""
        try:
            node = hlc_parts(str(stamp))[2]
        except ValueError:
            return ""
        if node == self.own_device:
            return self.tr("this counter")
        return self.tr("another counter ({device})").format(device=node[-6:])

    def concerns(self, row: ConflictRow) -> str:
        """One line: what the conflict is about (a ticket and item, a customer, a device)."""
        d = row.details
        if row.type == CONFLICT_PRICE_MISMATCH:
            names = [text_of(line.get("name")) for line in price_lines(d)]
            parts = [pick(d, "number"), " / ".join(n for n in names if n)]
        elif row.type == CONFLICT_FIELD_OVERWRITTEN:
            field = pick(d, "field")
            parts = [self.customer(pick(d, "customer_id")), field and self.field_name(field)]
        elif row.type == CONFLICT_DUPLICATE_CUSTOMER:
            older, newer = pick(d, "other_customer_id"), pick(d, "customer_id")
            parts = [self.customer(newer), self.customer(older), pick(d, "phone")]
        elif row.type == CONFLICT_CLOCK_AHEAD:
            parts = [self.device(pick(d, "stamp")), self.customer(pick(d, "customer_id"))]
        elif row.type == CONFLICT_MONEY_BACK_TWICE:
            parts = [pick(d, "number")]
        else:
            parts = []
        shown = " · ".join(text_of(p) for p in parts if p)
        return shown or f"{row.entity} {row.entity_id[-8:]}"


def price_lines(details: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The lines of a price mismatch: name, list_price (paid), server_price; fen."""
    lines = details.get("lines")
    return [line for line in lines if isinstance(line, Mapping)] if isinstance(lines, list) else []


def side(details: Mapping[str, Any], key: str) -> Any:
    """The value of one side ("winner", "loser") of an overwritten field."""
    found = details.get(key)
    return found.get("value") if isinstance(found, Mapping) else found


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
