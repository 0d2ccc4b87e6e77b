"""A ticket's totals read the same on the tickets screen and on its receipt: both come from
`domain.ticket.totals_steps` (小计 before any discount, each discount, then the total)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QFormLayout, QLabel

from salon_pos.devices.receipt import render_receipt
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.receipts import build_receipt
from salon_pos.ui.pages.tickets_detail import TicketDetail
from tests.conftest import Shelf, Team


def discounted_sale(team: Team, shelf: Shelf) -> SaleRequest:
    """¥198 + ¥168 + ¥128 = ¥494; ¥10 off the facial, ¥3 off the ticket: ¥481 due."""
    return SaleRequest(
        cashier_id=team.manager.id,
        lines=[
            SaleLine(
                LineKind.SERVICE, shelf.facial, technician_id=team.tech.id, line_discount=1000
            ),
            SaleLine(LineKind.SERVICE, shelf.manicure, technician_id=team.tech.id),
            SaleLine(LineKind.PRODUCT, shelf.serum),
        ],
        tenders=[Tender(TenderKind.WECHAT, 30000), Tender(TenderKind.CASH, 20000)],
        ticket_discount=300,
    )


def form_rows(form: QFormLayout) -> list[tuple[str, str]]:
    rows = []
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
        assert isinstance(label, QLabel) and isinstance(field, QLabel)
        rows.append((label.text(), field.text()))
    return rows


def test_the_screen_and_the_receipt_show_the_same_subtotal_before_discounts(
    qapp: QApplication, backend: Backend, team: Team, shelf: Shelf
) -> None:
    sale = backend.checkout.complete_sale(discounted_sale(team, shelf))
    view = backend.tickets.get(sale.ticket_id)
    detail = TicketDetail("Asia/Shanghai")
    detail.show_ticket(view)
    assert form_rows(detail.totals)[:4] == [
        ("Subtotal", "¥494.00"),
        ("Line discounts", "-¥10.00"),
        ("Ticket discount", "-¥3.00"),
        ("Total", "¥481.00"),
    ]
    receipt = [
        " ".join(row.split())
        for row in render_receipt(build_receipt(view, backend.settings.current), 80)
    ]
    for row in ("小计 ￥494.00", "单项优惠 -￥10.00", "整单优惠 -￥3.00", "合计 ￥481.00"):
        assert row in receipt
