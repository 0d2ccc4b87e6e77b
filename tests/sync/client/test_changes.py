"""Applying pulled changes: other counters' sales, staff, catalog and customers arrive, in
order and idempotently; own records come back unchanged; bad changes never stall the feed."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from sqlalchemy import func, select, text, update

from salon_pos.db.models import (
    Customer,
    OutboxOperation,
    ParkedChange,
    Refund,
    SyncState,
    Ticket,
    TicketLine,
)
from salon_pos.domain.errors import Both
from salon_pos.domain.ids import new_id
from salon_pos.services.backend import Backend
from salon_pos.services.customers import CustomerProfile
from salon_pos.services.staff import verify_approver
from salon_pos.services.sync_outbox import CounterOutbox
from sync.protocol import hlc_parts
from tests.conftest import FakeClock, Shelf, Team, three_line_sale
from tests.sync.client.feed import Feed, mark_pushed


def _apply(backend: Backend, feed: Feed, changes: Any = None) -> int:
    changes = feed.changes if changes is None else changes
    outbox = CounterOutbox(backend.db, backend.clock, backend.settings.current.device_id)
    return outbox.apply_changes(changes, changes[-1].seq)


def _snapshot(backend: Backend) -> dict[str, list[tuple[Any, ...]]]:
    with backend.db.read_connection() as connection:
        names = connection.execute(
            text("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '%fts%'")
        ).scalars()
        return {
            name: sorted(map(tuple, connection.execute(text(f'SELECT * FROM "{name}"'))), key=str)
            for name in names
            if name != "sync_state"
        }


def _count(backend: Backend, model: Any) -> int:
    with backend.db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _b1_day(other: Backend) -> tuple[Team, list[str], str]:
    team = Team(
        manager=other.staff.add("王店长", "manager", Team.MANAGER_PIN),
        desk=other.staff.add("周小敏", "front_desk", Team.DESK_PIN),
        tech=other.staff.add("李娜", "technician", "2222", skills=["facial"]),
    )
    facial = other.catalog.add_service("面部护理", "补水保湿护理", 19800, 60, "facial")
    manicure = other.catalog.add_service("美甲", "日式美甲", 16800, 90, "nail")
    serum = other.catalog.add_product("护肤品", "玻尿酸精华", "SKU-001", 12800, 5000, "690123")
    shelf = Shelf(facial.id, manicure.id, serum.id)
    customer = other.customers.add("林小姐", "13912345678", gender="女")
    sales = [other.checkout.complete_sale(three_line_sale(team, shelf, customer.id)) for _ in "abc"]
    ids = [sale.ticket_id for sale in sales]
    other.checkout.void_sale(ids[1], Team.MANAGER_PIN, "顾客取消", team.desk.id)
    line = other.tickets.get(ids[2]).lines[0]
    other.checkout.refund_lines(ids[2], {line.id: 1}, Team.MANAGER_PIN, "不满意", team.desk.id)
    return team, ids, customer.id


def test_another_counters_day_arrives_complete(backend: Backend, other: Backend) -> None:
    team, ids, customer_id = _b1_day(other)
    feed = Feed()
    feed.from_outbox(other)
    ops_before = _count(backend, OutboxOperation)
    assert _apply(backend, feed) == len(feed.changes)
    assert _count(backend, OutboxOperation) == ops_before  # pulled facts queue nothing
    assert {s.name for s in backend.staff.list()} == {"王店长", "周小敏", "李娜"}
    manager = verify_approver(backend.db, Team.MANAGER_PIN, Both("测试", "test"))
    assert manager.id == team.manager.id  # the PIN made on B1 works here
    assert {p.sku for p in backend.catalog.products()} == {"SKU-001"}
    assert backend.customers.get(customer_id).name == "林小姐"
    assert [c.name for c in backend.customers.search("13912")] == ["林小姐"]
    statuses = {t: backend.tickets.get(t).summary.status for t in ids}
    assert statuses == {ids[0]: "completed", ids[1]: "voided", ids[2]: "completed"}
    assert backend.tickets.get(ids[1]).void_reason == "顾客取消"
    assert len(backend.tickets.get(ids[0]).lines) == 3
    with backend.db.read() as session:
        assert session.scalar(select(func.sum(Ticket.total))) == 3 * 49400
        assert session.scalar(select(func.count()).select_from(TicketLine)) == 9
        refund = session.scalars(select(Refund)).one()
        assert refund.ticket_id == ids[2] and refund.amount > 0
        state = session.get(SyncState, 1)
        assert state is not None and state.pull_cursor == feed.changes[-1].seq


def test_applying_a_page_twice_changes_nothing(backend: Backend, other: Backend) -> None:
    _b1_day(other)
    feed = Feed()
    feed.from_outbox(other)
    _apply(backend, feed)
    first = _snapshot(backend)
    assert len(first["ticket"]) == 3 and len(first["staff"]) == 3
    assert _apply(backend, feed) == len(feed.changes)
    assert _snapshot(backend) == first


def test_own_records_come_back_unchanged(backend: Backend, team: Team, shelf: Shelf) -> None:
    customer = backend.customers.add("陈女士", "13700001111")
    sale = backend.checkout.complete_sale(three_line_sale(team, shelf, customer.id))
    backend.checkout.void_sale(sale.ticket_id, Team.MANAGER_PIN, "录错", team.desk.id)
    feed = Feed()
    feed.from_outbox(backend)
    before = _snapshot(backend)
    assert len(before["ticket"]) == 1 and len(before["customer"]) == 1
    _apply(backend, feed)
    assert _snapshot(backend) == before


def test_a_pulled_sale_never_undoes_a_local_void(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    sale = backend.checkout.complete_sale(three_line_sale(team, shelf))
    feed = Feed()
    feed.from_outbox(backend)  # the sale as the server saw it: completed
    backend.checkout.void_sale(sale.ticket_id, Team.MANAGER_PIN, "录错", team.desk.id)
    _apply(backend, feed)
    assert backend.tickets.get(sale.ticket_id).summary.status == "voided"


def test_pulled_customer_wins_except_fields_still_waiting_to_be_pushed(
    backend: Backend, clock: FakeClock
) -> None:
    mine = backend.customers.add("周女士", "13600002222", notes="敏感肌")
    with backend.db.read() as session:
        created = session.get(Customer, mine.id)
        assert created is not None
        stamp = created.stamps["name"]
    wall, _, node = hlc_parts(stamp)
    assert node == backend.settings.current.device_id
    later = f"{wall + 5000:013d}-00000-other-device"
    earlier = f"{wall - 5000:013d}-00000-other-device"
    feed = Feed()
    data: dict[str, Any] = {"id": mine.id, "name": "周敏", "phone": "13600002222", "gender": "F"}
    data |= {"birthday": "1990-05-17", "notes": "旧备注\n敏感肌", "merged_into": None}
    data["stamps"] = {"name": later, "gender": later, "notes": earlier, "phone": stamp}
    _apply(backend, feed, [feed.add("customer", mine.id, data)])
    assert backend.customers.get(mine.id) == mine  # our creation is not pushed yet: ours stays

    with backend.db.write() as session:  # pushed: the server has merged it
        session.execute(update(OutboxOperation).values(pushed_at=clock.now(), result="applied"))
    _apply(backend, feed, [feed.add("customer", mine.id, data)])
    merged = backend.customers.get(mine.id)
    assert (merged.name, merged.gender, merged.notes) == ("周敏", "F", "旧备注\n敏感肌")
    assert merged.birthday is not None and merged.birthday.isoformat() == "1990-05-17"
    assert [c.id for c in backend.customers.search("zhoumin")] == [mine.id]

    clock.advance(seconds=1)  # the wall clock is still behind the pulled stamp
    backend.customers.update(CustomerProfile(mine.id, "周敏", "13600002222", "F", None, "新"))
    with backend.db.read() as session:
        op = session.scalars(
            select(OutboxOperation).where(OutboxOperation.type == "customer.updated")
        ).one()
    payload = json.loads(op.payload)
    assert payload["hlc"] > later  # after every stamp seen
    assert payload["changed"] == {"birthday": None, "notes": "新"}
    data["name"] = "周敏敏"
    _apply(backend, feed, [feed.add("customer", mine.id, data)])
    held = backend.customers.get(mine.id)
    assert (held.name, held.notes) == ("周敏敏", "新")  # name pulled; our unpushed notes stay


def test_a_merged_customer_leaves_search_and_frees_the_phone(backend: Backend) -> None:
    first = backend.customers.add("王芳", "13500003333")
    second = backend.customers.add("王芳2", "13500004444")
    feed = Feed()
    data: dict[str, Any] = {"id": second.id, "name": "王芳2", "phone": "13500004444", "gender": ""}
    data |= {"birthday": None, "notes": "", "merged_into": first.id, "stamps": {}}
    _apply(backend, feed, [feed.add("customer", second.id, data)])
    assert [c.id for c in backend.customers.search("135000")] == [first.id]
    assert backend.customers.add("新客", "13500004444").phone == "13500004444"


def test_bad_changes_are_parked_with_a_reason_and_the_feed_goes_on(
    backend: Backend, shelf: Shelf, caplog: pytest.LogCaptureFixture
) -> None:
    feed = Feed()
    clash: dict[str, Any] = {
        "id": "other-product",
        "kind": "product",
        "category": "护肤品",
        "name": "仿冒",
    }
    clash |= {"price": 100, "sku": "SKU-001"}  # the sku of our serum
    sale: dict[str, Any] = {
        "id": "t-1",
        "number": "Z9-000001",
        "status": "completed",
        "cashier_id": "nobody",
    }
    bad = [
        feed.add("catalog_item", "other-product", clash),
        feed.add("ticket", "t-1", sale),  # malformed and refers to nobody
        feed.add("gift_card", "g-1", {}),  # an entity this version does not know
    ]
    good: dict[str, Any] = {"id": "svc-1", "kind": "service", "category": "美发", "name": "洗剪吹"}
    ok = feed.add("catalog_item", "svc-1", good | {"price": 6800, "duration_min": 45})
    with caplog.at_level(logging.WARNING):
        assert _apply(backend, feed, [*bad, ok]) == 1
    assert "parked" in caplog.text and "other-product" in caplog.text
    assert "洗剪吹" in {s.name for s in backend.catalog.services()}
    assert {p.sku: p.name for p in backend.catalog.products()} == {"SKU-001": "玻尿酸精华"}
    with backend.db.read() as session:
        state = session.get(SyncState, 1)
        assert state is not None and state.pull_cursor == ok.seq
        parked = {p.entity_id: p for p in session.scalars(select(ParkedChange))}
    assert set(parked) == {"other-product", "t-1", "g-1"}
    assert "clashes with a record here" in parked["other-product"].reason
    assert "field(s) wrong" in parked["t-1"].reason
    assert "does not know “gift_card”" in parked["g-1"].reason


def _price_pulled(backend: Backend, shelf: Shelf, price: int) -> int:
    feed = Feed()
    data: dict[str, Any] = {"id": shelf.facial, "kind": "service", "category": "面部护理"}
    data |= {"name": "补水保湿护理", "price": price, "duration_min": 60, "skill": "facial"}
    _apply(backend, feed, [feed.add("catalog_item", shelf.facial, data)])
    return {s.id: s.price for s in backend.catalog.services()}[shelf.facial]


def test_price_changes_flow_down(backend: Backend, shelf: Shelf) -> None:
    mark_pushed(backend)  # the catalog reached the server
    assert _price_pulled(backend, shelf, 22800) == 22800


def test_a_price_not_pushed_yet_stays_until_the_server_merged_it(
    backend: Backend, shelf: Shelf
) -> None:
    """The item was created here and not pushed: the server's merge of it is still to come."""
    assert _price_pulled(backend, shelf, 22800) == 19800


