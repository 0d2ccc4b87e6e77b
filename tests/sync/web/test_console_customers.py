"""A store's customers in the console (SQLite and PostgreSQL): the list and search; a profile
with allergies and health notes opened with the store's key for the owner and the store's
managers; another owner sees nothing of it; a note sealed with a key the server does not hold
says it cannot be read."""

from __future__ import annotations

import base64
import os
from pathlib import Path

from salon_pos.domain import sealed
from sync.operations.customers import CUSTOMER_CREATED
from sync.server.store_keys import store_key
from tests.sync.server.conftest import Server
from tests.sync.web.conftest import Browser

NOTE = "孕 24 周 XJ-7731"


def _customer(server: Server, key: bytes, customer_id: str = "c-1") -> None:
    device = server.enroll()
    payload = {
        "id": customer_id,
        "name": "林晓",
        "phone": "13912345678",
        "hlc": "1-0-x",
        "has_allergies": True,
        "allergies": sealed.seal(key, os.urandom(12), "芒果", customer_id, "allergies"),
        "health_notes": sealed.seal(key, os.urandom(12), NOTE, customer_id, "health_notes"),
        "skin_type": "sensitive",
        "preferences": ["whitening", "moisturizing"],
        "tags": ["孕期"],
        "member_card": "VIP-0001",
        "source": "referral",
    }
    [result] = server.push(device, [device.op(CUSTOMER_CREATED, payload)])["results"]
    assert result["status"] == "applied"


def _key_dir(server: Server) -> Path:
    return Path(server.client.app.state.settings.store_key_dir)  # type: ignore[attr-defined]


def test_owner_and_manager_see_the_profile_and_the_opened_health_notes(
    server: Server, owner: Browser, manager: Browser
) -> None:
    _customer(server, store_key(_key_dir(server), server.store_id))
    base = f"/console/stores/{server.store_id}/customers"
    listed = owner.client.get(base).text
    assert "林晓" in listed and "有过敏" in listed and "VIP-0001" in listed
    assert NOTE not in listed  # the list never opens them
    assert "林晓" not in owner.client.get(f"{base}?q=王").text
    for browser in (owner, manager):
        page = browser.client.get(f"{base}/c-1").text
        assert NOTE in page and "芒果" in page
        assert "敏感性" in page and "美白、补水保湿" in page and "转介绍" in page
        assert "sealed:1:" not in page


def test_another_owner_gets_nothing(server: Server, rival: Browser) -> None:
    _customer(server, store_key(_key_dir(server), server.store_id))
    base = f"/console/stores/{server.store_id}/customers"
    assert rival.client.get(base).status_code == 404
    assert rival.client.get(f"{base}/c-1").status_code == 404


def test_a_note_sealed_with_a_key_the_server_does_not_hold_cannot_be_read(
    server: Server, owner: Browser
) -> None:
    _customer(server, os.urandom(32))  # a counter's own key, never handed over
    page = owner.client.get(f"/console/stores/{server.store_id}/customers/c-1").text
    assert "无法读取" in page and NOTE not in page
    assert base64.urlsafe_b64encode(b"x").decode()  # the page rendered without an error
