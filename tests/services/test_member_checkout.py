"""Member ledgers through checkout (issue 10): a top-up with its bonus, a package card sold and
used, stored value and points spent, points earned; a void gives everything back. Each
balance is the sum of its entries, written in the sale's transaction."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from salon_pos.db.models import (
    AuditEntry,
    BalanceEntry,
    OutboxOperation,
    Refund,
    RefundTender,
    Setting,
    SyncState,
    Ticket,
)
from salon_pos.domain.balances import (
    MOST_CARDS_A_SALE,
    AlreadySpent,
    BalanceTooLow,
    BeyondOfflineAllowance,
    CardExpired,
    MemberPaymentNeedsCustomer,
    NoSessionsLeft,
    PointsTooFew,
    SessionNotCovered,
    TooManyCards,
    TopUpNeedsMoney,
    TopUpNotPositive,
)
from salon_pos.domain.ids import new_id
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.member_ledger import MemberBalances, SessionUse, read_balances
from salon_pos.services.members import PackagePlanView
from tests.conftest import FakeClock, Shelf, Team


def balances(backend: Backend, customer_id: str) -> MemberBalances:
    with backend.db.write_connection() as connection:
        return read_balances(connection, customer_id)


def entry_count(backend: Backend) -> int:
    with backend.db.read() as s:
        return s.scalar(select(func.count()).select_from(BalanceEntry)) or 0


@pytest.fixture
def member(backend: Backend) -> str:
    return backend.customers.add("陈会员", "13900139000").id


@pytest.fixture
def plan(backend: Backend, shelf: Shelf) -> str:
    saved = backend.members.save_plan(
        PackagePlanView(new_id(), "补水护理10次卡", (shelf.facial,), 10, 150000, 365)
    )
    return saved.id


def _sale(team: Team, customer: str | None, *lines: SaleLine, **more: object) -> SaleRequest:
    return SaleRequest(cashier_id=team.desk.id, customer_id=customer, lines=lines, **more)  # type: ignore[arg-type]


def test_top_up_card_sale_then_a_visit_paid_by_session_stored_value_and_points(
    backend: Backend, team: Team, shelf: Shelf, member: str, plan: str
) -> None:
    with backend.db.write() as s:
        s.merge(Setting(key="top_up_rules", value="100000:20000"))
    backend.settings.reload()
    first = _sale(
        team,
        member,
        SaleLine(LineKind.STORED_VALUE, member, unit_price=100000),
        SaleLine(LineKind.PACKAGE, plan),
        tenders=[Tender(TenderKind.WECHAT, 250000)],
    )
    backend.checkout.complete_sale(first)
    after_first = balances(backend, member)
    assert (after_first.principal, after_first.bonus) == (100000, 20000)
    assert [(c.name, c.left, c.sold) for c in after_first.cards] == [("补水护理10次卡", 10, 10)]
    assert after_first.points == 1500  # ¥1,500 for the card; none for the top-up
    card = after_first.cards[0].id
    visit = _sale(
        team,
        member,
        SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id),
        SaleLine(LineKind.SERVICE, shelf.manicure, technician_id=team.tech.id),
        SaleLine(LineKind.PRODUCT, shelf.serum),
        tenders=[Tender(TenderKind.STORED_VALUE, 28600), Tender(TenderKind.POINTS, 1000)],
        sessions=[SessionUse(1, card)],
    )
    backend.checkout.complete_sale(visit)
    now = balances(backend, member)
    assert now.cards[0].left == 9
    assert (now.principal, now.bonus) == (100000 - 28600, 20000)  # principal first
    # 1,000 points paid ¥10; ¥286 paid by stored value earns 286 points.
    assert now.points == 1500 - 1000 + 286
    with backend.db.read() as s:
        total = s.scalar(
            select(func.sum(BalanceEntry.amount)).where(
                BalanceEntry.customer_id == member, BalanceEntry.account == "principal"
            )
        )
    assert total == now.principal


def test_a_void_gives_back_what_the_sale_took_and_takes_back_what_it_gave(
    backend: Backend, team: Team, shelf: Shelf, member: str
) -> None:
    backend.checkout.complete_sale(
        _sale(
            team,
            member,
            SaleLine(LineKind.STORED_VALUE, member, unit_price=50000),
            tenders=[Tender(TenderKind.CASH, 50000)],
        )
    )
    sale = backend.checkout.complete_sale(
        _sale(
            team,
            member,
            SaleLine(LineKind.SERVICE, shelf.facial),
            tenders=[Tender(TenderKind.STORED_VALUE, 19800)],
        )
    )
    assert balances(backend, member).principal == 50000 - 19800
    backend.checkout.void_sale(sale.ticket_id, Team.MANAGER_PIN, "录错了", team.desk.id)
    after = balances(backend, member)
    assert (after.principal, after.points) == (50000, 0)


@pytest.mark.parametrize(
    ("lines", "tenders", "error"),
    [
        ("top_up_zero", [Tender(TenderKind.CASH, 100)], TopUpNotPositive),
        ("service", [Tender(TenderKind.STORED_VALUE, 19800)], BalanceTooLow),
        ("service", [Tender(TenderKind.POINTS, 19800)], PointsTooFew),
    ],
)
def test_bad_member_payments_are_refused_and_write_nothing(
    backend: Backend,
    team: Team,
    shelf: Shelf,
    member: str,
    lines: str,
    tenders: list[Tender],
    error: type[Exception],
) -> None:
    line = (
        SaleLine(LineKind.STORED_VALUE, member, unit_price=0)
        if lines == "top_up_zero"
        else SaleLine(LineKind.SERVICE, shelf.facial)
    )
    before = entry_count(backend)
    with pytest.raises(error):
        backend.checkout.complete_sale(_sale(team, member, line, tenders=tenders))
    assert entry_count(backend) == before
    with backend.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 0


def test_sessions_need_a_card_that_covers_the_service_and_has_sessions(
    backend: Backend, team: Team, shelf: Shelf, member: str, plan: str
) -> None:
    backend.checkout.complete_sale(
        _sale(
            team,
            member,
            SaleLine(LineKind.PACKAGE, plan),
            tenders=[Tender(TenderKind.CASH, 150000)],
        )
    )
    card = balances(backend, member).cards[0].id
    with pytest.raises(SessionNotCovered):
        backend.checkout.complete_sale(
            _sale(
                team,
                member,
                SaleLine(LineKind.SERVICE, shelf.manicure),
                tenders=[],
                sessions=[SessionUse(1, card)],
            )
        )
    with pytest.raises(NoSessionsLeft):
        backend.checkout.complete_sale(
            _sale(
                team,
                member,
                SaleLine(LineKind.SERVICE, shelf.facial, quantity=11),
                tenders=[],
                sessions=[SessionUse(1, card, 11)],
            )
        )
    with pytest.raises(MemberPaymentNeedsCustomer):
        backend.checkout.complete_sale(
            _sale(
                team,
                None,
                SaleLine(LineKind.SERVICE, shelf.facial),
                tenders=[Tender(TenderKind.STORED_VALUE, 19800)],
            )
        )
    assert balances(backend, member).cards[0].left == 10


def test_a_top_up_already_spent_cannot_be_refunded_and_nothing_is_written(
    backend: Backend, team: Team, shelf: Shelf, member: str
) -> None:
    top_up = backend.checkout.complete_sale(
        _sale(
            team,
            member,
            SaleLine(LineKind.STORED_VALUE, member, unit_price=20000),
            tenders=[Tender(TenderKind.CASH, 20000)],
        )
    )
    backend.checkout.complete_sale(
        _sale(
            team,
            member,
            SaleLine(LineKind.SERVICE, shelf.facial),
            tenders=[Tender(TenderKind.STORED_VALUE, 19800)],
        )
    )
    before = entry_count(backend)
    [line] = backend.tickets.get(top_up.ticket_id).lines
    with pytest.raises(AlreadySpent):
        backend.checkout.refund_lines(
            top_up.ticket_id, {line.id: 1}, Team.MANAGER_PIN, "退充值", team.desk.id
        )
    with pytest.raises(AlreadySpent):
        backend.checkout.void_sale(top_up.ticket_id, Team.MANAGER_PIN, "退充值", team.desk.id)
    assert entry_count(backend) == before
    assert balances(backend, member).principal == 200


def test_an_expired_card_needs_a_manager_and_the_override_is_audited(
    backend: Backend, team: Team, shelf: Shelf, member: str, clock: FakeClock
) -> None:
    short = backend.members.save_plan(
        PackagePlanView(new_id(), "体验3次卡", (shelf.facial,), 3, 30000, 1)
    )
    backend.checkout.complete_sale(
        _sale(
            team,
            member,
            SaleLine(LineKind.PACKAGE, short.id),
            tenders=[Tender(TenderKind.CASH, 30000)],
        )
    )
    card = balances(backend, member).cards[0]
    clock.advance(days=3)
    visit = _sale(
        team,
        member,
        SaleLine(LineKind.SERVICE, shelf.facial),
        tenders=[],
        sessions=[SessionUse(1, card.id)],
    )
    with pytest.raises(CardExpired):
        backend.checkout.complete_sale(visit)
    assert balances(backend, member).cards[0].left == 3
    backend.checkout.complete_sale(replace(visit, approver_pin=Team.MANAGER_PIN))
    assert balances(backend, member).cards[0].left == 2
    with backend.db.read() as s:
        audited = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "package_card.expired_allowed")
        ).all()
    assert [(a.entity_id, json.loads(a.after)["approved_by"]) for a in audited] == [
        (card.id, team.manager.id)
    ]


def _spend(backend: Backend, team: Team, customer: str, shelf: Shelf, times: int) -> None:
    for _ in range(times):
        backend.checkout.complete_sale(
            _sale(
                team,
                customer,
                SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id),
                tenders=[Tender(TenderKind.CASH, 20000)],
            )
        )


def test_a_gold_member_pays_the_member_price_without_a_managers_approval(
    backend: Backend, team: Team, shelf: Shelf, member: str
) -> None:
    backend.settings.update(tiers="普通:0:100;黄金:50000:90:美甲=80")
    _spend(backend, team, member, shelf, 3)  # ¥594: gold from ¥500
    assert backend.members.standing(member).tier.name == "黄金"  # type: ignore[union-attr]
    assert team.desk.discount_limit == 0  # the front desk may give no discount alone
    sale = backend.checkout.complete_sale(
        _sale(
            team,
            member,
            SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id),
            SaleLine(LineKind.SERVICE, shelf.manicure, technician_id=team.tech.id),
            tenders=[Tender(TenderKind.CASH, 31260)],
        )
    )
    assert sale.total == 19800 * 90 // 100 + 16800 * 80 // 100
    view = backend.tickets.get(sale.ticket_id)
    assert [(line.list_price, line.unit_price) for line in view.lines] == [
        (19800, 17820),
        (16800, 13440),
    ]
    with backend.db.read() as s:
        [op] = s.scalars(
            select(OutboxOperation.payload)
            .where(OutboxOperation.type == "sale.completed")
            .order_by(OutboxOperation.seq.desc())
            .limit(1)
        )
    lines = json.loads(op)["lines"]
    assert [(ln["list_price"], ln["member_discount"]) for ln in lines] == [
        (19800, 1980),
        (16800, 3360),
    ]


def test_a_walk_in_and_a_new_customer_pay_the_catalog_price(
    backend: Backend, team: Team, shelf: Shelf, member: str
) -> None:
    for customer in (None, member):
        sale = backend.checkout.complete_sale(
            _sale(
                team,
                customer,
                SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id),
                tenders=[Tender(TenderKind.CASH, 19800)],
            )
        )
        assert sale.total == 19800


def test_the_servers_tier_prices_a_customer_this_counter_has_not_seen_buy(
    backend: Backend, team: Team, shelf: Shelf, member: str, clock: FakeClock
) -> None:
    from salon_pos.services.sync_ops.customers import customer as apply_customer
    from sync.wire import Change

    backend.settings.update(tiers="普通:0:100;黄金:500000:95")
    profile = backend.customers.get(member)
    data = {"id": member, "name": profile.name, "phone": profile.phone, "tier": "黄金"}
    with backend.db.write() as session:
        apply_customer(
            session,
            Change(seq=1, entity="customer", entity_id=member, data=data, at=clock.now()),
        )
    assert backend.members.standing(member).tier.name == "黄金"  # type: ignore[union-attr]
    sale = backend.checkout.complete_sale(
        _sale(
            team,
            member,
            SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id),
            tenders=[Tender(TenderKind.CASH, 18810)],
        )
    )
    assert sale.total == 18810  # ¥198 at 95%


# Found in review: each would have lost or doubled a customer's money or points.


def test_a_line_refund_gives_back_to_the_card_only_what_its_tenders_say(
    backend: Backend, team: Team, shelf: Shelf, member: str
) -> None:
    _top_up_cash(backend, team, member, 30000)
    sale = backend.checkout.complete_sale(
        _sale(
            team,
            member,
            SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id),
            SaleLine(LineKind.PRODUCT, shelf.serum),
            tenders=[Tender(TenderKind.CASH, 12800), Tender(TenderKind.STORED_VALUE, 19800)],
        )
    )
    facial = backend.tickets.get(sale.ticket_id).lines[0]
    backend.checkout.refund_lines(
        sale.ticket_id, {facial.id: 1}, Team.MANAGER_PIN, "不满意", team.desk.id
    )
    with backend.db.read() as s:
        parts = dict(
            s.execute(
                select(RefundTender.kind, RefundTender.amount)
                .join(Refund, Refund.id == RefundTender.refund_id)
                .where(Refund.ticket_id == sale.ticket_id)
            ).all()
        )
    assert sum(parts.values()) == 19800  # the facial, and not a fen more
    held = balances(backend, member).principal
    assert held == 30000 - 19800 + parts.get("stored_value", 0)


def _top_up_cash(backend: Backend, team: Team, member: str, fen: int) -> None:
    backend.checkout.complete_sale(
        _sale(
            team,
            member,
            SaleLine(LineKind.STORED_VALUE, member, unit_price=fen),
            tenders=[Tender(TenderKind.CASH, fen)],
        )
    )


def test_a_top_up_is_paid_with_money_and_two_card_tenders_are_one_spend(
    backend: Backend, team: Team, shelf: Shelf, member: str
) -> None:
    _top_up_cash(backend, team, member, 20000)
    before = entry_count(backend)
    with pytest.raises(TopUpNeedsMoney):
        backend.checkout.complete_sale(
            _sale(
                team,
                member,
                SaleLine(LineKind.STORED_VALUE, member, unit_price=10000),
                tenders=[Tender(TenderKind.STORED_VALUE, 10000)],
            )
        )
    with pytest.raises(BalanceTooLow):  # ¥198 + ¥168 from a ¥200 card
        backend.checkout.complete_sale(
            _sale(
                team,
                member,
                SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id),
                SaleLine(LineKind.SERVICE, shelf.manicure, technician_id=team.tech.id),
                tenders=[
                    Tender(TenderKind.STORED_VALUE, 19800),
                    Tender(TenderKind.STORED_VALUE, 16800),
                ],
            )
        )
    assert entry_count(backend) == before


def test_a_ticket_discount_and_rounding_never_reach_a_top_up(
    backend: Backend, team: Team, shelf: Shelf, member: str
) -> None:
    with backend.db.write() as s:
        s.merge(Setting(key="top_up_rules", value="100000:20000"))
        s.merge(Setting(key="rounding", value="drop_jiao"))
    backend.settings.reload()
    sale = backend.checkout.complete_sale(
        _sale(
            team,
            member,
            SaleLine(LineKind.STORED_VALUE, member, unit_price=100000),
            SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id),
            tenders=[Tender(TenderKind.CASH, 200000)],
            ticket_discount=555,
            approver_pin=Team.MANAGER_PIN,
        )
    )
    assert sale.total == 100000 + 19800 - 555 - 45  # ¥1,192.45 → ¥1,192.00
    held = balances(backend, member)
    assert (held.principal, held.bonus) == (100000, 20000)


def test_refunds_line_by_line_take_back_exactly_the_points_earned(
    backend: Backend, team: Team, shelf: Shelf, member: str
) -> None:
    backend.settings.update(points_earn_rate=3)
    sale = backend.checkout.complete_sale(
        _sale(
            team,
            member,
            SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id),
            SaleLine(LineKind.PRODUCT, shelf.serum, quantity=3),
            tenders=[Tender(TenderKind.CASH, 19800 + 3 * 12800)],
        )
    )
    assert balances(backend, member).points == (19800 + 38400) * 3 // 100
    facial, serum = backend.tickets.get(sale.ticket_id).lines
    for quantities in ({serum.id: 1}, {serum.id: 1}, {facial.id: 1}, {serum.id: 1}):
        backend.checkout.refund_lines(
            sale.ticket_id, quantities, Team.MANAGER_PIN, "退货", team.desk.id
        )
    assert balances(backend, member).points == 0


def test_a_void_nets_what_it_gives_and_takes_before_judging_what_is_left(
    backend: Backend, team: Team, shelf: Shelf, member: str
) -> None:
    backend.members.adjust_points(member, 19800, "开卡赠送", Team.MANAGER_PIN, team.desk.id)
    sale = backend.checkout.complete_sale(
        _sale(
            team,
            member,
            SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id),
            SaleLine(LineKind.SERVICE, shelf.manicure, technician_id=team.tech.id),
            tenders=[Tender(TenderKind.POINTS, 19800), Tender(TenderKind.CASH, 16800)],
        )
    )
    assert balances(backend, member).points == 168  # all spent, 168 earned on the cash
    backend.members.adjust_points(member, -168, "核对", Team.MANAGER_PIN, team.desk.id)
    backend.checkout.void_sale(sale.ticket_id, Team.MANAGER_PIN, "录错了", team.desk.id)
    assert balances(backend, member).points == 19800 - 168


def _be_enrolled(backend: Backend, connection: str) -> None:
    with backend.db.write() as s:
        s.merge(SyncState(id=1, server_url="http://127.0.0.1:9", store_id=new_id(),
                          pull_cursor=0, connection=connection))  # fmt: skip


@pytest.mark.parametrize(
    ("link", "allowed"),
    [(None, False), ("online", False), ("offline", True), ("refused", True)],
)
def test_the_offline_allowance_holds_only_while_the_server_cannot_be_reached(
    backend: Backend, team: Team, shelf: Shelf, member: str, link: str | None, allowed: bool
) -> None:
    """A counter that reaches its server (or has none) knows every spend: no allowance; one
    that cannot may spend up to the allowance beyond what it last knew, and no further."""
    backend.settings.update(offline_allowance=5000)
    top_up = SaleLine(LineKind.STORED_VALUE, member, unit_price=10000)
    backend.checkout.complete_sale(
        _sale(team, member, top_up, tenders=[Tender(TenderKind.CASH, 10000)])
    )
    if link:
        _be_enrolled(backend, link)
    assert backend.members.offline_allowance() == (5000 if allowed else 0)
    facial = SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id)  # ¥198
    over = _sale(team, member, facial, tenders=[Tender(TenderKind.STORED_VALUE, 14000),
                                                Tender(TenderKind.CASH, 5800)])  # fmt: skip
    before = entry_count(backend)
    if allowed:
        backend.checkout.complete_sale(over)
        assert balances(backend, member).stored_value.total == 10000 - 14000
    else:
        with pytest.raises(BalanceTooLow):
            backend.checkout.complete_sale(over)
        assert entry_count(backend) == before
    beyond = replace(over, tenders=[Tender(TenderKind.STORED_VALUE, 19800)])
    with pytest.raises(BeyondOfflineAllowance if allowed else BalanceTooLow):
        backend.checkout.complete_sale(beyond)  # past the allowance, offline too


def test_refunding_a_top_up_takes_back_none_of_the_points_the_service_earned(
    backend: Backend, team: Team, shelf: Shelf, member: str
) -> None:
    """¥1,000 top-up and a ¥198 facial on one ticket earn 198 points (none for the top-up);
    refunding the top-up leaves them, refunding the facial then takes all 198 back."""
    sale = backend.checkout.complete_sale(
        _sale(
            team,
            member,
            SaleLine(LineKind.STORED_VALUE, member, unit_price=100000),
            SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id),
            tenders=[Tender(TenderKind.CASH, 100000 + 19800)],
        )
    )
    assert balances(backend, member).points == 198
    top_up, facial = backend.tickets.get(sale.ticket_id).lines
    backend.checkout.refund_lines(
        sale.ticket_id, {top_up.id: 1}, Team.MANAGER_PIN, "退卡", team.desk.id
    )
    after = balances(backend, member)
    assert (after.stored_value.total, after.points) == (0, 198)
    backend.checkout.refund_lines(
        sale.ticket_id, {facial.id: 1}, Team.MANAGER_PIN, "退货", team.desk.id
    )
    assert balances(backend, member).points == 0


def test_a_top_up_rung_up_before_the_customer_changed_belongs_to_the_sales_customer(
    backend: Backend, team: Team, member: str
) -> None:
    other = backend.customers.add("先选的顾客", "13900139001").id
    sale = backend.checkout.complete_sale(
        _sale(
            team,
            member,
            SaleLine(LineKind.STORED_VALUE, other, unit_price=50000),
            tenders=[Tender(TenderKind.CASH, 50000)],
        )
    )
    [line] = backend.tickets.get(sale.ticket_id).lines
    assert line.item_id == member
    assert balances(backend, member).stored_value.total == 50000
    assert balances(backend, other).stored_value.total == 0


def test_more_cards_than_one_sale_holds_are_refused_plainly(
    backend: Backend, team: Team, member: str, plan: str
) -> None:
    many = SaleLine(LineKind.PACKAGE, plan, quantity=MOST_CARDS_A_SALE + 1)
    paid = [Tender(TenderKind.CASH, 150000 * (MOST_CARDS_A_SALE + 1))]
    with pytest.raises(TooManyCards) as refused:
        backend.checkout.complete_sale(_sale(team, member, many, tenders=paid))
    assert "一单最多售出 20 张疗程卡，本单有 21 张" in refused.value.text("zh")
    assert entry_count(backend) == 0
    most = replace(many, quantity=MOST_CARDS_A_SALE)
    sale = _sale(team, member, most, tenders=[Tender(TenderKind.CASH, 150000 * MOST_CARDS_A_SALE)])
    backend.checkout.complete_sale(sale)
    assert len(balances(backend, member).cards) == MOST_CARDS_A_SALE


def receipt_text(backend: Backend, ticket_id: str) -> str:
    from salon_pos.devices.receipt import render_receipt
    from salon_pos.services.receipts import build_receipt

    view = backend.tickets.get(ticket_id)
    receipt = build_receipt(
        view, backend.settings.current, "", *backend.receipts.member_parts(ticket_id)
    )
    return "\n".join(render_receipt(receipt, 80))


def _birthday_member(backend: Backend, month: int) -> str:
    return backend.customers.add("林生日", "13900139011", birthday=date(1990, month, 3)).id


def _facial_sale(team: Team, shelf: Shelf, customer: str, tender: int) -> SaleRequest:
    tenders = [Tender(TenderKind.CASH, tender)] if tender else []
    return _sale(
        team,
        customer,
        SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id),
        SaleLine(LineKind.SERVICE, shelf.manicure, technician_id=team.tech.id),
        tenders=tenders,
    )


def test_the_birthday_service_is_free_once_a_birthday_year_and_a_void_gives_it_back(
    backend: Backend, team: Team, shelf: Shelf, clock: FakeClock
) -> None:
    backend.settings.update(birthday_service_id=shelf.facial)
    customer = _birthday_member(backend, 11)  # the clock is in November
    assert team.desk.discount_limit == 0  # the gift needs no manager
    first = backend.checkout.complete_sale(_facial_sale(team, shelf, customer, 16800))
    assert first.total == 16800  # the facial free, the manicure paid
    [gift, paid] = backend.tickets.get(first.ticket_id).lines
    assert (gift.list_price, gift.unit_price, gift.total) == (19800, 0, 0)
    assert (paid.list_price, paid.unit_price) == (16800, 16800)
    with backend.db.read() as s:
        [op] = s.scalars(
            select(OutboxOperation.payload).where(OutboxOperation.type == "sale.completed")
        )
    assert [ln["member_discount"] for ln in json.loads(op)["lines"]] == [19800, 0]
    text = receipt_text(backend, first.ticket_id)
    assert "生日礼" in text and "-￥198.00" in text and "会员优惠" not in text
    # once a birthday year: the next visit pays
    again = backend.checkout.complete_sale(_facial_sale(team, shelf, customer, 36600))
    assert again.total == 36600
    # a voided sale gives the gift back
    backend.checkout.void_sale(first.ticket_id, Team.MANAGER_PIN, "录错了", team.desk.id)
    assert backend.checkout.complete_sale(_facial_sale(team, shelf, customer, 16800)).total == 16800
    # the next birthday year, once more
    clock.advance(days=365)
    assert backend.checkout.complete_sale(_facial_sale(team, shelf, customer, 16800)).total == 16800


def test_no_birthday_gift_outside_the_month_for_a_walk_in_or_when_none_is_set(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    in_month = _birthday_member(backend, 11)
    assert backend.checkout.complete_sale(_facial_sale(team, shelf, in_month, 36600)).total == 36600
    backend.settings.update(birthday_service_id=shelf.facial)
    other = backend.customers.add("周十月", "13900139012", birthday=date(1991, 10, 3)).id
    for customer in (other, None):
        sale = backend.checkout.complete_sale(_facial_sale(team, shelf, customer, 36600))  # type: ignore[arg-type]
        assert sale.total == 36600
    assert backend.members.pricing(other) is None  # nothing to show ★ for


def test_the_birthday_gift_is_one_unit_with_the_members_price_on_the_rest(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    backend.settings.update(birthday_service_id=shelf.manicure, birthday_percent=90)
    customer = _birthday_member(backend, 11)
    sale = backend.checkout.complete_sale(
        _sale(
            team,
            customer,
            SaleLine(LineKind.SERVICE, shelf.manicure, technician_id=team.tech.id),
            SaleLine(LineKind.SERVICE, shelf.manicure, technician_id=team.tech.id),
            tenders=[Tender(TenderKind.CASH, 15120)],
        )
    )
    lines = backend.tickets.get(sale.ticket_id).lines
    assert [(ln.unit_price, ln.total) for ln in lines] == [(0, 0), (15120, 15120)]


def _points(backend: Backend, customer: str, points: int) -> None:
    backend.members.adjust_points(customer, points, "开业活动", Team.MANAGER_PIN, None)


def test_a_line_redeemed_with_points_is_paid_by_its_points_price_and_a_void_gives_them_back(
    backend: Backend, team: Team, shelf: Shelf, member: str
) -> None:
    from salon_pos.services.catalog import ProductOffer

    serum = next(o for o in backend.catalog.products() if o.id == shelf.serum)
    assert isinstance(serum, ProductOffer)
    backend.catalog.edit(replace(serum, points_price=2000))
    _points(backend, member, 2500)
    assert team.desk.discount_limit == 0  # a redemption asks for no manager
    sale = backend.checkout.complete_sale(
        _sale(
            team,
            member,
            SaleLine(LineKind.PRODUCT, shelf.serum, redeem_points=True),
            SaleLine(LineKind.SERVICE, shelf.manicure, technician_id=team.tech.id),
            tenders=[Tender(TenderKind.CASH, 16800)],
        )
    )
    assert sale.total == 16800  # the serum by points, the manicure by money
    [redeemed, _] = backend.tickets.get(sale.ticket_id).lines
    assert (redeemed.list_price, redeemed.unit_price, redeemed.net_total) == (12800, 0, 0)
    with backend.db.read() as s:
        [spend] = s.scalars(select(BalanceEntry).where(BalanceEntry.line_id == redeemed.id))
    assert (spend.account, spend.amount, spend.reason) == ("points", -2000, "spend")
    assert balances(backend, member).points == 2500 - 2000 + 168  # earned on the money only
    text = receipt_text(backend, sale.ticket_id)
    assert "积分兑换 -2000 积分" in text and "生日礼" not in text, text
    backend.checkout.void_sale(sale.ticket_id, Team.MANAGER_PIN, "录错了", team.desk.id)
    assert balances(backend, member).points == 2500


def test_a_redemption_with_too_few_points_is_refused_and_writes_nothing(
    backend: Backend, team: Team, shelf: Shelf, member: str
) -> None:
    from salon_pos.domain.balances import NotForPoints, PointsTooFewToRedeem

    facial = next(o for o in backend.catalog.services() if o.id == shelf.facial)
    backend.catalog.edit(replace(facial, points_price=3000))
    _points(backend, member, 2999)
    before = entry_count(backend)
    redeem = SaleLine(
        LineKind.SERVICE, shelf.facial, technician_id=team.tech.id, redeem_points=True
    )
    with pytest.raises(PointsTooFewToRedeem) as refused:
        backend.checkout.complete_sale(_sale(team, member, redeem, tenders=[]))
    assert "2999" in refused.value.text("zh") and "3000" in refused.value.text("zh")
    with pytest.raises(MemberPaymentNeedsCustomer):
        backend.checkout.complete_sale(_sale(team, None, redeem, tenders=[]))
    manicure = SaleLine(LineKind.SERVICE, shelf.manicure, technician_id=team.tech.id)
    with pytest.raises(NotForPoints):
        backend.checkout.complete_sale(
            _sale(team, member, replace(manicure, redeem_points=True), tenders=[])
        )
    _points(backend, member, 1)  # 3000: enough for the facial, none left for a points tender
    with pytest.raises(PointsTooFew):
        backend.checkout.complete_sale(
            _sale(team, member, redeem, manicure, tenders=[Tender(TenderKind.POINTS, 16800)])
        )
    assert entry_count(backend) == before + 1  # only the adjustment
    backend.checkout.complete_sale(_sale(team, member, redeem, tenders=[]))  # a free ticket
    assert balances(backend, member).points == 0


def test_a_refund_of_a_redeemed_line_gives_its_points_back(
    backend: Backend, team: Team, shelf: Shelf, member: str
) -> None:
    serum = next(o for o in backend.catalog.products() if o.id == shelf.serum)
    backend.catalog.edit(replace(serum, points_price=1000))
    _points(backend, member, 5000)
    sale = backend.checkout.complete_sale(
        _sale(
            team,
            member,
            SaleLine(LineKind.PRODUCT, shelf.serum, quantity=3, redeem_points=True),
            SaleLine(LineKind.SERVICE, shelf.manicure, technician_id=team.tech.id),
            tenders=[Tender(TenderKind.CASH, 16800)],
        )
    )
    assert balances(backend, member).points == 5000 - 3000 + 168
    line = backend.tickets.get(sale.ticket_id).lines[0]
    paid_back = backend.checkout.refund_lines(
        sale.ticket_id, {line.id: 2}, Team.MANAGER_PIN, "退货", team.desk.id
    )
    assert paid_back == 0  # no money went out for it
    assert balances(backend, member).points == 5000 - 1000 + 168
    backend.checkout.refund_lines(
        sale.ticket_id, {line.id: 1}, Team.MANAGER_PIN, "退货", team.desk.id
    )
    assert balances(backend, member).points == 5000 + 168


def test_a_redeemed_gift_service_is_not_the_birthday_gift(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    facial = next(o for o in backend.catalog.services() if o.id == shelf.facial)
    backend.catalog.edit(replace(facial, points_price=1000))
    backend.settings.update(birthday_service_id=shelf.facial)
    customer = _birthday_member(backend, 11)
    _points(backend, customer, 1000)
    redeem = SaleLine(
        LineKind.SERVICE, shelf.facial, technician_id=team.tech.id, redeem_points=True
    )
    backend.checkout.complete_sale(_sale(team, customer, redeem, tenders=[]))
    assert backend.members.pricing(customer).birthday_gift == shelf.facial  # type: ignore[union-attr]
    gift = SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id)
    assert backend.checkout.complete_sale(_sale(team, customer, gift, tenders=[])).total == 0


def test_a_counter_with_an_old_top_up_setting_still_sells(backend: Backend, team: Team) -> None:
    """An earlier counter stored the same paid amount twice; the grammar now refuses that. The
    counter reads it as the higher bonus and goes on selling (a cash sale needs no rule)."""
    with backend.db.write() as s:
        s.merge(Setting(key="top_up_rules", value="100000:20000,100000:30000"))
    backend.settings.reload()
    customer = backend.customers.add("老规则", "13900139077").id
    top_up = SaleLine(LineKind.STORED_VALUE, customer, unit_price=100000)
    paid = [Tender(TenderKind.CASH, 100000)]
    backend.checkout.complete_sale(SaleRequest(team.desk.id, [top_up], paid, customer))
    held = backend.members.balances(customer)
    assert (held.principal, held.bonus) == (100000, 30000)


def test_a_refund_takes_back_what_its_line_earned_at_the_lines_own_rate(
    backend: Backend, team: Team, shelf: Shelf, member: str
) -> None:
    """Facials earn no points here: a facial and a ¥128 serum earn 128 points, all the serum's;
    refunding the facial takes none back, refunding the serum all 128."""
    backend.settings.update(points_rates="面部护理=0")
    sale = backend.checkout.complete_sale(
        _sale(
            team,
            member,
            SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id),
            SaleLine(LineKind.PRODUCT, shelf.serum),
            tenders=[Tender(TenderKind.CASH, 19800 + 12800)],
        )
    )
    assert balances(backend, member).points == 128
    facial, serum = backend.tickets.get(sale.ticket_id).lines
    backend.checkout.refund_lines(
        sale.ticket_id, {facial.id: 1}, Team.MANAGER_PIN, "退", team.desk.id
    )
    assert balances(backend, member).points == 128
    backend.checkout.refund_lines(
        sale.ticket_id, {serum.id: 1}, Team.MANAGER_PIN, "退", team.desk.id
    )
    assert balances(backend, member).points == 0
