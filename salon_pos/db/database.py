"""Sessions for the counter's database: one short transaction per use case, owned by the caller."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from salon_pos.db.engine import BUSY_TIMEOUT_MS, create_sqlite_engine
from salon_pos.domain.errors import UserError

log = logging.getLogger(__name__)


class DatabaseBusy(UserError):
    en = "The database is busy with other work (an import or another counter). Please try again."
    zh = "数据库正忙（正在导入或另一台收银机在写入），请稍后再试。"


@contextmanager
def _busy_is_a_user_error() -> Iterator[None]:
    try:
        yield
    except OperationalError as error:
        if "database is locked" in str(error.orig):
            raise DatabaseBusy() from error
        raise


class Database:
    def __init__(self, path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.path = path
        self.engine: Engine = create_sqlite_engine(path, busy_timeout_ms)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        self.write_sessions = sessionmaker(self._writer, expire_on_commit=False)
        # The hot path's connection, kept between its transactions: taking one from the pool
        # and giving it back cost about 100 µs a stocked sale (docs/adr/0003-write-path.md).
        self._kept: Connection | None = None
        self._kept_lock = threading.Lock()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction, taking the write lock at BEGIN; commits or rolls back whole."""
        with _busy_is_a_user_error(), self.write_sessions.begin() as session:
            yield session

    @contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """Like write(), without the ORM session: for the hot path of the counter (checkout).
        It runs on a connection kept for it; a second such transaction at the same moment
        (another thread) takes one from the pool as before and waits for SQLite's lock."""
        if not self._kept_lock.acquire(blocking=False):
            with _busy_is_a_user_error(), self._writer.begin() as connection:
                yield connection
            return
        try:
            with _busy_is_a_user_error(), self._kept_transaction() as connection:
                yield connection
        finally:
            self._kept_lock.release()

    @contextmanager
    def _kept_transaction(self) -> Iterator[Connection]:
        """A transaction on the kept connection, opened when there is none. It does not begin
        one by itself: a use after the `with` block runs in SQLite's autocommit and holds no
        lock. On any failure it goes back to the pool, whose reset rolls back what a failed
        COMMIT left open."""
        kept = self._kept
        if kept is None or kept.closed or kept.invalidated:
            kept = self._kept = Connection(self._writer, _allow_autobegin=False)
        try:
            with kept.begin():
                yield kept
        except BaseException:
            self._kept = None
            try:
                kept.close()
            except Exception:  # the caller's error matters more (DatabaseBusy, a refusal)
                log.exception("database: the kept write connection did not close")
            raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.sessions() as session, session.begin():
            yield session

    @contextmanager
    def read_connection(self) -> Iterator[Connection]:
        """A short read without the ORM session: for lookups as the cashier types."""
        with self.engine.connect() as connection:
            yield connection

    def close(self) -> None:
        """Not from inside a write_connection() of this thread: it waits for it to end."""
        with self._kept_lock:
            if self._kept is not None:
                self._kept.close()
                self._kept = None
        self.engine.dispose()
