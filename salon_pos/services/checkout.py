"""Completing a sale, voiding it, refunding some of its lines: each one transaction with its
outbox operation and audit entry. Prices come from the catalog on this counter."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from sqlalchemy import Connection, bindparam, literal, select, union_all

from salon_pos.db.audit import AuditRecord, append_audit
from salon_pos.db.fast_insert import insert_rows, selected_rows
from salon_pos.db.models import (
    BalanceEntry,
    CatalogAlias,
    Customer,
    PackageCard,
    PackagePlan,
    Payment,
    Product,
    ServiceItem,
    Staff,
    Ticket,
    TicketLine,
    TicketLineShare,
)
from salon_pos.db.outbox import OUTBOX, next_in_sequences
from salon_pos.domain.balances import (
    MemberPaymentNeedsCustomer,
    MemberRules,
    NotForPoints,
    TopUpNotPositive,
)
from salon_pos.domain.errors import (
    Both,
    DiscountNeedsApproval,
    ReasonRequired,
    UnknownCustomer,
    UnknownItem,
    UnknownStaff,
)
from salon_pos.domain.ids import new_id
from salon_pos.domain.money import format_money
from salon_pos.domain.shares import StaffShare, check_shares
from salon_pos.domain.staff import Role
from salon_pos.domain.ticket import (
    LineKind,
    PricedLine,
    Settlement,
    Tender,
    TenderKind,
    TicketStatus,
    TicketTotals,
    price_ticket,
    settle,
)
from salon_pos.domain.tiers import MemberPricing, gift_position
from salon_pos.services.booking_tickets import complete_paid
from salon_pos.services.changes import QUEUED, Changes
from salon_pos.services.counter import CounterService
from salon_pos.services.day_close import trading_day_now
from salon_pos.services.journal import Journal
from salon_pos.services.member_ledger import (
    SaleLedger,
    SessionUse,
    expire_points,
    read_balances,
    session_tenders,
)
from salon_pos.services.member_tiers import member_pricing
from salon_pos.services.parked_tickets import PARKED_TICKET, remove_paid
from salon_pos.services.patch_tests import PatchTestWaiver, checked_waivers, local_date
from salon_pos.services.refunds import record_refund, record_void
from salon_pos.services.settings import StoreSettings
from salon_pos.services.staff import ApprovalLockedOut as ApprovalLockedOut
from salon_pos.services.staff import StaffMember, approve
from salon_pos.services.stock_ledger import take_for_ticket
from salon_pos.services.sync_state import behind_the_server


@dataclass(frozen=True)
class SaleLine:
    kind: LineKind
    item_id: str
    quantity: int = 1
    technician_id: str | None = None
    line_discount: int = 0
    unit_price: int | None = None  # None: the catalog price
    patch_test_waiver: PatchTestWaiver | None = None  # a manager let it go without a patch test
    redeem_points: bool = False  # paid with points at the item's points price, not money
    requested: bool = False  # the customer asked for this technician by name (点钟)
    # Several technicians worked on it (多人合作): their shares, the line's technician among
    # them; empty: the line's technician has it all.
    shares: tuple[StaffShare, ...] = ()


@dataclass(frozen=True)
class SaleRequest:
    cashier_id: str
    lines: Sequence[SaleLine]
    tenders: Sequence[Tender]
    customer_id: str | None = None
    ticket_discount: int = 0
    approver_pin: str | None = None  # a manager's, when discounts exceed the cashier's limit
    sessions: Sequence[SessionUse] = ()  # lines paid with package-card sessions
    parked_id: str | None = None  # the parked ticket (挂单) this sale pays: no longer parked


@dataclass(frozen=True)
class CompletedSale:
    ticket_id: str
    number: str
    total: int
    change: int
    cash_taken: bool
    changed: Changes = field(default_factory=Changes)  # for the screens to refresh
    stock_short: tuple[str, ...] = ()  # products sold or used beyond the stock on record


Row = dict[str, Any]
TICKET = "ticket"  # the sequence of this counter's ticket numbers
# What a manager's PIN on a sale lets through (audited with the approval; an expired card used
# is audited again, by card).
SALE_APPROVAL = Both(
    "超额优惠、使用过期疗程卡或过期库存",
    "a discount beyond the limit, an expired card or expired stock",
)

# Built once: a sale runs each of these (see docs/adr/0003-write-path.md).
# Each is one round trip where two queries would do; a sale is ~10 statements, each ~40 µs.
_PRICES = union_all(
    *(
        select(
            literal(kind.value).label("kind"),
            model.id,
            model.name,
            model.price,
            model.category,
            model.points_price,
        ).where(model.id.in_(bindparam(kind.value, expanding=True)), model.active.is_(True))
        for kind, model in ((LineKind.SERVICE, ServiceItem), (LineKind.PRODUCT, Product))
    )
)
# The staff on the sale, and the customer as a row with role "customer".
_PEOPLE = union_all(
    select(Staff.id, Staff.role, Staff.discount_limit).where(
        Staff.id.in_(bindparam("staff", expanding=True)), Staff.active.is_(True)
    ),
    select(Customer.id, literal("customer"), literal(0)).where(
        Customer.id == bindparam("customer")
    ),
)


def _discount_limit(connection: Connection, request: SaleRequest) -> int | None:
    """Check the people on the sale exist; return the cashier's discount limit in fen
    (None: the cashier approves discounts themself)."""
    wanted = {request.cashier_id} | {
        line.technician_id for line in request.lines if line.technician_id
    }
    wanted |= {share.staff_id for line in request.lines for share in line.shares}
    params = {"staff": sorted(wanted), "customer": request.customer_id}
    found = {
        (person, role == "customer"): (role, limit)
        for person, role, limit in selected_rows(connection, _PEOPLE, params)
    }
    for staff_id in sorted(wanted):
        if (staff_id, False) not in found:
            raise UnknownStaff(staff_id=staff_id)
    if request.customer_id and (request.customer_id, True) not in found:
        raise UnknownCustomer(customer_id=request.customer_id)
    role, limit = found[(request.cashier_id, False)]
    return None if Role(role).approves else int(limit)


def _catalog_of(connection: Connection, lines: Sequence[SaleLine]) -> dict[Any, Any]:
    params = {
        kind.value: [ln.item_id for ln in lines if ln.kind is kind]
        for kind in LineKind
        if kind.from_catalog
    }
    return {
        (LineKind(kind), item_id): (name, price, category, points)
        for kind, item_id, name, price, category, points in selected_rows(
            connection, _PRICES, params
        )
    }


def _on_kept_items(connection: Connection, lines: Sequence[SaleLine]) -> list[SaleLine]:
    """Lines rung up under an id the server has since folded into another item (two counters
    created it offline): sold as the item kept. Read only when an item is missing."""
    ids = [line.item_id for line in lines]
    kept = dict(
        connection.execute(
            select(CatalogAlias.alias_id, CatalogAlias.item_id).where(
                CatalogAlias.alias_id.in_(ids)
            )
        ).all()
    )
    return [replace(ln, item_id=kept[ln.item_id]) if ln.item_id in kept else ln for ln in lines]


def _plans_of(connection: Connection, lines: Sequence[SaleLine]) -> dict[str, Any]:
    wanted = [line.item_id for line in lines if line.kind is LineKind.PACKAGE]
    if not wanted:
        return {}
    found = connection.execute(
        select(PackagePlan).where(PackagePlan.id.in_(wanted), PackagePlan.active.is_(True))
    )
    return {row.id: row for row in found}


def _member_line(line: SaleLine, plans: dict[str, Any], customer_id: str | None) -> PricedLine:
    """A top-up (its price is what the customer pays in) or a package card of a plan."""
    if customer_id is None:
        raise MemberPaymentNeedsCustomer(tender=_MEMBER_LINE_WORDS[line.kind])
    if line.kind is LineKind.STORED_VALUE:
        paid = line.unit_price or 0
        if paid <= 0:
            raise TopUpNotPositive(amount=format_money(paid))
        name, price = _MEMBER_LINE_WORDS[line.kind].zh, paid
    elif line.item_id in plans:
        name, price = plans[line.item_id].name, plans[line.item_id].price
    else:
        raise UnknownItem(item_id=line.item_id)
    unit_price = price if line.unit_price is None else line.unit_price
    # A top-up is the sale's customer's, whoever was picked when it was rung up.
    item_id = customer_id if line.kind is LineKind.STORED_VALUE else line.item_id
    return PricedLine(  # its technician: who sold it (commission on sale, docs/commission.md)
        line.kind, item_id, name, line.quantity, unit_price, line.line_discount,
        line.technician_id, price,
    )  # fmt: skip


_MEMBER_LINE_WORDS = {
    LineKind.STORED_VALUE: Both("储值充值", "stored value top-up"),
    LineKind.PACKAGE: Both("疗程卡", "package card"),
}


def _priced_lines(
    connection: Connection,
    lines: Sequence[SaleLine],
    customer_id: str | None = None,
    plans: dict[str, Any] | None = None,
    pricing: MemberPricing | None = None,
) -> list[PricedLine]:
    member = {i: ln for i, ln in enumerate(lines) if not ln.kind.from_catalog}
    if member:
        from_catalog_only = [ln for ln in lines if ln.kind.from_catalog]
        priced = _priced_lines(connection, from_catalog_only, pricing=pricing)
        from_catalog = iter(priced)
        return [
            _member_line(member[i], plans or {}, customer_id) if i in member else next(from_catalog)
            for i in range(len(lines))
        ]
    catalog = _catalog_of(connection, lines)
    if any((line.kind, line.item_id) not in catalog for line in lines):
        lines = _on_kept_items(connection, lines)
        catalog = _catalog_of(connection, lines)
    priced = []
    gift = gift_position(lines, pricing.birthday_gift if pricing else None)
    for position, line in enumerate(lines):
        if (line.kind, line.item_id) not in catalog:  # a product id sold as a service, too
            raise UnknownItem(item_id=line.item_id)
        name, list_price, category, points_price = catalog[(line.kind, line.item_id)]
        member_price = pricing.unit_price(list_price, category) if pricing else list_price
        discount, points = line.line_discount, 0
        if line.redeem_points:  # paid with points: no money, and no discount on nothing
            if points_price <= 0:
                raise NotForPoints(item=name)
            member_price, discount, points = 0, 0, points_price * line.quantity
            line = replace(line, unit_price=None)
        if position == gift and line.unit_price is None:  # the birthday gift: free, whole
            member_price, discount = 0, 0
        unit_price = member_price if line.unit_price is None else line.unit_price
        priced.append(
            PricedLine(
                line.kind,
                line.item_id,
                name,
                line.quantity,
                unit_price,
                discount,
                line.technician_id,
                list_price,
                (list_price - member_price) * line.quantity if line.unit_price is None else 0,
                category,
                points,
            )
        )
    return priced


class CheckoutService(CounterService):
    def _approve(self, pin: str | None, action: Both, actor_id: str) -> StaffMember:
        """The manager or owner whose PIN this is (staff.approve: wrong PINs lock out)."""
        return approve(self._db, self._journal(), self._clock, pin, action, actor_id)

    def complete_sale(self, request: SaleRequest) -> CompletedSale:
        # Imported here: pydantic loads after the sign-in screen (tests/cli/test_cold_start.py).
        from salon_pos.services.sync_ops import sales as sale_ops
        from sync.operations.customers import CHANGE_CUSTOMER
        from sync.operations.inventory import CHANGE_STOCK_MOVEMENT
        from sync.operations.members import CHANGE_BALANCE_ENTRY
        from sync.operations.sales import CHANGE_TICKET

        settings = self._settings.current
        now = self._clock.now()
        approver = None
        if request.approver_pin:  # argon2 is slow: never inside the write transaction
            approver = self._approve(request.approver_pin, SALE_APPROVAL, request.cashier_id)
        with self._db.write_connection() as connection:
            limit = _discount_limit(connection, request)
            plans = _plans_of(connection, request.lines)
            pricing = member_pricing(connection, request.customer_id, settings, now)
            lines = _priced_lines(connection, request.lines, request.customer_id, plans, pricing)
            today = local_date(now, settings.time_zone)
            waivers = checked_waivers(
                connection, request.customer_id, request.lines, today, settings.patch_test_days
            )
            for asked, priced in zip(request.lines, lines, strict=True):
                check_shares(priced.name, asked.technician_id, asked.shares)
            totals = price_ticket(lines, request.ticket_discount, settings.rounding)
            discount = sum(line.price_cut for line in lines) + totals.ticket_discount
            if limit is not None and discount > limit and approver is None:
                raise DiscountNeedsApproval(
                    discount=format_money(discount), limit=format_money(limit)
                )
            discount_approver = _discount_approver(request, discount, limit, approver)
            sessions = session_tenders(lines, totals.line_nets, request.sessions)
            tenders = [*request.tenders]
            tenders += [Tender(t.kind, t.tendered, t.reference) for t in sessions]
            settlement = settle(totals.total, tenders)
            expired = 0
            if request.customer_id and settings.points_valid_days:
                # What expired by now, before the sale's own operation and in its transaction:
                # points pay only while valid, and the receipt's balance leaves them out.
                expired = expire_points(
                    connection,
                    Journal(settings.device_id),
                    request.customer_id,
                    now,
                    settings.points_valid_days,
                    request.cashier_id,
                )
            seqs = next_in_sequences(connection, TICKET, OUTBOX)
            number = f"{settings.counter_prefix}-{seqs[TICKET]:06d}"
            ticket_id = new_id()
            ticket: Row = {
                "id": ticket_id,
                "number": number,
                "status": TicketStatus.COMPLETED.value,
                "customer_id": request.customer_id,
                "cashier_id": request.cashier_id,
                "business_day": trading_day_now(connection, settings, now),
                "created_at": now,
                "completed_at": now,
                "subtotal": totals.subtotal,
                "line_discounts": totals.line_discounts,
                "ticket_discount": totals.ticket_discount,
                "rounding_off": totals.rounding_off,
                "total": totals.total,
                "tendered": settlement.tendered,
                "change": settlement.change,
                "device_id": settings.device_id,
                "discount_approved_by": discount_approver,
            }
            line_rows = _line_rows(ticket_id, request.lines, lines, totals, waivers)
            share_rows = _share_rows(request.lines, line_rows)
            payment_rows = _payment_rows(ticket_id, settlement)
            ledger = _member_ledger(connection, request, ticket, settings)
            ledger.expired_allowed_by = approver.id if approver else None
            ledger.points_expired = expired
            ledger.redeem(line_rows, [line.points for line in lines])
            ledger.pay(settlement.tenders, line_rows)
            ledger.use_sessions(request.sessions, line_rows)
            ledger.sell(line_rows, plans)
            ledger.earn(line_rows, settlement.tenders, [line.category for line in lines])
            insert_rows(connection, Ticket, [ticket])
            insert_rows(connection, TicketLine, line_rows)
            insert_rows(connection, TicketLineShare, share_rows)
            insert_rows(connection, Payment, payment_rows)  # a free ticket has none
            insert_rows(connection, PackageCard, ledger.cards)
            insert_rows(connection, BalanceEntry, ledger.entries)
            stock = take_for_ticket(
                connection, line_rows, ticket, settings.device_id, approver is not None
            )
            payload = sale_ops.sale_completed(
                ticket, line_rows, payment_rows, ledger.entries, ledger.cards, share_rows,
                stock.movements,
            )  # fmt: skip
            audited: Row = {
                "number": number,
                "total": totals.total,
                "tendered": settlement.tendered,
            }
            if discount_approver is not None and discount_approver != request.cashier_id:
                audited |= {"discount": discount, "discount_approved_by": discount_approver}
            if stock.expired_batches:  # a manager let stock past its expiry go
                audited["expired_batches"] = sorted(set(stock.expired_batches))
                audited["expired_allowed_by"] = approver.id if approver else None
            if request.parked_id:  # parked at this counter (挂单): paid, so no longer parked
                remove_paid(connection, request.parked_id)
                audited["parked_ticket"] = request.parked_id
            Journal(settings.device_id).record(
                connection,
                now,
                AuditRecord(
                    request.cashier_id, "sale.completed", "ticket", ticket_id, after=audited
                ),
                payload,
                outbox_seq=seqs[OUTBOX],
            )
            if request.parked_id:  # a booking's ticket (its check-in parked it): completed
                complete_paid(
                    connection, request.parked_id, ticket_id, now, settings.device_id,
                    request.cashier_id,
                )  # fmt: skip
            for card_id in ledger.expired_used:  # a manager let an expired card be used
                append_audit(
                    connection,
                    AuditRecord(
                        request.cashier_id,
                        "package_card.expired_allowed",
                        "package_card",
                        card_id,
                        after={"ticket": number, "approved_by": ledger.expired_allowed_by},
                    ),
                    now,
                )
        cash_taken = any(t.kind is TenderKind.CASH for t in settlement.tenders)
        # Built whole: merging a Changes a kind at a time cost about 25 µs a sale.
        changed = {CHANGE_TICKET: frozenset((ticket_id,)), QUEUED: frozenset[str]()}
        if request.customer_id:
            changed[CHANGE_CUSTOMER] = frozenset((request.customer_id,))
        if ledger.entries and request.customer_id:
            changed[CHANGE_BALANCE_ENTRY] = frozenset((request.customer_id,))
        if request.parked_id:
            changed[PARKED_TICKET] = frozenset((request.parked_id,))
        if stock.movements:
            changed[CHANGE_STOCK_MOVEMENT] = frozenset(m["product_id"] for m in stock.movements)
        return CompletedSale(
            ticket_id, number, totals.total, settlement.change, cash_taken, Changes(changed),
            tuple(stock.short),
        )  # fmt: skip

    def void_sale(self, ticket_id: str, approver_pin: str, reason: str, actor_id: str) -> None:
        """Cancel a whole completed sale; a manager or owner approves with their PIN."""
        if not reason.strip():
            raise ReasonRequired()
        approver = self._approve(approver_pin, Both("作废单据", "void a sale"), actor_id)
        settings = self._settings.current
        now = self._clock.now()
        with self._db.write() as session:
            record_void(
                session,
                self._journal(),
                now,
                trading_day_now(session.connection(), settings, now),
                ticket_id,
                approver,
                reason.strip(),
                actor_id,
            )

    def refund_lines(
        self,
        ticket_id: str,
        quantities: Mapping[str, int],
        approver_pin: str,
        reason: str,
        actor_id: str,
        tender_kind: TenderKind | None = None,
    ) -> int:
        """Refund some units of some lines (ticket line id → units); returns the fen paid back.
        The money goes back all by `tender_kind`, or by the sale's tenders in the order paid."""
        if not reason.strip():
            raise ReasonRequired()
        approver = self._approve(approver_pin, Both("退款", "refund"), actor_id)
        settings = self._settings.current
        now = self._clock.now()
        with self._db.write() as session:
            return record_refund(
                session,
                self._journal(),
                now,
                trading_day_now(session.connection(), settings, now),
                ticket_id,
                quantities,
                approver,
                reason.strip(),
                actor_id,
                tender_kind,
            )


