"""Parked tickets (挂单) through the service against a real SQLite file: park, list, resume,
park again, cancel, pay — and a reopened database still has them."""

from dataclasses import replace

import pytest
from sqlalchemy import func, select, text, update

from salon_pos.db.models import AuditEntry, OutboxOperation, ParkedTicket, Ticket
from salon_pos.domain.errors import TendersShort
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.domain.ticket_draft import (
    DraftLine,
    DraftShare,
    ParkedTicketUnreadable,
    TicketDraft,
)
from salon_pos.paths import Paths
from salon_pos.services.backend import Backend, open_backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.parked_tickets import PARKED_TICKET, Repriced, UnknownParkedTicket
from tests.conftest import FakeClock, Shelf, Team


def two_services(team: Team, shelf: Shelf, customer_id: str | None = None) -> TicketDraft:
    """补水保湿护理 ¥198 ×2 with ¥20 off and 日式美甲 ¥168, both by 李娜; ¥16 off the ticket."""
    return TicketDraft(
        lines=(
            DraftLine(
                LineKind.SERVICE,
                shelf.facial,
                "补水保湿护理",
                19800,
                quantity=2,
                line_discount=2000,
                technician_id=team.tech.id,
                technician="李娜",
                skill="facial",
                category="面部护理",
            ),
            DraftLine(
                LineKind.SERVICE,
                shelf.manicure,
                "日式美甲",
                16800,
                technician_id=team.tech.id,
                technician="李娜",
                skill="nail",
                category="美甲",
            ),
        ),
        customer_id=customer_id,
        ticket_discount=1600,
        note="等染发",
    )


def audit_actions(backend: Backend) -> list[str]:
    with backend.db.read() as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))


def outbox_count(backend: Backend) -> int:
    with backend.db.read() as s:
        return s.scalar(select(func.count()).select_from(OutboxOperation)) or 0


def test_a_parked_ticket_is_listed_and_comes_back_exactly(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    customer = backend.customers.add("张丽华", "13800138000")
    draft = two_services(team, shelf, customer.id)
    queued = outbox_count(backend)

    parked = backend.parked.park(draft, team.desk.id)

    assert parked.changed.ids(PARKED_TICKET) == {parked.ticket.id}
    [listed] = backend.parked.list()
    assert (listed.label, listed.customer_name, listed.item_count, listed.total) == (
        "等染发",
        "张丽华",
        3,
        19800 * 2 - 2000 + 16800 - 1600,
    )
    assert listed.created_by_name == "周小敏"
    resumed = backend.parked.resume(listed.id)
    assert resumed.draft == draft
    assert (resumed.dropped, resumed.repriced, resumed.technicians_gone) == ((), (), ())
    assert resumed.parked.note == "等染发"
    assert audit_actions(backend)[-1] == "parked_ticket.parked"
    assert outbox_count(backend) == queued  # local to the counter: nothing for the server


def test_parking_again_updates_the_same_parked_ticket(
    backend: Backend, team: Team, shelf: Shelf, clock: FakeClock
) -> None:
    first = backend.parked.park(two_services(team, shelf), team.desk.id).ticket
    clock.advance(minutes=10)
    changed = replace(two_services(team, shelf), lines=two_services(team, shelf).lines[:1])

    again = backend.parked.park(changed, team.desk.id, parked_id=first.id).ticket

    assert again.id == first.id
    assert [(p.id, p.item_count) for p in backend.parked.list()] == [(first.id, 2)]
    assert (again.created_at, again.updated_at) == (first.created_at, clock.now())
    assert backend.parked.resume(first.id).draft == changed
    assert audit_actions(backend)[-1] == "parked_ticket.updated"


def test_the_list_is_longest_waiting_first(
    backend: Backend, team: Team, shelf: Shelf, clock: FakeClock
) -> None:
    old = backend.parked.park(two_services(team, shelf), team.desk.id, label="A").ticket
    clock.advance(minutes=5)
    new = backend.parked.park(two_services(team, shelf), team.desk.id, label="B").ticket
    clock.advance(minutes=5)
    backend.parked.park(two_services(team, shelf), team.desk.id, parked_id=old.id, label="A")
    assert [p.id for p in backend.parked.list()] == [old.id, new.id]


def test_cancelling_deletes_it_with_an_audit_entry(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    parked = backend.parked.park(two_services(team, shelf), team.desk.id).ticket

    backend.parked.cancel(parked.id, team.manager.id)

    assert backend.parked.list() == []
    with backend.db.read() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert entry is not None
    assert (entry.action, entry.actor_id, entry.entity_id) == (
        "parked_ticket.cancelled",
        team.manager.id,
        parked.id,
    )
    assert "日式美甲" in (entry.before or "")  # what was thrown away stays readable
    with pytest.raises(UnknownParkedTicket):
        backend.parked.cancel(parked.id, team.manager.id)
    with pytest.raises(UnknownParkedTicket):
        backend.parked.resume(parked.id)


def paying(team: Team, shelf: Shelf, parked_id: str, cash: int = 60000) -> SaleRequest:
    return SaleRequest(
        team.manager.id,  # gives the discounts without asking anyone
        [
            SaleLine(LineKind.SERVICE, shelf.facial, 2, team.tech.id, 2000),
            SaleLine(LineKind.SERVICE, shelf.manicure, 1, team.tech.id),
        ],
        [Tender(TenderKind.CASH, cash)],
        ticket_discount=1600,
        parked_id=parked_id,
    )


def test_paying_removes_it_with_the_sale(backend: Backend, team: Team, shelf: Shelf) -> None:
    parked = backend.parked.park(two_services(team, shelf), team.desk.id).ticket

    sale = backend.checkout.complete_sale(paying(team, shelf, parked.id))

    assert backend.parked.list() == []
    assert sale.changed.ids(PARKED_TICKET) == {parked.id}
    with backend.db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "sale.completed")).one()
    assert parked.id in (entry.after or "")


