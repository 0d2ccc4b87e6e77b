"""The sync driver's clock: APScheduler's QtScheduler runs `driver.tick()` every second in its
own thread pool (a round when one is due, or nothing), and reports each tick back to the Qt main
thread through a queued signal. Ticks never touch widgets. The app's other periodic jobs (the
nightly backup, jobs/backups.py) run on the same scheduler in a thread of their own
(`add_job`), so a backup that takes seconds never holds up a sync round.

Woken (`wake()`) after a sale, by the "sync now" button, and when the network comes back, so the
driver runs a round at the next tick instead of waiting out its backoff."""

from __future__ import annotations

import logging
from datetime import UTC
from typing import Any, Protocol

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.base import STATE_STOPPED
from apscheduler.schedulers.qt import QtScheduler
from PySide6.QtCore import QObject, Qt, QTimer, Signal

log = logging.getLogger(__name__)

TICK_SECONDS = 1
THREAD_PREFIX = "sync-tick"
JOBS_THREAD_PREFIX = "app-job"


class _SkippedTickFilter(logging.Filter):
    """A round may outlast many one-second ticks; each skipped tick is expected, not a warning
    for the log file (APScheduler would write one a second through a long drain)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "maximum number of running instances reached" not in record.getMessage()


logging.getLogger("apscheduler.scheduler").addFilter(_SkippedTickFilter())
# APScheduler logs two INFO lines for every run of every job: with a tick a second that is 170,000
# lines a day in the app's log file. Its warnings and errors still get through.
logging.getLogger("apscheduler").setLevel(logging.WARNING)


class SyncDriverPort(Protocol):
    """What salon_pos.jobs.sync.SyncDriver offers the UI (the ui package may not import jobs)."""

    def tick(self) -> Any: ...

    def wake(self) -> None: ...

    def stop(self) -> None: ...


class PeriodicJob(Protocol):
    """A job run every `seconds` (jobs/backups.NightlyBackup); `tick()` may block, never
    touches a widget, and handles its own errors."""

    name: str
    seconds: float

    def tick(self) -> Any: ...


class OwnedTimerQtScheduler(QtScheduler):  # type: ignore[misc]
    """QtScheduler with a timer it owns. The stock one keeps what `QTimer.singleShot` returns,
    which is None in PySide6, so it can never stop its timer: after shutdown a stray wake-up
    would still submit the job to the closed pool. Here the timer is stopped, wake-ups from other
    threads are queued to the main thread, and a stopped scheduler processes nothing."""

    def __init__(self, **options: Any) -> None:
        self._owned_timer = QTimer()
        self._owned_timer.setSingleShot(True)
        self._owned_timer.timeout.connect(self._process_jobs)
        self._relay = _WakeRelay()
        self._relay.woken.connect(lambda: self._start_timer(0), Qt.ConnectionType.QueuedConnection)
        super().__init__(**options)

    def _start_timer(self, wait_seconds: float | None) -> None:
        self._owned_timer.stop()
        if wait_seconds is not None:
            self._owned_timer.start(min(int(wait_seconds * 1000), 2_147_483_647))

    def _stop_timer(self) -> None:
        self._owned_timer.stop()

    def wakeup(self) -> None:
        self._relay.woken.emit()  # safe from any thread

    def _process_jobs(self) -> None:
        if self.state != STATE_STOPPED:
            super()._process_jobs()


class _WakeRelay(QObject):
    woken = Signal()


class SyncScheduler(QObject):
    """Runs the driver's ticks; `ticked(result)` arrives on the main thread after each one."""

    ticked = Signal(object)  # whatever tick() returned (None when there was nothing to do)
    _tick_done = Signal(object)

    def __init__(self, driver: SyncDriverPort, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.driver = driver
        self._tick_done.connect(self.ticked, Qt.ConnectionType.QueuedConnection)
        pool = ThreadPoolExecutor(1, pool_kwargs={"thread_name_prefix": THREAD_PREFIX})
        jobs = ThreadPoolExecutor(1, pool_kwargs={"thread_name_prefix": JOBS_THREAD_PREFIX})
        self._scheduler = OwnedTimerQtScheduler(
            timezone=UTC, executors={"default": pool, "jobs": jobs}
        )
        self._network: QObject | None = None

    @property
    def running(self) -> bool:
        return bool(self._scheduler.running)

    def start(self, watch_network: bool = True) -> None:
        self._scheduler.add_job(
            self._tick,
            "interval",
            seconds=TICK_SECONDS,
            id="sync",
            max_instances=1,
            coalesce=True,
            misfire_grace_time=None,
        )
        self._scheduler.start()
        if watch_network:
            self._watch_network()

    def add_job(self, job: PeriodicJob) -> None:
        """Run `job.tick()` every `job.seconds` (the first time after that long), one at a
        time, in the jobs thread."""
        self._scheduler.add_job(
            job.tick,
            "interval",
            seconds=job.seconds,
            id=job.name,
            executor="jobs",
            max_instances=1,
            coalesce=True,
            misfire_grace_time=None,
        )

    def wake(self) -> None:
        self.driver.wake()

    def shutdown(self) -> None:
        """Stop ticking; a round under way ends after its current batch or page, and is waited
        for (one request at most, bounded by the client's timeout)."""
        self.driver.stop()
        if self._network is not None:
            self._network.reachabilityChanged.disconnect(self._on_network_changed)  # type: ignore[attr-defined]
            self._network = None
        if self._scheduler.running:
            self._scheduler.shutdown(wait=True)

    def _tick(self) -> None:
        """In the scheduler's thread: never a widget here, only the queued signal."""
        try:
            result = self.driver.tick()
        except Exception:  # the driver records its own errors; this is a bug, logged
            log.exception("sync tick failed")
            result = None
        self._tick_done.emit(result)

    def _watch_network(self) -> None:
        """Wake the driver when the network comes back, where Qt can tell (a network
        information backend may not load: offscreen, no NetworkManager)."""
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if not QNetworkInformation.loadDefaultBackend():
                return
            info = QNetworkInformation.instance()
        except Exception:  # an optional convenience: the ticks find the server anyway
            log.info("no network information backend; sync relies on its own probes")
            return
        if info is not None:
            info.reachabilityChanged.connect(self._on_network_changed)
            self._network = info

    def _on_network_changed(self, *_: object) -> None:
        self.wake()
