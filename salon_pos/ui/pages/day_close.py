"""The end-of-day close (日结, Ctrl+D): a business day's figures as this counter holds them, the
checks before closing (what still waits to reach the server, counters not heard from since the
day began), the close itself with a note, and the Z summary on the receipt printer. Managers
and owners only."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.backups import CLOSE
from salon_pos.domain.day_close import PACKAGE_CATEGORY, STORED_VALUE_CATEGORY, Approval
from salon_pos.domain.money import format_money
from salon_pos.domain.ticket import TenderKind
from salon_pos.services.day_close import CloseCheck, DayView
from salon_pos.ui.context import UiContext
from salon_pos.ui.pages.managers_only import ManagersOnly
from salon_pos.ui.widgets import MessageLine, button, qdate


def two_column_table(name: str, headings: tuple[str, str]) -> QTableWidget:
    table = QTableWidget(0, 2)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headings))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    return table


def fill(table: QTableWidget, rows: Iterable[tuple[str, str]]) -> None:
    listed = list(rows)
    table.setRowCount(len(listed))
    for row, (label, value) in enumerate(listed):
        table.setItem(row, 0, QTableWidgetItem(label))
        amount = QTableWidgetItem(value)
        amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(row, 1, amount)
    height = table.horizontalHeader().height() + sum(
        table.rowHeight(r) for r in range(table.rowCount())
    )
    table.setFixedHeight(height + 4)


class CloseDialog(QDialog):
    """Confirm the close: what the checks found, and a note kept with it."""

    def __init__(self, parent: QWidget, day: date, warnings: list[str]) -> None:
        super().__init__(parent)
        self.setObjectName("closeDialog")
        self.setWindowTitle(self.tr("Close business day {day}").format(day=day.isoformat()))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "After the close this day is locked: sales, voids and refunds from now on "
                "belong to the next business day."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if warnings:
            found = QLabel("\n".join(warnings))
            found.setObjectName("closeWarnings")
            found.setProperty("kind", "error")
            found.setWordWrap(True)
            layout.addWidget(found)
        self.note = QLineEdit()
        self.note.setObjectName("closeNote")
        self.note.setPlaceholderText(self.tr("Note (optional), e.g. cash checked"))
        layout.addWidget(self.note)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Close the day"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("confirmClose")
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class DayClosePanel(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.view: DayView | None = None
        self.dialog: CloseDialog | None = None
        self.day = QDateEdit()
        self.day.setObjectName("closeDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.state = QLabel()
        self.state.setObjectName("closeState")
        self.print_button = button(self.tr("Print Z slip"), "printZ")
        self.print_button.clicked.connect(self._print)
        self.pdf_button = button(self.tr("PDF report"), "closePdf")
        self.pdf_button.clicked.connect(self._write_pdf)
        self.open_file = QDesktopServices.openUrl  # tests put their own here
        self.pdf_path: Path | None = None
        self.close_button = button(self.tr("Close the day…"), "closeDayButton", "primary")
        self.close_button.clicked.connect(self._ask_to_close)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Business day")))
        top.addWidget(self.day)
        top.addWidget(self.state, 1)
        top.addWidget(self.pdf_button)
        top.addWidget(self.print_button)
        top.addWidget(self.close_button)
        self.checks = MessageLine()
        self.message = MessageLine()

        self.summary = QFormLayout()
        self.summary_labels: dict[str, QLabel] = {}
        for key, text in self._summary_titles().items():
            value = QLabel()
            value.setObjectName(f"close_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.summary_labels[key] = value
            self.summary.addRow(text, value)
        summary_box = QGroupBox(self.tr("The day"))
        summary_box.setLayout(self.summary)
        self.tenders = two_column_table("closeTenders", (self.tr("Tender"), self.tr("Amount")))
        self.categories = two_column_table(
            "closeCategories", (self.tr("Category"), self.tr("Amount"))
        )
        self.technicians = two_column_table(
            "closeTechnicians", (self.tr("Technician (services)"), self.tr("Amount"))
        )
        self.members = two_column_table("closeMembers", (self.tr("Members"), ""))
        self.approvals = two_column_table(
            "closeApprovals", (self.tr("Ticket · approved by"), self.tr("Amount"))
        )
        grid = QGridLayout()
        # Two columns: three would cut the labels off on a 1024 px screen.
        grid.addWidget(summary_box, 0, 0)
        grid.addWidget(self._boxed(self.tr("By tender"), self.tenders), 0, 1)
        grid.addWidget(self._boxed(self.tr("By category"), self.categories), 1, 0)
        grid.addWidget(self._boxed(self.tr("By technician"), self.technicians), 1, 1)
        grid.addWidget(self._boxed(self.tr("Member cards"), self.members), 2, 0)
        grid.addWidget(self._boxed(self.tr("Approvals"), self.approvals), 2, 1)
        for column in range(2):
            grid.setColumnStretch(column, 1)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(grid)
        inner_layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.checks)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)

    def _boxed(self, title: str, table: QTableWidget) -> QGroupBox:
        box = QGroupBox(title)
        inside = QVBoxLayout(box)
        inside.addWidget(table)
        inside.addStretch()
        return box

    def _summary_titles(self) -> dict[str, str]:
        return {
            "tickets": self.tr("Tickets"),
            "sales": self.tr("Sales"),
            "voids": self.tr("Voided"),
            "refunds": self.tr("Refunded"),
            "net": self.tr("Net"),
            "average": self.tr("Average ticket"),
            "customers": self.tr("Customers served"),
            "new": self.tr("New customers / members"),
            "discounts": self.tr("Member price savings"),
        }

    def show_today(self) -> None:
        today = self._ctx.backend.day_close.today()
        if self.day.date() != qdate(today):
            self.day.setDate(qdate(today))  # refreshes
        else:
            self.refresh()

    def show_latest_sales_day(self) -> None:
        """The most recent day with sales (the demo's screenshot: today has none yet)."""
        latest = self._ctx.backend.tickets.latest_business_day()
        if latest is not None:
            self.day.setDate(qdate(latest))

    def chosen_day(self) -> date:
        picked: QDate = self.day.date()
        return date(picked.year(), picked.month(), picked.day())

    def refresh(self) -> None:
        day = self.chosen_day()
        self._ctx.runner.run(
            lambda: self._ctx.backend.day_close.view(day), self._show, self._on_refused
        )

    def _show(self, view: DayView) -> None:
        self.view = view
        figures = view.closed.figures if view.closed is not None else view.figures
        money = format_money
        values = {
            "tickets": str(figures.tickets),
            "sales": money(figures.sales),
            "voids": money(-figures.voids),
            "refunds": money(-figures.refunds),
            "net": money(figures.net),
            "average": money(figures.average_ticket),
            "customers": str(figures.customers_served),
            "new": f"{figures.new_customers} / {figures.new_members}",
            "discounts": money(figures.member_discounts),
        }
        for key, text in values.items():
            self.summary_labels[key].setText(text)
        names = self._names()
        fill(self.tenders, ((self._tender(k), money(v)) for k, v in figures.by_tender.items()))
        fill(
            self.categories, ((self._category(k), money(v)) for k, v in figures.by_category.items())
        )
        fill(
            self.technicians,
            ((names.get(k, k), money(v)) for k, v in figures.by_technician.items()),
        )
        m = figures.members
        fill(
            self.members,
            [
                (self.tr("Stored value sold"), money(m.stored_value_sold)),
                (self.tr("Bonus given"), money(m.bonus_given)),
                (self.tr("Stored value spent (paid-in)"), money(m.principal_spent)),
                (self.tr("Stored value spent (bonus)"), money(m.bonus_spent)),
                (self.tr("Stored value paid back"), money(m.principal_refunded)),
                (self.tr("Package sessions sold"), str(m.sessions_sold)),
                (self.tr("Package sessions used"), str(m.sessions_used)),
                (self.tr("Points issued"), str(m.points_issued)),
                (self.tr("Points redeemed"), str(m.points_redeemed)),
            ],
        )
        fill(
            self.approvals,
            [
                *self._approved(self.tr("Discount"), figures.discounts, names),
                *self._approved(self.tr("Void"), figures.void_list, names),
                *self._approved(self.tr("Refund"), figures.refund_list, names),
            ],
        )
        if view.closed is not None:
            closed = view.closed
            at = closed.closed_at.astimezone().strftime("%H:%M")
            self.state.setText(
                self.tr("Closed by {name} at {at}").format(name=closed.closed_by_name, at=at)
            )
            self.state.setProperty("kind", "ok")
        else:
            self.state.setText(self.tr("Not closed"))
            self.state.setProperty("kind", "")
        self.close_button.setEnabled(view.closed is None)
        self._show_checks(view)

    def _show_checks(self, view: DayView) -> None:
        if view.closed is not None:
            self.checks.hide()
            return
        warnings = self.warnings(view.check)
        self.checks.setText(
            "\n".join(warnings) or self.tr("Checks passed: nothing waits to be sent.")
        )
        self.checks.setProperty("kind", "error" if warnings else "info")
        self.checks.style().unpolish(self.checks)
        self.checks.style().polish(self.checks)
        self.checks.show()

    def warnings(self, check: CloseCheck) -> list[str]:
        found = []
        if check.waiting:
            found.append(
                self.tr(
                    "{count} operations of this counter have not reached the server yet."
                ).format(count=check.waiting)
            )
        for counter in check.unheard:
            last = (
                counter.last_heard_at.astimezone().strftime("%Y-%m-%d %H:%M")
                if counter.last_heard_at
                else self.tr("never")
            )
            found.append(
                self.tr("Counter {counter} has not been heard from today (last: {last}).").format(
                    counter=counter.counter, last=last
                )
            )
        return found

    def _approved(
        self, kind: str, items: Iterable[Approval], names: Mapping[str, str]
    ) -> list[tuple[str, str]]:
        return [
            (
                f"{kind} {item.number} · "
                + (
                    names.get(item.approved_by, "") if item.approved_by else self.tr("within limit")
                ),
                format_money(item.amount),
            )
            for item in items
        ]

    def _names(self) -> dict[str, str]:
        return {
            member.id: member.name for member in self._ctx.backend.staff.list(active_only=False)
        }

    def _tender(self, kind: str) -> str:
        try:
            return TenderKind(kind).words.text(self._ctx.language)
        except ValueError:  # a tender a newer counter knows
            return kind

    def _category(self, key: str) -> str:
        special = {
            STORED_VALUE_CATEGORY: self.tr("Stored value top-ups"),
            PACKAGE_CATEGORY: self.tr("Package cards"),
        }
        return special.get(key, key or "—")

    def _ask_to_close(self) -> None:
        if self.view is None or self.view.closed is not None:
            return
        self.dialog = CloseDialog(self, self.chosen_day(), self.warnings(self.view.check))
        self.dialog.accepted.connect(self._close)
        self.dialog.open()

    def _close(self) -> None:
        staff = self._ctx.staff
        if staff is None or self.dialog is None:
            return
        day, note = self.chosen_day(), self.dialog.note.text()
        self.close_button.setEnabled(False)
        self._ctx.runner.run(
            lambda: self._ctx.backend.day_close.close(day, staff.id, note),
            self._on_closed,
            self._on_refused,
        )

    def _on_closed(self, _closed: object) -> None:
        self.message.show_info(self.tr("The day is closed."))
        self.refresh()
        # A backup after each close (docs/backups.md), on the device pool: the copy and its
        # check take a few seconds for a year of sales. A failure is logged and shown there.
        backups = self._ctx.backend.backups
        self._ctx.runner.run(lambda: backups.back_up(CLOSE), device=True)

    def _write_pdf(self) -> None:
        day = self.chosen_day()
        self._ctx.runner.run(
            lambda: self._ctx.backend.day_close.write_pdf(day),
            self._on_pdf,
            self._on_refused,
            device=True,
        )

    def _on_pdf(self, path: Path) -> None:
        self.pdf_path = path
        self.message.show_info(self.tr("Saved to {path}").format(path=path))
        self.open_file(QUrl.fromLocalFile(str(path)))

    def _print(self) -> None:
        day = self.chosen_day()
        self._ctx.runner.run(
            lambda: self._ctx.backend.day_close.print_z(day), self._on_printed, device=True
        )

    def _on_printed(self, outcome: object) -> None:
        problem = getattr(outcome, "problem", None)
        if problem is not None:
            self.message.show_error(self._ctx.message(problem))
        else:
            self.message.show_info(self.tr("Z slip printed."))

    def _on_refused(self, error: BaseException) -> None:
        self.close_button.setEnabled(self.view is not None and self.view.closed is None)
        self.message.show_error(self._ctx.message(error))


class DayClosePage(ManagersOnly):
    def __init__(self, ctx: UiContext) -> None:
        self.panel = DayClosePanel(ctx)
        super().__init__(ctx, self.panel)
        self.setObjectName("dayClosePage")

    def on_shown(self) -> None:
        if self.allowed():
            self.panel.show_today()
