"""Members at the counter, outside a sale: a customer's balances, the package plans the store
sells, points corrected by a manager, and unused stored value handed back (principal paid out,
bonus forfeited by the store's default policy). Each change is one transaction with its
outbox operation and audit entry (docs/adr/0009-member-balances.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select

from salon_pos.db.audit import AuditRecord
from salon_pos.db.models import BalanceEntry, PackageCard, PackagePlan, ServiceItem, Ticket
from salon_pos.domain.balances import (
    PointsBelowZero,
    Split,
    TopUpNotPositive,
    refund_unused,
    top_up,
)
from salon_pos.domain.business_day import business_day
from salon_pos.domain.drawer import MoveKind
from salon_pos.domain.errors import Both, ReasonRequired, UnknownCustomer, UnknownItem, UserError
from salon_pos.domain.ids import new_id
from salon_pos.domain.money import format_money
from salon_pos.domain.ticket import TenderKind, check_fen
from salon_pos.domain.tiers import MemberPricing
from salon_pos.services.changes import QUEUED, Changes
from salon_pos.services.counter import CounterService
from salon_pos.services.drawer import record_cash
from salon_pos.services.member_ledger import (
    MemberBalances,
    expire_points,
    points_due,
    read_balances,
    without_expired,
)
from salon_pos.services.member_tiers import Standing, member_pricing, standing
from salon_pos.services.staff import approve
from salon_pos.services.sync_state import behind_the_server, next_hlc


class PlanNameNeeded(UserError):
    en = "A package card needs a name."
    zh = "疗程卡需要名称。"


class PlanSessionsOutOfRange(UserError):
    en = "A package card holds 1 to 10,000 sessions, not {sessions}."
    zh = "疗程卡次数须为 1 到 10000 次，不能是 {sessions}。"


class PlanNeedsServices(UserError):
    en = "Choose the services the package card covers."
    zh = "请选择疗程卡包含的服务项目。"


class PlanValidityOutOfRange(UserError):
    en = "A package card is valid 0 (no expiry) to 36,600 days, not {days}."
    zh = "疗程卡有效期须为 0（不过期）到 36600 天，不能是 {days}。"


class NothingToRefund(UserError):
    en = "The card holds no stored value to refund."
    zh = "储值卡没有可退的余额。"


class PointsChangeZero(UserError):
    en = "Give the number of points to add (or, with a minus sign, to take away)."
    zh = "请填写要增加（或以负号扣除）的积分数。"


@dataclass(frozen=True)
class EntryView:
    """One entry of a customer's ledgers, as the member account lists it."""

    id: str
    at: datetime
    account: str  # principal / bonus / points / sessions
    amount: int
    reason: str
    ticket: str  # the ticket's number, "" for none
    card: str  # the package card's name, "" for none
    note: str


@dataclass(frozen=True)
class PackagePlanView:
    id: str
    name: str
    service_ids: tuple[str, ...]
    sessions: int
    price: int
    valid_days: int
    active: bool = True


def _plan_view(row: Any) -> PackagePlanView:
    return PackagePlanView(
        row.id,
        row.name,
        tuple(row.service_ids),
        row.sessions,
        row.price,
        row.valid_days,
        row.active,
    )