def _item_ids_sold(backend: Backend, ticket_id: str) -> set[str]:
    with backend.db.read() as session:
        query = select(TicketLine.item_id).where(TicketLine.ticket_id == ticket_id)
        return set(session.scalars(query))


def test_an_alias_moves_this_counters_copy_and_its_lines_to_the_item_kept(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    sold = backend.checkout.complete_sale(three_line_sale(team, shelf))
    kept_facial, kept_serum = new_id(), new_id()
    feed = Feed()
    for alias, kept, kind in (
        (shelf.facial, kept_facial, "service"),
        (shelf.serum, kept_serum, "product"),
    ):
        feed.add("catalog_alias", alias, {"alias_id": alias, "item_id": kept, "kind": kind})
    serum = {"id": kept_serum, "kind": "product", "category": "护肤品", "name": "玻尿酸精华"}
    feed.add("catalog_item", kept_serum, serum | {"price": 12800, "sku": "SKU-001"})
    assert _apply(backend, feed) == 3
    assert _apply(backend, feed) == 3  # again: nothing more changes

    services = {s.id for s in backend.catalog.services()}
    assert kept_facial in services and shelf.facial not in services
    assert [p.id for p in backend.catalog.products()] == [kept_serum]
    assert _item_ids_sold(backend, sold.ticket_id) == {kept_facial, shelf.manicure, kept_serum}
    # A ticket rung up before the alias arrived still sells, as the item kept.
    again = backend.checkout.complete_sale(three_line_sale(team, shelf))
    assert _item_ids_sold(backend, again.ticket_id) == {kept_facial, shelf.manicure, kept_serum}
