"""Sync in the app: the status bar's server state, queue age (amber after an hour, red after
twelve), last sync and error; "sync now"; the scheduler that ticks the driver (stopped at close,
no thread left); the managers' conflict inbox, resolving through the real SyncService.

Conflicts reach the counter's database the way they do in the field: as pulled changes applied
by `apply_page`. Enrollment is written into sync_state directly (it needs a server)."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import event, select

from salon_pos.db.models import OutboxOperation, SyncState
from salon_pos.domain.ids import new_id
from salon_pos.services.backend import Backend
from salon_pos.services.changes import QUEUED, Changes
from salon_pos.services.sync_changes import apply_page
from salon_pos.services.sync_outbox import CounterOutbox
from salon_pos.services.sync_state import sync_state
from salon_pos.services.sync_status import ConflictRow, ConnectionState, SyncStatus
from salon_pos.ui.models.conflicts import ConflictListModel
from salon_pos.ui.pages.conflicts import RESOLVED_SHOWN, ConflictsPage
from salon_pos.ui.shell import Shell
from salon_pos.ui.status_bar import StatusBar
from salon_pos.ui.sync_scheduler import THREAD_PREFIX
from sync.operations.conflicts import (
    CONFLICT_RESOLVED,
)
from sync.operations.customers import (
    CONFLICT_CLOCK_AHEAD,
    CONFLICT_DUPLICATE_CUSTOMER,
    CONFLICT_FIELD_OVERWRITTEN,
    RESOLUTION_MERGE,
)
from sync.operations.sales import (
    CONFLICT_MONEY_BACK_TWICE,
    CONFLICT_PRICE_MISMATCH,
    RESOLUTION_ACCEPT,
)
from sync.operations.setup import CONFLICT_DUPLICATE_STAFF
from sync.protocol import (
    hlc_stamp,
)
from sync.wire import Change
from tests.conftest import FakeClock, Team, three_line_sale
from tests.sync.client.feed import Feed

LEFT = Qt.MouseButton.LeftButton


# Helpers


class FakeDriver:
    """Stands in for jobs.sync.SyncDriver: counts ticks and wakes; a tick "runs a round" (and
    returns a report) only after a wake, as the real one does when one is due."""

    def __init__(self) -> None:
        self.ticks = 0
        self.wakes = 0
        self.rounds = 0
        self.stopped = False
        self._due = False

    def tick(self) -> Any:
        self.ticks += 1
        if not self._due:
            return None
        self._due = False
        self.rounds += 1
        return {"round": self.rounds}

    def wake(self) -> None:
        self.wakes += 1
        self._due = True

    def stop(self) -> None:
        self.stopped = True


def status(
    state: ConnectionState = ConnectionState.ONLINE,
    pending: int = 0,
    oldest: datetime | None = None,
    **overrides: Any,
) -> SyncStatus:
    values: dict[str, Any] = {
        "state": state,
        "server_url": "https://sync.example.cn",
        "pending": pending,
        "oldest_pending_at": oldest,
        "parked": 0,
        "last_sync_at": None,
        "last_error": None,
        "open_conflicts": 0,
    }
    values.update(overrides)
    return SyncStatus(**values)


def enroll(backend: Backend, connection: str = "online", **values: Any) -> None:
    with backend.db.write() as session:
        session.merge(
            SyncState(
                id=1,
                server_url="https://sync.example.cn",
                store_id=new_id(),
                store_name="丽人美容",
                pull_cursor=0,
                connection=connection,
                **values,
            )
        )


def pull(backend: Backend, seq: int, entity: str, data: dict[str, Any]) -> None:
    """A change arriving by the feed, applied as the driver applies a pulled page."""
    change = Change(seq=seq, entity=entity, entity_id=data["id"], data=data, at=backend.clock.now())
    with backend.db.write() as session:
        assert apply_page(session, [change], seq).applied == 1


def pull_conflict(backend: Backend, seq: int, conflict: dict[str, Any]) -> None:
    pull(backend, seq, "conflict", conflict)


def conflict(kind: str, details: dict[str, Any], suggestion: str, at: datetime) -> dict[str, Any]:
    return {
        "id": new_id(),
        "type": kind,
        "status": "open",
        "entity": "customer" if kind != CONFLICT_PRICE_MISMATCH else "ticket",
        "entity_id": details.get("customer_id") or details.get("ticket_id") or new_id(),
        "op_ids": [new_id()],
        "details": details,
        "suggestion": suggestion,
        "resolution": None,
        "resolved_by": None,
        "created_at": at.isoformat(),
        "resolved_at": None,
    }


@pytest.fixture
def four_conflicts(backend: Backend) -> dict[str, dict[str, Any]]:
    return seed_conflicts(backend)


def seed_conflicts(backend: Backend) -> dict[str, dict[str, Any]]:
    """One conflict of each type, naming customers this counter has, pulled as from a server."""
    anna = backend.customers.add("张美丽", "13800138000")
    twin_id = new_id()  # registered at another counter with the same phone, pulled here
    pull(backend, 1, "customer", {"id": twin_id, "name": "张美丽", "phone": "13800138000"})
    ling = backend.customers.add("王玲", "13912345678")
    now = backend.clock.now()
    other_device = "0193aa00-7e11-7c2d-9c3e-0000004b12c9"
    wall = int((now + timedelta(minutes=5)).timestamp() * 1000)
    made = {
        CONFLICT_PRICE_MISMATCH: conflict(
            CONFLICT_PRICE_MISMATCH,
            {
                "ticket_id": new_id(),
                "number": "A1-20261120-0007",
                "lines": [
                    {"name": "补水保湿护理", "list_price": 19800, "server_price": 21800},
                ],
            },
            RESOLUTION_ACCEPT,
            now - timedelta(hours=3),
        ),
        CONFLICT_FIELD_OVERWRITTEN: conflict(
            CONFLICT_FIELD_OVERWRITTEN,
            {
                "customer_id": ling.id,
                "field": "phone",
                "winner": {"value": "13912345678", "stamp": hlc_stamp(wall, 0, "dev-b")},
                "loser": {"value": "13911112222", "stamp": hlc_stamp(wall - 9, 0, "dev-a")},
            },
            RESOLUTION_ACCEPT,
            now - timedelta(hours=2),
        ),
        CONFLICT_DUPLICATE_CUSTOMER: conflict(
            CONFLICT_DUPLICATE_CUSTOMER,
            {"customer_id": twin_id, "other_customer_id": anna.id, "phone": "13800138000"},
            RESOLUTION_MERGE,
            now - timedelta(hours=1),
        ),
        CONFLICT_CLOCK_AHEAD: conflict(
            CONFLICT_CLOCK_AHEAD,
            {
                "customer_id": ling.id,
                "stamp": hlc_stamp(wall + 3_600_000, 0, other_device),
                "clamped_to": hlc_stamp(wall, 0, other_device),
            },
            RESOLUTION_ACCEPT,
            now - timedelta(minutes=30),
        ),
    }
    for seq, item in enumerate(made.values(), start=2):
        pull_conflict(backend, seq, item)
    return made


def status_bar(shell: Shell) -> StatusBar:
    bar = shell.window.statusBar()
    assert isinstance(bar, StatusBar)
    return bar


def refreshed(qtbot: QtBot, shell: Shell) -> None:
    """Read the status again and wait until the status bar shows this very reading."""
    expected = shell.ctx.backend.sync.status()
    status_bar(shell).refresh()
    qtbot.waitUntil(lambda: status_bar(shell).status == expected)


def label(shell: Shell, name: str) -> QLabel:
    found = shell.window.findChild(QLabel, name)
    assert found is not None, name
    return found


def inbox(shell: Shell, team: Team) -> ConflictsPage:
    shell.ctx.sign_in(team.manager)
    page = shell.window.open_page("conflicts")
    assert isinstance(page, ConflictsPage)
    return read(shell, page)


def read(shell: Shell, page: ConflictsPage) -> ConflictsPage:
    """Wait until the list, read on the database worker, is shown (a read may start another)."""
    shell.settle()
    while page.reading:
        shell.settle()
    return page


def listed(page: ConflictsPage) -> list[ConflictRow]:
    return [page.model.row(i) for i in range(page.model.rowCount())]


def select_type(qtbot: QtBot, page: ConflictsPage, kind: str) -> ConflictRow:
    row = next(i for i, c in enumerate(listed(page)) if c.type == kind)
    page.findChild(QTableView, "conflictList").selectRow(row)
    qtbot.waitUntil(lambda: page.detail.row is not None and page.detail.row.type == kind)
    return page.detail.row  # type: ignore[return-value]


def sync_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith(THREAD_PREFIX)]


# The status bar


def test_a_counter_not_enrolled_says_so_and_cannot_sync_now(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Any
) -> None:
    shell.ctx.backend.checkout.complete_sale(three_line_sale(team, shelf))
    shell.ctx.sign_in(team.desk)
    refreshed(qtbot, shell)
    assert label(shell, "statusNetwork").text() == "未连接服务器（未注册）"
    assert label(shell, "statusSyncDot").property("state") == "not_enrolled"
    pending = shell.ctx.backend.sync.status().pending  # the team and shelf were queued too
    assert pending > 1
    assert label(shell, "statusPending").text() == f"待同步 {pending} 条 · 最早 刚刚"
    # nowhere to send it: a queue that cannot drain is not an alarm
    assert label(shell, "statusPending").property("level") == "ok"
    assert not label(shell, "statusLastSync").isVisible()
    sync_now = shell.window.findChild(QPushButton, "syncNow")
    assert not sync_now.isVisible() and not sync_now.isEnabled()  # nothing to sync with
    assert label(shell, "statusNetwork").toolTip() == "这台收银机尚未注册到服务器。"


def test_an_enrolled_counter_shows_the_real_queue_and_last_sync(
    qtbot: QtBot, shell: Shell, team: Team, shelf: Any, clock: FakeClock
) -> None:
    enroll(shell.ctx.backend, last_sync_at=clock.now() - timedelta(minutes=3))
    shell.ctx.backend.checkout.complete_sale(three_line_sale(team, shelf))
    clock.advance(hours=2, minutes=5)
    refreshed(qtbot, shell)
    assert label(shell, "statusNetwork").text() == "服务器：在线"
    pending = shell.ctx.backend.sync.status().pending
    assert label(shell, "statusPending").text() == f"待同步 {pending} 条 · 最早 2 小时前"
    assert label(shell, "statusPending").property("level") == "warn"
    assert label(shell, "statusLastSync").text() == "上次同步 14:27"  # Shanghai time
    sync_now = shell.window.findChild(QPushButton, "syncNow")
    assert sync_now.isVisible() and sync_now.isEnabled()


@pytest.mark.parametrize(
    ("age", "text", "level"),
    [
        (timedelta(seconds=20), "待同步 12 条 · 最早 刚刚", "ok"),
        (timedelta(minutes=59), "待同步 12 条 · 最早 59 分钟前", "ok"),
        (timedelta(hours=1, minutes=1), "待同步 12 条 · 最早 1 小时前", "warn"),
        (timedelta(hours=11, minutes=59), "待同步 12 条 · 最早 11 小时前", "warn"),
        (timedelta(hours=12, minutes=1), "待同步 12 条 · 最早 12 小时前", "alert"),
        (timedelta(days=3), "待同步 12 条 · 最早 3 天前", "alert"),
    ],
)
def test_the_queue_turns_amber_after_an_hour_and_red_after_twelve(
    shell: Shell, clock: FakeClock, age: timedelta, text: str, level: str
) -> None:
    bar = status_bar(shell)
    bar.show_sync(status(ConnectionState.OFFLINE, 12, clock.now() - age))
    assert bar.pending.text() == text
    assert bar.pending.property("level") == level


def test_each_connection_state_has_its_words_and_dot(shell: Shell) -> None:
    bar = status_bar(shell)
    seen = {}
    for state in ConnectionState:
        bar.show_sync(status(state))
        seen[state] = (bar.network.text(), bar.dot.styleSheet())
    assert seen[ConnectionState.ONLINE] == ("服务器：在线", "color: #2e7d32;")
    assert seen[ConnectionState.OFFLINE] == ("服务器：离线", "color: #c77700;")
    assert seen[ConnectionState.REFUSED] == ("服务器拒绝连接（设备已停用）", "color: #b3261e;")
    assert seen[ConnectionState.NOT_ENROLLED][0] == "未连接服务器（未注册）"
    assert bar.pending.text() == "已全部同步"


def test_the_last_error_is_short_with_the_whole_of_it_in_the_tooltip(
    shell: Shell, clock: FakeClock
) -> None:
    error = "ConnectTimeout: timed out connecting to https://sync.example.cn:443 after 10 s\nmore"
    bar = status_bar(shell)
    bar.show_sync(status(ConnectionState.OFFLINE, 3, clock.now(), last_error=error, parked=1))
    assert bar.error.isVisibleTo(bar)
    assert bar.error.text() == "同步出错：ConnectTimeout: tim…"
    assert bar.error.toolTip() == error
    assert bar.pending.text() == "待同步 3 条 · 最早 刚刚 · 服务器退回 1 条"
    bar.show_sync(status(ConnectionState.ONLINE))
    assert not bar.error.isVisibleTo(bar)


def test_received_changes_the_counter_cannot_apply_yet_are_counted_for_the_manager(
    shell: Shell,
) -> None:
    bar = status_bar(shell)
    bar.show_sync(status(ConnectionState.ONLINE, changes_waiting=2))
    assert bar.pending.text() == "已全部同步 · 2 条下载的更改暂未应用（需要更新软件？）"
    feed = Feed()
    feed.add("gift_card", "g-1", {})  # an entity this version does not know
    backend = shell.ctx.backend
    outbox = CounterOutbox(backend.db, backend.clock, backend.settings.current.device_id)
    outbox.apply_changes(feed.changes, 1)
    assert backend.sync.status().changes_waiting == 1


def test_a_joining_counter_shows_how_much_of_the_stores_past_is_here(
    shell: Shell, backend: Backend
) -> None:
    bar = status_bar(shell)
    bar.show_sync(status(ConnectionState.ONLINE, history=0.456))
    assert bar.pending.text() == "已全部同步 · 正在接收本店历史单据：45%"
    with backend.db.write() as session:  # a first pull under way: 300 of 1,200 changes
        state = sync_state(session)
        state.history_until, state.history_cursor = 1200, 300
    assert backend.sync.status().history == 0.25
    with backend.db.write() as session:
        sync_state(session).history_until = None  # all of it here
    assert backend.sync.status().history is None


# The scheduler and "sync now"


def test_the_scheduler_ticks_sync_now_wakes_and_close_leaves_no_thread(
    qtbot: QtBot, shell: Shell, team: Team
) -> None:
    enroll(shell.ctx.backend, connection="offline")
    driver = FakeDriver()
    shell.start_sync(driver, watch_network=False)
    assert shell.sync is not None and shell.sync.running
    qtbot.waitUntil(lambda: driver.ticks >= 2, timeout=5000)
    refreshed(qtbot, shell)
    sync_now = shell.window.findChild(QPushButton, "syncNow")
    assert sync_now.isEnabled()
    with qtbot.waitSignal(shell.ctx.sync_status_changed, timeout=5000):
        qtbot.mouseClick(sync_now, LEFT)  # wake → a round at the next tick → status read again
    assert driver.wakes == 1 and driver.rounds == 1
    assert not sync_now.isEnabled()  # resting while the round it asked for runs
    shell.ctx.announce(Changes.of(QUEUED))  # a sale to push: wake at once
    assert driver.wakes == 2
    scheduler = shell.sync
    shell.close()
    assert not scheduler.running
    assert sync_threads() == []
    ticks = driver.ticks
    qtbot.wait(1300)  # the stock QtScheduler would have ticked again here
    assert driver.ticks == ticks


def test_network_information_is_watched_where_qt_has_a_backend(qtbot: QtBot, shell: Shell) -> None:
    driver = FakeDriver()
    shell.start_sync(driver)  # offscreen there may be no backend: it must not matter
    qtbot.waitUntil(lambda: driver.ticks >= 1, timeout=5000)
    shell.close()
    assert sync_threads() == []


def test_a_failing_tick_is_logged_and_ticking_goes_on(
    qtbot: QtBot, shell: Shell, caplog: pytest.LogCaptureFixture
) -> None:
    class Broken(FakeDriver):
        def tick(self) -> Any:
            super().tick()
            raise RuntimeError("bug in the driver")

    driver = Broken()
    shell.start_sync(driver, watch_network=False)
    qtbot.waitUntil(lambda: driver.ticks >= 2, timeout=5000)
    shell.close()
    assert "sync tick failed" in caplog.text


# The conflict inbox


def test_front_desk_has_no_inbox_and_managers_see_the_count(
    qtbot: QtBot, shell: Shell, team: Team, four_conflicts: dict[str, Any]
) -> None:
    nav = shell.window.findChild(QPushButton, "nav_conflicts")
    shell.ctx.sign_in(team.desk)
    assert not nav.isVisible()
    shell.ctx.sign_out()
    shell.ctx.sign_in(team.manager)
    assert nav.isVisible()
    badge = shell.window.findChild(QLabel, "conflictBadge")
    refreshed(qtbot, shell)
    assert badge.isVisible() and badge.text() == "4"
    assert nav.text() == "冲突  F10"
    shell.window.activateWindow()
    qtbot.waitUntil(shell.window.isActiveWindow)
    qtbot.keyClick(shell.app.focusWidget(), Qt.Key.Key_F10)  # F5–F9 belong to the cashier
    qtbot.waitUntil(lambda: shell.window.current_page_key() == "conflicts")  # animateClick


def test_an_empty_inbox_says_so(shell: Shell, team: Team) -> None:
    page = inbox(shell, team)
    assert page.listing.currentWidget() is page.empty
    assert page.empty.text() == "没有待处理的冲突"
    assert page.detail.row is None


def test_the_inbox_lists_and_explains_each_conflict(
    qtbot: QtBot, shell: Shell, team: Team, four_conflicts: dict[str, Any]
) -> None:
    page = inbox(shell, team)
    rows = listed(page)
    assert [r.type for r in rows] == [  # newest first
        CONFLICT_CLOCK_AHEAD,
        CONFLICT_DUPLICATE_CUSTOMER,
        CONFLICT_FIELD_OVERWRITTEN,
        CONFLICT_PRICE_MISMATCH,
    ]
    cells = [
        [page.model.index(i, c).data() for c in range(page.model.columnCount())]
        for i in range(page.model.rowCount())
    ]
    assert cells[0] == ["时钟超前", "另一台收银机（4b12c9） · 王玲", "11-20 14:00", "待处理"]
    assert cells[1] == ["重复客户", "张美丽 · 张美丽 · 13800138000", "11-20 13:30", "待处理"]
    assert cells[2] == ["资料被覆盖", "王玲 · 电话", "11-20 12:30", "待处理"]
    assert cells[3] == ["价格不一致", "A1-20261120-0007 · 补水保湿护理", "11-20 11:30", "待处理"]

    select_type(qtbot, page, CONFLICT_PRICE_MISMATCH)
    text = page.detail.explanation.text()
    assert "A1-20261120-0007" in text and "¥198.00" in text and "¥218.00" in text
    assert page.detail.suggestion.text() == "建议：接受"
    assert buttons(page) == {"resolve_accept": "接受"}

    select_type(qtbot, page, CONFLICT_FIELD_OVERWRITTEN)
    text = page.detail.explanation.text()
    assert "王玲" in text and "13912345678" in text and "13911112222" in text
    assert buttons(page) == {"resolve_accept": "保留当前值", "resolve_use_other": "改用另一值"}

    select_type(qtbot, page, CONFLICT_DUPLICATE_CUSTOMER)
    assert "13800138000" in page.detail.explanation.text()
    assert buttons(page) == {"resolve_merge": "合并", "resolve_keep_both": "保留两位"}

    select_type(qtbot, page, CONFLICT_CLOCK_AHEAD)
    text = page.detail.explanation.text()
    assert "另一台收银机（4b12c9）" in text and "15:35:00" in text and "14:35:00" in text


def buttons(page: ConflictsPage) -> dict[str, str]:
    return {b.objectName(): b.text() for b in page.detail.choices.values()}


def confirm(qtbot: QtBot, page: ConflictsPage, resolution: str, accept: bool = True) -> None:
    qtbot.mouseClick(page.detail.findChild(QPushButton, f"resolve_{resolution}"), LEFT)
    box = page.confirmation
    assert box is not None and box.isVisible()
    assert "合并" in box.text() or resolution != RESOLUTION_MERGE
    if accept:
        qtbot.mouseClick(box.findChild(QPushButton, "confirmResolve"), LEFT)
    else:
        box.button(QMessageBox.StandardButton.Cancel).click()


def resolved_operations(backend: Backend) -> list[dict[str, Any]]:
    with backend.db.read() as session:
        ops = session.scalars(
            select(OutboxOperation).where(OutboxOperation.type == CONFLICT_RESOLVED)
        )
        return [json.loads(op.payload) for op in ops]


def test_resolving_queues_the_decision_and_the_row_waits_for_the_server(
    qtbot: QtBot, shell: Shell, team: Team, four_conflicts: dict[str, Any], backend: Backend
) -> None:
    page = inbox(shell, team)
    row = select_type(qtbot, page, CONFLICT_DUPLICATE_CUSTOMER)
    confirm(qtbot, page, RESOLUTION_MERGE)
    qtbot.waitUntil(lambda: page.detail.row is not None and page.detail.row.status == "resolving")
    assert page.model.index(listed(page).index(page.detail.row), 3).data() == "处理中"
    assert page.detail.state.text() == "已选择“合并”，等待服务器确认。"
    assert buttons(page) == {}  # decided: nothing more to press
    assert "已保存" in page.message.text()
    assert resolved_operations(backend) == [
        {"conflict_id": row.id, "resolution": "merge", "resolved_by": team.manager.id, "note": ""}
    ]
    # The server's answer comes back by pull: resolved, and off the open list.
    answer = dict(four_conflicts[CONFLICT_DUPLICATE_CUSTOMER], status="resolved")
    answer.update(resolution="merge", resolved_by=team.manager.id)
    pull_conflict(backend, 6, answer)
    shell.ctx.sync_status_changed.emit(backend.sync.status())
    read(shell, page)
    assert row.id not in [r.id for r in listed(page)]
    page.show_resolved.setChecked(True)
    read(shell, page)
    assert [r.status for r in listed(page) if r.id == row.id] == ["resolved"]


def test_cancelling_the_confirmation_changes_nothing(
    qtbot: QtBot, shell: Shell, team: Team, four_conflicts: dict[str, Any], backend: Backend
) -> None:
    page = inbox(shell, team)
    select_type(qtbot, page, CONFLICT_PRICE_MISMATCH)
    confirm(qtbot, page, RESOLUTION_ACCEPT, accept=False)
    shell.settle()
    assert page.confirmation is None
    assert {r.status for r in listed(page)} == {"open"}
    assert resolved_operations(backend) == []


def test_the_conflict_list_is_a_proper_model(  # type: ignore[no-untyped-def]
    qtmodeltester, shell: Shell, team: Team, four_conflicts: dict[str, Any]
) -> None:
    page = inbox(shell, team)
    assert isinstance(page.model, ConflictListModel)
    qtmodeltester.check(page.model)


def test_details_with_missing_keys_still_explain_what_is_there(
    qtbot: QtBot, shell: Shell, team: Team, backend: Backend
) -> None:
    at = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)
    pull_conflict(backend, 1, conflict(CONFLICT_PRICE_MISMATCH, {"number": "A2-9"}, "accept", at))
    pull_conflict(backend, 2, conflict(CONFLICT_FIELD_OVERWRITTEN, {}, "accept", at))
    pull_conflict(backend, 3, conflict(CONFLICT_DUPLICATE_CUSTOMER, {}, "merge", at))
    pull_conflict(backend, 4, conflict(CONFLICT_CLOCK_AHEAD, {"stamp": "??"}, "accept", at))
    page = inbox(shell, team)
    for kind in (CONFLICT_PRICE_MISMATCH, CONFLICT_FIELD_OVERWRITTEN, CONFLICT_CLOCK_AHEAD):
        select_type(qtbot, page, kind)
        assert "未知" in page.detail.explanation.text()
    assert "标记为 ??" in page.detail.explanation.text()  # what is there, shown as it is
    price = next(i for i, r in enumerate(listed(page)) if r.type == CONFLICT_PRICE_MISMATCH)
    assert page.model.index(price, ConflictListModel.CONCERNS).data() == "A2-9"


class StatementLog:
    """The statements that touch sync_conflict, each with the name of the thread it ran on."""

    def __init__(self, backend: Backend) -> None:
        self.seen: list[tuple[str, str]] = []
        self._engine = backend.db.engine
        event.listen(self._engine, "before_cursor_execute", self._record)

    def _record(self, _conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if "sync_conflict" in statement:
            self.seen.append((threading.current_thread().name, statement))

    def threads(self) -> set[str]:
        return {thread for thread, _ in self.seen}

    def rows_read(self) -> bool:
        return any("sync_conflict.details" in statement for _, statement in self.seen)

    def close(self) -> None:
        event.remove(self._engine, "before_cursor_execute", self._record)


def test_the_inbox_reads_on_the_database_worker_and_only_when_something_changed(
    qtbot: QtBot, shell: Shell, team: Team, four_conflicts: dict[str, Any], backend: Backend
) -> None:
    page = inbox(shell, team)
    assert len(listed(page)) == 4
    fresh = conflict(CONFLICT_CLOCK_AHEAD, {"stamp": "??"}, "accept", backend.clock.now())
    pull_conflict(backend, 6, fresh)
    tick = backend.sync.status()  # read here, as the status bar's worker would
    log = StatementLog(backend)
    try:
        shell.ctx.sync_status_changed.emit(tick)
        qtbot.waitUntil(lambda: fresh["id"] in [r.id for r in listed(page)])
        read(shell, page)
        assert log.rows_read()
        assert all(name.startswith("db") for name in log.threads()), log.threads()
        log.seen.clear()
        shell.ctx.sync_status_changed.emit(tick)  # the next tick: nothing new
        read(shell, page)
        assert log.seen and not log.rows_read()  # the mark only: counts, not rows
        assert all(name.startswith("db") for name in log.threads()), log.threads()
    finally:
        log.close()
    assert len(listed(page)) == 5


def test_thousands_of_resolved_conflicts_stay_out_of_the_list_by_default(
    qtbot: QtBot, shell: Shell, team: Team, backend: Backend
) -> None:
    now = backend.clock.now()
    history = []
    for minutes in range(1, 3001):  # a price mismatch per sale, each accepted long since
        item = conflict(CONFLICT_PRICE_MISMATCH, {"number": f"A1-{minutes}"}, "accept", now)
        item.update(
            status="resolved",
            resolution="accept",
            created_at=(now - timedelta(minutes=minutes)).isoformat(),
        )
        history.append(
            Change(seq=minutes, entity="conflict", entity_id=item["id"], data=item, at=now)
        )
    with backend.db.write() as session:
        assert apply_page(session, history, len(history)).applied == 3000
    for seq in (3001, 3002, 3003):
        pull_conflict(backend, seq, conflict(CONFLICT_PRICE_MISMATCH, {}, "accept", now))
    page = inbox(shell, team)
    assert [r.status for r in listed(page)] == ["open"] * 3
    page.show_resolved.setChecked(True)
    qtbot.waitUntil(lambda: len(listed(page)) == 3 + RESOLVED_SHOWN)
    shown = listed(page)
    assert [r.status for r in shown[:3]] == ["open"] * 3  # the newest first
    numbers = [r.details["number"] for r in shown[3:]]
    assert numbers == [f"A1-{m}" for m in range(1, RESOLVED_SHOWN + 1)]  # the newest resolved
    page.show_resolved.setChecked(False)
    qtbot.waitUntil(lambda: len(listed(page)) == 3)


def test_the_real_driver_on_a_counter_not_enrolled_ticks_as_a_no_op(
    qtbot: QtBot, shell: Shell, backend: Backend
) -> None:
    from salon_pos.jobs.sync import RoundReport, SyncDriver
    from salon_pos.paths import Paths

    driver = SyncDriver(backend, Paths(backend.db.path.parent))
    pending = backend.sync.status().pending
    reports: list[RoundReport] = []
    shell.start_sync(driver, watch_network=False)
    assert shell.sync is not None
    shell.sync.ticked.connect(lambda report: reports.append(report) if report else None)
    qtbot.waitUntil(lambda: bool(reports), timeout=5000)
    assert not reports[0].enrolled and reports[0].pushed == 0
    qtbot.waitUntil(lambda: label(shell, "statusNetwork").text() == "未连接服务器（未注册）")
    assert backend.sync.status().pending == pending  # nothing sent, nothing lost
    shell.close()
    assert sync_threads() == []


def test_the_widest_status_does_not_widen_the_window_in_english(
    qtbot: QtBot, shell: Shell, team: Team, clock: FakeClock
) -> None:
    shell.ctx.language_changed.emit("en")  # the shell rebuilds the window in English
    shell.ctx.sign_in(team.desk)
    bar = status_bar(shell)
    bar.show_sync(
        status(
            ConnectionState.REFUSED,
            12_345,
            clock.now() - timedelta(days=30),
            parked=12,
            last_sync_at=clock.now() - timedelta(days=2),
            last_error="HTTPError: 403 Forbidden: this device has been revoked by the owner",
        )
    )
    assert bar.error.isVisibleTo(bar) and bar.last_sync.isVisibleTo(bar)
    shell.settle()
    widths = {w.objectName(): w.minimumSizeHint().width() for w in bar.findChildren(QLabel)}
    assert shell.window.minimumSizeHint().width() <= 1280, widths
    assert shell.window.width() == 1280


def test_money_handed_back_twice_is_explained_and_accepted(
    qtbot: QtBot, shell: Shell, team: Team, backend: Backend
) -> None:
    at = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)
    details = {
        "ticket_id": new_id(),
        "number": "B1-000042",
        "total": 49400,
        "amount": 49400,
        "clash": "refunded before",
    }
    pull_conflict(backend, 1, conflict(CONFLICT_MONEY_BACK_TWICE, details, "accept", at))
    page = inbox(shell, team)
    assert page.model.index(0, 0).data() == "重复退款"
    select_type(qtbot, page, CONFLICT_MONEY_BACK_TWICE)
    text = page.detail.explanation.text()
    assert "B1-000042" in text and "¥494.00" in text and "它已退款" in text
    assert buttons(page) == {"resolve_accept": "接受"}


def test_same_named_staff_are_explained_with_merge_suggested(
    qtbot: QtBot, shell: Shell, team: Team, backend: Backend
) -> None:
    at = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)
    stamp = hlc_stamp(int(at.timestamp() * 1000), 0, "0193aa00-7e11-7c2d-9c3e-0000004b12c9")
    details = {
        "staff_id": new_id(),
        "other_staff_id": team.tech.id,
        "name": "李娜",
        "role": "technician",
        "other_role": "technician",
        "stamp": stamp,
    }
    pull_conflict(backend, 1, conflict(CONFLICT_DUPLICATE_STAFF, details, RESOLUTION_MERGE, at))
    page = inbox(shell, team)
    assert page.model.index(0, 0).data() == "重名员工"
    select_type(qtbot, page, CONFLICT_DUPLICATE_STAFF)
    text = page.detail.explanation.text()
    assert "李娜" in text and "技师" in text and "另一台收银机（4b12c9）" in text
    assert page.detail.suggestion.text() == "建议：合并"
    assert buttons(page) == {"resolve_merge": "合并", "resolve_keep_both": "保留两位"}


def test_a_resolved_conflict_says_who_resolved_it(
    qtbot: QtBot, shell: Shell, team: Team, backend: Backend
) -> None:
    """A manager here by name; the owner's web console (its accounts are no staff) as such."""
    at = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)
    details = {"ticket_id": new_id(), "number": "A1-000007", "total": 49400, "amount": 100}
    for seq, who in ((1, team.manager.id), (2, new_id())):  # the second: a web account's id
        made = conflict(CONFLICT_MONEY_BACK_TWICE, details, RESOLUTION_ACCEPT, at)
        made.update(status="resolved", resolution="accept", resolved_by=who)
        made.update(resolved_at=at.isoformat(), id=f"{made['id'][:-1]}{seq}")
        pull_conflict(backend, seq, made)
    page = inbox(shell, team)
    page.show_resolved.setChecked(True)
    read(shell, page)
    said = set()
    for row in range(page.model.rowCount()):
        page.table.selectRow(row)
        shell.settle()
        said.add(page.detail.state.text())
    assert said == {"已处理：接受，处理人：王店长。", "已处理：接受，处理人：管理后台。"}
