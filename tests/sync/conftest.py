"""Fixtures shared by the sync tests: every database-backed one runs against SQLite and against
PostgreSQL (tests/sync/pg.py says which PostgreSQL, or why the variant is skipped)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from sync.server import admin
from sync.server.db import create_server_engine
from tests.sync import pg
from tests.sync.live_server import LiveServer


@pytest.fixture(params=["sqlite", "postgresql"])
def server_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database for one central server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'server.db'}"
        return
    if pg.server_port() is None:
        pytest.skip(f"PostgreSQL variant skipped: {pg.why_not()}")
    with pg.throwaway_database() as url:
        yield url


@pytest.fixture
def live_server(server_database_url: str, tmp_path: Path) -> Iterator[LiveServer]:
    """A real server process on 127.0.0.1, migrated and answering /health."""
    server = LiveServer(server_database_url, tmp_path / "server.log").start()
    yield server
    server.stop()


@pytest.fixture
def server_engine(live_server: LiveServer) -> Iterator[Engine]:
    """The live server's database, for setting up and checking what it holds."""
    engine = create_server_engine(live_server.database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def store_id(server_engine: Engine) -> str:
    """A store with its owner, on the live server."""
    admin.create_owner(server_engine, "owner@example.com", "correct horse battery")
    return admin.create_store(server_engine, "owner@example.com", "丽人美容总店")
