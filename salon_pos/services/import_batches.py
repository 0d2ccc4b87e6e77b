"""The import loop: a checked CSV file, record by record, one write transaction per batch.

A batch is short (BATCH_ROWS rows, about 0.2 s), so a checkout at the counter waits
for a batch, never for the file; and a stop (Ctrl-C, the Cancel button) takes effect between
batches, so what is saved is whole batches and the report says how far it got. Rows already
imported are recognised on the next run (customers by phone, the catalog by its keys).
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from threading import Event
from typing import Protocol, TypeVar

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from salon_pos.db.database import Database, DatabaseBusy
from salon_pos.domain.errors import UserError
from salon_pos.services.backend import Backend
from salon_pos.services.csv_rows import CsvRecord, Inspect, RowRefused, open_csv
from salon_pos.services.import_report import ImportProgress, ImportReport
from salon_pos.services.read_ahead import read_ahead

# Rows per transaction: about 0.2 s, as 1,000 rows took before the import got faster. Each
# commit writes the index pages its rows touched, scattered over the name and search-key
# indexes: 2,000 rows share more of them (into 100,000 customers, 12 µs of CPU a row less).
BATCH_ROWS = 2_000

Progress = Callable[[ImportProgress], None]
T = TypeVar("T")


class BatchSaver(Protocol[T]):
    def prepare(self, records: list[CsvRecord]) -> T:
        """What can be done with a batch before the database: runs on the reading thread,
        ahead of the batch being saved (parsing, checks, search keys)."""
        ...

    def save(self, session: Session, batch: T, report: ImportReport) -> None:
        """Save a prepared batch in the caller's transaction, counting each row in `report`."""
        ...


class RowImporter(Protocol):
    def __call__(self, session: Session, record: CsvRecord) -> str:
        """Save one record inside the caller's savepoint; return created / updated / unchanged,
        or raise UserError for a bad row."""
        ...

    def row_failed(self, line: int) -> None:
        """The row at `line` was refused and rolled back."""
        ...


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    rest = iter(items)
    while batch := list(islice(rest, size)):
        yield batch


def import_batches(
    backend: Backend,
    path: Path,
    saver: BatchSaver[T],
    columns: Mapping[str, tuple[str, ...]],
    required: tuple[str, ...],
    *,
    inspect: Inspect | None = None,
    progress: Progress | None = None,
    stop: Event | None = None,
) -> ImportReport:
    """Check the file (a bad file writes nothing), then save each batch in its own write
    transaction (the next one read and prepared meanwhile), telling `progress` after each;
    stop between batches once `stop` is set."""
    source = open_csv(path, columns, required, inspect, stop)
    if source is None:
        return ImportReport(stopped=True)
    report = ImportReport(total=source.records, notices=source.notices())
    started = time.monotonic()
    prepared = (
        (records[-1].line, saver.prepare(records)) for records in batched(source.read(), BATCH_ROWS)
    )
    with (
        _COLLECTOR.no_full_collections(),
        _import_connection(backend.db) as connection,
        read_ahead(prepared) as batches,
    ):
        for last_line, batch in batches:
            if stop is not None and stop.is_set():
                report.stopped = True
                break
            with _busy_is_a_user_error(), Session(connection) as session, session.begin():
                saver.save(session, batch, report)
            report.last_line = last_line
            if progress is not None:
                progress(ImportProgress(report.done, report.total, time.monotonic() - started))
    return report


# Measured with 10,000 rows into 100,000 customers: 320 µs of CPU a row with SQLite's defaults
# (2 MB of page cache, a checkpoint every 1,000 pages), 230 µs with these. Each batch dirties
# index pages all over the customer and search-key indexes; a larger cache reads them once, and
# rarer checkpoints copy a page written by several batches once.
_IMPORT_PRAGMAS = {"cache_size": -32_000, "wal_autocheckpoint": 10_000}


_NEVER = 1_000_000_000


class _Collector:
    """Holds off Python's full garbage collections while any import runs."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._imports = 0
        self._thresholds = gc.get_threshold()

    @contextmanager
    def no_full_collections(self) -> Iterator[None]:
        """The collector walks every object of the process (pypinyin's dictionaries,
        SQLAlchemy's models) once enough new objects have lived a while, and an import's rows
        in flight made it do so every few batches: 12 µs of CPU a row into 100,000 customers.
        An import leaves next to no cycles behind (10 objects after 20,000 rows), so the young
        generations are enough meanwhile; the thresholds are put back when the last ends."""
        with self._lock:
            if self._imports == 0:
                self._thresholds = gc.get_threshold()
                gc.set_threshold(self._thresholds[0], self._thresholds[1], _NEVER)
            self._imports += 1
        try:
            yield
        finally:
            with self._lock:
                self._imports -= 1
                if self._imports == 0:
                    gc.set_threshold(*self._thresholds)


_COLLECTOR = _Collector()


@contextmanager
def _import_connection(db: Database) -> Iterator[Connection]:
    """One connection for the whole import, its writes taking the lock at BEGIN like
    Database.write(), with the pragmas above; put back into the pool as it was."""
    with db.engine.connect() as connection:
        before = {n: connection.exec_driver_sql(f"PRAGMA {n}").scalar() for n in _IMPORT_PRAGMAS}
        _set(connection, _IMPORT_PRAGMAS)
        try:
            yield connection.execution_options(sqlite_begin="IMMEDIATE")
        finally:
            if connection.in_transaction():
                connection.rollback()
            _set(connection, before)


def _set(connection: Connection, pragmas: Mapping[str, object]) -> None:
    for name, value in pragmas.items():
        connection.exec_driver_sql(f"PRAGMA {name}={int(str(value))}")
    connection.commit()


@contextmanager
def _busy_is_a_user_error() -> Iterator[None]:
    try:
        yield
    except OperationalError as error:
        if "database is locked" in str(error.orig):
            raise DatabaseBusy() from error
        raise


@dataclass(frozen=True)
class RowByRow:
    """A batch saved a row at a time, each in its own SAVEPOINT: a bad row leaves nothing of
    itself behind (no half item, no outbox operation) and the good rows are kept."""

    rows: RowImporter

    def prepare(self, records: list[CsvRecord]) -> list[CsvRecord]:
        return records

    def save(self, session: Session, batch: list[CsvRecord], report: ImportReport) -> None:
        for record in batch:
            try:
                with session.begin_nested():
                    report.count(self.rows(session, record))
            except UserError as error:
                self.rows.row_failed(record.line)
                report.refuse(record.line, error)
            except IntegrityError as error:
                self.rows.row_failed(record.line)
                report.refuse(record.line, RowRefused(detail=str(error.orig)))


def import_rows(
    backend: Backend,
    path: Path,
    rows: RowImporter,
    columns: Mapping[str, tuple[str, ...]],
    required: tuple[str, ...],
    *,
    progress: Progress | None = None,
    stop: Event | None = None,
) -> ImportReport:
    """Every record through `rows`, each in its own savepoint, a batch per transaction."""
    saver = RowByRow(rows)
    return import_batches(backend, path, saver, columns, required, progress=progress, stop=stop)
