"""Backoff: exponential from 1 s to 60 s, full jitter, reset by a success."""

from __future__ import annotations

import random

from sync.client import Backoff


def test_ceiling_doubles_from_one_second_and_stops_at_sixty() -> None:
    backoff = Backoff(rng=lambda: 1.0)  # the top of each jitter range
    delays = [backoff.failed() for _ in range(9)]
    assert delays == [1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_full_jitter_spreads_delays_over_the_whole_range() -> None:
    rng = random.Random(7)
    backoff = Backoff(rng=rng.random)
    for _ in range(5):
        backoff.failed()
    assert backoff.ceiling() == 16
    samples = []
    for _ in range(2000):
        backoff.failures = 5
        samples.append(backoff.failed())
    assert all(0 <= s <= 32 for s in samples)
    assert min(samples) < 2 and max(samples) > 30  # the whole [0, ceiling] range is used


def test_a_success_resets_it() -> None:
    backoff = Backoff(rng=lambda: 1.0)
    for _ in range(10):
        backoff.failed()
    backoff.reset()
    assert backoff.failures == 0
    assert backoff.failed() == 1
    assert Backoff(rng=lambda: 1.0).failed() == 1


def test_many_failures_do_not_overflow() -> None:
    backoff = Backoff(rng=lambda: 1.0)
    backoff.failures = 10_000
    assert backoff.failed() == 60
