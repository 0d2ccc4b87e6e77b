"""The counter's side of the wire: an HTTP client, and the sender that runs one sync round.

The sender never builds operations: it reads them from an outbox port the counter implements
(salon_pos.services.sync_outbox), so a timeout or a 5xx just leaves them pending, and the next
round sends the very same operations (same ids) again. The server answers a replay with the
stored result, so "sent twice" can never mean "applied twice". docs/sync-counter.md.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar
from urllib.parse import urlencode

import requests
from filelock import FileLock, Timeout
from pydantic import BaseModel, ValidationError

from sync.protocol import (
    API,
    APPLIED,
    APPLIED_WITH_FLAGS,
    DUPLICATE,
    MAX_BATCH_BYTES,
    MAX_BATCH_OPERATIONS,
    MAX_CHANGES_PER_PULL,
    REJECTED,
    RETRY_LATER,
)
from sync.pull import FeedReader, HistoryPull, PullProgress
from sync.transport import plain_http_refused
from sync.wire import (
    ChainStores,
    Change,
    ChangesResponse,
    DeviceOperations,
    DeviceStatus,
    EnrollRequest,
    EnrollResponse,
    Operation,
    OperationResult,
    PushRequest,
    PushResponse,
    StockSnapshot,
    StoreCounters,
    StoreKeyRequest,
    StoreKeyResponse,
)

Model = TypeVar("Model", bound=BaseModel)


# ---------------------------------------------------------------- errors


class SyncError(Exception):
    """The round could not finish; `detail` says why in the server's or the network's words."""

    def __init__(self, detail: str, status: int | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.status = status


class Offline(SyncError):
    """No answer (refused, reset, timed out): whether the server applied the batch is unknown."""


class Refused(SyncError):
    """401/403: the token is unknown or the device was revoked, or an enrollment code is bad."""


class ServerError(SyncError):
    """5xx: the outcome is unknown; resend the same operations later."""


class InsecureServer(SyncError):
    """Plain http to an address beyond this PC and its LAN: nothing was sent (sync/transport.py)."""

    def __init__(self, url: str) -> None:
        super().__init__(f"plain http to {url}: use https, or a LAN or loopback address")
        self.url = url


class ProtocolError(SyncError):
    """An answer this client cannot read, or a 4xx it did not expect."""


# ---------------------------------------------------------------- HTTP


def _detail(response: requests.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:200] or response.reason or str(response.status_code)
    if isinstance(body, dict) and "detail" in body:
        return str(body["detail"])[:500]
    return str(body)[:200]


class SyncClient:
    """One device's authenticated calls to the server (docs/sync.md, API)."""

    def __init__(
        self,
        base_url: str,
        token: str,
        timeout: float = 10.0,
        session: requests.Session | None = None,
    ) -> None:
        """`session`: a requests session to send through instead of a new one (a test's, with
        a fault-injecting adapter); the caller keeps it, so close() leaves it open."""
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._owns_http = session is None
        self._http = session if session is not None else requests.Session()
        self._auth = {"Authorization": f"Bearer {token}"}
        self._transport_checked = False

    @classmethod
    def enroll(cls, base_url: str, request: EnrollRequest, timeout: float = 10.0) -> EnrollResponse:
        """Trade a one-time enrollment code for the device's token (no token needed, but the
        answer carries it, so the same transport rule applies)."""
        refuse_plain_http(base_url)
        with requests.Session() as http:
            response = _call(
                http, "POST", f"{base_url.rstrip('/')}{API}/enroll", timeout, request.model_dump()
            )
        return _read(response, EnrollResponse)

    def push(self, store_id: str, device_id: str, ops: Sequence[Operation]) -> PushResponse:
        # Encoded once by pydantic-core: the operations are already validated models.
        body = PushRequest.model_construct(operations=list(ops)).model_dump_json()
        url = f"{self._api}/stores/{store_id}/devices/{device_id}/operations"
        return _read(_call(self._http, "POST", url, self.timeout, body, self._auth), PushResponse)

    def changes(
        self,
        store_id: str,
        after: int,
        limit: int = MAX_CHANGES_PER_PULL,
        *,
        until: int | None = None,
        only: Sequence[str] = (),
        skip: Sequence[str] = (),
    ) -> ChangesResponse:
        """The feed after `after`; `until`, `only` and `skip` narrow it (a first pull)."""
        params: dict[str, object] = {"after": after, "limit": limit}
        narrowed = {"until": until, "only": ",".join(only), "skip": ",".join(skip)}
        params |= {k: v for k, v in narrowed.items() if v not in (None, "")}
        url = f"{self._api}/stores/{store_id}/changes?{urlencode(params)}"
        return _read(_call(self._http, "GET", url, self.timeout, None, self._auth), ChangesResponse)

    def status(
        self,
        store_id: str,
        device_id: str,
        home: str | None = None,
        claim: str | None = None,
        report: Mapping[str, str] | None = None,
    ) -> DeviceStatus:
        """`home`: where this copy's data folder lives, recorded if the device has none yet
        (or has `claim`, the folder's old place on this PC). `report`: what the counter says
        of itself for the owner's console (version, queued, oldest_queued_at)."""
        params = {k: v for k, v in (("home", home), ("claim", claim)) if v}
        params.update(report or {})
        url = f"{self._api}/stores/{store_id}/devices/{device_id}"
        if params:
            url += "?" + urlencode(params)
        return _read(_call(self._http, "GET", url, self.timeout, None, self._auth), DeviceStatus)

    def store_counters(self, store_id: str, device_id: str) -> StoreCounters:
        """The store's counters and when the server last heard from each."""
        url = f"{self._api}/stores/{store_id}/devices/{device_id}/counters"
        return _read(_call(self._http, "GET", url, self.timeout, None, self._auth), StoreCounters)

    def chain_stores(self, store_id: str, device_id: str) -> ChainStores:
        """The owner's other stores, for transfers of stock."""
        url = f"{self._api}/stores/{store_id}/devices/{device_id}/chain-stores"
        return _read(_call(self._http, "GET", url, self.timeout, None, self._auth), ChainStores)

    def stock_snapshot(self, store_id: str, device_id: str) -> StockSnapshot | None:
        """The store's stock by product and batch and the feed's end it is as of, for a first
        pull; None from a server older than it (404)."""
        url = f"{self._api}/stores/{store_id}/devices/{device_id}/stock-snapshot"
        try:
            answer = _call(self._http, "GET", url, self.timeout, None, self._auth)
        except ProtocolError as error:
            if error.status == 404:
                return None
            raise
        return _read(answer, StockSnapshot)

    def device_operations(
        self, store_id: str, device_id: str, after: int, limit: int = MAX_CHANGES_PER_PULL
    ) -> DeviceOperations:
        """The operations the server holds from this device with a seq above `after`."""
        url = f"{self._api}/stores/{store_id}/devices/{device_id}/operations"
        url += f"?after={after}&limit={limit}"
        answer = _call(self._http, "GET", url, self.timeout, None, self._auth)
        return _read(answer, DeviceOperations)

    def store_key(self, store_id: str, device_id: str, offer: str | None) -> StoreKeyResponse:
        """The store's key for health data; `offer`: the key this counter made itself, which
        the server keeps if the store has none yet."""
        body = StoreKeyRequest(offer=offer).model_dump_json()
        url = f"{self._api}/stores/{store_id}/devices/{device_id}/store-key"
        answer = _call(self._http, "POST", url, self.timeout, body, self._auth)
        return _read(answer, StoreKeyResponse)

    def health(self) -> bool:
        """Whether the server answers at all (no auth): the connectivity probe."""
        try:
            response = self._http.get(f"{self.base_url}/health", timeout=min(self.timeout, 3))
        except requests.RequestException:
            return False
        return response.status_code == 200

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    @property
    def _api(self) -> str:
        self._check_transport()
        return f"{self.base_url}{API}"

    def _check_transport(self) -> None:
        """Once per client, before the token is first sent (resolving a name may take a moment,
        so not in the constructor)."""
        if not self._transport_checked:
            refuse_plain_http(self.base_url)
            self._transport_checked = True


