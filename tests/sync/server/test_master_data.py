"""Master data at the server: per-field last writer wins for catalog items, staff and store
settings (counters' edits and the server's own), duplicates made offline kept once (an alias),
same-named staff flagged, and the chain catalog's store prices in each store's feed."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from salon_pos.domain.staff_rules import PinTaken
from sync import protocol
from sync.operations.conflicts import CONFLICT_RESOLVED
from sync.operations.sales import SALE_COMPLETED
from sync.operations.setup import CATALOG_ITEM_SAVED, STAFF_SAVED, STORE_SETTINGS_SAVED
from sync.server import admin, chain, master_data, master_staff
from sync.server.cli import main
from sync.server.config import sqlite_url
from sync.server.db import create_server_engine
from tests.sync.server import builders
from tests.sync.server.conftest import Device, Server


def stamp(seconds: int, node: str = "dev") -> str:
    return protocol.hlc_stamp(1_763_620_200_000 + seconds * 1000, 0, node)


def latest(server: Server, device: Device, entity: str) -> dict[str, dict[str, Any]]:
    """The last change of each record of `entity` in the store's feed."""
    return {
        c["entity_id"]: c["data"] for c in server.pull(device)["changes"] if c["entity"] == entity
    }


def test_edits_of_different_fields_at_two_counters_both_stay(server: Server) -> None:
    a1, b1 = server.enroll(), server.enroll()
    item = builders.catalog_item(19800) | {"hlc": stamp(0)}
    server.push(a1, [a1.op(CATALOG_ITEM_SAVED, item)])
    price = item | {"price": 22800, "hlc": stamp(20, "a1"), "changed": ["price"]}
    name = item | {"name": "深层补水", "hlc": stamp(10, "b1"), "changed": ["name"]}
    older_price = item | {"price": 9900, "hlc": stamp(5, "b1"), "changed": ["price"]}
    server.push(a1, [a1.op(CATALOG_ITEM_SAVED, price)])
    answer = server.push(
        b1, [b1.op(CATALOG_ITEM_SAVED, name), b1.op(CATALOG_ITEM_SAVED, older_price)]
    )
    assert [r["status"] for r in answer["results"]] == ["applied", "applied"]
    held = latest(server, a1, "catalog_item")[item["id"]]
    assert (held["name"], held["price"]) == ("深层补水", 22800)  # the later stamp per field
    assert held["stamps"]["price"] == stamp(20, "a1")


def test_a_version_1_edit_still_applies_as_of_its_arrival(server: Server, device: Device) -> None:
    item = builders.catalog_item(19800) | {"hlc": stamp(0)}
    server.push(device, [device.op(CATALOG_ITEM_SAVED, item)])
    old = device.op(CATALOG_ITEM_SAVED, builders.catalog_item(15800, item["id"]))
    old["payload_version"] = 1
    assert server.push(device, [old])["results"][0]["status"] == "applied"
    assert latest(server, device, "catalog_item")[item["id"]]["price"] == 15800


def test_the_same_product_created_at_two_counters_is_kept_once(server: Server) -> None:
    a1, b1 = server.enroll(), server.enroll()
    product = {"kind": "product", "category": "护肤品", "name": "精华", "price": 12800}
    first = product | {"id": builders.new_id(), "sku": "SKU-1", "hlc": stamp(0, "a1")}
    second = product | {"id": builders.new_id(), "sku": "SKU-9", "barcode": "690"}
    second |= {"price": 13800, "hlc": stamp(5, "b1")}
    server.push(a1, [a1.op(CATALOG_ITEM_SAVED, first | {"barcode": "690"})])
    sale = builders.sale([(second["id"], 13800)])
    server.push(b1, [b1.op(CATALOG_ITEM_SAVED, second), b1.op("sale.completed", sale)])
    items = latest(server, a1, "catalog_item")
    assert list(items) == [first["id"]] and items[first["id"]]["price"] == 13800
    aliases = latest(server, a1, "catalog_alias")
    assert aliases == {
        second["id"]: {"alias_id": second["id"], "item_id": first["id"], "kind": "product"}
    }
    ticket = latest(server, a1, "ticket")[sale["id"]]
    assert ticket["lines"][0]["item_id"] == first["id"]  # recorded against the item kept
    per_item = master_data.sales_per_item(server.engine, server.store_id)
    assert {k: v.quantity for k, v in per_item.items()} == {first["id"]: 1}
    # An edit a counter made offline under the alias reaches the item kept.
    server.push(
        b1,
        [
            b1.op(
                CATALOG_ITEM_SAVED,
                second | {"price": 9900, "hlc": stamp(9, "b1"), "changed": ["price"]},
            )
        ],
    )
    assert latest(server, a1, "catalog_item")[first["id"]]["price"] == 9900
    master_data.set_price(server.engine, server.store_id, second["id"], 10800, clock=server.clock)
    assert latest(server, a1, "catalog_item")[first["id"]]["price"] == 10800


