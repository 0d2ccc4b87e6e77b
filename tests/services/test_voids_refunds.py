import pytest
from sqlalchemy import func, select

from salon_pos.db.models import AuditEntry, OutboxOperation, RefundTender
from salon_pos.domain.errors import (
    ManagerPinRequired,
    ReasonRequired,
    RefundTenderNotAvailable,
    RefundTooLarge,
    TicketNotCompleted,
    UnknownStaff,
    WrongManagerPin,
)
from salon_pos.domain.ticket import TenderKind, TicketStatus
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import ApprovalLockedOut
from tests.conftest import FakeClock, Shelf, Team, three_line_sale


def op_types(backend: Backend) -> list[str]:
    with backend.db.read() as s:
        return list(s.scalars(select(OutboxOperation.type).order_by(OutboxOperation.seq)))


def test_void_needs_a_manager_pin_and_a_reason(backend: Backend, team: Team, shelf: Shelf) -> None:
    sale = backend.checkout.complete_sale(three_line_sale(team, shelf))
    for pin, reason, error in [
        ("", "顾客取消", ManagerPinRequired),
        ("0000", "顾客取消", WrongManagerPin),
        (Team.DESK_PIN, "顾客取消", WrongManagerPin),  # a front-desk PIN does not approve
        (Team.MANAGER_PIN, "  ", ReasonRequired),
    ]:
        with pytest.raises(error):
            backend.checkout.void_sale(sale.ticket_id, pin, reason, team.desk.id)
    assert backend.tickets.get(sale.ticket_id).summary.status is TicketStatus.COMPLETED
    assert "sale.voided" not in op_types(backend)

    backend.checkout.void_sale(sale.ticket_id, Team.MANAGER_PIN, "顾客取消", team.desk.id)
    view = backend.tickets.get(sale.ticket_id)
    assert view.summary.status is TicketStatus.VOIDED and view.void_reason == "顾客取消"
    assert op_types(backend).count("sale.voided") == 1
    with pytest.raises(TicketNotCompleted) as raised:
        backend.checkout.void_sale(sale.ticket_id, Team.MANAGER_PIN, "again", team.desk.id)
    assert "已作废" in raised.value.message("zh_CN")


def test_refund_some_lines_then_the_rest(backend: Backend, team: Team, shelf: Shelf) -> None:
    sale = backend.checkout.complete_sale(three_line_sale(team, shelf))
    lines = backend.tickets.get(sale.ticket_id).lines
    serum = lines[2]
    paid = backend.checkout.refund_lines(
        sale.ticket_id, {serum.id: 1}, Team.MANAGER_PIN, "过敏", team.desk.id
    )
    assert paid == serum.net_total == 12800
    view = backend.tickets.get(sale.ticket_id)
    assert view.summary.status is TicketStatus.COMPLETED and view.summary.refunded == 12800
    with pytest.raises(RefundTooLarge):
        backend.checkout.refund_lines(
            sale.ticket_id, {serum.id: 1}, Team.MANAGER_PIN, "再退", team.desk.id
        )
    rest = {lines[0].id: 1, lines[1].id: 1}
    backend.checkout.refund_lines(sale.ticket_id, rest, Team.MANAGER_PIN, "投诉", team.desk.id)
    view = backend.tickets.get(sale.ticket_id)
    assert view.summary.status is TicketStatus.REFUNDED
    assert view.summary.refunded == view.summary.total
    assert op_types(backend).count("sale.refunded") == 2


def test_refund_with_a_wrong_pin_changes_nothing(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    sale = backend.checkout.complete_sale(three_line_sale(team, shelf))
    line = backend.tickets.get(sale.ticket_id).lines[0]
    with pytest.raises(WrongManagerPin):
        backend.checkout.refund_lines(sale.ticket_id, {line.id: 1}, "7777", "过敏", team.desk.id)
    assert backend.tickets.get(sale.ticket_id).summary.refunded == 0
    assert "sale.refunded" not in op_types(backend)


def test_money_goes_back_the_way_it_came(backend: Backend, team: Team, shelf: Shelf) -> None:
    sale = backend.checkout.complete_sale(three_line_sale(team, shelf))  # ¥300 WeChat + ¥194 cash
    facial, manicure, serum = backend.tickets.get(sale.ticket_id).lines
    with pytest.raises(RefundTenderNotAvailable) as raised:  # ¥366 > the ¥194 cash taken
        backend.checkout.refund_lines(
            sale.ticket_id,
            {facial.id: 1, manicure.id: 1},
            Team.MANAGER_PIN,
            "投诉",
            team.desk.id,
            TenderKind.CASH,
        )
    assert "现金" in raised.value.message("zh_CN")
    backend.checkout.refund_lines(
        sale.ticket_id, {serum.id: 1}, Team.MANAGER_PIN, "过敏", team.desk.id
    )
    backend.checkout.refund_lines(
        sale.ticket_id, {facial.id: 1, manicure.id: 1}, Team.MANAGER_PIN, "投诉", team.desk.id
    )
    with backend.db.read() as s:
        back = dict(
            s.execute(
                select(RefundTender.kind, func.sum(RefundTender.amount)).group_by(RefundTender.kind)
            ).all()
        )
    assert back == {"wechat": 30000, "cash": 19400}  # exactly what each tender paid


def test_only_staff_on_file_can_void_or_refund(backend: Backend, team: Team, shelf: Shelf) -> None:
    sale = backend.checkout.complete_sale(three_line_sale(team, shelf))
    with pytest.raises(UnknownStaff):
        backend.checkout.void_sale(sale.ticket_id, Team.MANAGER_PIN, "取消", "someone")
    line = backend.tickets.get(sale.ticket_id).lines[0]
    with pytest.raises(UnknownStaff):
        backend.checkout.refund_lines(sale.ticket_id, {line.id: 1}, Team.MANAGER_PIN, "过敏", "x")
    with pytest.raises(ManagerPinRequired) as raised:
        backend.checkout.void_sale(sale.ticket_id, "", "取消", team.desk.id)
    assert raised.value.message("en").isascii()


def test_wrong_manager_pins_are_audited_and_five_in_a_minute_stop_approvals(
    backend: Backend, team: Team, shelf: Shelf, clock: FakeClock
) -> None:
    sale = backend.checkout.complete_sale(three_line_sale(team, shelf))
    for _ in range(5):
        with pytest.raises(WrongManagerPin):
            backend.checkout.void_sale(sale.ticket_id, "0000", "试探", team.desk.id)
        clock.advance(seconds=5)
    with pytest.raises(ApprovalLockedOut) as raised:  # even the right PIN waits
        backend.checkout.void_sale(sale.ticket_id, Team.MANAGER_PIN, "取消", team.desk.id)
    assert "56" in raised.value.message("zh_CN")  # a minute from the last wrong PIN, 5 s ago
    with backend.db.read() as s:
        wrong = list(
            s.scalars(select(AuditEntry.actor_id).where(AuditEntry.action == "approval.wrong_pin"))
        )
    assert wrong == [team.desk.id] * 5
    clock.advance(seconds=60)
    backend.checkout.void_sale(sale.ticket_id, Team.MANAGER_PIN, "取消", team.desk.id)
    assert backend.tickets.get(sale.ticket_id).summary.status is TicketStatus.VOIDED
