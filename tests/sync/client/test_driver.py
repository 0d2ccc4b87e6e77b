"""When the driver runs a round: every 10 s online, backoff while failing, at once after wake()
or while work is left, and never two rounds at a time."""

from __future__ import annotations

import pytest

from salon_pos.jobs.sync import RoundReport, SyncDriver
from salon_pos.paths import Paths
from salon_pos.services.backend import Backend
from sync.client import Backoff


class Script:
    def __init__(self, *reports: RoundReport) -> None:
        self.reports = list(reports)
        self.runs = 0

    def __call__(self) -> RoundReport:
        self.runs += 1
        return self.reports.pop(0) if self.reports else RoundReport(online=True)


class Now:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def _driver(backend: Backend, script: Script, now: Now) -> SyncDriver:
    return SyncDriver(
        backend,
        Paths(backend.db.path.parent),
        backoff=Backoff(rng=lambda: 1.0),
        monotonic=now,
        run_round=script,
    )


def test_online_rounds_every_ten_seconds_and_wake_runs_at_the_next_tick(
    backend: Backend,
) -> None:
    script, now = Script(), Now()
    driver = _driver(backend, script, now)
    assert driver.tick() is not None and script.runs == 1
    now.t += 5
    assert driver.tick() is None
    driver.wake()
    assert driver.tick() is not None and script.runs == 2
    now.t += 9.9
    assert driver.tick() is None
    now.t += 0.2
    assert driver.tick() is not None and script.runs == 3


def test_failures_back_off_exponentially_and_a_success_resets(backend: Backend) -> None:
    failing = RoundReport(error="离线")
    script, now = Script(*[failing] * 4), Now()
    driver = _driver(backend, script, now)
    gaps = []
    for _ in range(4):
        start = now.t
        while driver.tick() is None:
            now.t += 0.5
        gaps.append(now.t - start)
    assert gaps == [0, 1, 2, 4]  # each wait as long as the (jitter-free) backoff said
    assert driver.backoff.failures == 4
    now.t += 8
    assert driver.tick() is not None and driver.backoff.failures == 0


def test_work_left_after_a_round_runs_again_at_once(backend: Backend) -> None:
    script = Script(RoundReport(online=True, pushed=200, pending=50), RoundReport(online=True))
    now = Now()
    driver = _driver(backend, script, now)
    driver.tick()
    assert driver.tick() is not None and script.runs == 2
    assert driver.tick() is None


def test_an_unenrolled_counter_ticks_quietly(backend: Backend) -> None:
    now = Now()
    driver = SyncDriver(backend, Paths(backend.db.path.parent), monotonic=now)
    report = driver.tick()
    assert report is not None and not report.enrolled and not report.online
    assert backend.sync.status().last_error is None  # nothing recorded for the status bar
    assert driver.tick() is None


def test_a_bug_in_a_round_is_logged_and_the_status_bar_says_where_not_what(
    backend: Backend, caplog: pytest.LogCaptureFixture
) -> None:
    def broken_round() -> RoundReport:
        raise RuntimeError("internal detail the cashier cannot use")

    paths = Paths(backend.db.path.parent)
    driver = SyncDriver(backend, paths, monotonic=Now(), run_round=broken_round)

    report = driver.tick()

    assert report is not None and report.error is not None
    assert "internal detail" not in report.error and "RuntimeError" not in report.error
    assert str(paths.log_file) in report.error and "程序错误" in report.error
    assert backend.sync.status().last_error == report.error
    failures = [r for r in caplog.records if r.getMessage().startswith("bug in a sync round")]
    assert len(failures) == 1 and failures[0].exc_info is not None
