"""The sync job: one round (push, then pull) and the driver that decides when to run one.

`SyncDriver.tick()` is called every second by the app's scheduler (in a worker thread); it runs
a round when one is due: every 10 s while the server answers, after a backoff (1 s → 60 s, with
jitter) while it does not, at once while operations are still pending, and at the next tick
after `wake()` (a sale, the "sync now" button, the network coming back). Network trouble never
raises: it is in the report and in the status bar (docs/sync-counter.md).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import requests

from salon_pos.domain.errors import UserError
from salon_pos.logs import report_bug
from salon_pos.paths import Paths
from salon_pos.security.device_token import DeviceTokens, NotEnrolled
from salon_pos.services.backend import Backend
from salon_pos.services.changes import Changes
from salon_pos.services.outbox_status import outbox_status
from salon_pos.services.store_key import StoreKeySettler
from salon_pos.services.sync_errors import SyncBug, describe_sync_error
from salon_pos.services.sync_home import Home
from salon_pos.services.sync_outbox import CounterOutbox
from salon_pos.services.sync_recovery import CounterCopied, CounterGuard
from salon_pos.services.sync_renumber import Recovery
from salon_pos.services.sync_status import ConnectionState
from sync.client import Backoff, Refused, RoundOutcome, Sender, SyncClient, SyncError
from sync.pull import PullProgress

log = logging.getLogger(__name__)

LOCK_FILE = "sync.lock"  # in the data folder: one sender per device, across processes


@dataclass(frozen=True)
class RoundReport:
    pushed: int = 0
    applied: int = 0
    duplicates: int = 0
    flagged: int = 0
    rejected: int = 0
    pulled: int = 0
    error: str | None = None
    busy: bool = False  # another sender of this counter was running; nothing was sent
    online: bool = False  # the server answered this round
    pending: int = 0  # operations still waiting after the round
    enrolled: bool = True
    changed: Changes = field(default_factory=Changes)  # what the pulls changed here
    history_left: bool = False  # a first pull's history is still coming: run again soon
    # This counter was behind the server (restored from a backup) and recovered this round.
    recovered: Recovery | None = None


def _report(
    outcome: RoundOutcome, error: str | None, online: bool, pending: int, changed: Changes
) -> RoundReport:
    return RoundReport(
        changed=changed,
        pushed=outcome.pushed,
        applied=outcome.applied,
        duplicates=outcome.duplicates,
        flagged=outcome.flagged,
        rejected=outcome.rejected,
        pulled=outcome.pulled,
        history_left=outcome.history_left,
        error=error,
        busy=outcome.busy,
        online=online,
        pending=pending,
    )


def sync_round(
    backend: Backend,
    paths: Paths,
    tokens: DeviceTokens | None = None,
    timeout: float = 10.0,
    *,
    session: requests.Session | None = None,
    stop: threading.Event | None = None,
    home: Home | None = None,
    on_pulled: Callable[[PullProgress], None] | None = None,
) -> RoundReport:
    """Push what is pending and pull what changed, once; records the outcome for the status
    bar. Never raises for the network, the server or a missing keyring. `session`: send
    through this requests session instead of a new one (tests inject network faults). `stop`:
    set it to end the round after the batch or page under way. `home`: where this
    copy lives (tests give another PC's); by default this PC and the database's path.
    `on_pulled`: told how far the pull is after each page (on this thread)."""
    language = backend.settings.current.language
    enrollment = backend.sync.enrollment()
    if enrollment is None:  # what waits is still counted: it is sent once the counter enrolls
        pending = outbox_status(backend.db).pending
        return RoundReport(error=NotEnrolled().message(language), enrolled=False, pending=pending)
    device_id = backend.settings.current.device_id
    try:
        token = (tokens or DeviceTokens()).load(device_id)
    except UserError as keyring_problem:  # locked, missing or broken: this PC's, not the server's
        message = keyring_problem.message(language)
        log.warning("sync round: no device token: %s", keyring_problem.message("en"))
        backend.sync.record_attempt(ConnectionState.OFFLINE, message)
        return RoundReport(error=message, pending=outbox_status(backend.db).pending)
    client = SyncClient(enrollment.server_url, token, timeout, session=session)
    try:
        outbox = CounterOutbox(backend.db, backend.clock, device_id)
        here = home or Home.of(backend.db.path)
        settler = StoreKeySettler(backend.db, backend.clock, backend.customers.keys)
        guard = CounterGuard(
            backend.db, backend.clock, here, backend.settings.current.counter_prefix, settler
        )
        lock = paths.home / LOCK_FILE
        sender = Sender(
            client,
            outbox,
            enrollment.store_id,
            device_id,
            lock,
            stop=stop,
            guard=guard,
            on_pulled=on_pulled,
        )
        outcome = sender.run_round()
        if outcome.error is None and not outcome.busy:
            _remember_counters(backend, client, enrollment.store_id, device_id)
            if backend.transfers.stores_due():
                _remember_stores(backend, client, enrollment.store_id, device_id)
    finally:
        client.close()
    pending = outbox_status(backend.db).pending
    changed = backend.settings.after_pull(outbox.take_changes())
    if outcome.busy:
        return _report(outcome, None, online=False, pending=pending, changed=changed)
    error = describe_sync_error(outcome, language)
    if isinstance(outcome.error, CounterCopied):
        error = outcome.error.problem.message(language)
    online = outcome.error is None
    state = ConnectionState.ONLINE if online else ConnectionState.OFFLINE
    if isinstance(outcome.error, Refused):
        state = ConnectionState.REFUSED
    backend.sync.record_attempt(state, error)
    if outcome.error is not None:
        log.warning("sync round: %s (%s)", error, outcome.error.detail)
    report = _report(outcome, error, online, pending, changed)
    return replace(report, recovered=guard.last_recovery)


def _remember_counters(backend: Backend, client: SyncClient, store_id: str, device_id: str) -> None:
    """The store's counters and when each was last heard from, for the close's check. An older
    server has no such answer: the close then says it does not know."""
    try:
        answer = client.store_counters(store_id, device_id)
    except SyncError as error:
        log.info("the server did not list the store's counters: %s", error.detail)
        return
    backend.day_close.remember_counters(
        [(c.device_id, c.counter, c.last_heard_at) for c in answer.counters]
    )


def _remember_stores(backend: Backend, client: SyncClient, store_id: str, device_id: str) -> None:
    """The owner's other stores, where stock may be sent (an older server has no such answer:
    transfers then offer the stores known before)."""
    try:
        answer = client.chain_stores(store_id, device_id)
    except SyncError as error:
        log.info("the server did not list the owner's stores: %s", error.detail)
        return
    backend.transfers.remember_stores([(s.id, s.name) for s in answer.stores])


class SyncDriver:
    """When to run a round. Thread-safe: tick() runs in the scheduler's pool, wake() anywhere."""

    def __init__(
        self,
        backend: Backend,
        paths: Paths,
        *,
        interval: float = 10.0,
        backoff: Backoff | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        run_round: Callable[[], RoundReport] | None = None,
    ) -> None:
        self.interval = interval
        self._backend = backend
        self._paths = paths
        self.backoff = backoff or Backoff()
        self.last_report: RoundReport | None = None
        self._monotonic = monotonic
        self._stopping = threading.Event()
        self._run_round = run_round or (lambda: sync_round(backend, paths, stop=self._stopping))
        self._due = 0.0
        self._guard = threading.Lock()
        self._running = threading.Lock()

    def wake(self) -> None:
        """Run a round at the next tick."""
        with self._guard:
            self._due = 0.0

    def stop(self) -> None:
        """End a round under way after its current batch or page, and run no more (closing)."""
        self._stopping.set()

    def tick(self) -> RoundReport | None:
        """Run a round if one is due; the report, or None when nothing ran."""
        with self._guard:
            if self._stopping.is_set() or self._monotonic() < self._due:
                return None
        if not self._running.acquire(blocking=False):
            return None
        try:
            report = self._round()
        finally:
            self._running.release()
        with self._guard:
            self._due = self._monotonic() + self._delay(report)
        self.last_report = report
        return report

    def _round(self) -> RoundReport:
        try:
            report = self._run_round()
        except Exception as error:  # a bug must not kill the scheduler's job; log and back off
            report_bug(error, "a sync round")
            return RoundReport(error=self._tell_bug())
        if not report.enrolled:  # a store without a server: this counter may be its sender
            try:
                self._backend.reminders.run_if_due(self._paths.home / "reminders.jsonl")
            except Exception as error:
                report_bug(error, "reminders")
        return report

    def _tell_bug(self) -> str:
        """The status bar's words for a round that a bug stopped: where the log is, never the
        exception's text; best effort, as the database may be what failed."""
        message = SyncBug(log=self._paths.log_file)
        try:
            text = message.message(self._backend.settings.current.language)
            self._backend.sync.record_attempt(ConnectionState.OFFLINE, text)
        except Exception:
            log.exception("could not record the failed sync round")
            text = message.message()
        return text

    def _delay(self, report: RoundReport) -> float:
        if report.busy:
            return 1.0
        if not report.enrolled:
            return self.interval
        if report.error is not None:
            return self.backoff.failed()
        self.backoff.reset()
        if report.history_left:
            return 0.0
        return 0.0 if report.pending and report.pushed else self.interval
