"""The HTTP API (docs/sync.md): health, enrollment, device status, push, pull."""

from __future__ import annotations

import base64
import binascii
import logging
import time
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError

from sync.protocol import API, MAX_CHANGES_PER_PULL, RETRY_LATER
from sync.server import models
from sync.server.apply import StorageUnavailable, apply_push
from sync.server.auth import Caller, as_device, engine_of, in_store
from sync.server.config import ServerSettings
from sync.server.db import create_server_engine, load_json
from sync.server.devices import chain_stores, device_operations, device_status, store_counters
from sync.server.enrollment import EnrollmentRefused, enroll
from sync.server.handlers.sales import tickets_as_they_stand
from sync.server.handlers.transfers import publish_transfers
from sync.server.master_data import publish_pending
from sync.server.reports import CounterReport
from sync.server.reports import record as record_report
from sync.server.stock_on_hand import joining_stock
from sync.server.store_keys import store_key
from sync.server.web import add_web_console
from sync.wire import (
    HOME_PATTERN,
    ChainStores,
    Change,
    ChangesResponse,
    DeviceOperations,
    DeviceStatus,
    EnrollRequest,
    EnrollResponse,
    ErrorBody,
    OperationResult,
    PushRequest,
    PushResponse,
    StockSnapshot,
    StoreCounters,
    StoreKeyRequest,
    StoreKeyResponse,
)

log = logging.getLogger("sync.server.api")
CHANGE = models.table_of(models.ChangeRecord)
STORE = models.table_of(models.Store)
MAX_SEQ = 2**62
VERSION_PATTERN = r"^[0-9A-Za-z.+_-]{1,32}$"
ENTITY_LIST = r"^[a-z_]{1,40}(,[a-z_]{1,40}){0,39}$"  # a counter's history entities: ~15
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "no or unknown token"},
    403: {"model": ErrorBody, "description": "revoked, or another store's or device's"},
}


def storable(*texts: str) -> None:
    """Refuse text no database column can hold (NUL, lone surrogates) as bad input."""
    for text in texts:
        if "\x00" in text or _has_surrogate(text):
            raise HTTPException(422, "text with NUL or unpaired surrogate characters")


def _has_surrogate(text: str) -> bool:
    return any(0xD800 <= ord(c) <= 0xDFFF for c in text)


def _aware(moment: datetime | None) -> datetime | None:
    """A reported time in UTC (naive means UTC); one no calendar holds in UTC is dropped."""
    if moment is None:
        return None
    try:
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except OverflowError:
        return None


