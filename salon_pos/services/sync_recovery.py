"""The check at the start of every sync round (sync.client.RoundGuard), under the device's
lock and before anything is sent (docs/adr/0007-counter-identity.md):

1. Is this copy the device? The server keeps a hash of where the device's data folder lives
   (services/sync_home.py). A copy elsewhere (another PC, or a second folder on this PC) is
   refused with a message saying what to do; a folder moved on this PC takes over.
2. Is it behind what the server has seen from it (restored from a backup)? Its own operation
   at the server's cursor is missing or another one. Then it recovers by itself
   (services/sync_renumber.py) and the round goes on: the pull brings its newer tickets back.
3. Is the server behind it (the server restored from a backup)? The server confirmed
   operations of this counter beyond its cursor now: they are queued again as they are (same
   ids, same seqs) and this round's push sends them, though nothing new was sold (without
   it they would wait for the next sale's push to be told `resend_from`; docs/backups.md).
"""

from __future__ import annotations

import logging
from importlib import metadata

from sqlalchemy import Select, func, select

from salon_pos.db.database import Database
from salon_pos.db.models import OutboxOperation, SyncState
from salon_pos.domain.clock import Clock
from salon_pos.domain.errors import Both, UserError
from salon_pos.services.store_key import StoreKeySettler
from salon_pos.services.sync_home import Home
from salon_pos.services.sync_outbox import SUPERSEDED, requeue_from
from salon_pos.services.sync_renumber import (
    Divergence,
    Recovery,
    recover,
    ticket_sequence,
    unconfirmed,
)
from salon_pos.services.sync_state import ROW, sync_state
from sync.client import Refused, SyncClient
from sync.wire import DeviceStatus

log = logging.getLogger(__name__)


class CopyOfCounter(UserError):
    en = (
        "This data folder is a copy of counter {counter}, which the sync server knows at "
        "another place{where}. Two copies cannot both be one counter (their ticket numbers "
        "would clash), so this one does not sync. Keep working on the original. To move the "
        "counter to this PC: revoke it on the server (salon-sync-server revoke-device --device "
        "{device_id}), then enroll it here with a new code (salon-pos enroll)."
    )
    zh = (
        "本数据文件夹是收银台 {counter} 的副本，同步服务器记录的该收银台在另一处{where}。"
        "两个副本不能同时作为同一收银台（票号会冲突），因此本副本不再同步，请继续使用原来的"
        "收银台。若要把收银台搬到这台电脑：先在服务器上停用它（salon-sync-server "
        "revoke-device --device {device_id}），再在这里用新的注册码注册（salon-pos enroll）。"
    )


class CounterCopied(Refused):
    """The round was stopped: this copy is not the device (its message, in both languages)."""

    def __init__(self, problem: UserError) -> None:
        super().__init__(problem.message("en"))
        self.problem = problem


def _app_version() -> str:
    try:
        return metadata.version("salon-pos")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "dev"


APP_VERSION = _app_version()
_QUEUE = select(func.count(), func.min(OutboxOperation.occurred_at)).where(
    OutboxOperation.pushed_at.is_(None)
)