def test_a_sale_that_fails_leaves_it_parked(backend: Backend, team: Team, shelf: Shelf) -> None:
    parked = backend.parked.park(two_services(team, shelf), team.desk.id).ticket
    with pytest.raises(TendersShort):
        backend.checkout.complete_sale(paying(team, shelf, parked.id, cash=100))
    # A failure after the parked row is deleted (the outbox insert) rolls the deletion back too.
    with backend.db.engine.begin() as connection:
        connection.execute(
            text(
                "CREATE TRIGGER refuse BEFORE INSERT ON outbox_operation "
                "BEGIN SELECT RAISE(ABORT, 'refused for the test'); END"
            )
        )
    with pytest.raises(Exception, match="refused for the test"):
        backend.checkout.complete_sale(paying(team, shelf, parked.id))
    assert [p.id for p in backend.parked.list()] == [parked.id]
    with backend.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 0


def test_parked_tickets_survive_a_restart(
    backend: Backend, team: Team, shelf: Shelf, clock: FakeClock
) -> None:
    draft = two_services(team, shelf)
    parked = backend.parked.park(draft, team.desk.id).ticket
    backend.close()  # the app quits; it starts again on the same data folder
    reopened = open_backend(Paths(backend.db.path.parent), clock)
    try:
        assert [p.id for p in reopened.parked.list()] == [parked.id]
        assert reopened.parked.resume(parked.id).draft == draft
    finally:
        reopened.close()


def test_resuming_checks_prices_items_and_technicians_again(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    parked = backend.parked.park(two_services(team, shelf), team.desk.id).ticket
    facial = backend.catalog.item(LineKind.SERVICE, shelf.facial)
    backend.catalog.edit(replace(facial, price=18800))
    backend.catalog.set_active(LineKind.SERVICE, shelf.manicure, False)
    backend.staff.deactivate(team.tech.id)

    resumed = backend.parked.resume(parked.id)

    assert resumed.dropped == ("日式美甲",)
    assert resumed.repriced == (Repriced("补水保湿护理", 19800, 18800),)
    assert resumed.technicians_gone == ("李娜", "李娜")
    [line] = resumed.draft.lines
    assert (line.unit_price, line.line_discount, line.technician_id) == (18800, 2000, None)


def test_a_shared_requested_line_comes_back_and_a_helper_who_left_is_dropped(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    """点钟 and the shares stay with the parked line; a helper no longer working there leaves
    the line wholly its technician's (the shares must add up to 100%)."""
    helper = backend.staff.add("王芳", "technician", "3333", skills=["facial"])
    shares = (DraftShare(team.tech.id, "李娜", 6_000), DraftShare(helper.id, "王芳", 4_000))
    draft = two_services(team, shelf)
    shared = replace(draft.lines[0], requested=True, shares=shares)
    parked = backend.parked.park(replace(draft, lines=(shared, draft.lines[1])), team.desk.id)
    back = backend.parked.resume(parked.ticket.id)
    assert (back.draft.lines[0].requested, back.draft.lines[0].shares) == (True, shares)
    backend.staff.deactivate(helper.id)
    resumed = backend.parked.resume(parked.ticket.id)
    assert resumed.technicians_gone == ("王芳",)
    line = resumed.draft.lines[0]
    assert (line.technician_id, line.requested, line.shares) == (team.tech.id, True, ())


def test_a_draft_that_cannot_be_read_is_a_clear_error(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    parked = backend.parked.park(two_services(team, shelf), team.desk.id).ticket
    with backend.db.write() as s:
        s.execute(update(ParkedTicket).values(draft='{"version": 1, "lines": "oops"}'))
    with pytest.raises(ParkedTicketUnreadable) as raised:
        backend.parked.resume(parked.id)
    assert "挂单" in raised.value.message("zh_CN")
    assert [p.id for p in backend.parked.list()] == [parked.id]  # still listed: can be cancelled
    backend.parked.cancel(parked.id, team.desk.id)
    assert backend.parked.list() == []