def test_same_named_staff_are_kept_and_flagged_and_merge_retires_the_newer(
    server: Server,
) -> None:
    a1, b1 = server.enroll(), server.enroll()
    older, newer = builders.staff(), builders.staff()
    server.push(a1, [a1.op(STAFF_SAVED, older | {"hlc": stamp(0, "a1")})])
    answer = server.push(b1, [b1.op(STAFF_SAVED, newer | {"hlc": stamp(1, "b1")})])
    result = answer["results"][0]
    assert result["status"] == "applied_with_flags"
    conflict = latest(server, a1, "conflict")[result["conflict_ids"][0]]
    assert (conflict["type"], conflict["suggestion"]) == ("duplicate_staff", "merge")
    assert conflict["details"]["other_staff_id"] == older["id"]
    assert set(latest(server, a1, "staff")) == {older["id"], newer["id"]}  # both kept

    resolve = {"conflict_id": conflict["id"], "resolution": "merge", "resolved_by": older["id"]}
    assert server.push(a1, [a1.op(CONFLICT_RESOLVED, resolve)])["results"][0]["status"] == "applied"
    staff = latest(server, a1, "staff")
    assert (staff[newer["id"]]["active"], staff[older["id"]]["active"]) == (False, True)
    assert staff[newer["id"]]["pin_hash"] == newer["pin_hash"]  # kept, only inactive


def test_store_settings_merge_per_setting_and_bad_values_are_refused(server: Server) -> None:
    a1, b1 = server.enroll(), server.enroll()
    first = {
        "changed": {"store_name": "丽人·一店", "rounding": "drop_jiao"},
        "hlc": stamp(10, "a1"),
    }
    second = {"changed": {"rounding": "drop_fen", "cutover_hour": 5}, "hlc": stamp(5, "b1")}
    bad = {"changed": {"cutover_hour": 24}, "hlc": stamp(20, "b1")}
    server.push(a1, [a1.op(STORE_SETTINGS_SAVED, first)])
    answer = server.push(
        b1, [b1.op(STORE_SETTINGS_SAVED, second), b1.op(STORE_SETTINGS_SAVED, bad)]
    )
    assert [r["status"] for r in answer["results"]] == ["applied", "rejected"]
    assert "cutover_hour is out of range" in answer["results"][1]["reason"]
    held = latest(server, a1, "store_settings")[server.store_id]["values"]
    assert held == {"store_name": "丽人·一店", "rounding": "drop_jiao", "cutover_hour": 5}
    master_data.edit_store_settings(
        server.engine, server.store_id, {"rounding": "none"}, server.clock
    )
    assert latest(server, a1, "store_settings")[server.store_id]["values"]["rounding"] == "none"
    with pytest.raises(admin.AdminError, match="unknown time zone"):
        master_data.edit_store_settings(server.engine, server.store_id, {"time_zone": "Mars/Base"})


