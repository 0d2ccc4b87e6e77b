"""Backups of the counter's database, as rules: what a backup file is called (the moment it was
taken, in the store's time with its UTC offset, and why), and when the nightly one is due.
No I/O here: services/backups.py writes the files, jobs/backups.py asks when (docs/backups.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from salon_pos.domain.errors import UserError

NIGHTLY, CLOSE, MANUAL = "nightly", "close", "manual"
REASONS = (NIGHTLY, CLOSE, MANUAL)
DEFAULT_TIME = "03:30"
DEFAULT_KEEP = 30
KEEP_RANGE = (1, 999)
MISSED_AFTER = timedelta(hours=24)  # no backup for this long: take one now

# salon-pos-20261201-033000+0800-nightly.db (a second one in the same second: …-nightly-2.db)
_NAME = re.compile(
    r"^salon-pos-(?P<at>\d{8}-\d{6}[+-]\d{4})-(?P<reason>[a-z]+)(?:-(?P<n>\d+))?\.db$"
)


class InvalidBackupTime(UserError):
    en = '"{text}" is not a time of day for the nightly backup: write it like 03:30.'
    zh = "“{text}”不是有效的每晚备份时间，请写成 03:30 这样的格式。"


class InvalidBackupKeep(UserError):
    en = "Keep from {low} to {high} backups, not {count}."
    zh = "保留的备份份数须在 {low} 到 {high} 之间，不能是 {count}。"


class UnknownBackupReason(UserError):
    en = '"{reason}" is not a reason for a backup (nightly, close or manual).'
    zh = "“{reason}”不是备份原因（应为 nightly、close 或 manual）。"


@dataclass(frozen=True)
class BackupName:
    at: datetime  # aware, UTC
    reason: str


def backup_file_name(at: datetime, reason: str, time_zone: str, n: int = 1) -> str:
    """The file name of a backup taken `at` (aware) for `reason`; `n` > 1 for a second one in
    the same second."""
    if reason not in REASONS:
        raise UnknownBackupReason(reason=reason)
    local = at.astimezone(ZoneInfo(time_zone))
    suffix = "" if n == 1 else f"-{n}"
    return f"salon-pos-{local:%Y%m%d-%H%M%S%z}-{reason}{suffix}.db"


def parse_backup_name(name: str) -> BackupName | None:
    """What a file name says, or None for a file that is not one of ours."""
    found = _NAME.match(name)
    if found is None or found["reason"] not in REASONS:
        return None
    try:
        at = datetime.strptime(found["at"], "%Y%m%d-%H%M%S%z")
    except ValueError:
        return None
    return BackupName(at.astimezone(UTC), found["reason"])


def parse_time_of_day(text: str) -> time:
    """`03:30` → 03:30; InvalidBackupTime for anything else."""
    hours, _, minutes = text.strip().partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2 and len(hours) <= 2):
        raise InvalidBackupTime(text=text)
    if not (0 <= int(hours) <= 23 and 0 <= int(minutes) <= 59):
        raise InvalidBackupTime(text=text)
    return time(int(hours), int(minutes))


def check_keep(count: int) -> None:
    low, high = KEEP_RANGE
    if not low <= count <= high:
        raise InvalidBackupKeep(low=low, high=high, count=count)


def last_scheduled(now: datetime, at: time, time_zone: str) -> datetime:
    """The latest moment at or before `now` when the nightly backup was due (UTC)."""
    zone = ZoneInfo(time_zone)
    local = now.astimezone(zone)
    moment = datetime.combine(local.date(), at, zone)
    if moment > local:
        moment = datetime.combine(local.date() - timedelta(days=1), at, zone)
    return moment.astimezone(UTC)


def nightly_due(
    now: datetime, last: datetime | None, at: time, time_zone: str, running_since: datetime
) -> bool:
    """Whether to take the nightly backup now. Due when there is none yet, when the last one
    is 24 hours old or more (the PC was off at night: taken at the next start), and when the
    nightly time has passed while the app was running and no backup was taken since."""
    if last is None or now - last >= MISSED_AFTER:
        return True
    scheduled = last_scheduled(now, at, time_zone)
    return scheduled > running_since and last < scheduled
