"""A requests transport adapter that hands each request to an in-process server (a FastAPI
TestClient), so the counter's real sender runs against the `server` fixture of
tests/sync/server/conftest.py (SQLite and PostgreSQL) without a socket or a process."""

from __future__ import annotations

from typing import Any

import requests
from fastapi.testclient import TestClient
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

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