def test_a_chain_item_goes_to_every_store_of_the_owner_with_its_own_price(server: Server) -> None:
    here, there = server.enroll(), server.enroll(server.other_store_id)
    item = builders.catalog_item(19800) | {"hlc": stamp(0)}
    server.push(here, [here.op(CATALOG_ITEM_SAVED, item)])
    assert master_data.share_item(server.engine, item["id"], server.clock) == [
        server.other_store_id
    ]
    master_data.set_store_price(
        server.engine, server.other_store_id, item["id"], 16800, server.clock
    )
    assert latest(server, there, "catalog_item")[item["id"]]["price"] == 16800
    assert latest(server, here, "catalog_item")[item["id"]]["price"] == 19800
    master_data.edit_catalog_item(server.engine, server.store_id, item["id"], {"name": "深层补水"})
    for device, price in ((here, 19800), (there, 16800)):  # the edit reaches both stores
        held = latest(server, device, "catalog_item")[item["id"]]
        assert (held["name"], held["price"]) == ("深层补水", price)
    with pytest.raises(admin.AdminError, match="no catalog item"):
        master_data.set_store_price(server.engine, server.other_store_id, builders.new_id(), 1)


def _shared_item(server: Server, here: Device) -> dict[str, Any]:
    item = builders.catalog_item(19800) | {"hlc": stamp(0)}
    server.push(here, [here.op(CATALOG_ITEM_SAVED, item)])
    master_data.share_item(server.engine, item["id"], server.clock)
    return item


def test_a_store_opened_later_receives_the_chain_catalog(server: Server) -> None:
    here = server.enroll()
    item = _shared_item(server, here)
    own = builders.catalog_item(9900) | {"name": "只在一店", "hlc": stamp(1)}
    server.push(here, [here.op(CATALOG_ITEM_SAVED, own)])
    third = admin.create_store(
        server.engine, "boss@example.com", "丽人美容 三店", clock=server.clock
    )
    newcomer = server.enroll(third)
    held = latest(server, newcomer, "catalog_item")
    assert set(held) == {item["id"]}  # the chain's item, not the first store's own one
    assert (held[item["id"]]["name"], held[item["id"]]["price"]) == ("补水保湿护理", 19800)
    assert len(server.pull(newcomer)["changes"]) == 1  # sent once, not on every pull


def test_a_counter_edit_of_a_chain_item_reaches_every_store_but_its_price_stays_its_stores(
    server: Server,
) -> None:
    here, there = server.enroll(), server.enroll(server.other_store_id)
    item = _shared_item(server, here)
    edit = item | {"name": "深层补水", "price": 16800, "hlc": stamp(10, "b1")}
    answer = server.push(
        there, [there.op(CATALOG_ITEM_SAVED, edit | {"changed": ["name", "price"]})]
    )
    assert answer["results"][0]["status"] == "applied"  # was refused as an unknown item
    mine, theirs = latest(server, here, "catalog_item"), latest(server, there, "catalog_item")
    assert (mine[item["id"]]["name"], mine[item["id"]]["price"]) == ("深层补水", 19800)
    assert (theirs[item["id"]]["name"], theirs[item["id"]]["price"]) == ("深层补水", 16800)
    older = item | {"price": 15800, "hlc": stamp(5, "b2"), "changed": ["price"]}
    server.push(there, [there.op(CATALOG_ITEM_SAVED, older)])  # an older edit loses
    assert latest(server, there, "catalog_item")[item["id"]]["price"] == 16800

    # Each store's sale is checked against its own price: only the stale one is flagged.
    fine = server.push(there, [there.op(SALE_COMPLETED, builders.sale([(item["id"], 16800)]))])
    stale = server.push(here, [here.op(SALE_COMPLETED, builders.sale([(item["id"], 16800)]))])
    chain_price = server.push(
        there, [there.op(SALE_COMPLETED, builders.sale([(item["id"], 19800)]))]
    )
    assert fine["results"][0]["status"] == "applied"
    assert stale["results"][0]["status"] == "applied_with_flags"
    assert chain_price["results"][0]["status"] == "applied_with_flags"


