"""Schemathesis against the server's own OpenAPI description: whatever a client sends, the
answer is never a 5xx. Half the cases carry a real device's token, store and device ids (and
their operations that device's id), so the fuzzer reaches past authentication into the push
handlers and the change feed; the rest probe authentication with whatever it generates.
Against SQLite and PostgreSQL, like every sync test."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from sqlalchemy import func, select

from sync.protocol import API
from sync.server import admin, models
from sync.server.app import create_app
from sync.server.config import ServerSettings
from sync.server.db import create_server_engine
from sync.server.migrate import migrate_engine


@dataclass(frozen=True)
class Enrolled:
    store_id: str
    device_id: str
    token: str


@pytest.fixture
def api(server_database_url: str, tmp_path: Path) -> Iterator[tuple[Any, Enrolled, Any]]:
    engine = create_server_engine(server_database_url)
    migrate_engine(engine)
    admin.create_owner(engine, "owner@example.com", "correct horse battery")
    store_id = admin.create_store(engine, "owner@example.com", "丽人美容总店")
    settings = ServerSettings(database_url=server_database_url, key_dir=tmp_path / "store-keys")
    app = create_app(settings, engine)
    with TestClient(app) as client:
        code = admin.create_enrollment_code(engine, store_id)
        body = {"code": code, "device_id": "01a2-fuzz-device", "counter": "A1"}
        answer = client.post(f"{API}/enroll", json=body)
        assert answer.status_code == 200, answer.text
    enrolled = Enrolled(store_id, "01a2-fuzz-device", answer.json()["token"])
    yield app, enrolled, engine
    engine.dispose()


OPERATIONS = [
    ("GET", "/health"),
    ("POST", f"{API}/enroll"),
    ("GET", f"{API}/stores/{{store_id}}/devices/{{device_id}}"),
    ("POST", f"{API}/stores/{{store_id}}/devices/{{device_id}}/operations"),
    ("GET", f"{API}/stores/{{store_id}}/devices/{{device_id}}/operations"),
    ("GET", f"{API}/stores/{{store_id}}/devices/{{device_id}}/counters"),
    ("GET", f"{API}/stores/{{store_id}}/devices/{{device_id}}/chain-stores"),
    ("GET", f"{API}/stores/{{store_id}}/devices/{{device_id}}/stock-snapshot"),
    ("GET", f"{API}/stores/{{store_id}}/changes"),
    ("POST", f"{API}/stores/{{store_id}}/devices/{{device_id}}/store-key"),
]


def _as_the_device(case: Any, device: Enrolled, engine: Any) -> dict[str, str]:
    """Aim the case at the enrolled device; its operations continue the device's sequence
    (else nearly all would be skips ahead, answered without reaching a handler)."""
    if case.path_parameters:
        case.path_parameters = {
            name: device.store_id if name == "store_id" else device.device_id
            for name in case.path_parameters
        }
    if isinstance(case.body, dict) and isinstance(case.body.get("operations"), list):
        with engine.connect() as connection:
            cursor = connection.scalar(
                select(models.Device.cursor).where(models.Device.id == device.device_id)
            )
        for seq, op in enumerate(case.body["operations"], start=cursor + 1):
            if isinstance(op, dict):
                op["device_id"] = device.device_id
                op["seq"] = seq
                op["occurred_at"] = "2026-11-20T06:30:00+00:00"  # the fuzzer's are mostly absurd
    return {"Authorization": f"Bearer {device.token}"}


def test_the_description_lists_every_endpoint(api: tuple[Any, Enrolled, Any]) -> None:
    described = schemathesis.openapi.from_asgi("/openapi.json", api[0])
    found = {(r.ok().method.upper(), r.ok().path) for r in described.get_all_operations()}
    assert found == set(OPERATIONS)


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_no_input_gets_a_server_error(
    method: str, path: str, api: tuple[Any, Enrolled, Any]
) -> None:
    app, device, engine = api
    operation = schemathesis.openapi.from_asgi("/openapi.json", app)[path][method]

    @given(case=operation.as_strategy(), as_device=st.booleans())
    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,  # the same cases on every run: CI never flickers
        database=None,
        phases=[Phase.explicit, Phase.generate],  # a 500 is reported as found, unshrunk
    )
    def probe(case: Any, as_device: bool) -> None:
        headers = _as_the_device(case, device, engine) if as_device else None
        case.call_and_validate(headers=headers, checks=[not_a_server_error])

    probe()
    if method == "POST" and path.endswith("/operations"):  # got into the push handlers
        with engine.connect() as connection:
            parked = select(func.count()).select_from(models.AppliedOperation)
            assert connection.scalar(parked)


def test_the_fuzzer_reached_the_handlers(api: tuple[Any, Enrolled, Any]) -> None:
    """A sanity check of the set-up above: a well-formed push as the device is applied."""
    app, device, engine = api
    op = {
        "id": "01a2-op-1",
        "device_id": device.device_id,
        "seq": 1,
        "type": "staff.saved",
        "occurred_at": "2026-11-20T06:30:00+00:00",
        "payload_version": 1,
        "payload": {"id": "01a2-staff-1", "name": "王店长", "role": "manager"},
    }
    url = f"{API}/stores/{device.store_id}/devices/{device.device_id}/operations"
    with TestClient(app) as client:
        headers = {"Authorization": f"Bearer {device.token}"}
        answer = client.post(url, json={"operations": [op]}, headers=headers)
    assert answer.status_code == 200
    assert answer.json()["results"][0]["status"] == "applied"
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(models.StaffMember)) == 1
