"""The console under test: the server of tests/sync/server (SQLite and PostgreSQL, FakeClock)
and a browser-like client per account, which signs in through the login form."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import text

from sync.server import admin
from sync.server.web import accounts
from tests.sync.server.conftest import Server, make_server
from tests.sync.web.browser import CHROMIUM

OWNER = "boss@example.com"
OWNER_PASSWORD = "correct horse"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Browser:
    """A TestClient with its own cookies, reading CSRF tokens off the pages like a browser."""

    client: TestClient

    def token(self, path: str) -> str:
        page = self.client.get(path)
        assert page.status_code == 200, page.text
        found = CSRF.search(page.text)
        assert found, f"no CSRF token on {path}"
        return found.group(1)

    def post(self, path: str, form_page: str, **form: object) -> Response:
        data = {"csrf_token": self.token(form_page), **form}
        return self.client.post(path, data=data, follow_redirects=False)

    def sign_in(self, email: str, password: str) -> Response:
        token = self.token("/console/login")
        return self.client.post(
            "/console/login",
            data={"email": email, "password": password, "csrf_token": token},
            follow_redirects=False,
        )


@pytest.fixture
def server(server_database_url: str) -> Iterator[Server]:
    yield from make_server(server_database_url)


def browser_of(server: Server) -> Browser:
    return Browser(TestClient(server.client.app, base_url="http://testserver"))


@pytest.fixture
def owner(server: Server) -> Browser:
    browser = browser_of(server)
    assert browser.sign_in(OWNER, OWNER_PASSWORD).status_code == 303
    return browser


@pytest.fixture
def rival(server: Server) -> Browser:
    """A second owner with a store of their own."""
    admin.create_owner(server.engine, "rival@example.com", "rival password", clock=server.clock)
    admin.create_store(server.engine, "rival@example.com", "对手店", clock=server.clock)
    browser = browser_of(server)
    assert browser.sign_in("rival@example.com", "rival password").status_code == 303
    return browser


@pytest.fixture
def manager(server: Server) -> Browser:
    """A manager of the first store only."""
    with server.engine.connect() as connection:
        boss = connection.execute(text("SELECT id FROM owner WHERE email = :e"), {"e": OWNER})
        boss_id = boss.scalar_one()
    accounts.create_manager(
        server.engine, boss_id, "manager@example.com", "manager password", [server.store_id],
        server.clock(),
    )  # fmt: skip
    browser = browser_of(server)
    assert browser.sign_in("manager@example.com", "manager password").status_code == 303
    return browser


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """One headless browser for a test module (each test opens its own context)."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM))
        yield browser
        browser.close()