def test_an_item_made_offline_in_another_store_like_a_chain_item_is_kept_once(
    server: Server,
) -> None:
    here, there = server.enroll(), server.enroll(server.other_store_id)
    item = _shared_item(server, here)
    twin = builders.catalog_item(17800) | {"hlc": stamp(3, "b1")}  # same category and name
    server.push(there, [there.op(CATALOG_ITEM_SAVED, twin | {"duration_min": 45})])
    aliases = latest(server, there, "catalog_alias")
    assert aliases[twin["id"]]["item_id"] == item["id"]
    held = latest(server, there, "catalog_item")[item["id"]]  # the chain's, unchanged by a copy
    assert (held["price"], held["duration_min"]) == (19800, 60)
    assert server.count("SELECT count(*) FROM catalog_item") == 1
    sold = server.push(there, [there.op(SALE_COMPLETED, builders.sale([(twin["id"], 19800)]))])
    assert sold["results"][0]["status"] == "applied"
    assert (
        master_data.sales_per_item(server.engine, server.other_store_id)[item["id"]].amount == 19800
    )


def test_a_stores_own_copy_of_an_item_the_chain_then_shares_becomes_the_chain_item(
    server: Server,
) -> None:
    here, there = server.enroll(), server.enroll(server.other_store_id)
    serum = {"kind": "product", "category": "护肤品", "name": "玻尿酸精华", "sku": "S-1"}
    chain_item = builders.catalog_item(0) | serum | {"price": 26800, "barcode": "6901234500001"}
    copy = (
        builders.catalog_item(0)
        | serum
        | {"price": 25800, "sku": "B-7", "barcode": "6901234500001"}
    )
    server.push(here, [here.op(CATALOG_ITEM_SAVED, chain_item | {"hlc": stamp(1, "a1")})])
    server.push(there, [there.op(CATALOG_ITEM_SAVED, copy | {"hlc": stamp(2, "b1")})])
    sold = builders.sale([(copy["id"], 25800)])
    server.push(there, [there.op(SALE_COMPLETED, sold)])
    before = server.pull(there)["last_seq"]

    master_data.share_item(server.engine, chain_item["id"], server.clock)
    feed = [(c["entity"], c["entity_id"]) for c in server.pull(there, before)["changes"]]
    assert feed == [("catalog_alias", copy["id"]), ("catalog_item", chain_item["id"])]
    held = latest(server, there, "catalog_item")[chain_item["id"]]
    assert held["price"] == 25800  # the store keeps charging what it charged
    assert latest(server, here, "catalog_item")[chain_item["id"]]["price"] == 26800
    with server.engine.connect() as connection:
        listed = master_data.store_catalog(connection, server.other_store_id)
    assert [e.id for e in listed] == [chain_item["id"]]  # one item in the second store
    sales = master_data.sales_per_item(server.engine, server.other_store_id)
    assert (set(sales), sales[chain_item["id"]].amount) == ({chain_item["id"]}, 25800)
    later = server.push(there, [there.op(SALE_COMPLETED, builders.sale([(copy["id"], 25800)]))])
    assert later["results"][0]["status"] == "applied"  # a sale under the old id, at its price


def test_the_chain_price_changed_at_the_server_reaches_stores_without_their_own(
    server: Server,
) -> None:
    here, there = server.enroll(), server.enroll(server.other_store_id)
    item = _shared_item(server, here)
    third = admin.create_store(
        server.engine, "boss@example.com", "丽人美容 三店", clock=server.clock
    )
    master_data.set_store_price(server.engine, third, item["id"], 15800, server.clock)
    master_data.edit_catalog_item(
        server.engine, server.other_store_id, item["id"], {"price": 21800}, server.clock
    )
    newcomer = server.enroll(third)
    prices = [
        latest(server, d, "catalog_item")[item["id"]]["price"] for d in (here, there, newcomer)
    ]
    assert prices == [21800, 21800, 15800]