def create_app(settings: ServerSettings, engine: Engine | None = None) -> FastAPI:
    app = FastAPI(
        title="Salon POS sync server",
        version="1",
        description="Counters push operations and pull changes (docs/sync.md).",
    )
    app.state.settings = settings
    app.state.engine = engine or create_server_engine(settings.database_url)

    @app.exception_handler(DBAPIError)
    def database_unavailable(_request: Request, error: DBAPIError) -> JSONResponse:
        log.error("database error", exc_info=error)
        return JSONResponse({"detail": "database unavailable, try again later"}, status_code=503)

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post(
        f"{API}/enroll",
        response_model=EnrollResponse,
        responses={403: {"model": ErrorBody}, 409: {"model": ErrorBody}},
    )
    def enroll_device(body: EnrollRequest, request: Request) -> EnrollResponse:
        storable(body.code, body.device_id, body.counter, body.hostname)
        try:
            answer = enroll(engine_of(request), body, settings.clock())
        except EnrollmentRefused as refused:
            log.info("enrollment refused", extra={"device": body.device_id})
            raise HTTPException(refused.status, refused.detail) from None
        log.info("device enrolled", extra={"store": answer.store_id, "device": body.device_id})
        return answer

    @app.get(
        f"{API}/stores/{{store_id}}/devices/{{device_id}}",
        response_model=DeviceStatus,
        responses=ERRORS,
    )
    def status_of_device(
        request: Request,
        caller: Annotated[Caller, Depends(as_device)],
        home: Annotated[str | None, Query(pattern=HOME_PATTERN)] = None,
        claim: Annotated[str | None, Query(pattern=HOME_PATTERN)] = None,
        version: Annotated[str | None, Query(max_length=32, pattern=VERSION_PATTERN)] = None,
        queued: Annotated[int | None, Query(ge=0, le=MAX_SEQ)] = None,
        oldest_queued_at: Annotated[datetime | None, Query()] = None,
    ) -> DeviceStatus:
        """`version`, `queued`, `oldest_queued_at`: what the counter reports of itself, for
        the owner's console (optional; older counters send none)."""
        now = settings.clock()
        report = CounterReport(version, queued, _aware(oldest_queued_at))
        record_report(engine_of(request), caller.device_id, report, now)
        return device_status(engine_of(request), caller, now, home, claim)

    @app.get(
        f"{API}/stores/{{store_id}}/devices/{{device_id}}/counters",
        response_model=StoreCounters,
        responses=ERRORS,
    )
    def counters_of_store(
        request: Request, caller: Annotated[Caller, Depends(as_device)]
    ) -> StoreCounters:
        """The store's counters and when each was last heard from (the close's check)."""
        return store_counters(engine_of(request), caller)

    @app.get(
        f"{API}/stores/{{store_id}}/devices/{{device_id}}/chain-stores",
        response_model=ChainStores,
        responses=ERRORS,
    )
    def stores_of_chain(
        request: Request, caller: Annotated[Caller, Depends(as_device)]
    ) -> ChainStores:
        """The owner's stores, the caller's own too: where stock may be transferred."""
        return chain_stores(engine_of(request), caller)

    @app.get(
        f"{API}/stores/{{store_id}}/devices/{{device_id}}/stock-snapshot",
        response_model=StockSnapshot,
        responses=ERRORS,
    )
    def stock_for_joining(
        request: Request, caller: Annotated[Caller, Depends(as_device)]
    ) -> StockSnapshot:
        """A first pull's start: the store's stock by product and batch as of the feed's end
        (`until`), which the counter sells from until the stock movements (history) arrive."""
        publish_pending(engine_of(request), caller.store_id, settings.clock)  # as `changes`
        publish_transfers(engine_of(request), caller.store_id, settings.clock)
        return joining_stock(engine_of(request), caller.store_id, caller.device_id)

    @app.get(
        f"{API}/stores/{{store_id}}/devices/{{device_id}}/operations",
        response_model=DeviceOperations,
        responses=ERRORS,
    )
    def operations_of_device(
        request: Request,
        caller: Annotated[Caller, Depends(as_device)],
        after: Annotated[int, Query(ge=0, le=MAX_SEQ)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_CHANGES_PER_PULL)] = MAX_CHANGES_PER_PULL,
    ) -> DeviceOperations:
        return device_operations(engine_of(request), caller, after, limit)

    @app.post(
        f"{API}/stores/{{store_id}}/devices/{{device_id}}/operations",
        response_model=PushResponse,
        responses=ERRORS,
    )
    def push(
        body: PushRequest, request: Request, caller: Annotated[Caller, Depends(as_device)]
    ) -> PushResponse:
        for op in body.operations:
            if op.device_id != caller.device_id:
                raise HTTPException(403, "an operation of another device")
            storable(op.id, op.type)
        started = time.perf_counter()
        try:
            outcome = apply_push(
                engine_of(request),
                caller.store_id,
                caller.device_id,
                list(body.operations),
                settings.clock(),
                settings.deduplicate,
            )
        except StorageUnavailable:
            log.error("push: database unavailable", extra={"device": caller.device_id})
            later = [
                OperationResult(id=o.id, seq=o.seq, status=RETRY_LATER) for o in body.operations
            ]
            return PushResponse(results=later, cursor=caller.cursor)
        log.info(
            "push",
            extra={
                "store": caller.store_id,
                "device": caller.device_id,
                "operations": len(body.operations),
                "counts": dict(outcome.counts),
                "cursor": outcome.cursor,
                "resend_from": outcome.resend_from,
                "one_by_one": outcome.careful,
                "ms": round((time.perf_counter() - started) * 1000, 1),
            },
        )
        return PushResponse(
            results=outcome.results, cursor=outcome.cursor, resend_from=outcome.resend_from
        )

    @app.post(
        f"{API}/stores/{{store_id}}/devices/{{device_id}}/store-key",
        response_model=StoreKeyResponse,
        responses=ERRORS,
    )
    def store_key_of(
        body: StoreKeyRequest, caller: Annotated[Caller, Depends(as_device)]
    ) -> StoreKeyResponse:
        """The store's key for health data (store_keys.py); a counter's offer is kept only
        if the store had none. The key is never logged."""
        try:
            offered = base64.urlsafe_b64decode(body.offer) if body.offer else None
            key = store_key(settings.store_key_dir, caller.store_id, offered)
        except (ValueError, binascii.Error):
            raise HTTPException(422, "the offered key is not 32 bytes of URL-safe base64") from None
        log.info("store key given", extra={"store": caller.store_id, "device": caller.device_id})
        return StoreKeyResponse(key=base64.urlsafe_b64encode(key).decode())

    @app.get(f"{API}/stores/{{store_id}}/changes", response_model=ChangesResponse, responses=ERRORS)
    def changes(
        request: Request,
        caller: Annotated[Caller, Depends(in_store)],
        after: Annotated[int, Query(ge=0, le=MAX_SEQ)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_CHANGES_PER_PULL)] = MAX_CHANGES_PER_PULL,
        until: Annotated[int | None, Query(ge=0, le=MAX_SEQ)] = None,
        only: Annotated[str | None, Query(pattern=ENTITY_LIST, max_length=1_600)] = None,
        skip: Annotated[str | None, Query(pattern=ENTITY_LIST, max_length=1_600)] = None,
    ) -> ChangesResponse:
        """`until`, `only` and `skip` narrow the page (a joining counter's first pull: what it
        needs to sell first, history afterwards; docs/sync.md, "Joining a store")."""
        publish_pending(engine_of(request), caller.store_id, settings.clock)  # chain items
        publish_transfers(engine_of(request), caller.store_id, settings.clock)  # other stores'
        query = select(CHANGE).where(CHANGE.c.store_id == caller.store_id, CHANGE.c.seq > after)
        if until is not None:
            query = query.where(CHANGE.c.seq <= until)
        if only:
            query = query.where(CHANGE.c.entity.in_(only.split(",")))
        if skip:
            query = query.where(CHANGE.c.entity.not_in(skip.split(",")))
        query = query.order_by(CHANGE.c.seq).limit(limit + 1)
        with engine_of(request).connect() as connection:
            rows = connection.execute(query).all()
            last = connection.execute(
                select(STORE.c.change_seq).where(STORE.c.id == caller.store_id)
            ).scalar_one()
            tickets = tickets_as_they_stand(
                connection, caller.store_id, {r.entity_id for r in rows[:limit] if not r.data}
            )
        page = [
            Change(
                seq=row.seq,
                entity=row.entity,
                entity_id=row.entity_id,
                data=load_json(row.data) if row.data else tickets[row.entity_id],
                origin_device_id=row.origin_device_id,
                at=row.at,
            )
            for row in rows[:limit]
        ]
        return ChangesResponse(changes=page, last_seq=last, more=len(rows) > limit)

    add_web_console(app)
    return app