def _rules(connection: Connection, request: SaleRequest, settings: StoreSettings) -> MemberRules:
    """The store's member rules for this sale: the offline allowance only while the counter
    cannot reach its server (online, it knows what the other counters spent)."""
    rules = settings.member_rules()
    by_card = any(t.kind is TenderKind.STORED_VALUE for t in request.tenders)
    if rules.offline_allowance and by_card and not behind_the_server(connection):
        return replace(rules, offline_allowance=0)
    return rules


def _member_ledger(
    connection: Connection, request: SaleRequest, ticket: Row, settings: StoreSettings
) -> SaleLedger:
    customer = request.customer_id
    return SaleLedger(
        ticket["id"],
        customer,
        ticket["completed_at"],
        ticket["business_day"],
        _rules(connection, request, settings),
        partial(read_balances, connection, customer) if customer else None,
        [],
        [],
    )


def _discount_approver(
    request: SaleRequest, discount: int, limit: int | None, approver: StaffMember | None
) -> str | None:
    """Who approved the sale's discounts: the manager whose PIN let them beyond the cashier's
    limit, or the cashier who may approve their own; None for no discount or one within it."""
    if discount <= 0:
        return None
    if limit is None:
        return request.cashier_id
    return approver.id if approver is not None and discount > limit else None


