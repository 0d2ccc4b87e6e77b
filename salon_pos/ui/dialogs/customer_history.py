"""The customer form's history tab: spend, visits, last visit and standing; member balances
(points, stored value, package sessions) from the ledgers; and every line bought, newest first.
Read once when the tab is built (a few indexed reads)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHeaderView, QLabel, QVBoxLayout, QWidget

from salon_pos.domain.customer_class import CustomerClass, Standing
from salon_pos.domain.money import format_money
from salon_pos.services.customer_history import BalancesShown, CustomerHistory
from salon_pos.ui.models.rows import Column, RowsModel
from salon_pos.ui.widgets import row_table


class StandingWords(QObject):
    """The words of a customer's standing, for badges and lists."""

    def text(self, standing: Standing) -> str:
        kind = {
            CustomerClass.VIP: self.tr("VIP"),
            CustomerClass.MEMBER: self.tr("Member"),
            CustomerClass.NORMAL: self.tr("Regular"),
        }[standing.customer_class]
        if standing.lapsed_days is None:
            return kind
        away = self.tr("not seen for {days} days").format(days=standing.lapsed_days)
        return f"{kind} · {away}"


@dataclass(frozen=True)
class BoughtRow:
    id: str
    day: str
    number: str
    kind: str
    name: str
    quantity: int
    amount: int
    technician: str


class BoughtModel(RowsModel[BoughtRow]):
    def columns(self) -> list[Column]:
        return [
            (self.tr("Date"), lambda r: r.day),
            (self.tr("Ticket"), lambda r: r.number),
            (self.tr("Item"), lambda r: r.name),
            (
                self.tr("Kind"),
                lambda r: self.tr("Service") if r.kind == "service" else self.tr("Product"),
            ),
            (self.tr("Qty"), lambda r: str(r.quantity)),
            (self.tr("Amount"), lambda r: format_money(r.amount)),
            (self.tr("Technician"), lambda r: r.technician),
        ]

    def _kind(self, row: BoughtRow) -> str:
        return self.tr("Service") if row.kind == "service" else self.tr("Product")


def bought_rows(history: CustomerHistory) -> list[BoughtRow]:
    return [
        BoughtRow(
            f"{visit.ticket_id}/{i}",
            visit.business_day.isoformat(),
            visit.number,
            line.kind,
            line.name,
            line.quantity,
            line.net_total,
            line.technician,
        )
        for visit in history.visits
        for i, line in enumerate(visit.lines)
    ]


class HistoryTab(QWidget):
    def __init__(self, history: CustomerHistory) -> None:
        super().__init__()
        spent = history.spending
        summary = QFormLayout()
        self.standing = QLabel(StandingWords(self).text(history.standing))
        self.standing.setObjectName("historyStanding")
        self.spend = QLabel(format_money(spent.spend))
        self.spend.setObjectName("historySpend")
        self.visits = QLabel(
            self.tr("{visits} visit(s) · {services} service(s) · {products} product(s)").format(
                visits=spent.visits, services=history.services, products=history.products
            )
        )
        self.visits.setObjectName("historyVisits")
        last = spent.last_visit.isoformat() if spent.last_visit else self.tr("Never")
        summary.addRow(self.tr("Standing"), self.standing)
        summary.addRow(self.tr("Total spend"), self.spend)
        summary.addRow(self.tr("Visits"), self.visits)
        summary.addRow(self.tr("Last visit"), QLabel(last))
        self.bookings = QLabel(
            self.tr("{bookings} booking(s) · {no_shows} no-show(s)").format(
                bookings=history.bookings, no_shows=history.no_shows
            )
        )
        self.bookings.setObjectName("historyBookings")
        if history.no_shows:
            self.bookings.setProperty("role", "warning")
        summary.addRow(self.tr("Bookings"), self.bookings)
        self.balances = self._balances(history.balances)
        self.model = BoughtModel(self)
        self.model.set_rows(bought_rows(history))
        self.table = row_table("historyLines", self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addLayout(summary)
        layout.addWidget(self.balances)
        layout.addWidget(self.table, 1)

    def _balances(self, balances: BalancesShown) -> QGroupBox:
        """MEMBER BALANCES: filled from the ledgers (customer_history.balances_of)."""
        box = QGroupBox(self.tr("Member balances"))
        box.setObjectName("memberBalances")
        form = QFormLayout(box)
        if not balances.known:
            none = QLabel(self.tr("No points, stored value or package cards yet."))
            none.setProperty("role", "muted")
            form.addRow(none)
            return box
        if balances.points is not None:
            form.addRow(self.tr("Points"), QLabel(str(balances.points)))
        if balances.stored_value_principal is not None:
            stored = self.tr("{principal} paid in + {bonus} bonus").format(
                principal=format_money(balances.stored_value_principal),
                bonus=format_money(balances.stored_value_bonus or 0),
            )
            form.addRow(self.tr("Stored value"), QLabel(stored))
        for card, left in balances.package_sessions:
            form.addRow(card, QLabel(self.tr("{left} sessions left").format(left=left)))
        return box
