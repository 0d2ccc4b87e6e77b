"""Review (71adb75): the sale's Changes, built as one dict, hold in every branch what the
`Changes.of(...) | ...` chain it replaced held: the ticket and the outbox always; the customer,
their balance entries, the parked ticket and the products moved only when there are some."""

from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.backend import Backend
from salon_pos.services.changes import QUEUED, Changes
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.parked_tickets import PARKED_TICKET
from sync.operations.customers import CHANGE_CUSTOMER
from sync.operations.inventory import CHANGE_STOCK_MOVEMENT
from sync.operations.members import CHANGE_BALANCE_ENTRY
from sync.operations.sales import CHANGE_TICKET
from tests.conftest import Shelf, Team, three_line_sale
from tests.services.test_parked_tickets import two_services


def test_a_walk_in_sale_of_services_changes_its_ticket_and_the_outbox(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    request = SaleRequest(
        team.desk.id,
        [SaleLine(LineKind.SERVICE, shelf.manicure, technician_id=team.tech.id)],
        [Tender(TenderKind.CASH, 16800)],
    )
    sale = backend.checkout.complete_sale(request)
    assert sale.changed == Changes.of(CHANGE_TICKET, sale.ticket_id) | Changes.of(QUEUED)
    assert sale.changed.by_kind == {CHANGE_TICKET: {sale.ticket_id}, QUEUED: frozenset()}


def test_a_members_parked_sale_with_a_product_changes_each_kind_it_touched(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    customer = backend.customers.add("陈会员", "13900139000").id
    parked = backend.parked.park(two_services(team, shelf, customer), team.desk.id).ticket
    request = three_line_sale(team, shelf, customer)
    sale = backend.checkout.complete_sale(
        SaleRequest(
            request.cashier_id, request.lines, request.tenders, customer_id=customer,
            parked_id=parked.id,
        )
    )  # fmt: skip
    expected = {
        CHANGE_TICKET: {sale.ticket_id},
        QUEUED: set(),
        CHANGE_CUSTOMER: {customer},
        CHANGE_BALANCE_ENTRY: {customer},  # the points the sale earned
        PARKED_TICKET: {parked.id},
        CHANGE_STOCK_MOVEMENT: {shelf.serum},
    }
    assert {k: set(v) for k, v in sale.changed.by_kind.items()} == expected
