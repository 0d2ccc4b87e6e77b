"""The server and customers' health data (SQLite and PostgreSQL): the store key is a file it
gives to the store's counters, keeping a counter's offer only when the store has none; sealed
values are all it accepts for allergies and health notes; a profile value is checked by the
counter's own rule; a customer.created of version 1 still applies (an empty profile)."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

from sqlalchemy import inspect, text

from salon_pos.domain import sealed
from sync.operations.customers import CUSTOMER_CREATED, CUSTOMER_UPDATED
from sync.protocol import API
from tests.sync.server.conftest import Device, Server

OFFER = base64.urlsafe_b64encode(bytes(range(32))).decode()


def _key(server: Server, device: Device, offer: str | None = None) -> tuple[int, str]:
    url = f"{API}/stores/{device.store_id}/devices/{device.id}/store-key"
    answer = server.client.post(url, json={"offer": offer}, headers=device.headers)
    return answer.status_code, answer.json().get("key", answer.text)


def _key_dir(server: Server) -> Path:
    return Path(server.client.app.state.settings.store_key_dir)  # type: ignore[attr-defined]


def test_the_first_offer_becomes_the_store_key_and_everyone_gets_that_one(
    server: Server, device: Device
) -> None:
    assert _key(server, device, OFFER) == (200, OFFER)
    other = server.enroll()
    other_offer = base64.urlsafe_b64encode(os.urandom(32)).decode()
    assert _key(server, other, other_offer) == (200, OFFER)  # the store has one: kept
    assert _key(server, other) == (200, OFFER)
    assert (_key_dir(server) / f"{server.store_id}.key").read_text() == OFFER
    with server.engine.connect() as connection:  # never in the database
        for table in inspect(connection).get_table_names():
            rows = connection.execute(text(f'SELECT * FROM "{table}"')).all()
            assert OFFER not in str(rows), table


def test_a_store_without_an_offer_gets_a_new_key_and_another_store_its_own(
    server: Server, device: Device
) -> None:
    status, key = _key(server, device)
    assert status == 200 and len(base64.urlsafe_b64decode(key)) == 32
    elsewhere = server.enroll(server.other_store_id)
    assert _key(server, elsewhere)[1] != key


def test_the_key_needs_the_devices_token_and_a_well_formed_offer(
    server: Server, device: Device
) -> None:
    url = f"{API}/stores/{device.store_id}/devices/{device.id}/store-key"
    assert server.client.post(url, json={}).status_code == 401
    stranger = server.enroll(server.other_store_id)
    assert server.client.post(url, json={}, headers=stranger.headers).status_code == 403
    assert _key(server, device, "!" * 44)[0] == 422
    assert not (_key_dir(server) / f"{server.store_id}.key").exists()  # nothing kept


def _sealed(text_: str, customer_id: str, field: str) -> str:
    return sealed.seal(bytes(range(32)), os.urandom(12), text_, customer_id, field)


def test_health_fields_are_taken_only_sealed_and_profile_values_by_the_counters_rule(
    server: Server, device: Device
) -> None:
    base = {"id": "c-1", "name": "林晓", "phone": "13912345678", "hlc": "1-0-x"}
    plain = device.op(CUSTOMER_CREATED, base | {"health_notes": "孕期"})
    bad_skin = device.op(CUSTOMER_CREATED, base | {"id": "c-2", "skin_type": "shiny"})
    good = device.op(
        CUSTOMER_CREATED,
        base | {"id": "c-3", "health_notes": _sealed("孕期", "c-3", "health_notes"),
                "has_allergies": True, "tags": ["学生"], "preferences": ["whitening"]},
    )  # fmt: skip
    results = server.push(device, [plain, bad_skin, good])["results"]
    assert [r["status"] for r in results] == ["rejected", "rejected", "applied"]
    assert results[0]["reason"] == "health_notes is not sealed"
    assert "skin_type" in results[1]["reason"] and "shiny" in results[1]["reason"]
    edit = device.op(
        CUSTOMER_UPDATED, {"id": "c-3", "changed": {"allergies": "芒果"}, "hlc": "2-0-x"}
    )
    [refused] = server.push(device, [edit])["results"]
    assert refused["reason"] == "allergies is not sealed"
    with server.engine.connect() as connection:
        row = connection.execute(
            text("SELECT health_notes, has_allergies, tags FROM customer WHERE id = 'c-3'")
        ).one()
    assert row.health_notes.startswith("sealed:1:") and row.has_allergies
    assert json.loads(row.tags) == ["学生"]


def test_a_version_1_customer_created_queued_before_the_upgrade_applies_with_no_profile(
    server: Server, device: Device
) -> None:
    op = device.op(CUSTOMER_CREATED, {"id": "c-9", "name": "王", "phone": "139", "hlc": "1-0-x"})
    op["payload_version"] = 1
    [result] = server.push(device, [op])["results"]
    assert result["status"] == "applied"
    changes = server.client.get(
        f"{API}/stores/{server.store_id}/changes?after=0", headers=device.headers
    ).json()["changes"]
    [data] = [c["data"] for c in changes if c["entity_id"] == "c-9"]
    assert data["skin_type"] == "" and data["tags"] == [] and data["health_notes"] == ""


def test_requests_racing_for_a_new_store_key_all_get_the_whole_key(tmp_path: Path) -> None:
    """A counter's doubled enrollment asked twice at once, and the second read a key file the
    first had created but not written yet: an empty key (CI, stop 18)."""
    from concurrent.futures import ThreadPoolExecutor
    from threading import Barrier
    from uuid import uuid4

    from sync.server.store_keys import store_key

    racers = 8
    for _ in range(40):
        store_id = str(uuid4())
        start = Barrier(racers)

        def ask(offer: bytes, store_id: str = store_id, start: Barrier = start) -> bytes:
            start.wait()
            return store_key(tmp_path, store_id, offer)

        with ThreadPoolExecutor(racers) as pool:
            answers = list(pool.map(ask, [os.urandom(32) for _ in range(racers)]))
        assert len(set(answers)) == 1 and len(answers[0]) == sealed.KEY_BYTES
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".key"] * 40  # no drafts left