class CounterGuard:
    """RoundGuard of this counter."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        home: Home,
        counter: str,
        store_key: StoreKeySettler | None = None,
    ) -> None:
        """`store_key`: gets the store's key for health data while the server has not
        confirmed this counter's (services/store_key.py), before anything is pushed."""
        self._db = db
        self._clock = clock
        self._home = home
        self._counter = counter
        self._store_key = store_key
        self.last_recovery: Recovery | None = None
        self.last_requeued = 0  # operations queued again for a server restored from a backup

    def before_round(self, client: SyncClient, store_id: str, device_id: str) -> None:
        status = client.status(store_id, device_id, home=self._home.key, report=self._report())
        recorded = self._recorded()
        if status.home is not None and status.home != self._home.key:
            if recorded is not None and self._moved_from(recorded, status.home):
                status = client.status(store_id, device_id, self._home.key, recorded.key)
            if status.home != self._home.key:
                raise CounterCopied(self._copy_problem(recorded, device_id))
        if recorded != self._home:
            self._record_home()
        held = self._held(client, store_id, device_id, status)
        if held is not None:
            self._recover(status, held, device_id)
        else:
            self._resend_what_the_server_lost(status.cursor, device_id)
        if self._store_key is not None:
            self._store_key.settle(client, store_id, device_id)

    def _report(self) -> dict[str, str]:
        """What the owner's console shows of this counter: version and queue, as of now."""
        with self._db.read() as session:
            queued, oldest = session.execute(_QUEUE).one()
        report = {"version": APP_VERSION, "queued": str(queued)}
        if oldest is not None:
            report["oldest_queued_at"] = oldest.isoformat()
        return report

    # ------------------------------------------------------------ where this copy lives

    def _recorded(self) -> Home | None:
        with self._db.read() as session:
            state = session.get(SyncState, ROW)
        if state is None or state.home_machine is None or state.home_path is None:
            return None
        return Home(state.home_machine, state.home_path)

    def _moved_from(self, recorded: Home, server_home: str) -> bool:
        """This folder was moved on this PC: the place on record is this PC's, and empty."""
        return (
            recorded.key == server_home
            and recorded.machine == self._home.machine
            and not recorded.still_there()
        )

    def _record_home(self) -> None:
        with self._db.write() as session:
            state = sync_state(session)
            state.home_machine = self._home.machine
            state.home_path = self._home.path

    def _copy_problem(self, recorded: Home | None, device_id: str) -> CopyOfCounter:
        where = Both("（另一台电脑）", " (another PC)")
        if recorded is not None and recorded.machine == self._home.machine:
            where = Both(f"（本机 {recorded.path}）", f" ({recorded.path} on this PC)")
        return CopyOfCounter(counter=self._counter, where=where, device_id=device_id)

    # ------------------------------------------------------------ behind the server

    def _held(
        self, client: SyncClient, store_id: str, device_id: str, status: DeviceStatus
    ) -> frozenset[str] | None:
        """When this counter is behind: the ids of its unconfirmed operations at or below the
        server's cursor that the server holds at their seq (None when it is not behind: the
        usual round costs one query here)."""
        cursor = status.cursor
        if cursor == 0 or status.cursor_op_id is None:
            return None
        with self._db.read() as session:
            state = session.get(SyncState, ROW)
            if state is not None and (state.adopted_cursor, state.adopted_op_id) == (
                cursor,
                status.cursor_op_id,
            ):
                return None  # recovered already; what it sends again is not pushed yet
            ours = session.scalar(_live(device_id).where(OutboxOperation.seq == cursor))
            if ours == status.cursor_op_id:
                return None
            query = unconfirmed(device_id, cursor).where(OutboxOperation.seq <= cursor)
            unsure = [(op.seq, op.id) for op in session.scalars(query)]
        on_server = _held(client, store_id, device_id, [seq for seq, _ in unsure], cursor)
        return frozenset(op_id for seq, op_id in unsure if on_server.get(seq) == op_id)

    def _resend_what_the_server_lost(self, cursor: int, device_id: str) -> None:
        with self._db.read() as session:
            first_pending = session.scalar(_first_pending_after(cursor))
            if session.scalar(_confirmed_after(device_id, cursor, first_pending)) is None:
                return  # the usual round: two indexed lookups
        with self._db.write() as session:
            self.last_requeued = requeue_from(session, device_id, cursor + 1)
        log.warning(
            "the server is behind this counter (restored from a backup?): its cursor is %d; "
            "%d operations it had confirmed are sent again",
            cursor,
            self.last_requeued,
        )

    def _recover(self, status: DeviceStatus, held: frozenset[str], device_id: str) -> None:
        divergence = Divergence(
            status.cursor,
            status.cursor_op_id,
            ticket_sequence(status.last_ticket_number),
            held,
        )
        with self._db.write() as session:
            self.last_recovery = recover(session, divergence, device_id, self._clock.now())
        log.warning(
            "this counter was behind the server (restored from a backup?): server cursor %d; "
            "%d operations sent again, tickets renumbered %s",
            status.cursor,
            self.last_recovery.resent,
            self.last_recovery.renumbered,
        )


def _first_pending_after(cursor: int) -> Select[int | None]:
    return select(func.min(OutboxOperation.seq)).where(
        OutboxOperation.pushed_at.is_(None), OutboxOperation.seq > cursor
    )


def _confirmed_after(device_id: str, cursor: int, first_pending: int | None) -> Select[int]:
    """One of this device's operations the server confirmed beyond its cursor now. Operations
    are confirmed in order, so it would lie between the cursor and the first one still
    pending after it: a range of the live-seq index that is empty in the usual round (that
    one is the cursor's next), however long the queue."""
    query = (
        select(OutboxOperation.seq)
        .where(OutboxOperation.device_id == device_id)
        .where(OutboxOperation.seq > cursor)
        .where(OutboxOperation.result.is_distinct_from(SUPERSEDED))
        .where(OutboxOperation.pushed_at.is_not(None))
        .limit(1)
    )
    return query if first_pending is None else query.where(OutboxOperation.seq < first_pending)


def _live(device_id: str) -> Select[str]:
    return (
        select(OutboxOperation.id)
        .where(OutboxOperation.device_id == device_id)
        .where(OutboxOperation.result.is_distinct_from(SUPERSEDED))
        .order_by(OutboxOperation.seq)
    )


def _held(
    client: SyncClient, store_id: str, device_id: str, seqs: list[int], cursor: int
) -> dict[int, str]:
    """The server's operation ids at these seqs (all ≤ its cursor), page by page."""
    held: dict[int, str] = {}
    if not seqs:
        return held
    after = seqs[0] - 1
    while after < min(seqs[-1], cursor):
        page = client.device_operations(store_id, device_id, after)
        held |= {op.seq: op.id for op in page.operations}
        if not page.more or not page.operations:
            break
        after = page.operations[-1].seq
    return held
