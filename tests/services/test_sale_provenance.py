"""What the close, reports and commission need of a sale (issue 12): the counter it was sold at,
who approved its discount, a line's category as sold, 点钟, technicians' shares, and the day
and counter of a void or refund."""

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from salon_pos.db.models import (
    AuditEntry,
    OutboxOperation,
    Refund,
    Ticket,
    TicketLine,
    TicketLineShare,
)
from salon_pos.domain.errors import SharesDoNotAddUp
from salon_pos.domain.shares import StaffShare
from salon_pos.domain.ticket import Tender, TenderKind
from salon_pos.services.backend import Backend
from tests.conftest import FakeClock, Shelf, Team, three_line_sale


def payload(backend: Backend, kind: str) -> dict:
    with backend.db.read() as s:
        op = s.scalars(
            select(OutboxOperation)
            .where(OutboxOperation.type == kind)
            .order_by(OutboxOperation.seq)
        ).all()[-1]
    assert op.payload_version == 4
    return json.loads(op.payload)


def test_a_sale_keeps_its_counter_categories_requested_and_shares(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    helper = backend.staff.add("王芳", "technician", "3333", skills=["nail"])
    request = three_line_sale(team, shelf)
    facial, manicure, serum = request.lines
    shared = (StaffShare(team.tech.id, 6000), StaffShare(helper.id, 4000))
    request = replace(
        request,
        lines=[replace(facial, requested=True), replace(manicure, shares=shared), serum],
    )
    sale = backend.checkout.complete_sale(request)
    device = backend.settings.current.device_id
    with backend.db.read() as s:
        ticket = s.get(Ticket, sale.ticket_id)
        lines = s.scalars(
            select(TicketLine).where(TicketLine.ticket_id == sale.ticket_id).order_by("position")
        ).all()
        shares = s.execute(select(TicketLineShare.staff_id, TicketLineShare.share)).all()
    assert ticket is not None and ticket.device_id == device
    assert ticket.discount_approved_by is None  # no discount
    assert [(ln.category, ln.requested) for ln in lines] == [
        ("面部护理", True), ("美甲", False), ("护肤品", False)
    ]  # fmt: skip
    assert sorted(shares) == sorted([(team.tech.id, 6000), (helper.id, 4000)])
    sent = payload(backend, "sale.completed")
    assert [line["category"] for line in sent["lines"]] == ["面部护理", "美甲", "护肤品"]
    assert sent["lines"][0]["requested"] is True
    assert sent["lines"][1]["shares"] == [
        {"staff_id": team.tech.id, "share": 6000}, {"staff_id": helper.id, "share": 4000}
    ]  # fmt: skip
    assert sent["lines"][2]["shares"] == []


@pytest.mark.parametrize(
    "shares",
    [
        ((5000,), "the line's technician alone at half"),
        ((6000, 3000), "not adding up"),
        ((10000, 0), "a share of nothing"),
    ],
)
def test_shares_that_do_not_add_up_are_refused_and_nothing_is_written(
    backend: Backend, team: Team, shelf: Shelf, shares: tuple[tuple[int, ...], str]
) -> None:
    helper = backend.staff.add("王芳", "technician", "3333", skills=["nail"])
    parts = tuple(
        StaffShare(who, share)
        for who, share in zip((team.tech.id, helper.id), shares[0], strict=False)
    )
    request = three_line_sale(team, shelf)
    request = replace(request, lines=[replace(request.lines[0], shares=parts)])
    with pytest.raises(SharesDoNotAddUp) as refused:
        backend.checkout.complete_sale(request)
    assert "100%" in refused.value.message("zh_CN")
    with backend.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 0
        assert s.scalar(select(func.count()).where(OutboxOperation.type == "sale.completed")) == 0


def test_a_technician_sharing_a_line_who_is_not_on_staff_is_refused(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    request = three_line_sale(team, shelf)
    parts = (
        StaffShare(team.tech.id, 5000),
        StaffShare("0190e000-0000-7000-8000-000000000000", 5000),
    )
    request = replace(request, lines=[replace(request.lines[0], shares=parts)])
    with pytest.raises(Exception, match="staff"):
        backend.checkout.complete_sale(request)
    with backend.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 0


def test_a_discount_beyond_the_limit_keeps_and_audits_its_approver(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    request = replace(three_line_sale(team, shelf), ticket_discount=20000)
    request = replace(
        request, approver_pin=Team.MANAGER_PIN, tenders=[Tender(TenderKind.CASH, 29400)]
    )
    sale = backend.checkout.complete_sale(request)
    with backend.db.read() as s:
        ticket = s.get(Ticket, sale.ticket_id)
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "sale.completed")).one()
    assert ticket is not None and ticket.discount_approved_by == team.manager.id
    assert json.loads(audit.after)["discount_approved_by"] == team.manager.id
    assert json.loads(audit.after)["discount"] == 20000
    assert payload(backend, "sale.completed")["discount_approved_by"] == team.manager.id


def test_a_managers_own_discount_is_their_own_approval(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    request = replace(three_line_sale(team, shelf), cashier_id=team.manager.id)
    request = replace(request, ticket_discount=1000)
    sale = backend.checkout.complete_sale(request)
    with backend.db.read() as s:
        ticket = s.get(Ticket, sale.ticket_id)
    assert ticket is not None and ticket.discount_approved_by == team.manager.id


def test_a_void_and_a_refund_on_a_later_day_keep_their_own_day_and_counter(
    backend: Backend, team: Team, shelf: Shelf, clock: FakeClock
) -> None:
    first = backend.checkout.complete_sale(three_line_sale(team, shelf))
    second = backend.checkout.complete_sale(three_line_sale(team, shelf))
    clock.advance(days=1)
    backend.checkout.void_sale(first.ticket_id, Team.MANAGER_PIN, "顾客取消", team.desk.id)
    line = backend.tickets.get(second.ticket_id).lines[2]
    backend.checkout.refund_lines(
        second.ticket_id, {line.id: 1}, Team.MANAGER_PIN, "过敏", team.desk.id
    )
    device = backend.settings.current.device_id
    with backend.db.read() as s:
        voided = s.get(Ticket, first.ticket_id)
        refund = s.scalars(select(Refund)).one()
    assert voided is not None
    assert (voided.business_day, voided.void_business_day) == (
        date(2026, 11, 20),
        date(2026, 11, 21),
    )
    assert voided.void_device_id == device
    assert (refund.business_day, refund.device_id) == (date(2026, 11, 21), device)
    assert payload(backend, "sale.voided")["business_day"] == "2026-11-21"
