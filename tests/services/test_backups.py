"""Backups of the counter's database (services/backups.py): consistent while the cashier sells,
the newest N kept, a second folder that fails never loses the first copy; and the nightly job
(jobs/backups.py) that takes them."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from salon_pos.db.audit import verify_chain
from salon_pos.jobs.backups import NightlyBackup
from salon_pos.services.backend import Backend
from salon_pos.services.backups import (
    CLOSE,
    MANUAL,
    NIGHTLY,
    BackupFailed,
    BackupService,
    SecondFolderUnusable,
)
from sync.operations.sales import SALE_COMPLETED
from tests.conftest import FakeClock, Shelf, Team, three_line_sale


@dataclass(frozen=True)
class Held:
    """What a backup file holds, read straight from it."""

    integrity: str
    tickets: int
    sales_queued: int
    chain_breaks_at: int | None


def held(path: Path) -> Held:
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as copy:
        integrity = copy.execute("PRAGMA integrity_check").fetchone()[0]
        tickets = copy.execute("SELECT count(*) FROM ticket").fetchone()[0]
        sales = copy.execute(
            "SELECT count(*) FROM outbox_operation WHERE type = ?", (SALE_COMPLETED,)
        ).fetchone()[0]
        journal = copy.execute("PRAGMA journal_mode").fetchone()[0]
    assert journal == "delete"  # one self-contained file
    engine = create_engine(f"sqlite:///{path}")
    with Session(engine) as session:
        breaks = verify_chain(session)
    engine.dispose()
    return Held(integrity, tickets, sales, breaks)


def test_a_backup_is_consistent_while_the_cashier_goes_on_selling(
    backend: Backend, team: Team, shelf: Shelf
) -> None:
    sold = 0
    stop = threading.Event()
    progressed = threading.Condition()

    def sell() -> None:  # another connection writing all along
        nonlocal sold
        while not stop.is_set():
            backend.checkout.complete_sale(three_line_sale(team, shelf))
            with progressed:
                sold += 1
                progressed.notify_all()

    seller = threading.Thread(target=sell)
    seller.start()
    taken = []
    try:
        for wanted in range(10, 60, 10):
            with progressed:
                progressed.wait_for(lambda wanted=wanted: sold >= wanted, timeout=30)
                before = sold
            result = backend.backups.back_up(MANUAL)
            with progressed:
                after = sold
            taken.append((result.backup.path, before, after))
    finally:
        stop.set()
        seller.join()
    assert sold >= 50
    for path, before, after in taken:
        copy = held(path)
        assert copy.integrity == "ok" and copy.chain_breaks_at is None
        assert before <= copy.tickets <= after + 1  # a snapshot of some moment in between
        assert copy.sales_queued == copy.tickets  # never a ticket without its operation
    assert [held(path).tickets for path, _, _ in taken] == sorted(
        held(path).tickets for path, _, _ in taken
    )


def test_the_newest_30_are_kept_and_older_ones_deleted(backend: Backend, clock: FakeClock) -> None:
    first = backend.backups.back_up(NIGHTLY)
    results = [first]
    for _ in range(30):
        clock.advance(hours=1)
        results.append(backend.backups.back_up(NIGHTLY))
    assert [r.removed for r in results] == [0] * 30 + [1]
    kept = backend.backups.list()
    assert len(kept) == 30 and not first.backup.path.exists()
    assert [b.path for b in kept] == [r.backup.path for r in reversed(results[1:])]
    assert kept[0].at == clock.now().replace(microsecond=0) and kept[0].reason == NIGHTLY
    (backend.backups.folder / "notes.txt").write_text("mine")  # not a backup: left alone
    backend.settings.update(backup_keep=3)
    clock.advance(hours=1)
    assert backend.backups.back_up(CLOSE).removed == 28
    assert len(backend.backups.list()) == 3
    assert (backend.backups.folder / "notes.txt").exists()


def test_two_backups_in_the_same_second_both_stay(backend: Backend) -> None:
    one = backend.backups.back_up(MANUAL).backup.path
    two = backend.backups.back_up(MANUAL).backup.path
    assert one != two and two.name.endswith("-manual-2.db")
    assert {b.path for b in backend.backups.list()} == {one, two}


def test_a_second_folder_gets_a_checked_copy_and_keeps_its_own_newest(
    backend: Backend, clock: FakeClock, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    backend.settings.update(backup_folder=str(usb), backup_keep=2)
    for _ in range(3):
        result = backend.backups.back_up(NIGHTLY)
        clock.advance(minutes=5)
    assert result.second_problem is None and result.second_copy == usb / result.backup.path.name
    assert held(result.second_copy).integrity == "ok"
    assert len(backend.backups.list(usb)) == 2 and len(backend.backups.list()) == 2
    assert [p.name for p in usb.iterdir() if p.name.startswith(".")] == []  # no leftovers


@pytest.mark.parametrize("kind", ["missing", "a file"])
def test_a_second_folder_that_cannot_be_used_is_said_and_the_first_copy_stands(
    backend: Backend, tmp_path: Path, kind: str
) -> None:
    usb = tmp_path / "usb"
    if kind == "a file":
        usb.write_text("not a folder")
    backend.settings.update(backup_folder=str(usb))
    result = backend.backups.back_up(CLOSE)
    assert result.second_copy is None
    assert isinstance(result.second_problem, SecondFolderUnusable)
    assert str(usb) in result.second_problem.message("en")
    assert "U 盘" in result.second_problem.message("zh_CN")
    assert held(result.backup.path).integrity == "ok"
    assert backend.backups.list()[0].path == result.backup.path
    with pytest.raises(SecondFolderUnusable):
        backend.backups.check_folder(usb)


def test_a_backup_that_cannot_be_written_says_why_and_leaves_nothing_half_made(
    backend: Backend,
) -> None:
    folder = backend.backups.folder
    folder.rmdir()
    folder.write_text("in the way")  # backups/ is a file: nothing can be written there
    with pytest.raises(BackupFailed) as refused:
        backend.backups.back_up(MANUAL)
    assert str(folder) in refused.value.message("en")
    assert backend.backups.list() == []


def test_the_settings_refuse_a_bad_nightly_time_or_number_to_keep(backend: Backend) -> None:
    from salon_pos.domain.backups import InvalidBackupKeep, InvalidBackupTime

    with pytest.raises(InvalidBackupTime):
        backend.settings.update(backup_time="25:00")
    with pytest.raises(InvalidBackupKeep):
        backend.settings.update(backup_keep=0)
    assert backend.settings.current.backup_time == "03:30"
    assert backend.settings.current.backup_keep == 30


# The nightly job


class Failing(BackupService):
    def __init__(self, inner: BackupService) -> None:
        self.inner, self.failing, self.tries = inner, True, 0

    def preferences(self):  # type: ignore[no-untyped-def]
        return self.inner.preferences()

    def last(self):  # type: ignore[no-untyped-def]
        return self.inner.last()

    def back_up(self, reason: str = MANUAL, second_folder: Path | None = None):  # type: ignore[no-untyped-def]
        self.tries += 1
        if self.failing:
            raise BackupFailed(folder="/full", reason="disk full")
        return self.inner.back_up(reason, second_folder)


def test_the_nightly_job_backs_up_at_the_nightly_time_and_after_a_missed_night(
    backend: Backend, clock: FakeClock
) -> None:
    clock.current = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai
    job = NightlyBackup(backend.backups, clock)
    first = job.tick()  # none yet: one now
    assert first is not None and first.backup.reason == NIGHTLY
    clock.advance(minutes=1)
    assert job.tick() is None
    clock.current = datetime(2026, 12, 7, 19, 29, tzinfo=UTC)  # 03:29 the next morning
    assert job.tick() is None
    clock.advance(minutes=1)  # 03:30
    assert job.tick() is not None
    clock.advance(minutes=1)
    assert job.tick() is None and len(backend.backups.list()) == 2

    clock.advance(days=3)  # the PC was off: the next start takes one soon
    after_the_break = NightlyBackup(backend.backups, clock)
    assert after_the_break.tick() is not None


def test_a_failed_nightly_backup_is_tried_again_an_hour_later(
    backend: Backend, clock: FakeClock
) -> None:
    failing = Failing(backend.backups)
    job = NightlyBackup(failing, clock)
    assert job.tick() is None and failing.tries == 1
    failing.failing = False
    clock.advance(minutes=59)
    assert job.tick() is None and failing.tries == 1  # not every minute
    clock.advance(minutes=1)
    assert job.tick() is not None and failing.tries == 2


def test_a_new_nightly_time_in_settings_counts_at_once(backend: Backend, clock: FakeClock) -> None:
    clock.current = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai
    job = NightlyBackup(backend.backups, clock)
    assert job.tick() is not None
    backend.settings.update(backup_time="22:00")
    clock.current = datetime(2026, 12, 7, 13, 59, tzinfo=UTC)  # 21:59
    assert job.tick() is None
    clock.advance(minutes=1)
    assert job.tick() is not None
    assert clock.now() - backend.backups.last().at < timedelta(minutes=1)  # type: ignore[union-attr]