def refuse_plain_http(url: str) -> None:
    if plain_http_refused(url):
        raise InsecureServer(url)


def _call(
    http: requests.Session,
    method: str,
    url: str,
    timeout: float,
    body: Any = None,
    headers: dict[str, str] | None = None,
) -> requests.Response:
    if isinstance(body, str):  # JSON text already
        headers = (headers or {}) | {"Content-Type": "application/json"}
        payload: dict[str, Any] = {"data": body.encode()}
    else:
        payload = {"json": body}
    try:
        response = http.request(method, url, timeout=timeout, headers=headers, **payload)
    except requests.RequestException as error:  # refused, reset, timed out, dropped mid-answer
        raise Offline(f"{type(error).__name__}: {error}") from error
    if response.status_code in (401, 403):
        raise Refused(_detail(response), response.status_code)
    if response.status_code >= 500:
        raise ServerError(_detail(response), response.status_code)
    if not 200 <= response.status_code < 300:
        raise ProtocolError(_detail(response), response.status_code)
    return response


def _read(response: requests.Response, model: type[Model]) -> Model:
    try:
        return model.model_validate_json(response.content)
    except ValidationError as error:
        raise ProtocolError(
            f"unreadable {model.__name__}: {error}", response.status_code
        ) from error


# ---------------------------------------------------------------- the counter's outbox


