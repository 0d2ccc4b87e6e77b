"""The entries of a customer's ledgers: when, which account, the change, why, and the ticket or
the manager's note."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject

from salon_pos.domain.money import format_money
from salon_pos.services.members import EntryView
from salon_pos.ui.models.rows import Column, RowsModel


class EntryTableModel(RowsModel[EntryView]):
    def __init__(self, zone: ZoneInfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.zone = zone

    def columns(self) -> list[Column]:
        return [
            (self.tr("Time"), lambda e: e.at.astimezone(self.zone).strftime("%Y-%m-%d %H:%M")),
            (self.tr("Account"), self.account_name),
            (self.tr("Change"), self.change),
            (self.tr("Why"), lambda e: self.reason_name(e.reason)),
            (self.tr("Ticket / note"), lambda e: " · ".join(filter(None, (e.ticket, e.note)))),
        ]

    @staticmethod
    def change(entry: EntryView) -> str:
        money = entry.account in ("principal", "bonus")
        return format_money(entry.amount) if money else f"{entry.amount:+d}"

    def account_name(self, entry: EntryView) -> str:
        names = {
            "principal": self.tr("Stored value (paid in)"),
            "bonus": self.tr("Stored value (bonus)"),
            "points": self.tr("Points"),
            "sessions": self.tr("Sessions"),
        }
        name = names.get(entry.account, entry.account)
        return f"{name} · {entry.card}" if entry.card else name

    def reason_name(self, reason: str) -> str:
        return {
            "top_up": self.tr("Top-up"),
            "spend": self.tr("Paid with"),
            "earn": self.tr("Earned"),
            "card_sale": self.tr("Card sold"),
            "reverse": self.tr("Void or refund"),
            "adjust": self.tr("Adjusted"),
            "refund_out": self.tr("Refunded"),
            "collect": self.tr("Overdraft collected"),
            "write_off": self.tr("Overdraft written off"),
            "clash": self.tr("Given back twice, taken again"),
            "expire": self.tr("Expired"),
        }.get(reason, reason)
