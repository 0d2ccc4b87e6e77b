"""The server under test: a migrated database (SQLite file and PostgreSQL, via the shared
`server_database_url` fixture), an app on a FakeClock, and enrolled devices."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from sync.protocol import API
from sync.server import admin
from sync.server.app import create_app
from sync.server.config import ServerSettings
from sync.server.db import create_server_engine
from sync.server.migrate import migrate_engine
from tests.sync.server import builders


class FakeClock:
    def __init__(self) -> None:
        self.current = datetime(2026, 11, 20, 6, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


@dataclass
class Device:
    id: str
    store_id: str
    token: str
    seq: int = 0

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    @property
    def operations_url(self) -> str:
        return f"{API}/stores/{self.store_id}/devices/{self.id}/operations"

    def op(self, op_type: str, payload: dict[str, Any]) -> dict[str, Any]:
        self.seq += 1
        return builders.operation(self.id, self.seq, op_type, payload)


@dataclass
class Server:
    engine: Engine
    client: TestClient
    clock: FakeClock
    store_id: str
    other_store_id: str
    devices: list[Device] = field(default_factory=list)

    def enroll(self, store_id: str | None = None, device_id: str | None = None) -> Device:
        store_id = store_id or self.store_id
        code = admin.create_enrollment_code(self.engine, store_id, clock=self.clock)
        device_id = device_id or builders.new_id()
        counter = f"C{len(self.devices) + 1}"  # one ticket prefix per counter of a store
        self.devices.append(Device(device_id, store_id, ""))
        body = {"code": code, "device_id": device_id, "counter": counter, "hostname": "pc"}
        answer = self.client.post(f"{API}/enroll", json=body)
        assert answer.status_code == 200, answer.text
        return Device(device_id, store_id, answer.json()["token"])

    def push(self, device: Device, ops: list[dict[str, Any]], status: int = 200) -> Any:
        answer = self.client.post(
            device.operations_url, json={"operations": ops}, headers=device.headers
        )
        assert answer.status_code == status, answer.text
        return answer.json()

    def pull(self, device: Device, after: int = 0, limit: int = 500) -> Any:
        answer = self.client.get(
            f"{API}/stores/{device.store_id}/changes",
            params={"after": after, "limit": limit},
            headers=device.headers,
        )
        assert answer.status_code == 200, answer.text
        return answer.json()

    def count(self, sql: str, **params: Any) -> int:
        with self.engine.connect() as connection:
            return int(connection.execute(text(sql), params).scalar_one())


def make_server(url: str, deduplicate: bool = True) -> Iterator[Server]:
    engine = create_server_engine(url)
    migrate_engine(engine)  # a no-op: the database is a copy of a migrated one
    clock = FakeClock()
    admin.create_owner(engine, "boss@example.com", "correct horse", clock=clock)
    store = admin.create_store(engine, "boss@example.com", "丽人美容 一店", clock=clock)
    other = admin.create_store(engine, "boss@example.com", "丽人美容 二店", clock=clock)
    key_dir = Path(tempfile.mkdtemp(prefix="store-keys-"))  # never beside the working copy
    settings = ServerSettings(
        database_url=url, deduplicate=deduplicate, clock=clock, key_dir=key_dir
    )
    with TestClient(create_app(settings, engine)) as client:
        yield Server(engine, client, clock, store, other)
    engine.dispose()
    shutil.rmtree(key_dir, ignore_errors=True)


@pytest.fixture
def server(server_database_url: str) -> Iterator[Server]:
    yield from make_server(server_database_url)


@pytest.fixture
def device(server: Server) -> Device:
    return server.enroll()
