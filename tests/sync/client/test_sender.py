"""One sync round against a fake server: every operation reaches it once, failures whose
outcome is unknown resend the same operations, and one sender per device."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from salon_pos.db.models import OutboxOperation
from salon_pos.jobs.sync import LOCK_FILE, sync_round
from salon_pos.paths import Paths
from salon_pos.services.backend import Backend
from salon_pos.services.sync_outbox import CounterOutbox
from salon_pos.services.sync_status import ConnectionState
from sync.client import _thread_lock
from sync.protocol import MAX_BATCH_BYTES
from sync.wire import OperationResult
from tests.conftest import Shelf, Team, three_line_sale
from tests.sync.client.fake_server import FakeServer


def _op_ids(backend: Backend) -> list[str]:
    with backend.db.read() as session:
        return list(session.scalars(select(OutboxOperation.id).order_by(OutboxOperation.seq)))


def _sell(backend: Backend, team: Team, shelf: Shelf, count: int) -> None:
    for _ in range(count):
        backend.checkout.complete_sale(three_line_sale(team, shelf))


def test_a_round_pushes_everything_once_and_goes_online(
    enrolled: Backend, team: Team, shelf: Shelf, fake_server: FakeServer, counter_paths: Paths
) -> None:
    _sell(enrolled, team, shelf, 3)
    enrolled.customers.add("张三", "13800138000")
    ids = _op_ids(enrolled)
    report = sync_round(enrolled, counter_paths)
    assert report.error is None and report.online and not report.busy
    assert report.pushed == report.applied == len(ids) == 3 + 3 + 3 + 1
    assert report.pending == 0
    assert fake_server.state.apply_count == dict.fromkeys(ids, 1)
    status = enrolled.sync.status()
    assert status.state is ConnectionState.ONLINE
    assert status.pending == 0 and status.last_sync_at == enrolled.clock.now()
    assert status.last_error is None
    again = sync_round(enrolled, counter_paths)  # nothing left: nothing sent
    assert again.pushed == 0 and len(fake_server.state.pushes) == 1


def test_a_5xx_leaves_the_batch_pending_and_the_same_ids_are_resent(
    enrolled: Backend, team: Team, shelf: Shelf, fake_server: FakeServer, counter_paths: Paths
) -> None:
    _sell(enrolled, team, shelf, 2)
    ids = _op_ids(enrolled)
    fake_server.state.faults = [503]
    failed = sync_round(enrolled, counter_paths)
    assert failed.error is not None and "503" in failed.error and not failed.online
    assert failed.pending == len(ids)
    assert enrolled.sync.status().state is ConnectionState.OFFLINE
    report = sync_round(enrolled, counter_paths)
    assert report.error is None and report.applied == len(ids)
    assert [op["id"] for op in fake_server.state.pushes[-1]] == ids
    assert fake_server.state.apply_count == dict.fromkeys(ids, 1)


def test_an_answer_lost_after_the_server_applied_is_a_duplicate_next_time(
    enrolled: Backend, team: Team, shelf: Shelf, fake_server: FakeServer, counter_paths: Paths
) -> None:
    _sell(enrolled, team, shelf, 2)
    ids = _op_ids(enrolled)
    fake_server.state.faults = ["hang_up"]
    lost = sync_round(enrolled, counter_paths)
    assert lost.error is not None and not lost.online and lost.pending == len(ids)
    report = sync_round(enrolled, counter_paths)
    assert report.duplicates == len(ids) and report.applied == 0 and report.pending == 0
    assert fake_server.state.apply_count == dict.fromkeys(ids, 1)  # applied once, sent twice


def test_resend_from_requeues_what_the_server_never_saw(
    enrolled: Backend, team: Team, shelf: Shelf, fake_server: FakeServer, counter_paths: Paths
) -> None:
    _sell(enrolled, team, shelf, 1)
    device = enrolled.settings.current.device_id
    outbox = CounterOutbox(enrolled.db, enrolled.clock, device)
    first = outbox.pending_batch(3, MAX_BATCH_BYTES)  # marked pushed, but the server lost them
    outbox.record_results([OperationResult(id=o.id, seq=o.seq, status="applied") for o in first])
    report = sync_round(enrolled, counter_paths)
    assert report.error is None and report.pending == 0
    assert fake_server.state.apply_count == dict.fromkeys(_op_ids(enrolled), 1)
    assert fake_server.state.cursor[device] == len(_op_ids(enrolled))


def test_a_rejected_operation_is_parked_and_does_not_block_the_queue(
    enrolled: Backend, team: Team, shelf: Shelf, fake_server: FakeServer, counter_paths: Paths
) -> None:
    fake_server.state.reject_types = {"catalog.item_saved"}
    _sell(enrolled, team, shelf, 1)
    report = sync_round(enrolled, counter_paths)
    assert report.rejected == 3 and report.applied == 4 and report.pending == 0
    assert enrolled.sync.status().parked == 3


def test_retry_later_stops_the_queue_and_backs_off(
    enrolled: Backend, team: Team, shelf: Shelf, fake_server: FakeServer, counter_paths: Paths
) -> None:
    fake_server.state.retry_later_types = {"catalog.item_saved"}
    _sell(enrolled, team, shelf, 1)
    report = sync_round(enrolled, counter_paths)
    assert report.applied == 3  # the staff before the first catalog item
    assert report.pending == 4 and report.online and report.error is not None
    fake_server.state.retry_later_types = set()
    assert sync_round(enrolled, counter_paths).pending == 0


def test_a_revoked_device_is_refused(
    enrolled: Backend, team: Team, fake_server: FakeServer, counter_paths: Paths
) -> None:
    fake_server.state.revoked = True
    report = sync_round(enrolled, counter_paths)
    assert not report.online and report.pushed == 0 and report.pending == 3
    status = enrolled.sync.status()
    assert status.state is ConnectionState.REFUSED
    assert status.last_error is not None and "拒绝" in status.last_error


def test_no_server_is_offline_with_a_message(
    enrolled: Backend, team: Team, fake_server: FakeServer, counter_paths: Paths
) -> None:
    fake_server.stop()
    report = sync_round(enrolled, counter_paths, timeout=2)
    assert not report.online and report.pending == 3
    assert report.error is not None and report.error.startswith("离线")
    assert enrolled.sync.status().state is ConnectionState.OFFLINE


def test_pull_applies_every_page_and_stores_the_cursor(
    enrolled: Backend, fake_server: FakeServer, counter_paths: Paths
) -> None:
    for i in range(1234):
        item = {"id": f"item-{i:04d}", "kind": "service", "category": "美发", "name": f"剪发{i}"}
        fake_server.state.add_change("catalog_item", item["id"], item | {"price": 100 * i})
    report = sync_round(enrolled, counter_paths)
    assert report.pulled == 1234 and report.error is None
    assert len(enrolled.catalog.services()) == 1234
    with enrolled.db.read() as session:
        from salon_pos.db.models import SyncState

        state = session.get(SyncState, 1)
        assert state is not None and state.pull_cursor == 1234
    assert sync_round(enrolled, counter_paths).pulled == 0


def test_a_second_sender_in_another_process_makes_this_one_busy(
    enrolled: Backend, team: Team, fake_server: FakeServer, counter_paths: Paths
) -> None:
    lock = counter_paths.home / LOCK_FILE
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from filelock import FileLock\n"
            f"l = FileLock({str(lock)!r}); l.acquire(); print('held', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"held"
        report = sync_round(enrolled, counter_paths)
        assert report.busy and report.pushed == 0
        assert fake_server.state.pushes == []
    finally:
        holder.kill()
        holder.wait()
    assert sync_round(enrolled, counter_paths).pushed == 3


def test_a_second_sender_thread_makes_this_one_busy(
    enrolled: Backend, team: Team, fake_server: FakeServer, counter_paths: Paths
) -> None:
    thread_lock = _thread_lock(Path(counter_paths.home / LOCK_FILE))
    with thread_lock:
        report = sync_round(enrolled, counter_paths)
    assert report.busy and fake_server.state.pushes == []


def test_concurrent_rounds_send_each_operation_once(
    enrolled: Backend, team: Team, shelf: Shelf, fake_server: FakeServer, counter_paths: Paths
) -> None:
    import threading

    _sell(enrolled, team, shelf, 20)
    reports = []
    threads = [
        threading.Thread(target=lambda: reports.append(sync_round(enrolled, counter_paths)))
        for _ in range(4)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert time.monotonic() - started < 30
    assert sum(r.pushed for r in reports) == len(_op_ids(enrolled))
    sent = [op["id"] for push in fake_server.state.pushes for op in push]
    assert len(sent) == len(set(sent)) == len(_op_ids(enrolled))


def test_stopping_ends_the_round_after_the_batch_under_way(
    enrolled: Backend,
    team: Team,
    shelf: Shelf,
    fake_server: FakeServer,
    counter_paths: Paths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Closing the app sets the stop event: the sender finishes the batch on the wire, records
    its answers, and sends no more (the rest waits for the next start)."""
    _sell(enrolled, team, shelf, 450)  # more than one batch
    stop = threading.Event()
    recorded = CounterOutbox.record_results

    def record_then_stop(self: CounterOutbox, results: Any) -> None:
        recorded(self, results)
        stop.set()  # as if the window closed while the first batch was on its way

    monkeypatch.setattr(CounterOutbox, "record_results", record_then_stop)
    report = sync_round(enrolled, counter_paths, stop=stop)
    assert report.error is None
    assert len(fake_server.state.pushes) == 1
    first = len(fake_server.state.pushes[0])
    assert report.pushed == first and report.pending == len(_op_ids(enrolled)) - first > 0


def test_a_server_restored_from_a_backup_is_read_again_from_the_start(
    enrolled: Backend, fake_server: FakeServer, counter_paths: Paths
) -> None:
    """The server's feed went back (restored): its numbers 1.. now name other changes. The
    counter must not skip them because its cursor is past them."""
    for i in range(5):
        item = {"id": f"old-{i}", "kind": "service", "category": "美发", "name": f"剪发{i}"}
        fake_server.state.add_change("catalog_item", item["id"], item | {"price": 100})
    assert sync_round(enrolled, counter_paths).pulled == 5
    fake_server.state.changes.clear()  # restored: two changes, numbered 1 and 2 again
    for i in range(2):
        item = {"id": f"new-{i}", "kind": "service", "category": "美容", "name": f"护理{i}"}
        fake_server.state.add_change("catalog_item", item["id"], item | {"price": 200})
    report = sync_round(enrolled, counter_paths)
    assert report.error is None and report.pulled == 2
    assert {s.name for s in enrolled.catalog.services()} >= {"护理0", "护理1"}
    with enrolled.db.read() as session:
        from salon_pos.db.models import SyncState

        state = session.get(SyncState, 1)
        assert state is not None and state.pull_cursor == 2
