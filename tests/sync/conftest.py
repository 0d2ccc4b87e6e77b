"""Fixtures shared by the sync tests: every database-backed one runs against SQLite and against
PostgreSQL (tests/sync/pg.py says which PostgreSQL, or why the variant is skipped)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from sync.server import admin
from sync.server.db import create_server_engine
from sync.server.migrate import migrate
from tests.sync import pg
from tests.sync.live_server import LiveServer


@pytest.fixture(params=["sqlite", "postgresql"])
def server_kind(request: pytest.FixtureRequest) -> str:
    """Which database the central server of a test runs on: each such test runs on both."""
    if request.param == "postgresql" and pg.server_port() is None:
        pytest.skip(f"PostgreSQL variant skipped: {pg.why_not()}")
    return str(request.param)


@pytest.fixture(scope="session")
def sqlite_server_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A server database brought to the newest schema by the migrations, once."""
    path = tmp_path_factory.mktemp("server-template") / "server.db"
    migrate(f"sqlite:///{path}")  # its engine disposed: the WAL is checkpointed into the file
    return path


@pytest.fixture(scope="session")
def postgresql_server_template() -> Iterator[str]:
    """The same on PostgreSQL: a database nobody connects to, for CREATE DATABASE to copy."""
    with pg.throwaway_database() as url:
        migrate(url)
        yield str(make_url(url).database)


@pytest.fixture
def server_database_url(
    server_kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[str]:
    """A fresh database for one central server, at the newest schema: a copy of the session's
    migrated template (Alembic per test cost about 0.3 s on SQLite and 0.7 s on PostgreSQL,
    create_all 0.6 s on PostgreSQL; a copy 0.25 s there)."""
    if server_kind == "sqlite":
        path = tmp_path / "server.db"
        shutil.copyfile(request.getfixturevalue("sqlite_server_template"), path)
        yield f"sqlite:///{path}"
        return
    with pg.throwaway_database(request.getfixturevalue("postgresql_server_template")) as url:
        yield url


@pytest.fixture
def empty_server_database_url(server_kind: str, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database for one central server (tests of the migrations)."""
    if server_kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'server.db'}"
        return
    with pg.throwaway_database() as url:
        yield url


@pytest.fixture
def live_server(server_database_url: str, tmp_path: Path) -> Iterator[LiveServer]:
    """A real server process on 127.0.0.1, answering /health."""
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
