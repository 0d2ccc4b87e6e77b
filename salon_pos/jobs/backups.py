"""The nightly backup: a job of the app's scheduler (ui/sync_scheduler.py) that looks once a
minute whether a backup is due (domain/backups.nightly_due) and takes it: at the nightly time
in Settings (03:30 store time by default) while the app runs, and soon after a start when the
last backup is 24 hours old or more (the PC was off at night). Reading the settings each time,
a new nightly time counts at once. A failure (a full disk) is logged and tried again an hour
later, not every minute; the app goes on either way (docs/backups.md)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from salon_pos.domain.backups import NIGHTLY, nightly_due, parse_time_of_day
from salon_pos.domain.clock import Clock
from salon_pos.domain.errors import UserError
from salon_pos.logs import report_bug
from salon_pos.services.backups import BackupResult, BackupService

log = logging.getLogger(__name__)

CHECK_EVERY_SECONDS = 60  # the first look is a minute after the start: never in its way
RETRY_AFTER = timedelta(hours=1)


class NightlyBackup:
    """`tick()` in the scheduler's thread: a backup when one is due, else nothing."""

    name = "nightly-backup"
    seconds: float = CHECK_EVERY_SECONDS

    def __init__(self, backups: BackupService, clock: Clock) -> None:
        self._backups = backups
        self._clock = clock
        self._started = clock.now()
        self._failed_at: datetime | None = None

    def tick(self) -> BackupResult | None:
        now = self._clock.now()
        if self._failed_at is not None and now - self._failed_at < RETRY_AFTER:
            return None
        if not self.due(now):
            return None
        try:
            result = self._backups.back_up(NIGHTLY)
        except UserError as problem:  # the disk: said in the log, tried again later
            log.warning("nightly backup failed: %s", problem.message("en"))
            self._failed_at = now
            return None
        except Exception as error:  # a bug must not stop the scheduler's job
            report_bug(error, "the nightly backup")
            self._failed_at = now
            return None
        self._failed_at = None
        return result

    def due(self, now: datetime) -> bool:
        preferences = self._backups.preferences()
        last = self._backups.last()
        at = parse_time_of_day(preferences.nightly_at)
        return nightly_due(now, last.at if last else None, at, preferences.time_zone, self._started)
