"""Checkout through the service layer against a real SQLite file."""

import json
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from salon_pos.db.models import AuditEntry, OutboxOperation, Payment, Ticket, TicketLine
from salon_pos.domain.errors import (
    DiscountNeedsApproval,
    NegativePrice,
    QuantityNotPositive,
    TendersShort,
    UnknownBarcode,
    UnknownItem,
    UnknownStaff,
    UserError,
    WrongManagerPin,
)
from salon_pos.domain.ticket import LineKind, RoundingRule, Tender, TenderKind, TicketStatus
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from tests.conftest import Shelf, Team, three_line_sale


def counts(backend: Backend) -> dict[str, int]:
    with backend.db.read() as s:
        return {
            model.__tablename__: s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Ticket, TicketLine, Payment, OutboxOperation, AuditEntry)
        }


def test_a_sale_writes_ticket_lines_payments_outbox_and_audit(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    customer = backend.customers.add("张三", "13800138000")
    sale = backend.checkout.complete_sale(three_line_sale(team, shelf, customer.id))

    assert (sale.number, sale.total, sale.change, sale.cash_taken) == (
        "A1-000001",
        49400,
        600,
        True,
    )
    view = backend.tickets.get(sale.number)
    assert view.summary.status is TicketStatus.COMPLETED
    assert view.summary.customer == "张三"
    assert [(line.name, line.technician) for line in view.lines] == [
        ("补水保湿护理", "李娜"),
        ("日式美甲", "李娜"),
        ("玻尿酸精华", None),
    ]
    assert [(p.kind, p.tendered, p.applied) for p in view.payments] == [
        (TenderKind.WECHAT, 30000, 30000),
        (TenderKind.CASH, 20000, 19400),
    ]
    with backend.db.read() as s:
        ops = s.scalars(
            select(OutboxOperation).where(OutboxOperation.type == "sale.completed")
        ).all()
    assert len(ops) == 1
    payload = json.loads(ops[0].payload)
    assert payload["number"] == "A1-000001" and payload["total"] == 49400
    assert sum(line["net_total"] for line in payload["lines"]) == 49400


def test_ticket_numbers_are_per_counter_and_without_gaps(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    first = backend.checkout.complete_sale(three_line_sale(team, shelf))
    with pytest.raises(TendersShort):  # a refused sale does not use up a number
        backend.checkout.complete_sale(
            SaleRequest(
                team.desk.id,
                [SaleLine(LineKind.SERVICE, shelf.facial)],
                [Tender(TenderKind.CASH, 100)],
            )
        )
    second = backend.checkout.complete_sale(three_line_sale(team, shelf))
    assert (first.number, second.number) == ("A1-000001", "A1-000002")


def test_outbox_sequence_is_gap_free_across_kinds_of_change(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    backend.checkout.complete_sale(three_line_sale(team, shelf))
    backend.customers.add("李四", "13900139000")
    with backend.db.read() as s:
        seqs = list(s.scalars(select(OutboxOperation.seq).order_by(OutboxOperation.seq)))
    assert seqs == list(range(1, len(seqs) + 1))


@pytest.mark.parametrize(
    ("line", "tenders", "error"),
    [
        (dict(unit_price=-100), [Tender(TenderKind.CASH, 100)], NegativePrice),
        (dict(quantity=0), [Tender(TenderKind.CASH, 19800)], QuantityNotPositive),
        ({}, [Tender(TenderKind.CASH, 10000), Tender(TenderKind.WECHAT, 9000)], TendersShort),
        (dict(item_id="no-such-item"), [Tender(TenderKind.CASH, 19800)], UnknownItem),
        (dict(technician_id="nobody"), [Tender(TenderKind.CASH, 19800)], UnknownStaff),
    ],
)
def test_bad_input_is_refused_with_a_message_and_changes_nothing(
    backend: Backend, team: Team, shelf: Shelf, line: dict, tenders: list, error: type[UserError]
) -> None:
    before = counts(backend)
    fields = {"kind": LineKind.SERVICE, "item_id": shelf.facial} | line
    with pytest.raises(error) as raised:
        backend.checkout.complete_sale(SaleRequest(team.desk.id, [SaleLine(**fields)], tenders))
    assert raised.value.message("zh_CN") and raised.value.message("en")
    assert counts(backend) == before


def test_rounding_rule_from_settings_is_applied(backend: Backend, team: Team, shelf: Shelf) -> None:
    backend.settings.update(rounding=RoundingRule.DROP_JIAO)
    sale = backend.checkout.complete_sale(
        SaleRequest(
            team.desk.id,
            [SaleLine(LineKind.SERVICE, shelf.facial, unit_price=19876)],
            [Tender(TenderKind.CASH, 20000)],
        )
    )
    assert (sale.total, sale.change) == (19800, 200)
    assert backend.tickets.get(sale.ticket_id).rounding_off == 76


def test_find_tickets_by_number_name_phone_and_day(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    customer = backend.customers.add("王芳", "13712345678")
    sale = backend.checkout.complete_sale(three_line_sale(team, shelf, customer.id))
    backend.checkout.complete_sale(three_line_sale(team, shelf))
    assert [t.number for t in backend.tickets.find("王芳")] == [sale.number]
    assert [t.number for t in backend.tickets.find("2345")] == [sale.number]
    assert [t.number for t in backend.tickets.find("a1-000001")] == [sale.number]
    day = backend.tickets.get(sale.number).summary.business_day
    assert len(backend.tickets.find(day_from=day, day_to=day)) == 2


def test_a_scanned_barcode_finds_its_product_and_an_unknown_one_says_so(
    backend: Backend, shelf: Shelf
) -> None:
    assert backend.catalog.product_by_barcode(f" {shelf.serum_barcode}\n").id == shelf.serum
    with pytest.raises(UnknownBarcode) as raised:
        backend.catalog.product_by_barcode("6900000000000")
    assert "6900000000000" in raised.value.message("zh_CN")
    assert "6900000000000" in raised.value.message("en")


def test_a_product_id_cannot_be_sold_as_a_service(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    with pytest.raises(UnknownItem):
        backend.checkout.complete_sale(
            SaleRequest(
                team.desk.id,
                [SaleLine(LineKind.SERVICE, shelf.serum)],
                [Tender(TenderKind.CASH, 12800)],
            )
        )


def test_a_free_ticket_completes_without_tenders(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    sale = backend.checkout.complete_sale(
        SaleRequest(
            team.manager.id,
            [SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id)],
            [],
            ticket_discount=19800,
        )
    )
    view = backend.tickets.get(sale.ticket_id)
    assert (view.summary.total, view.payments, sale.cash_taken) == (0, (), False)


def test_discounts_above_the_cashiers_limit_need_a_manager_pin(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    cheaper = SaleRequest(  # ¥198 service sold for ¥150 with a further ¥10 off: ¥58 of discount
        team.desk.id,
        [SaleLine(LineKind.SERVICE, shelf.facial, unit_price=15000, line_discount=1000)],
        [Tender(TenderKind.CASH, 14000)],
    )
    with pytest.raises(DiscountNeedsApproval) as raised:  # the desk's limit is ¥0
        backend.checkout.complete_sale(cheaper)
    assert "¥58.00" in raised.value.message("zh_CN")
    with pytest.raises(WrongManagerPin):
        backend.checkout.complete_sale(replace(cheaper, approver_pin=Team.DESK_PIN))
    sale = backend.checkout.complete_sale(replace(cheaper, approver_pin=Team.MANAGER_PIN))
    with backend.db.read() as s:
        op = s.scalars(
            select(OutboxOperation).where(OutboxOperation.type == "sale.completed")
        ).one()
    assert json.loads(op.payload)["discount_approved_by"] == team.manager.id
    assert sale.total == 14000
    # a manager sells at any price without asking anyone
    backend.checkout.complete_sale(replace(cheaper, cashier_id=team.manager.id))