def test_the_command_line_edits_store_settings(
    tmp_path: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALON_POS_LANG", "en")
    data = ["--data", str(tmp_path)]
    main(["create-owner", *data, "--email", "boss@example.com", "--password", "pw123456"])
    main(["create-store", *data, "--owner", "boss@example.com", "--name", "一店"])
    store_id = capsys.readouterr().out.strip().splitlines()[-1]
    changes = ["--set", "cutover_hour=6", "--set", "receipt_footer=周一店休"]
    assert main(["store-settings", *data, "--store", store_id, *changes]) == 0
    out = capsys.readouterr().out
    assert "cutover_hour = 6" in out and "receipt_footer = 周一店休" in out
    assert main(["store-settings", *data, "--store", store_id, "--set", "rounding=half"]) == 2
    assert "rounding is not one of" in capsys.readouterr().err


def test_a_pin_another_manager_got_while_it_was_being_checked_is_refused_under_the_lock(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PIN check runs before the store's lock (argon2 is slow); a manager given the same
    PIN in between, by another request, is caught under the lock and nothing is saved."""
    hash_pin = master_staff.hash_pin

    def meanwhile(pin: str) -> str:
        monkeypatch.setattr(master_staff, "hash_pin", hash_pin)
        other = {"name": "王店长", "role": "manager"}
        master_staff.add_staff(server.engine, server.store_id, other, pin=pin, clock=server.clock)
        return hash_pin(pin)

    monkeypatch.setattr(master_staff, "hash_pin", meanwhile)
    with pytest.raises(master_staff.StaffRefused) as refused:
        master_staff.add_staff(
            server.engine, server.store_id, {"name": "周店长", "role": "manager"}, pin="2468"
        )
    assert isinstance(refused.value.message, PinTaken)
    assert server.count("SELECT count(*) FROM staff") == 1  # 王店长 only


def test_a_store_queueing_a_chain_item_for_another_does_not_wait_for_that_stores_lock(
    server: Server,
) -> None:
    """Queueing for another store checks its row (a foreign key); holding a store's lock
    must not block that, or two stores editing chain items at once deadlock (PostgreSQL)."""
    if server.engine.dialect.name != "postgresql":
        pytest.skip("SQLite lets one writer in at a time: no two store locks are held at once")
    item = _shared_item(server, server.enroll())
    with server.engine.connect() as connection:
        owner = connection.execute(text("SELECT owner_id FROM store LIMIT 1")).scalar()
    row = {"id": item["id"], "owner_id": owner}
    with (
        master_data.store_writer(server.engine, server.store_id, server.clock),
        master_data.store_writer(server.engine, server.other_store_id, server.clock) as other,
    ):
        other.connection.execute(text("SET LOCAL lock_timeout = '2s'"))
        chain.queue_for_other_stores(other.connection, row, server.other_store_id, other.now)
    assert master_data.publish_pending(server.engine, server.store_id, server.clock) == 1


def test_the_edit_item_command_refuses_bad_input_and_changes_nothing(
    tmp_path: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALON_POS_LANG", "zh_CN")
    data = ["--data", str(tmp_path)]
    main(["create-owner", *data, "--email", "boss@example.com", "--password", "pw123456"])
    main(["create-store", *data, "--owner", "boss@example.com", "--name", "一店"])
    store = capsys.readouterr().out.strip().splitlines()[-1]
    engine = create_server_engine(sqlite_url(tmp_path))
    product = {"kind": "product", "category": "护肤品", "price": 12800, "cost": 6000}
    serum = master_data.create_catalog_item(
        engine, store, product | {"name": "精华", "sku": "S-1", "barcode": "6901234500001"}
    )
    mask = master_data.create_catalog_item(engine, store, product | {"name": "面膜", "sku": "S-2"})
    before = [
        (e.name, e.price, e.barcode) for e in master_data.store_catalog(engine.connect(), store)
    ]
    for change, says in (
        ("price=-1", "不能为负"),
        ("price=abc", "price is a whole number of fen"),
        ("name=", "名称"),
        ("barcode=6901234500001", "6901234500001"),
        ("colour=red", "unknown or no fields"),
    ):
        item = mask if change.startswith("barcode") else serum
        code = main(["edit-item", *data, "--store", store, "--item", item, "--set", change])
        assert code == 2, change
        assert says in capsys.readouterr().err, change
    after = [
        (e.name, e.price, e.barcode) for e in master_data.store_catalog(engine.connect(), store)
    ]
    assert after == before
    assert (
        main(["edit-item", *data, "--store", store, "--item", serum, "--set", "price=13800"]) == 0
    )
    engine.dispose()
