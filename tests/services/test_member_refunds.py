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
from tests.conftest import Shelf, Team
from tests.services.test_member_checkout import _sale, balances


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
    earned_back = earned * 19800 // 36600  # the refund's share of the points the sale earned
    assert balances(backend, topped_up).points == 20000 + earned - earned_back
