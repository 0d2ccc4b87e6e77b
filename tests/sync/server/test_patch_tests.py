"""patch_test.recorded at the server (SQLite and PostgreSQL): kept once, sent down, refused for
a customer the store does not have; a sale line's patch test approval is kept; an older
counter's sale and catalog edit still apply."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from sync.operations.customers import CUSTOMER_CREATED
from sync.operations.patch_tests import PATCH_TEST_RECORDED
from sync.operations.sales import SALE_COMPLETED
from sync.operations.setup import CATALOG_ITEM_SAVED
from sync.server import master_data
from sync.server.cli import main
from sync.server.config import sqlite_url
from sync.server.db import create_server_engine
from tests.sync.server import builders
from tests.sync.server.conftest import Device, Server


def a_test(customer_id: str, result: str = "passed") -> dict[str, Any]:
    return {
        "id": builders.new_id(),
        "customer_id": customer_id,
        "result": result,
        "tested_on": "2026-11-19",
        "category": "染发",
        "recorded_at": builders.AT.isoformat(),
    }


def test_a_patch_test_is_kept_once_and_reaches_the_feed(server: Server, device: Device) -> None:
    customer = builders.customer()
    first, second = a_test(customer["id"], "failed"), a_test(customer["id"])
    ops = [device.op(CUSTOMER_CREATED, customer)]
    ops += [device.op(PATCH_TEST_RECORDED, test) for test in (first, second)]
    answer = server.push(device, ops)
    assert [r["status"] for r in answer["results"]] == ["applied"] * 3
    again = server.push(device, ops[1:2])  # a replay: the same answer, nothing more
    assert again["results"][0]["status"] == "duplicate"
    assert server.count("SELECT count(*) FROM patch_test") == 2
    other = server.enroll()
    fed = [c for c in server.pull(other)["changes"] if c["entity"] == "patch_test"]
    assert [(c["entity_id"], c["data"]["result"]) for c in fed] == [
        (first["id"], "failed"),
        (second["id"], "passed"),
    ]


def test_a_test_of_an_unknown_or_other_stores_customer_is_refused(server: Server) -> None:
    here, there = server.enroll(), server.enroll(server.other_store_id)
    theirs = builders.customer()
    server.push(there, [there.op(CUSTOMER_CREATED, theirs)])
    answer = server.push(
        here,
        [
            here.op(PATCH_TEST_RECORDED, a_test(builders.new_id())),
            here.op(PATCH_TEST_RECORDED, a_test(theirs["id"])),
        ],
    )
    assert [r["status"] for r in answer["results"]] == ["rejected", "rejected"]
    assert {r["reason"] for r in answer["results"]} == {"unknown customer"}
    assert server.count("SELECT count(*) FROM patch_test") == 0


def test_a_sale_keeps_its_lines_patch_test_approval_and_an_old_sale_still_applies(
    server: Server, device: Device
) -> None:
    sale = builders.sale()
    waiver = {"id": builders.new_id(), "approved_by": builders.new_id(), "reason": "熟客"}
    sale["lines"][0]["patch_test_waiver"] = waiver | {"status": "expired", "tested_on": None}
    old = builders.sale()
    old_op = device.op(SALE_COMPLETED, old)
    answer = server.push(
        device, [{**old_op, "payload_version": 1}, device.op(SALE_COMPLETED, sale)]
    )
    assert [r["status"] for r in answer["results"]] == ["applied", "applied"]
    with server.engine.connect() as connection:
        kept = connection.execute(
            text("SELECT patch_test_waiver FROM ticket_line WHERE id = :i"),
            {"i": sale["lines"][0]["id"]},
        ).scalar_one()
    assert json.loads(kept)["reason"] == "熟客"
    fed = {c["entity_id"]: c["data"] for c in server.pull(device)["changes"]}
    assert fed[sale["id"]]["lines"][0]["patch_test_waiver"]["status"] == "expired"
    assert fed[old["id"]]["lines"][0]["patch_test_waiver"] is None


def test_an_older_counters_catalog_edit_keeps_needs_patch_test(
    server: Server, device: Device
) -> None:
    item = builders.catalog_item(38800) | {"needs_patch_test": True}
    server.push(device, [device.op(CATALOG_ITEM_SAVED, item)])
    older = device.op(CATALOG_ITEM_SAVED, builders.catalog_item(39800, item["id"]))
    server.push(device, [{**older, "payload_version": 2}])  # knows nothing of patch tests
    fed = [c for c in server.pull(device)["changes"] if c["entity"] == "catalog_item"]
    assert (fed[-1]["data"]["price"], fed[-1]["data"]["needs_patch_test"]) == (39800, True)


def test_the_server_commands_mark_a_service_and_set_the_validity(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data", str(tmp_path)]
    main(["create-owner", *data, "--email", "boss@example.com", "--password", "pw123456"])
    main(["create-store", *data, "--owner", "boss@example.com", "--name", "一店"])
    store = capsys.readouterr().out.strip().splitlines()[-1]
    engine = create_server_engine(sqlite_url(tmp_path))
    service = {"kind": "service", "category": "染发", "name": "植物染发", "price": 38800}
    dye = master_data.create_catalog_item(engine, store, service | {"duration_min": 120})
    edit = ["edit-item", *data, "--store", store, "--item", dye]
    assert main([*edit, "--set", "needs_patch_test=true"]) == 0
    assert main(["store-settings", *data, "--store", store, "--set", "patch_test_days=90"]) == 0
    assert main(["store-settings", *data, "--store", store, "--set", "patch_test_days=-1"]) == 2
    [entry] = master_data.store_catalog(engine.connect(), store)
    assert entry.needs_patch_test
    assert master_data.store_settings(engine, store)["patch_test_days"] == 90
    engine.dispose()