def _share_rows(asked: Sequence[SaleLine], line_rows: Sequence[Row]) -> list[Row]:
    return [
        {"ticket_line_id": row["id"], "staff_id": share.staff_id, "share": share.share}
        for line, row in zip(asked, line_rows, strict=True)
        for share in line.shares
    ]


def _line_rows(
    ticket_id: str,
    asked: Sequence[SaleLine],
    lines: Sequence[PricedLine],
    totals: TicketTotals,
    waivers: Sequence[dict[str, Any] | None],
) -> list[Row]:
    return [
        {
            "id": new_id(),
            "ticket_id": ticket_id,
            "position": position,
            "kind": line.kind.value,
            "item_id": line.item_id,
            "name": line.name,
            "quantity": line.quantity,
            "list_price": line.list_price if line.list_price is not None else line.unit_price,
            "unit_price": line.unit_price,
            "line_discount": line.line_discount,
            "total": line.total,
            "net_total": net,
            "technician_id": line.technician_id,
            "member_discount": line.member_discount,
            "patch_test_waiver": waiver,
            "category": line.category,
            "requested": request.requested,
        }
        for position, (request, line, net, waiver) in enumerate(
            zip(asked, lines, totals.line_nets, waivers, strict=True), start=1
        )
    ]


def _payment_rows(ticket_id: str, settlement: Settlement) -> list[Row]:
    return [
        {
            "id": new_id(),
            "ticket_id": ticket_id,
            "position": position,
            "kind": t.kind.value,
            "tendered": t.tendered,
            "applied": t.applied,
            "reference": t.reference,
        }
        for position, t in enumerate(settlement.tenders, start=1)
    ]
