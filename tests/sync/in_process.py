"""A requests transport adapter that hands each request to an in-process server (a FastAPI
TestClient), so the counter's real sender runs against the `server` fixture of
tests/sync/server/conftest.py (SQLite and PostgreSQL) without a socket or a process; and a
counter joined to that server, its rounds sent through it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import requests
from fastapi.testclient import TestClient
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

from salon_pos.jobs.sync import RoundReport, sync_round
from salon_pos.paths import Paths
from salon_pos.security.device_token import DeviceTokens
from salon_pos.services.backend import Backend
from salon_pos.services.sync_state import sync_state

if TYPE_CHECKING:
    from tests.sync.server.conftest import Device, Server

URL = "http://testserver"  # TestClient's own base URL


class InProcessAdapter(BaseAdapter):
    def __init__(self, client: TestClient) -> None:
        super().__init__()
        self.client = client

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> Any:
        answer = self.client.request(
            request.method or "GET",
            request.url or "",
            content=request.body,
            headers=dict(request.headers),
        )
        response = requests.Response()
        response.status_code = answer.status_code
        response._content = answer.content
        response.headers = CaseInsensitiveDict(answer.headers)
        response.url = request.url or ""
        response.request = request
        response.reason = answer.reason_phrase
        return response

    def close(self) -> None:
        pass


def in_process_session(client: TestClient) -> requests.Session:
    session = requests.Session()
    session.mount(URL, InProcessAdapter(client))
    return session


def join(app: Backend, server: Server, store_name: str = "一店") -> Device:
    """Enroll the counter with the server's first store, its token in the keyring (the
    memory_keyring fixture), as its join screen does."""
    device = server.enroll(device_id=app.settings.current.device_id)
    DeviceTokens().save(device.id, device.token)
    with app.db.write() as session:
        state = sync_state(session)
        state.server_url, state.store_id, state.store_name = URL, server.store_id, store_name
    return device


def sync_in_process(app: Backend, home: Path, server: Server) -> RoundReport:
    """One real sync round of the counter against the in-process server."""
    return sync_round(app, Paths(home), session=in_process_session(server.client))