class OutboxPort(Protocol):
    """What the sender needs from the counter's database. Each call is one transaction."""

    def pending_batch(
        self, max_operations: int, max_bytes: int, after_seq: int = 0
    ) -> list[Operation]:
        """Operations not pushed yet with a seq above `after_seq`, oldest (lowest seq) first; at
        most max_operations, and at most max_bytes of JSON (but always at least one operation
        when any is pending)."""
        ...

    def record_results(self, results: Sequence[OperationResult]) -> None:
        """Mark operations with a final result pushed; retry_later leaves them pending."""
        ...

    def requeue_from(self, seq: int) -> None:
        """The server has not seen operations from this seq on: mark them pending again."""
        ...

    def pull_cursor(self) -> int: ...

    def apply_changes(self, changes: Sequence[Change], cursor: int) -> int:
        """Apply one page of pulled changes and store the new cursor, atomically; the number
        applied (a change that cannot be applied yet is kept aside and retried, never lost)."""
        ...

    def retry_parked_changes(self) -> int:
        """Try the changes kept aside again (once a round, before pulling); the number applied."""
        ...

    def history_pull(self) -> HistoryPull | None:
        """The history a first pull still has to bring (sync/pull.py), or None."""
        ...

    def start_history(self, until: int | None, stock: StockSnapshot | None = None) -> None:
        """History entities up to `until` are to be pulled apart (None: none are). `stock`:
        the store's stock as of `until`, held until the history's stock movements arrive."""
        ...

    def apply_history(self, changes: Sequence[Change], cursor: int) -> int:
        """Apply a page of history and store its cursor (at `until`: the history is complete),
        atomically; the number applied."""
        ...


class RoundGuard(Protocol):
    """The counter's check at the start of each round, under the device's lock, before
    anything is sent: that this copy is the device the server knows, and not behind what the
    server has seen from it (restored from a backup: then it recovers; docs/sync-counter.md).
    Raises SyncError (Refused for a copy that must stop) to end the round."""

    def before_round(self, client: SyncClient, store_id: str, device_id: str) -> None: ...


# ---------------------------------------------------------------- backoff


class Backoff:
    """Exponential 1 s → 60 s with full jitter: after n failures in a row, wait a random time
    in [0, min(cap, base · 2ⁿ⁻¹)], so counters that lost the server together do not return
    together. A success resets it."""

    def __init__(
        self, base: float = 1.0, cap: float = 60.0, rng: Callable[[], float] = random.random
    ) -> None:
        self.base = base
        self.cap = cap
        self.failures = 0
        self._rng = rng

    def ceiling(self) -> float:
        if self.failures == 0:
            return 0.0
        return min(self.cap, self.base * float(2 ** min(self.failures - 1, 32)))

    def failed(self) -> float:
        """Count a failure; the delay before the next attempt, in seconds."""
        self.failures += 1
        return self._rng() * self.ceiling()

    def reset(self) -> None:
        self.failures = 0


# ---------------------------------------------------------------- one round


@dataclass(frozen=True)
class RoundOutcome:
    pushed: int = 0  # operations with a final answer this round
    applied: int = 0
    duplicates: int = 0
    flagged: int = 0
    rejected: int = 0
    pulled: int = 0  # changes received
    applied_changes: int = 0  # of them, applied here
    retry_later: bool = False
    error: SyncError | None = None
    busy: bool = False  # another sender of this device holds the lock; nothing was sent
    history_left: bool = False  # a first pull's history is still coming (sync/pull.py)


_THREAD_LOCKS: dict[Path, threading.Lock] = {}
_THREAD_LOCKS_GUARD = threading.Lock()


def _thread_lock(path: Path) -> threading.Lock:
    with _THREAD_LOCKS_GUARD:
        return _THREAD_LOCKS.setdefault(path.resolve(), threading.Lock())


class _Tally:
    def __init__(self) -> None:
        self.counts = {APPLIED: 0, APPLIED_WITH_FLAGS: 0, DUPLICATE: 0, REJECTED: 0}
        self.pulled = 0
        self.applied_changes = 0
        self.retry_later = False
        self.history_left = False

    def outcome(self, error: SyncError | None = None) -> RoundOutcome:
        c = self.counts
        return RoundOutcome(
            pushed=sum(c.values()),
            applied=c[APPLIED],
            duplicates=c[DUPLICATE],
            flagged=c[APPLIED_WITH_FLAGS],
            rejected=c[REJECTED],
            pulled=self.pulled,
            applied_changes=self.applied_changes,
            retry_later=self.retry_later,
            error=error,
            history_left=self.history_left,
        )


