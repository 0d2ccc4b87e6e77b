"""Request and response bodies of the sync API (docs/sync.md). The payload of each operation
type is declared with its family in sync/operations/."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from sync.operations.payloads import MAX_SEQ, Id, Moment, Strict
from sync.protocol import MAX_BATCH_OPERATIONS, MAX_CHANGES_PER_PULL

# ---------------------------------------------------------------- enrollment

TOKEN_PATTERN = r"^[A-Za-z0-9_-]+$"
HOME_PATTERN = r"^[0-9a-f]{64}$"


class EnrollRequest(Strict):
    code: str = Field(min_length=4, max_length=64)
    device_id: Id = Field(min_length=1, max_length=36)
    counter: str = Field(min_length=1, max_length=8, description="the counter's ticket prefix")
    hostname: str = Field(default="", max_length=128)
    token: str | None = Field(
        default=None,
        min_length=43,
        max_length=128,
        pattern=TOKEN_PATTERN,
        description="the device token, made by the counter before its first try (≥ 32 random "
        "bytes, URL-safe base64); the server keeps its SHA-256. The same code, device id and "
        "token sent again (an answer lost) is answered again. Without it the server makes one.",
    )
    home: str | None = Field(
        default=None,
        pattern=HOME_PATTERN,
        description="where the counter's data folder lives: SHA-256 hex of the PC's machine "
        "id and the database's real path (a copy elsewhere is refused)",
    )


class EnrollResponse(Strict):
    store_id: Id
    store_name: str
    device_id: Id
    token: str = Field(description="send as `Authorization: Bearer <token>`; shown once")


class StoreKeyRequest(Strict):
    offer: str | None = Field(
        default=None,
        min_length=44,
        max_length=44,
        description="the key the counter made before it enrolled (32 bytes, URL-safe base64): "
        "kept as the store's key if the store has none yet",
    )


class StoreKeyResponse(Strict):
    key: str = Field(description="the store's key for customers' health data (32 bytes, "
                     "URL-safe base64); the counter keeps it in its keyring")  # fmt: skip


class DeviceStatus(Strict):
    store_id: Id
    store_name: str
    device_id: Id
    cursor: int = Field(description="the highest operation sequence number applied")
    change_seq: int = Field(description="the store's newest change sequence number")
    server_time: Moment
    cursor_op_id: Id | None = Field(
        default=None, description="the id of the operation at the cursor (none at 0)"
    )
    last_ticket_number: str | None = Field(
        default=None, description="the device's highest ticket number the server holds"
    )
    home: str | None = Field(
        default=None, description="where the device's data folder lives, as last recorded"
    )


class DeviceOperation(Strict):
    seq: int
    id: Id


class StoreCounter(Strict):
    device_id: Id
    counter: str = Field(max_length=8)
    last_heard_at: Moment | None = Field(
        default=None, description="its last push or status call; none: never heard from"
    )


class ChainStore(Strict):
    id: Id
    name: str = Field(max_length=64)


class ChainStores(Strict):
    """The owner's other stores (not closed): where a counter may send a transfer of stock."""

    stores: list[ChainStore] = Field(max_length=1000)


class HeldStock(Strict):
    product_id: Id
    batch_id: Id | None = Field(default=None, description="none: stock of no batch")
    quantity: int = Field(description="signed units of the product's unit")


class StockSnapshot(Strict):
    """A joining counter's stock before its history (docs/sync-counter.md, "Joining a store"):
    the store's stock by product and batch, the sum of its movements up to `until` but the
    asking counter's own, read together with `until`; rows that sum to zero left out."""

    until: int = Field(ge=0, description="the store's newest change sequence number")
    stock: list[HeldStock] = Field(max_length=1_000_000)


class StoreCounters(Strict):
    """The store's counters (not revoked) and when each was last heard from: a counter's
    end-of-day close lists those not heard from since the day began."""

    counters: list[StoreCounter] = Field(max_length=1000)


class DeviceOperations(Strict):
    """The operations the server holds from one device, by sequence number (a counter that
    was restored from a backup finds which of its own it has lost)."""

    operations: list[DeviceOperation] = Field(max_length=MAX_CHANGES_PER_PULL)
    more: bool


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
