"""The transactional outbox and the audit log: all or nothing, gap-free, append-only."""

import sqlite3
import threading

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.exc import IntegrityError

from salon_pos.db.audit import verify_chain
from salon_pos.db.database import Database, DatabaseBusy
from salon_pos.db.models import AuditEntry, OutboxOperation, SequenceCounter, Ticket, TicketLine
from salon_pos.services.backend import Backend
from tests.conftest import Shelf, Team, three_line_sale


class InjectedFailure(Exception):
    pass


def test_a_failure_after_the_writes_and_before_commit_leaves_nothing(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    def written_then_fail(connection) -> None:  # type: ignore[no-untyped-def]
        # Called just before COMMIT: everything is written in the transaction; prove it, then fail.
        assert connection.scalar(select(func.count()).select_from(Ticket)) == 1
        assert connection.scalar(select(func.count()).select_from(OutboxOperation)) >= 1
        raise InjectedFailure

    with backend.db.read() as s:
        before_ops = s.scalar(select(func.count()).select_from(OutboxOperation))
        before_audit = s.scalar(select(func.count()).select_from(AuditEntry))
    event.listen(backend.db.engine, "commit", written_then_fail)
    try:
        with pytest.raises(InjectedFailure):
            backend.checkout.complete_sale(three_line_sale(team, shelf))
    finally:
        event.remove(backend.db.engine, "commit", written_then_fail)

    with backend.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 0
        assert s.scalar(select(func.count()).select_from(TicketLine)) == 0
        assert s.scalar(select(func.count()).select_from(OutboxOperation)) == before_ops
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == before_audit
        assert s.get(SequenceCounter, "ticket") is None  # the ticket number was given back
    assert backend.checkout.complete_sale(three_line_sale(team, shelf)).number == "A1-000001"


def test_the_same_holds_for_a_use_case_written_through_the_orm_session(backend: Backend) -> None:
    def fail(_connection) -> None:  # type: ignore[no-untyped-def]
        raise InjectedFailure

    event.listen(backend.db.engine, "commit", fail)
    try:
        with pytest.raises(InjectedFailure):
            backend.customers.add("张三", "13800138000")
    finally:
        event.remove(backend.db.engine, "commit", fail)
    assert backend.customers.search("zs") == []
    with backend.db.read() as s:
        assert s.scalar(select(func.count()).select_from(OutboxOperation)) == 0
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 1  # counter set-up only


def test_audit_log_is_chained_and_refuses_edits(backend: Backend, team: Team, shelf: Shelf) -> None:
    backend.checkout.complete_sale(three_line_sale(team, shelf))
    with backend.db.read() as s:
        assert verify_chain(s) is None
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "sale.completed")).one()
        assert entry.actor_id == team.desk.id
    for statement in ("UPDATE audit_entry SET action = 'x'", "DELETE FROM audit_entry"):
        with pytest.raises(IntegrityError, match="append-only"), backend.db.write() as s:
            s.execute(text(statement))
    with pytest.raises(IntegrityError, match="not edited"), backend.db.write() as s:
        s.execute(text("UPDATE outbox_operation SET payload = '{}'"))


def test_a_tampered_audit_entry_breaks_the_chain(backend: Backend, team: Team) -> None:
    with backend.db.write() as s:  # what someone with a SQLite shell might do
        s.execute(text("DROP TRIGGER audit_entry_no_update"))
        s.execute(text("UPDATE audit_entry SET actor_id = 'someone-else' WHERE seq = 2"))
    with backend.db.read() as s:
        assert verify_chain(s) == 2


def test_a_locked_database_gives_a_clear_message_and_the_work_can_be_retried(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    impatient = Database(backend.db.path, busy_timeout_ms=50)
    other = sqlite3.connect(backend.db.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # a long import on another process holds the write lock
    try:
        with pytest.raises(DatabaseBusy) as raised, impatient.write() as s:
            s.execute(text("UPDATE setting SET value = value"))
        assert "稍后再试" in raised.value.message("zh_CN")
    finally:
        other.execute("ROLLBACK")
        other.close()
    with impatient.write() as s:  # and once the lock is free, it goes through
        s.execute(text("UPDATE setting SET value = value"))
    impatient.close()


def test_the_hot_paths_kept_connection_waits_its_turn_and_survives_a_busy_database(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    """write_connection keeps one connection between sales: a second writer at the same moment
    (another thread) takes one from the pool and waits for SQLite's lock, and a BEGIN refused
    as busy leaves the kept connection usable for the next sale."""
    impatient = Database(backend.db.path, busy_timeout_ms=50)
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with impatient.write_connection() as connection:
            connection.execute(text("UPDATE setting SET value = value"))
            holding.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert holding.wait(10)
        # The kept connection is another thread's: a pooled one, refused while it is held.
        with pytest.raises(DatabaseBusy), impatient.write_connection() as connection:
            connection.execute(text("UPDATE setting SET value = value"))
    finally:
        release.set()
        holder.join(10)
    other = sqlite3.connect(backend.db.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseBusy), impatient.write_connection() as connection:
            connection.execute(text("UPDATE setting SET value = value"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    with impatient.write_connection() as connection:  # free again: the next one goes through
        connection.execute(text("INSERT INTO setting (key, value) VALUES ('kept', 'yes')"))
    impatient.close()
    with backend.db.read() as s:
        assert s.scalar(text("SELECT value FROM setting WHERE key = 'kept'")) == "yes"
    assert backend.checkout.complete_sale(three_line_sale(team, shelf)).number == "A1-000001"


def test_a_database_locked_when_the_kept_connection_is_first_opened_is_busy_not_a_bug(
    backend: Backend,
) -> None:
    """Opening the kept connection runs its pragmas (journal_mode): a database locked then is
    DatabaseBusy, as for write() and a pooled connection, not an OperationalError (a bug
    report). Here another process holds the file in exclusive locking mode (found in review)."""
    backend.db.close()  # WAL: an open connection keeps others from the exclusive lock
    impatient = Database(backend.db.path, busy_timeout_ms=50)
    other = sqlite3.connect(backend.db.path, isolation_level=None, timeout=0)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("UPDATE setting SET value = value")
    try:
        with pytest.raises(DatabaseBusy), impatient.write_connection() as connection:
            connection.execute(text("UPDATE setting SET value = value"))
    finally:
        other.execute("ROLLBACK")
        other.close()
        impatient.close()


def test_a_write_connection_used_after_its_transaction_does_not_keep_the_write_lock(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    """The connection a write_connection hands out is the kept one, still open after the block.
    A use of it afterwards (a lazy read, a stray reference) begins no transaction of its own,
    so it holds no write lock: another counter's writer goes on, and so does the next sale
    (found in review: it began BEGIN IMMEDIATE and kept the lock until the next sale)."""
    with backend.db.write_connection() as connection:
        connection.execute(text("UPDATE setting SET value = value"))
    assert connection.execute(text("SELECT count(*) FROM setting")).scalar()
    other = sqlite3.connect(backend.db.path, isolation_level=None, timeout=0)
    try:
        other.execute("BEGIN IMMEDIATE")  # another counter's writer is not locked out
        other.execute("ROLLBACK")
    finally:
        other.close()
    assert backend.checkout.complete_sale(three_line_sale(team, shelf)).number == "A1-000001"
