"""Printing a ticket's receipt, the first time or again. A printer that is off or out of paper
never touches the sale: it is saved before printing, the cashier is told why, and reprint works."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from salon_pos.db.audit import AuditRecord
from salon_pos.db.database import Database
from salon_pos.devices import PrinterUnavailable, Receipt, ReceiptLine, ReceiptTender
from salon_pos.domain.clock import Clock
from salon_pos.domain.errors import UserError
from salon_pos.domain.money import format_money
from salon_pos.domain.ticket import LineKind, TicketStatus
from salon_pos.domain.tiers import is_gift_line
from salon_pos.services.journal import Journal
from salon_pos.services.member_ledger import member_rows, redeemed_points
from salon_pos.services.settings import SettingsService, StoreSettings
from salon_pos.services.tickets import TicketQueries, TicketView

if TYPE_CHECKING:
    from salon_pos.devices import ReceiptPrinter

PrinterFactory = Callable[[StoreSettings], "ReceiptPrinter"]


def printer_for(settings: StoreSettings) -> ReceiptPrinter:
    from salon_pos.devices import printer_from_settings  # python-escpos loads on first print

    return printer_from_settings(
        settings.printer_kind, settings.printer_target, settings.paper_width_mm
    )


class NoPrinterSetUp(UserError):
    en = "No receipt printer is set up: choose one in Settings to print receipts."
    zh = "尚未设置小票打印机：请在设置中选择打印机后再打印。"


@dataclass(frozen=True)
class PrintOutcome:
    printed: bool
    problem: UserError | None = None  # why not, in the user's language via .message()


def masked_phone(phone: str | None) -> str:
    if not phone:
        return ""
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 11 else phone


def build_receipt(
    view: TicketView,
    settings: StoreSettings,
    copy_note: str = "",
    member: tuple[tuple[str, str], ...] = (),
    redeemed: Mapping[str, int] | None = None,
) -> Receipt:
    """`redeemed`: line id → the points that paid the line."""
    points = redeemed or {}
    summary = view.summary
    when = summary.completed_at
    printed_at = (
        when.astimezone(ZoneInfo(settings.time_zone)).strftime("%Y-%m-%d %H:%M") if when else ""
    )
    customer = (
        f"{summary.customer} {masked_phone(summary.customer_phone)}" if summary.customer else None
    )
    refund_note = ""
    if summary.status is TicketStatus.VOIDED:
        copy_note = "作废 VOIDED"
    elif summary.refunded:
        refund_note = f"已退款 {format_money(summary.refunded, '￥')}"
    return Receipt(
        store_name=settings.store_name,
        store_address=settings.address,
        store_phone=settings.phone,
        ticket_number=summary.number,
        printed_at=printed_at,
        cashier=summary.cashier,
        customer=customer,
        lines=tuple(
            ReceiptLine(
                line.name,
                line.quantity,
                line.unit_price,
                line.line_discount,
                line.total,
                line.technician if line.kind is LineKind.SERVICE else None,  # not a seller
                max(0, line.list_price - line.unit_price) * line.quantity,
                is_gift_line(
                    line.kind, line.quantity, line.unit_price, line.list_price, line.list_price
                )
                and line.id not in points,
                points.get(line.id, 0),
            )
            for line in view.lines
        ),
        subtotal=view.subtotal,
        line_discounts=view.line_discounts,
        ticket_discount=view.ticket_discount,
        rounding_off=view.rounding_off,
        total=summary.total,
        tenders=tuple(ReceiptTender(p.kind.value, p.tendered, p.applied) for p in view.payments),
        change=view.change,
        footer=settings.receipt_footer,
        header=settings.receipt_header,
        copy_note=copy_note,
        refund_note=refund_note,
        member=member,
    )


class ReceiptService:
    def __init__(
        self,
        db: Database,
        settings: SettingsService,
        tickets: TicketQueries,
        clock: Clock,
        printers: PrinterFactory = printer_for,
    ) -> None:
        self._db = db
        self._settings = settings
        self._tickets = tickets
        self._clock = clock
        self._printers = printers

    def print_sale(self, ticket_id: str, open_drawer: bool) -> PrintOutcome:
        """The receipt of a sale just completed; opens the drawer when cash was taken."""
        settings = self._settings.current
        view = self._tickets.get(ticket_id)
        receipt = build_receipt(view, settings, "", *self.member_parts(ticket_id))
        return self._print(settings, receipt, open_drawer)

    def member(self, ticket_id: str) -> tuple[tuple[str, str], ...]:
        return self.member_parts(ticket_id)[0]

    def member_parts(self, ticket_id: str) -> tuple[tuple[tuple[str, str], ...], dict[str, int]]:
        """The member rows under the payments, and the points that paid each line."""
        with self._db.read() as session:
            connection = session.connection()
            return (
                tuple(member_rows(connection, ticket_id)),
                redeemed_points(connection, ticket_id),
            )

    def reprint(self, ticket_id: str, actor_id: str) -> PrintOutcome:
        """A copy marked as such; audited, since a reprinted receipt can be misused."""
        outcome = self.print_copy(ticket_id)
        self.record_reprint(ticket_id, actor_id, outcome.printed)
        return outcome

    def print_copy(self, ticket_id: str) -> PrintOutcome:
        """Only the printing of a reprint: no database write, so it may run beside the writer."""
        settings = self._settings.current
        view = self._tickets.get(ticket_id)
        receipt = build_receipt(view, settings, "重印 REPRINT", *self.member_parts(ticket_id))
        return self._print(settings, receipt, False)

    def record_reprint(self, ticket_id: str, actor_id: str, printed: bool) -> None:
        view = self._tickets.get(ticket_id)
        with self._db.write() as session:
            Journal(self._settings.current.device_id).record(
                session,
                self._clock.now(),
                AuditRecord(
                    actor_id,
                    "ticket.reprinted",
                    "ticket",
                    view.summary.id,
                    after={"number": view.summary.number, "printed": printed},
                ),
            )

    def _print(self, settings: StoreSettings, receipt: Receipt, open_drawer: bool) -> PrintOutcome:
        if settings.printer_kind == "none":
            return PrintOutcome(False, NoPrinterSetUp())
        try:
            self._printers(settings).print_receipt(receipt, open_drawer)
        except PrinterUnavailable as problem:
            return PrintOutcome(False, problem)
        return PrintOutcome(True)
