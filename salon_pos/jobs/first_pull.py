"""A joining counter's first pull: the store's catalog, staff, settings and customers, before
its first sale, with its progress told as it goes (the setup wizard's bar, `init --join`'s
line on stderr). It is an ordinary sync round (nothing is pending yet) that ends as soon as
the counter can sell; the store's past tickets follow in the background (docs/first-run.md,
docs/sync-counter.md "Joining a store")."""

from __future__ import annotations

import threading
from collections.abc import Callable

from salon_pos.domain.errors import UserError
from salon_pos.jobs.sync import sync_round
from salon_pos.paths import Paths
from salon_pos.security.device_token import DeviceTokens
from salon_pos.services.backend import Backend
from salon_pos.services.first_run import JOINING, FirstPull, store_data
from sync.pull import PullProgress


class FirstPullFailed(UserError):
    en = "The counter joined the store, but its first download stopped: {detail}"
    zh = "本收银台已加入门店，但首次下载中断：{detail}"


class FirstPullBusy(UserError):
    en = "Another sync of this counter is running; try again in a moment."
    zh = "本收银台的另一个同步正在进行，请稍后再试。"


def first_pull(
    backend: Backend,
    on_pulled: Callable[[PullProgress], None],
    stop: threading.Event,
    *,
    tokens: DeviceTokens | None = None,
    timeout: float = 30.0,
) -> FirstPull:
    """Pull what the counter needs to sell: the store's staff, catalog, settings and customers
    (blocking: run it off the UI thread). The store's past tickets come afterwards, in the
    background, by the sync job's rounds (sync/pull.py). `stop`: set it to end after the page
    under way. A server that cannot be reached or refuses is a FirstPullFailed, with the words
    the status bar would use."""
    paths = Paths(backend.db.path.parent)
    halt = threading.Event()

    def pulled(progress: PullProgress) -> None:
        on_pulled(progress)
        if stop.is_set() or backend.sync.first_pull().can_sell:
            halt.set()  # the round ends after this page: the rest comes in the background

    report = sync_round(backend, paths, tokens, timeout, stop=halt, on_pulled=pulled)
    if report.busy:
        raise FirstPullBusy()
    if not report.online:
        raise FirstPullFailed(detail=report.error or "")
    enrolled = backend.sync.enrollment()
    if enrolled is not None and backend.settings.current.store_name == JOINING:
        backend.settings.update(store_name=enrolled.store_name)  # enrolled, then interrupted
    return FirstPull(report.pulled, stop.is_set(), store_data(backend))
