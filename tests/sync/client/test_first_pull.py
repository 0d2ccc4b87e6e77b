"""The first pull of a joining counter tells how far it is after each page, and stops early
when asked (the rest comes with the next rounds)."""

from __future__ import annotations

import threading

import pytest

from salon_pos.jobs.first_pull import FirstPullFailed, first_pull
from salon_pos.services.backend import Backend
from sync.protocol import MAX_CHANGES_PER_PULL
from sync.pull import PullProgress
from tests.sync.client.fake_server import FakeServer

CHANGES = 2 * MAX_CHANGES_PER_PULL + 34  # three pages


def _feed(server: FakeServer) -> None:
    for i in range(CHANGES):
        item = {"id": f"item-{i:04d}", "kind": "service", "category": "美发", "name": f"剪发{i}"}
        server.state.add_change("catalog_item", item["id"], item | {"price": 100 * i})


def test_progress_is_told_per_page_up_to_the_servers_last_seq(
    enrolled: Backend, fake_server: FakeServer
) -> None:
    _feed(fake_server)
    told: list[PullProgress] = []
    result = first_pull(enrolled, told.append, threading.Event())
    assert [p.pulled for p in told] == [MAX_CHANGES_PER_PULL, 2 * MAX_CHANGES_PER_PULL, CHANGES]
    assert {p.total for p in told} == {CHANGES}
    assert (result.pulled, result.stopped, result.held.catalog_items) == (CHANGES, False, CHANGES)


def test_stop_ends_after_the_page_under_way_and_the_next_round_goes_on(
    enrolled: Backend, fake_server: FakeServer
) -> None:
    _feed(fake_server)
    stop = threading.Event()
    result = first_pull(enrolled, lambda _: stop.set(), stop)
    assert (result.pulled, result.stopped) == (MAX_CHANGES_PER_PULL, True)
    rest = first_pull(enrolled, lambda _: None, threading.Event())
    assert rest.pulled == CHANGES - MAX_CHANGES_PER_PULL
    assert rest.held.catalog_items == CHANGES


def test_an_unreachable_server_is_a_clear_error(enrolled: Backend, fake_server: FakeServer) -> None:
    fake_server.stop()
    with pytest.raises(FirstPullFailed) as refused:
        first_pull(enrolled, lambda _: None, threading.Event(), timeout=2)
    assert "首次下载中断" in refused.value.message("zh_CN")
