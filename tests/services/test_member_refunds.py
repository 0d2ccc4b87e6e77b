"""A refund gives back to a member's card what its tenders say went back by the card (issue 10):
the refund's stored-value and points tenders and the ledger entries agree to the fen, over any
number of partial refunds. Found by the member ledger machine
(tests/sync/test_member_ledgers_converge.py, its "STORED VALUE" check)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from salon_pos.db.models import BalanceEntry, Refund, RefundTender, Setting, TicketLine
from salon_pos.domain.ids import new_id
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import CompletedSale, SaleLine
from salon_pos.services.member_ledger import SessionUse
from tests.conftest import Shelf, Team
from tests.services.test_member_checkout import _sale, balances, plan  # noqa: F401 (fixture)


def _lines(backend: Backend, ticket_id: str) -> list[str]:
    with backend.db.read() as s:
        return list(
            s.scalars(
                select(TicketLine.id)
                .where(TicketLine.ticket_id == ticket_id)
                .order_by(TicketLine.position)
            )
        )


def _back_by(backend: Backend, ticket_id: str, kind: TenderKind) -> int:
    with backend.db.read() as s:
        total = s.scalar(
            select(func.coalesce(func.sum(RefundTender.amount), 0))
            .join(Refund, Refund.id == RefundTender.refund_id)
            .where(Refund.ticket_id == ticket_id, RefundTender.kind == kind.value)
        )
    return int(total or 0)


def _facial_and_manicure(
    backend: Backend, team: Team, shelf: Shelf, customer: str, tenders: list[Tender]
) -> CompletedSale:
    lines = (SaleLine(LineKind.SERVICE, shelf.facial), SaleLine(LineKind.SERVICE, shelf.manicure))
    return backend.checkout.complete_sale(_sale(team, customer, *lines, tenders=tenders))


@pytest.fixture
def topped_up(backend: Backend, team: Team) -> str:
    """A customer with ¥500 of principal and ¥100 of bonus, and 20,000 points."""
    customer = backend.customers.add("陈会员", "13900139000").id
    with backend.db.write() as s:
        s.merge(Setting(key="top_up_rules", value="50000:10000"))
        s.merge(Setting(key="spend_order", value="proportional"))
    backend.settings.reload()
    backend.checkout.complete_sale(
        _sale(
            team,
            customer,
            SaleLine(LineKind.STORED_VALUE, customer, unit_price=50000),
            tenders=[Tender(TenderKind.CASH, 50000)],
        )
    )
    with backend.db.write() as s:  # points as if earned before (no adjustment service yet)
        s.add(
            BalanceEntry(
                id=new_id(),
                customer_id=customer,
                account="points",
                amount=20000,
                reason="adjust",
                created_at=backend.clock.now(),
                note="",
            )
        )
    assert balances(backend, customer).points == 20000
    return customer


@pytest.mark.parametrize("card_first", [True, False])
def test_refunds_give_back_to_the_card_what_their_tenders_say(
    backend: Backend, team: Team, shelf: Shelf, topped_up: str, card_first: bool
) -> None:
    """¥366 paid ¥300.01 by card and ¥65.99 cash; the facial (¥198) refunded, then the
    manicure: the card gets back what the refund tenders name, and in the end all of it."""
    card, cash = Tender(TenderKind.STORED_VALUE, 30001), Tender(TenderKind.CASH, 6599)
    tenders = [card, cash] if card_first else [cash, card]
    sale = _facial_and_manicure(backend, team, shelf, topped_up, tenders)
    before = balances(backend, topped_up).stored_value.total
    for line in _lines(backend, sale.ticket_id):
        backend.checkout.refund_lines(
            sale.ticket_id, {line: 1}, Team.MANAGER_PIN, "顾客不满意", team.desk.id
        )
        back = balances(backend, topped_up).stored_value.total - before
        assert back == _back_by(backend, sale.ticket_id, TenderKind.STORED_VALUE)
    after = balances(backend, topped_up)
    assert (after.principal, after.bonus) == (50000, 10000)  # all of it back, to the fen


def test_a_refund_gives_back_the_points_its_points_tender_names(
    backend: Backend, team: Team, shelf: Shelf, topped_up: str
) -> None:
    """¥366: ¥100 by points (10,000 points) first, the rest by WeChat."""
    tenders = [Tender(TenderKind.POINTS, 10000), Tender(TenderKind.WECHAT, 26600)]
    sale = _facial_and_manicure(backend, team, shelf, topped_up, tenders)
    earned = 266  # on the ¥266 paid by WeChat
    assert balances(backend, topped_up).points == 20000 - 10000 + earned
    facial = _lines(backend, sale.ticket_id)[0]
    backend.checkout.refund_lines(
        sale.ticket_id, {facial: 1}, Team.MANAGER_PIN, "顾客不满意", team.desk.id
    )
    by_points = _back_by(backend, sale.ticket_id, TenderKind.POINTS)
    assert by_points == 10000  # the refund went back by the points tender first, ¥100
    # What the facial earned: ¥198 less its share of the ¥100 points paid (¥54.10), 143.9
    # points, and the sale's one point of fractions (266 in all, 265 whole) goes to it.
    earned_back = 144
    assert balances(backend, topped_up).points == 20000 + earned - earned_back


def test_refunding_a_service_paid_by_a_session_gives_the_session_back_and_no_money(
    backend: Backend,
    team: Team,
    shelf: Shelf,
    topped_up: str,
    plan: str,  # noqa: F811
) -> None:
    """A facial paid by a session and a serum paid in cash; the facial refunded: the session
    goes back to the card, and the refund goes back by the session, not from the drawer."""
    backend.checkout.complete_sale(
        _sale(
            team,
            topped_up,
            SaleLine(LineKind.PACKAGE, plan),
            tenders=[Tender(TenderKind.CASH, 150000)],
        )
    )
    card = balances(backend, topped_up).cards[0].id
    sale = backend.checkout.complete_sale(
        _sale(
            team,
            topped_up,
            SaleLine(LineKind.PRODUCT, shelf.serum),
            SaleLine(LineKind.SERVICE, shelf.facial),
            tenders=[Tender(TenderKind.CASH, 12800)],
            sessions=[SessionUse(2, card)],
        )
    )
    assert balances(backend, topped_up).cards[0].left == 9
    facial = _lines(backend, sale.ticket_id)[1]
    backend.checkout.refund_lines(
        sale.ticket_id, {facial: 1}, Team.MANAGER_PIN, "顾客不满意", team.desk.id
    )
    assert balances(backend, topped_up).cards[0].left == 10
    assert _back_by(backend, sale.ticket_id, TenderKind.CASH) == 0
    assert _back_by(backend, sale.ticket_id, TenderKind.PACKAGE_SESSION) == 19800


def test_all_refunds_of_a_line_give_back_all_its_sessions(
    backend: Backend,
    team: Team,
    shelf: Shelf,
    topped_up: str,
    plan: str,  # noqa: F811
) -> None:
    """Two facials, one paid by a session, one in cash, refunded one at a time: the first
    refund's share of the one session rounds to none (money back by cash), the second gives
    the session back (money back by the session): neither is lost."""
    cards = SaleLine(LineKind.PACKAGE, plan)
    backend.checkout.complete_sale(
        _sale(team, topped_up, cards, tenders=[Tender(TenderKind.CASH, 150000)])
    )
    card = balances(backend, topped_up).cards[0].id
    sale = backend.checkout.complete_sale(
        _sale(
            team,
            topped_up,
            SaleLine(LineKind.SERVICE, shelf.facial, quantity=2),
            tenders=[Tender(TenderKind.CASH, 19800)],
            sessions=[SessionUse(1, card)],
        )
    )
    (facials,) = _lines(backend, sale.ticket_id)
    for _ in range(2):
        backend.checkout.refund_lines(
            sale.ticket_id, {facials: 1}, Team.MANAGER_PIN, "顾客不满意", team.desk.id
        )
    assert balances(backend, topped_up).cards[0].left == 10
    assert _back_by(backend, sale.ticket_id, TenderKind.CASH) == 19800
    assert _back_by(backend, sale.ticket_id, TenderKind.PACKAGE_SESSION) == 19800
