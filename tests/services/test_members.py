"""Members outside a sale (issue 10): package plans, points corrected by a manager, unused
stored value refunded (principal paid back, bonus forfeited). Refusals write nothing."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from salon_pos.db.models import BalanceEntry, OutboxOperation, Setting, SyncConflict
from salon_pos.domain.balances import NoPrincipalToRefund, NoStoredValue, PointsBelowZero
from salon_pos.domain.errors import ReasonRequired, WrongManagerPin
from salon_pos.domain.ids import new_id
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.members import (
    PackagePlanView,
    PlanNeedsServices,
    PlanSessionsOutOfRange,
)
from tests.conftest import Shelf, Team


def _ops(backend: Backend, op_type: str) -> list[dict[str, object]]:
    with backend.db.read() as s:
        rows = s.scalars(select(OutboxOperation).where(OutboxOperation.type == op_type))
        return [json.loads(row.payload) for row in rows]


def _top_up(backend: Backend, team: Team, customer_id: str, fen: int) -> None:
    with backend.db.write() as s:
        s.merge(Setting(key="top_up_rules", value="100000:20000"))
    backend.settings.reload()
    backend.checkout.complete_sale(
        SaleRequest(
            cashier_id=team.desk.id,
            customer_id=customer_id,
            lines=[SaleLine(LineKind.STORED_VALUE, customer_id, unit_price=fen)],
            tenders=[Tender(TenderKind.CASH, fen)],
        )
    )


def test_a_plan_is_saved_queued_and_listed(backend: Backend, shelf: Shelf) -> None:
    plan = PackagePlanView(new_id(), "美甲5次卡", (shelf.manicure,), 5, 70000, 180)
    backend.members.save_plan(plan)
    assert backend.members.plans() == [plan]
    assert [op["name"] for op in _ops(backend, "package_plan.saved")] == ["美甲5次卡"]
    with pytest.raises(PlanSessionsOutOfRange):
        backend.members.save_plan(PackagePlanView(new_id(), "x", (shelf.facial,), 0, 1, 0))
    with pytest.raises(PlanNeedsServices):
        backend.members.save_plan(PackagePlanView(new_id(), "x", (), 3, 1, 0))
    assert len(backend.members.plans()) == 1


def test_points_are_adjusted_with_a_reason_and_a_managers_pin(backend: Backend, team: Team) -> None:
    customer = backend.customers.add("积分客", "13700137000").id
    assert (
        backend.members.adjust_points(customer, 500, "活动赠送", Team.MANAGER_PIN, team.desk.id)
        == 500
    )
    with pytest.raises(PointsBelowZero):
        backend.members.adjust_points(customer, -501, "扣错了", Team.MANAGER_PIN, team.desk.id)
    with pytest.raises(WrongManagerPin):
        backend.members.adjust_points(customer, 10, "x", "0000", team.desk.id)
    with pytest.raises(ReasonRequired):
        backend.members.adjust_points(customer, 10, " ", Team.MANAGER_PIN, team.desk.id)
    assert backend.members.balances(customer).points == 500
    assert [op["reason"] for op in _ops(backend, "points.adjusted")] == ["活动赠送"]


def test_unused_stored_value_pays_back_principal_and_forfeits_bonus(
    backend: Backend, team: Team
) -> None:
    customer = backend.customers.add("退卡客", "13600136000").id
    _top_up(backend, team, customer, 100000)
    assert (
        backend.members.balances(customer).principal,
        backend.members.balances(customer).bonus,
    ) == (100000, 20000)
    paid = backend.members.refund_stored_value(customer, "搬家", Team.MANAGER_PIN, team.desk.id)
    assert paid == 100000
    after = backend.members.balances(customer)
    assert (after.principal, after.bonus) == (0, 0)
    [op] = _ops(backend, "stored_value.refunded")
    assert op["paid_out"] == 100000 and op["tender"] == "cash"
    with pytest.raises(NoStoredValue):
        backend.members.refund_stored_value(customer, "再退", Team.MANAGER_PIN, team.desk.id)


def test_a_card_with_only_bonus_left_refunds_nothing_and_says_why(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    """¥1,000 paid in (¥200 bonus), ¥1,000 spent principal first: the ¥200 bonus is a gift."""
    customer = backend.customers.add("赠送客", "13600136001").id
    _top_up(backend, team, customer, 100000)
    facial = SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id)
    spend = [Tender(TenderKind.STORED_VALUE, 100000)]
    sale = SaleRequest(team.desk.id, [replace(facial, quantity=6)], spend, customer)
    backend.checkout.complete_sale(replace(sale, tenders=[*spend, Tender(TenderKind.CASH, 18800)]))
    held = backend.members.balances(customer)
    assert (held.principal, held.bonus) == (0, 20000)
    with backend.db.read() as s:
        before = s.scalar(select(func.count()).select_from(BalanceEntry))
    with pytest.raises(NoPrincipalToRefund) as refused:
        backend.members.refund_stored_value(customer, "退卡", Team.MANAGER_PIN, team.desk.id)
    assert refused.value.text("zh") == "没有可退还的储值本金；赠送金额（¥200.00）不予退还。"
    with backend.db.read() as s:
        assert s.scalar(select(func.count()).select_from(BalanceEntry)) == before
    assert _ops(backend, "stored_value.refunded") == []


def test_an_overdraft_written_off_needs_the_reason(backend: Backend, team: Team) -> None:
    customer = backend.customers.add("透支客", "13300133000").id
    with backend.db.write() as s:
        s.add(
            SyncConflict(
                id=new_id(),
                type="overdraft",
                status="open",
                entity="customer",
                entity_id=customer,
                details={"customer_id": customer, "account": "principal", "shortfall": 30000},
                suggestion="collect",
                created_at=backend.clock.now(),
            )
        )
    [row] = backend.sync.inbox(False, 10, None).rows
    with pytest.raises(ReasonRequired):
        backend.sync.resolve(row.id, "write_off", team.manager.id, "  ")
    assert _ops(backend, "conflict.resolved") == []
    backend.sync.resolve(row.id, "write_off", team.manager.id, "老顾客，店里承担")
    [op] = _ops(backend, "conflict.resolved")
    assert (op["resolution"], op["note"]) == ("write_off", "老顾客，店里承担")
