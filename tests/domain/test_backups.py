"""What a backup file is called, and when the nightly one is due (domain/backups.py)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from salon_pos.domain.backups import (
    InvalidBackupKeep,
    InvalidBackupTime,
    UnknownBackupReason,
    backup_file_name,
    check_keep,
    nightly_due,
    parse_backup_name,
    parse_time_of_day,
)

SHANGHAI = "Asia/Shanghai"
AT = time(3, 30)


def shanghai(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment given in Shanghai's wall time (UTC+8), as UTC."""
    return datetime(2026, 12, day, hour, minute, tzinfo=UTC) - timedelta(hours=8)


def test_a_name_says_the_store_time_with_its_offset_and_the_reason_and_reads_back() -> None:
    at = datetime(2026, 11, 20, 19, 30, 5, tzinfo=UTC)  # 03:30:05 the next day in Shanghai
    name = backup_file_name(at, "nightly", SHANGHAI)
    assert name == "salon-pos-20261121-033005+0800-nightly.db"
    parsed = parse_backup_name(name)
    assert parsed is not None and (parsed.at, parsed.reason) == (at, "nightly")
    second = backup_file_name(at, "close", SHANGHAI, n=2)
    assert second == "salon-pos-20261121-033005+0800-close-2.db"
    assert parse_backup_name(second) is not None


@pytest.mark.parametrize(
    "name",
    [
        "salon_pos.db",
        "salon-pos-20261121-033005+0800-nightly.db-wal",
        ".salon-pos-20261121-033005+0800-nightly.db.123.partial",
        "salon-pos-20261121-033005+0800-weekly.db",
        "salon-pos-20261399-033005+0800-manual.db",
        "notes.txt",
    ],
)
def test_other_files_are_not_backups(name: str) -> None:
    assert parse_backup_name(name) is None


def test_an_unknown_reason_is_refused() -> None:
    with pytest.raises(UnknownBackupReason):
        backup_file_name(datetime(2026, 12, 1, tzinfo=UTC), "weekly", SHANGHAI)


@pytest.mark.parametrize("text, expected", [("03:30", AT), ("3:30", AT), ("23:59", time(23, 59))])
def test_a_time_of_day(text: str, expected: time) -> None:
    assert parse_time_of_day(text) == expected


@pytest.mark.parametrize("text", ["24:00", "03:60", "3.30", "0330", "", "ab:cd", "03:3"])
def test_a_bad_time_of_day_is_refused(text: str) -> None:
    with pytest.raises(InvalidBackupTime) as refused:
        parse_time_of_day(text)
    assert "03:30" in refused.value.message("en")


@pytest.mark.parametrize("count", [0, -1, 1000])
def test_the_number_to_keep_has_bounds(count: int) -> None:
    with pytest.raises(InvalidBackupKeep):
        check_keep(count)
    check_keep(30)


def test_no_backup_yet_or_a_day_old_one_is_due_at_once() -> None:
    now = shanghai(7, 10)
    assert nightly_due(now, None, AT, SHANGHAI, running_since=now)
    a_day_ago = now - timedelta(hours=24)
    assert nightly_due(now, a_day_ago, AT, SHANGHAI, running_since=now)  # the PC was off
    assert not nightly_due(now, a_day_ago + timedelta(minutes=1), AT, SHANGHAI, now)


def test_the_nightly_time_passing_while_the_app_runs_makes_it_due_once() -> None:
    started = shanghai(6, 9)
    after_close = shanghai(6, 22)  # the close's backup, last evening
    assert not nightly_due(shanghai(7, 3, 29), after_close, AT, SHANGHAI, started)
    assert nightly_due(shanghai(7, 3, 30), after_close, AT, SHANGHAI, started)
    taken = shanghai(7, 3, 31)
    assert not nightly_due(shanghai(7, 3, 32), taken, AT, SHANGHAI, started)
    assert not nightly_due(shanghai(7, 23, 0), taken, AT, SHANGHAI, started)
    assert nightly_due(shanghai(8, 3, 30), taken, AT, SHANGHAI, started)


def test_a_start_after_the_nightly_time_waits_while_the_last_is_recent() -> None:
    started = shanghai(7, 9)  # opened in the morning; last night's close was backed up
    assert not nightly_due(shanghai(7, 9, 1), shanghai(6, 22), AT, SHANGHAI, started)
