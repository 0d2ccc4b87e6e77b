"""Request and response bodies of the sync API (docs/sync.md). The payload of each operation
type is declared with its family in sync/operations/."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from sync.operations.payloads import MAX_SEQ, Id, Moment, Strict
from sync.protocol import MAX_BATCH_OPERATIONS, MAX_CHANGES_PER_PULL

# ---------------------------------------------------------------- enrollment


class EnrollRequest(Strict):
    code: str = Field(min_length=4, max_length=64)
    device_id: Id = Field(min_length=1, max_length=36)
    counter: str = Field(min_length=1, max_length=8, description="the counter's ticket prefix")
    hostname: str = Field(default="", max_length=128)


class EnrollResponse(Strict):
    store_id: Id
    store_name: str
    device_id: Id
    token: str = Field(description="send as `Authorization: Bearer <token>`; shown once")


class DeviceStatus(Strict):
    store_id: Id
    store_name: str
    device_id: Id
    cursor: int = Field(description="the highest operation sequence number applied")
    change_seq: int = Field(description="the store's newest change sequence number")
    server_time: Moment


# ---------------------------------------------------------------- push


class Operation(Strict):
    """One outbox row."""

    id: Id = Field(min_length=1, max_length=36)
    device_id: Id = Field(min_length=1, max_length=36)
    seq: int = Field(ge=1, le=MAX_SEQ)
    type: str = Field(min_length=1, max_length=48)
    occurred_at: Moment
    payload_version: int = Field(ge=1, le=1000)
    payload: dict[str, Any]


class PushRequest(Strict):
    operations: list[Operation] = Field(max_length=MAX_BATCH_OPERATIONS)


class OperationResult(Strict):
    id: Id
    seq: int
    status: Literal["applied", "applied_with_flags", "duplicate", "rejected", "retry_later"]
    conflict_ids: list[Id] = Field(default_factory=list)
    reason: str | None = None


class PushResponse(Strict):
    results: list[OperationResult]
    cursor: int = Field(description="the device's highest applied sequence number")
    resend_from: int | None = Field(
        default=None, description="set when the batch skipped ahead: resend from this seq"
    )


# ---------------------------------------------------------------- pull


class Change(Strict):
    seq: int
    entity: str
    entity_id: Id
    data: dict[str, Any]
    origin_device_id: Id | None = None
    at: Moment


class ChangesResponse(Strict):
    changes: list[Change] = Field(max_length=MAX_CHANGES_PER_PULL)
    last_seq: int = Field(description="the store's newest change sequence number")
    more: bool


class ErrorBody(Strict):
    detail: str
