"""Request and response bodies of the sync API (docs/sync.md), and the payload of each
operation type, version 1. The server validates with these; the client builds and reads them.
Money is integer fen everywhere; times are ISO 8601 with a UTC offset."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field

from sync.protocol import MAX_BATCH_OPERATIONS, MAX_CHANGES_PER_PULL

Id = str  # a UUIDv7 string made by the device that created the record
Fen = int
MAX_SEQ = 2**62  # sequence numbers and versions fit a signed 64-bit column


def _plausible(moment: datetime) -> datetime:
    """A time a shop could have recorded: also keeps the UTC conversion from overflowing
    (9999-12-31T23:00-05:00 is year 10000 in UTC)."""
    if not datetime(2000, 1, 1, tzinfo=UTC) <= moment <= datetime(2200, 1, 1, tzinfo=UTC):
        raise ValueError("time out of range (2000 to 2200)")
    return moment


Moment = Annotated[AwareDatetime, AfterValidator(_plausible)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Lenient(BaseModel):
    """Payloads: fields added by a later client are ignored, not refused."""

    model_config = ConfigDict(extra="ignore", frozen=True)


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
    conflict_ids: list[Id] = []
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


# ---------------------------------------------------------------- payloads, version 1


class TicketLinePayload(Lenient):
    id: Id
    ticket_id: Id
    position: int = Field(ge=1)
    kind: Literal["service", "product"]
    item_id: Id
    name: str
    quantity: int = Field(ge=1)
    list_price: Fen = Field(ge=0)
    unit_price: Fen = Field(ge=0)
    line_discount: Fen = Field(ge=0)
    total: Fen
    net_total: Fen
    technician_id: Id | None = None


class PaymentPayload(Lenient):
    id: Id
    ticket_id: Id
    position: int = Field(ge=1)
    kind: str = Field(min_length=1, max_length=16)
    tendered: Fen = Field(ge=0)
    applied: Fen = Field(ge=0)
    reference: str = ""


class SaleCompleted(Lenient):
    id: Id
    number: str
    status: Literal["completed"]
    customer_id: Id | None = None
    cashier_id: Id
    business_day: date
    created_at: Moment
    completed_at: Moment
    subtotal: Fen
    line_discounts: Fen
    ticket_discount: Fen
    rounding_off: Fen
    total: Fen = Field(ge=0)
    tendered: Fen = Field(ge=0)
    change: Fen = Field(ge=0)
    lines: list[TicketLinePayload] = Field(min_length=1)
    payments: list[PaymentPayload]
    discount_approved_by: Id | None = None


class SaleVoided(Lenient):
    ticket_id: Id
    number: str
    approved_by: Id
    reason: str
    voided_at: Moment
    total: Fen


class RefundLinePayload(Lenient):
    ticket_line_id: Id
    quantity: int = Field(ge=1)
    amount: Fen = Field(ge=0)


class RefundTenderPayload(Lenient):
    kind: str
    amount: Fen = Field(ge=0)


class SaleRefunded(Lenient):
    id: Id
    ticket_id: Id
    number: str
    refunded_at: Moment
    business_day: date
    cashier_id: Id
    approved_by: Id
    reason: str
    amount: Fen = Field(ge=0)
    lines: list[RefundLinePayload] = Field(min_length=1)
    tenders: list[RefundTenderPayload]
    ticket_refunded: bool


class CustomerCreated(Lenient):
    id: Id
    name: str = Field(min_length=1, max_length=64)
    phone: str = Field(min_length=1, max_length=20)
    gender: Literal["", "F", "M"] = ""
    birthday: date | None = None
    notes: str = ""
    hlc: str = Field(description="hybrid logical clock stamp of the edit (sync.protocol)")


class CustomerUpdated(Lenient):
    id: Id
    changed: dict[str, Any] = Field(description="field → new value, only the changed ones")
    before: dict[str, Any] = Field(
        default_factory=dict, description="field → the value the counter replaced"
    )
    hlc: str


class StaffSaved(Lenient):
    id: Id
    name: str
    role: Literal["owner", "manager", "front_desk", "technician"]
    skills: list[str] = []
    discount_limit: Fen = 0
    active: bool = True
    pin_hash: str | None = Field(default=None, description="argon2 hash, so PINs work everywhere")


class CatalogItemSaved(Lenient):
    id: Id
    kind: Literal["service", "product"]
    category: str
    name: str
    price: Fen = Field(ge=0)
    duration_min: int | None = None
    skill: str = ""
    sku: str | None = None
    barcode: str | None = None
    cost: Fen = 0
    active: bool = True


class ConflictResolved(Lenient):
    conflict_id: Id
    resolution: Literal["accept", "merge", "keep_both", "use_other"]
    resolved_by: Id = Field(description="the manager's staff id")
    note: str = ""
