"""A product or service created twice offline and merged at the server (a catalog alias): this
counter's stock of the duplicate — movements, batches, on hand, minimum and cost, its place
among a service's consumables — follows it to the item kept, so the counter shows what the
server shows; and a pulled unit change of a stocked product is applied, not refused."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from salon_pos.db.models import StockBatch, StockMovement, StockOnHand
from salon_pos.domain.ids import new_id
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.stock import ConsumableLine, ReceiptLine
from tests.conftest import Shelf, Team
from tests.sync.client.feed import Feed, mark_pushed
from tests.sync.client.test_changes import _apply

EXPIRES = date(2027, 6, 1)


def _on_hand(backend: Backend) -> dict[str, int]:
    return {r.product_id: r.on_hand for r in backend.stock.on_hand() if r.on_hand}


def _held_by(backend: Backend, product_id: str) -> list[int]:
    """Movements and batches under the id, and its stock_on_hand rows."""
    with backend.db.read() as s:
        return [
            s.scalar(select(func.count()).select_from(model).where(model.product_id == product_id))
            or 0
            for model in (StockMovement, StockBatch, StockOnHand)
        ]


def _alias(backend: Backend, alias_id: str, kept_id: str, kind: str = "product") -> None:
    feed = Feed()
    feed.add("catalog_alias", alias_id, {"alias_id": alias_id, "item_id": kept_id, "kind": kind})
    assert _apply(backend, feed) == 1
    assert _apply(backend, feed) == 1  # a replay changes nothing more


def test_an_alias_moves_this_counters_stock_to_the_item_kept(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    backend.stock.receive(
        [ReceiptLine(shelf.serum, 4, 5_000, "L1", EXPIRES), ReceiptLine(shelf.serum, 6, 6_000)],
        team.manager.id,
    )
    backend.stock.set_minimum(shelf.serum, 3, team.manager.id)
    use = [ConsumableLine(shelf.serum, 1, "piece")]
    backend.stock.set_consumables(shelf.facial, use, team.manager.id)
    kept = new_id()
    _alias(backend, shelf.serum, kept)

    assert _on_hand(backend) == {kept: 10}
    assert _held_by(backend, shelf.serum) == [0, 0, 0]
    assert _held_by(backend, kept) == [2, 1, 2]  # two receipts, one batch, two on-hand rows
    row = next(r for r in backend.stock.on_hand() if r.product_id == kept)
    assert (row.minimum, row.cost) == (3, 5_600)
    assert backend.stock.consumables(shelf.facial) == [ConsumableLine(kept, 1, "piece")]
    assert [b.code for b in backend.stock.expiring(within_days=365)] == ["L1"]
    # The facial's consumable is taken from the item kept, from its batch first.
    backend.checkout.complete_sale(
        SaleRequest(
            team.desk.id,
            [SaleLine(LineKind.SERVICE, shelf.facial, technician_id=team.tech.id)],
            [Tender(TenderKind.CASH, 19_800)],
        )
    )
    assert _on_hand(backend) == {kept: 9}
    assert backend.stock.expiring(within_days=365)[0].on_hand == 3


def test_an_alias_onto_a_product_held_here_adds_the_two_stocks(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    kept = backend.catalog.add_product("护肤品", "玻尿酸精华 30ml", "SKU-002", 12800, 5000).id
    backend.stock.receive(
        [ReceiptLine(shelf.serum, 10, 5_000), ReceiptLine(kept, 3, 5_000)], team.manager.id
    )
    backend.stock.set_minimum(kept, 2, team.manager.id)
    both = [ConsumableLine(shelf.serum, 1, "piece"), ConsumableLine(kept, 2, "piece")]
    backend.stock.set_consumables(shelf.facial, both, team.manager.id)
    _alias(backend, shelf.serum, kept)

    assert _on_hand(backend) == {kept: 13}
    assert _held_by(backend, shelf.serum) == [0, 0, 0]
    assert next(r for r in backend.stock.on_hand() if r.product_id == kept).minimum == 2
    # The facial used one of each: it uses three of the one product now.
    assert backend.stock.consumables(shelf.facial) == [ConsumableLine(kept, 3, "piece")]


def test_a_services_consumables_follow_its_alias(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    use = [ConsumableLine(shelf.serum, 2, "piece")]
    backend.stock.set_consumables(shelf.facial, use, team.manager.id)
    kept = new_id()
    _alias(backend, shelf.facial, kept, "service")
    assert backend.stock.consumables(kept) == use
    assert backend.stock.consumables(shelf.facial) == []


def test_a_pulled_unit_change_of_a_stocked_product_is_applied(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    """The server is the source of truth: a counter refuses the edit itself
    (UnitChangeWithStock), but what the server sends is applied (docs/inventory.md)."""
    backend.stock.receive([ReceiptLine(shelf.serum, 10, 5_000)], team.manager.id)
    mark_pushed(backend)  # the product as created here reached the server
    feed = Feed()
    serum = {
        "id": shelf.serum, "kind": "product", "category": "护肤品", "name": "玻尿酸精华",
        "price": 12800, "sku": "SKU-001", "cost": 5000, "unit": "ml", "pack_size": 30,
    }  # fmt: skip
    feed.add("catalog_item", shelf.serum, serum)
    assert _apply(backend, feed) == 1
    row = next(r for r in backend.stock.on_hand() if r.product_id == shelf.serum)
    assert (row.unit, row.pack_size, row.on_hand) == ("ml", 30, 10)
