"""Server settings: where the database is, the clock, logging, and a test-only switch."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path


def utc_now() -> datetime:
    return datetime.now(UTC)


def sqlite_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'server.db'}"


def default_data_dir() -> Path:
    return Path.cwd() / "salon-sync-data"


@dataclass(frozen=True)
class ServerSettings:
    database_url: str = field(default_factory=lambda: sqlite_url(default_data_dir()))
    # TEST-ONLY: when False, operations at or below the device cursor are applied again as if
    # they were new. The stateful test must catch this; never switch it off in production.
    deduplicate: bool = True
    clock: Callable[[], datetime] = utc_now
    log_level: str = "INFO"
    log_file: Path | None = None  # JSON lines go to stderr when None
    # Where each store's key for customers' health data is kept (sync/server/store_keys.py),
    # never in the database. None: `store-keys` beside an SQLite database, else in the
    # default data folder.
    key_dir: Path | None = None

    @property
    def store_key_dir(self) -> Path:
        if self.key_dir is not None:
            return self.key_dir
        if self.database_url.startswith("sqlite:///"):
            return Path(self.database_url.removeprefix("sqlite:///")).parent / "store-keys"
        return default_data_dir() / "store-keys"

    @classmethod
    def for_data_dir(cls, data_dir: Path, **overrides: object) -> ServerSettings:
        return cls(database_url=sqlite_url(data_dir), **overrides)  # type: ignore[arg-type]