class Sender:
    """Runs sync rounds for one device. Exactly one sender per device at a time: a lock file in
    the counter's data folder (other processes) and a thread lock (this one)."""

    MAX_PAGES = 1000  # a round ends even if a server keeps saying "more"

    def __init__(
        self,
        client: SyncClient,
        outbox: OutboxPort,
        store_id: str,
        device_id: str,
        lock_path: Path,
        max_operations: int = MAX_BATCH_OPERATIONS,
        max_bytes: int = MAX_BATCH_BYTES,
        page_size: int = MAX_CHANGES_PER_PULL,
        stop: threading.Event | None = None,
        guard: RoundGuard | None = None,
        on_pulled: Callable[[PullProgress], None] | None = None,
    ) -> None:
        """`stop`: when set, the round ends after the batch or page under way (closing the app
        must not wait for a long queue to drain). `guard`: checked before each round sends
        anything. `on_pulled`: told after each page pulled (a first pull shows its progress)."""
        self.client = client
        self.outbox = outbox
        self.store_id = store_id
        self.device_id = device_id
        self.lock_path = lock_path
        self.max_operations = max_operations
        self.max_bytes = max_bytes
        self.page_size = page_size
        self.stop = stop or threading.Event()
        self.guard = guard
        self.on_pulled = on_pulled

    def run_round(self) -> RoundOutcome:
        """Push until nothing is pending (or the server says retry later), then pull until the
        feed has no more. Never raises SyncError: it is in the outcome."""
        return self._exclusively(self._round)

    def push_pending(self) -> RoundOutcome:
        """Only the push half of a round (benchmarks, and a quick flush before closing)."""
        return self._exclusively(self._push_only)

    def _exclusively(self, work: Callable[[], RoundOutcome]) -> RoundOutcome:
        thread_lock = _thread_lock(self.lock_path)
        if not thread_lock.acquire(blocking=False):
            return RoundOutcome(busy=True)
        try:
            file_lock = FileLock(self.lock_path, timeout=0, thread_local=False)
            try:
                file_lock.acquire(timeout=0, blocking=False)
            except Timeout:
                return RoundOutcome(busy=True)
            try:
                return work()
            finally:
                file_lock.release()
        finally:
            thread_lock.release()

    def _push_only(self) -> RoundOutcome:
        tally = _Tally()
        try:
            self._check()
            self._push(tally)
        except SyncError as error:
            return tally.outcome(error)
        return tally.outcome()

    def _round(self) -> RoundOutcome:
        tally = _Tally()
        try:
            self._check()
            self._push(tally)
            self._pull(tally)
        except SyncError as error:
            return tally.outcome(error)
        return tally.outcome()

    def _check(self) -> None:
        if self.guard is not None:
            self.guard.before_round(self.client, self.store_id, self.device_id)

    def _push(self, tally: _Tally) -> None:
        """Batches in sequence order. While the server works on one batch, the next is read
        and encoded here (the two overlap: a third off the time to drain a long queue)."""
        stalled = 0
        batch = self._next_batch()
        with ThreadPoolExecutor(1, thread_name_prefix="push") as sending:
            while batch and not self.stop.is_set():
                answer = sending.submit(self.client.push, self.store_id, self.device_id, batch)
                upcoming = self._next_batch(after_seq=batch[-1].seq)
                response = answer.result()  # SyncError: the outcome is unknown, resend later
                final = [r for r in response.results if r.status != RETRY_LATER]
                self.outbox.record_results(final)
                for result in final:
                    tally.counts[result.status] += 1
                if any(r.status == RETRY_LATER for r in response.results):
                    tally.retry_later = True
                    return
                if response.resend_from is not None:
                    self.outbox.requeue_from(response.resend_from)
                if response.resend_from is not None or len(final) < len(batch):
                    upcoming = self._next_batch()  # not all of it landed: read afresh
                stalled = 0 if final else stalled + 1
                if stalled >= 2:
                    raise ProtocolError(f"the server made no progress on seq {batch[0].seq}")
                batch = upcoming

    def _next_batch(self, after_seq: int = 0) -> list[Operation]:
        return self.outbox.pending_batch(self.max_operations, self.max_bytes, after_seq)

    def _pull(self, tally: _Tally) -> None:
        reader = FeedReader(
            self.client,
            self.outbox,
            self.store_id,
            self.page_size,
            self.stop,
            self.MAX_PAGES,
            self.on_pulled,
            device_id=self.device_id,
        )
        pulled = reader.pull()
        tally.pulled += pulled.pulled
        tally.applied_changes += pulled.applied
        tally.history_left = pulled.history_left
