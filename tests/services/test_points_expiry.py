"""Points expiry at the counter (issue 10): points past the store's validity are left out of
what a customer holds, cannot pay a sale (even offline), and are recorded once as "expire"
entries with their points.expired operation."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from salon_pos.db.models import BalanceEntry, OutboxOperation
from salon_pos.domain.balances import PointsExpiredTooFew
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.member_ledger import member_rows
from salon_pos.services.settings import PointsValidityOutOfRange
from tests.conftest import FakeClock, Shelf, Team


@pytest.fixture
def member(backend: Backend, team: Team) -> str:
    backend.settings.update(team.manager.id, points_valid_days=30)
    return backend.customers.add("陈会员", "13900139000").id


def _facial(team: Team, shelf: Shelf, member: str, *tenders: Tender) -> SaleRequest:
    return SaleRequest(
        cashier_id=team.desk.id,
        customer_id=member,
        lines=[SaleLine(LineKind.SERVICE, shelf.facial)],
        tenders=list(tenders),
    )


def _points_entries(backend: Backend, member: str) -> list[tuple[str, int, str | None]]:
    with backend.db.read() as s:
        return [
            (e.reason, e.amount, e.line_id)
            for e in s.scalars(
                select(BalanceEntry)
                .where(BalanceEntry.customer_id == member, BalanceEntry.account == "points")
                .order_by(BalanceEntry.created_at, BalanceEntry.id)
            )
        ]


def _expiry_ops(backend: Backend) -> list[dict[str, object]]:
    with backend.db.read() as s:
        return [
            json.loads(op.payload)
            for op in s.scalars(
                select(OutboxOperation).where(OutboxOperation.type == "points.expired")
            )
        ]


def test_points_spent_before_expiry_pay_and_the_rest_expire_once(
    backend: Backend, team: Team, shelf: Shelf, member: str, clock: FakeClock
) -> None:
    backend.checkout.complete_sale(_facial(team, shelf, member, Tender(TenderKind.CASH, 19800)))
    assert backend.members.balances(member).points == 198
    clock.advance(days=10)
    backend.checkout.complete_sale(
        _facial(team, shelf, member, Tender(TenderKind.POINTS, 100), Tender(TenderKind.CASH, 19700))
    )
    held_before = backend.members.balances(member).points
    assert held_before == 198 - 100 + 197  # the second sale earned on the money it took
    clock.advance(days=21)  # the first lot (98 left) is past its 30 days; the second is not
    assert backend.members.balances(member).points == 197
    assert _expiry_ops(backend) == []  # a read writes nothing
    assert backend.members.expire_points(member, team.desk.id) == 98
    assert backend.members.expire_points(member, team.desk.id) == 0  # once
    earned_first = _points_entries(backend, member)[0]
    expiries = [e for e in _points_entries(backend, member) if e[0] == "expire"]
    assert len(expiries) == 1 and expiries[0][1] == -98
    with backend.db.read() as s:
        first_id = s.scalars(
            select(BalanceEntry.id)
            .where(BalanceEntry.reason == "earn")
            .order_by(BalanceEntry.created_at)
        ).first()
    assert earned_first[0] == "earn" and expiries[0][2] == first_id  # tied to its lot
    (op,) = _expiry_ops(backend)
    assert [e["amount"] for e in op["entries"]] == [-98]  # type: ignore[index]
    with backend.db.read() as s:
        total = s.scalar(
            select(func.sum(BalanceEntry.amount)).where(
                BalanceEntry.customer_id == member, BalanceEntry.account == "points"
            )
        )
    assert total == backend.members.balances(member).points == 197


def test_a_sale_cannot_pay_with_expired_points_and_says_so(
    backend: Backend, team: Team, shelf: Shelf, member: str, clock: FakeClock
) -> None:
    backend.checkout.complete_sale(_facial(team, shelf, member, Tender(TenderKind.CASH, 19800)))
    clock.advance(days=30)  # to the minute: the lot's validity ends now
    before = _points_entries(backend, member)
    with pytest.raises(PointsExpiredTooFew) as refused:
        backend.checkout.complete_sale(
            _facial(
                team, shelf, member, Tender(TenderKind.POINTS, 100), Tender(TenderKind.CASH, 19700)
            )
        )
    assert "198 have just expired" in refused.value.text("en")
    assert "30 days" in refused.value.text("en")
    assert "刚有 198 积分过期" in refused.value.text("zh")
    assert _points_entries(backend, member) == before  # the refused sale wrote nothing
    assert _expiry_ops(backend) == []


def test_points_validity_is_checked(backend: Backend, team: Team) -> None:
    with pytest.raises(PointsValidityOutOfRange):
        backend.settings.update(team.manager.id, points_valid_days=3651)
    assert backend.settings.current.points_valid_days == 0


def test_a_members_receipt_leaves_expired_points_out_of_the_balance(
    backend: Backend, team: Team, shelf: Shelf, member: str, clock: FakeClock
) -> None:
    backend.checkout.complete_sale(_facial(team, shelf, member, Tender(TenderKind.CASH, 19800)))
    clock.advance(days=31)
    sale = backend.checkout.complete_sale(
        _facial(team, shelf, member, Tender(TenderKind.CASH, 19800))
    )
    with backend.db.write_connection() as connection:
        rows = dict(member_rows(connection, sale.ticket_id))
    assert (rows["本单积分"], rows["积分余额"]) == ("+198", "198")  # the first 198 expired
    assert [reason for reason, *_ in _points_entries(backend, member)] == [
        "earn",
        "expire",
        "earn",
    ]