class MemberService(CounterService):
    def balances(self, customer_id: str) -> MemberBalances:
        """A short read: fine on the UI thread when a customer is picked. Points past the
        store's validity are left out, recorded or not yet (expire_points records them)."""
        days = self._settings.current.points_valid_days
        with self._db.read() as session:
            held = read_balances(session.connection(), customer_id)
            return without_expired(
                held, points_due(session.connection(), customer_id, self._clock.now(), days)
            )

    def expire_points(self, customer_id: str, actor_id: str | None = None) -> int:
        """Record the customer's points expired by now (if any are due: one short write, with
        its points.expired operation); answers the points expired."""
        days = self._settings.current.points_valid_days
        now = self._clock.now()
        with self._db.read() as session:
            if not points_due(session.connection(), customer_id, now, days):
                return 0
        with self._db.write() as session:
            return expire_points(
                session.connection(), self._journal(), customer_id, now, days, actor_id
            )

    def offline_allowance(self) -> int:
        """Fen a member's stored value may be spent beyond what this counter knows: the store's
        allowance while the counter cannot reach its server, else none."""
        allowance = self._settings.current.offline_allowance
        if not allowance:
            return 0
        with self._db.read() as session:
            return allowance if behind_the_server(session) else 0

    def pricing(self, customer_id: str) -> MemberPricing | None:
        """The member price a sale to this customer gets now (None: the catalog's)."""
        with self._db.read() as session:
            return member_pricing(
                session.connection(), customer_id, self._settings.current, self._clock.now()
            )

    def standing(self, customer_id: str) -> Standing:
        """Cumulative spend, visits and the tier reached, from the tickets this counter holds."""
        settings = self._settings.current
        with self._db.read() as session:
            return standing(session.connection(), customer_id, settings.tiers, settings.tier_basis)

    def entries(self, customer_id: str, limit: int = 500) -> list[EntryView]:
        """The customer's entries, newest first."""
        query = (
            select(
                BalanceEntry.id,
                BalanceEntry.created_at,
                BalanceEntry.account,
                BalanceEntry.amount,
                BalanceEntry.reason,
                Ticket.number,
                PackageCard.name,
                BalanceEntry.note,
            )
            .outerjoin(Ticket, Ticket.id == BalanceEntry.ticket_id)
            .outerjoin(PackageCard, PackageCard.id == BalanceEntry.card_id)
            .where(BalanceEntry.customer_id == customer_id)
            .order_by(BalanceEntry.created_at.desc(), BalanceEntry.id.desc())
            .limit(limit)
        )
        with self._db.read() as session:
            return [
                EntryView(i, at, account, amount, reason, number or "", card or "", note)
                for i, at, account, amount, reason, number, card, note in session.execute(query)
            ]

    def top_up_preview(self, paid: int) -> Split:
        """What a top-up of `paid` fen adds, bonus by the store's rules (TopUpNotPositive)."""
        return top_up(paid, self._settings.current.member_rules().top_up_rules)

    def plans(self, include_hidden: bool = False) -> list[PackagePlanView]:
        query = select(PackagePlan).order_by(PackagePlan.name)
        if not include_hidden:
            query = query.where(PackagePlan.active.is_(True))
        with self._db.read() as session:
            return [_plan_view(plan) for plan in session.scalars(query)]

    def save_plan(self, plan: PackagePlanView, actor_id: str | None = None) -> PackagePlanView:
        """Add or change a package plan (a new id adds one); the store's counters pull it."""
        from salon_pos.services.sync_ops import members as member_ops

        if not plan.name.strip():
            raise PlanNameNeeded()
        if not 1 <= plan.sessions <= 10_000:
            raise PlanSessionsOutOfRange(sessions=plan.sessions)
        if not 0 <= plan.valid_days <= 36_600:
            raise PlanValidityOutOfRange(days=plan.valid_days)
        check_fen(Both("疗程卡价格", "package price"), plan.price)
        if plan.price < 0:
            raise TopUpNotPositive(amount=format_money(plan.price))
        if not plan.service_ids:
            raise PlanNeedsServices()
        now = self._clock.now()
        settings = self._settings.current
        with self._db.write() as session:
            known = set(
                session.scalars(select(ServiceItem.id).where(ServiceItem.id.in_(plan.service_ids)))
            )
            if missing := set(plan.service_ids) - known:
                raise UnknownItem(item_id=sorted(missing)[0])
            row = {
                "id": plan.id,
                "name": plan.name.strip(),
                "service_ids": list(plan.service_ids),
                "sessions": plan.sessions,
                "price": plan.price,
                "valid_days": plan.valid_days,
                "active": plan.active,
                "hlc": next_hlc(session, now, settings.device_id),
            }
            before = session.get(PackagePlan, plan.id)
            if before is None:
                session.add(PackagePlan(**row))
            else:
                for key, value in row.items():
                    setattr(before, key, value)
            self._journal().record(
                session,
                now,
                AuditRecord(actor_id, "package_plan.saved", "package_plan", plan.id, after=row),
                member_ops.package_plan_saved(row),
            )
        return _plan_view(PackagePlan(**row))

    def adjust_points(
        self, customer_id: str, change: int, reason: str, approver_pin: str, actor_id: str
    ) -> int:
        """Add (or take away) points by hand, with a reason and a manager's PIN; answers the
        balance after. Never below zero."""
        from salon_pos.services.sync_ops import members as member_ops

        if not reason.strip():
            raise ReasonRequired()
        if change == 0:
            raise PointsChangeZero()
        approver = approve(
            self._db,
            self._journal(),
            self._clock,
            approver_pin,
            Both("调整积分", "adjust points"),
            actor_id,
        )
        now = self._clock.now()
        with self._db.write() as session:
            held = self._balances(session, customer_id).points
            if held + change < 0:
                raise PointsBelowZero(points=held, change=-change)
            entry = _entry(customer_id, "points", change, "adjust", now, reason.strip())
            session.execute(insert(BalanceEntry), [entry])
            self._journal().record(
                session,
                now,
                AuditRecord(
                    actor_id,
                    "points.adjusted",
                    "customer",
                    customer_id,
                    before={"points": held},
                    after={"points": held + change, "approved_by": approver.id},
                ),
                member_ops.points_adjusted(customer_id, [entry], approver.id, reason.strip()),
            )
        return held + change

    def refund_stored_value(
        self,
        customer_id: str,
        reason: str,
        approver_pin: str,
        actor_id: str,
        tender: TenderKind = TenderKind.CASH,
    ) -> int:
        """Close the card by the store's policy: the unused principal is paid back, the bonus
        is forfeited; a manager's PIN. Answers the fen paid back. Paid back in cash, it comes
        out of this counter's drawer (a drawer movement in the same transaction)."""
        from salon_pos.services.sync_ops import members as member_ops

        if not reason.strip():
            raise ReasonRequired()
        approver = approve(
            self._db,
            self._journal(),
            self._clock,
            approver_pin,
            Both("退还储值", "refund stored value"),
            actor_id,
        )
        now = self._clock.now()
        with self._db.write() as session:
            card = self._balances(session, customer_id).stored_value
            paid_out, out = refund_unused(card)
            entries = [
                _entry(customer_id, account, amount, "refund_out", now, reason.strip())
                for account, amount in (("principal", out.principal), ("bonus", out.bonus))
                if amount
            ]
            session.execute(insert(BalanceEntry), entries)
            self._journal().record(
                session,
                now,
                AuditRecord(
                    actor_id,
                    "stored_value.refunded",
                    "customer",
                    customer_id,
                    before={"principal": card.principal, "bonus": card.bonus},
                    after={"paid_out": paid_out, "approved_by": approver.id},
                ),
                member_ops.stored_value_refunded(
                    customer_id, entries, approver.id, reason.strip(), paid_out, tender.value
                ),
            )
            if tender is TenderKind.CASH and paid_out:  # out of this counter's drawer
                settings = self._settings.current
                day = business_day(now, settings.time_zone, settings.cutover_hour)
                record_cash(
                    session, self._journal(), now, day, MoveKind.STORED_VALUE_REFUND, paid_out,
                    reason.strip(), actor_id, approver.id, customer_id,
                )  # fmt: skip
        return paid_out

    def _balances(self, session: Any, customer_id: str) -> MemberBalances:
        from salon_pos.db.models import Customer

        if session.get(Customer, customer_id) is None:
            raise UnknownCustomer(customer_id=customer_id)
        return read_balances(session.connection(), customer_id)

    @staticmethod
    def changed(customer_id: str) -> Changes:
        from sync.operations.customers import CHANGE_CUSTOMER

        return Changes.of(CHANGE_CUSTOMER, customer_id) | Changes.of(QUEUED)


def _entry(
    customer_id: str, account: str, amount: int, reason: str, at: Any, note: str
) -> dict[str, Any]:
    return {
        "id": new_id(),
        "customer_id": customer_id,
        "account": account,
        "card_id": None,
        "amount": amount,
        "reason": reason,
        "ticket_id": None,
        "line_id": None,
        "created_at": at,
        "device_id": None,
        "note": note[:500],
    }
