"""Sales: a sale completed, voided or refunded. A sale is never refused; money handed back is
never refused either (docs/sync.md, "Conflict rules")."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, Final, Literal

from pydantic import Field, model_validator

from sync.messages import Both
from sync.operations.inventory import CHANGE_STOCK_MOVEMENT, StockMovementPayload
from sync.operations.kinds import (
    ChangeKind,
    ConflictKind,
    Describer,
    Family,
    OperationKind,
    pick,
)
from sync.operations.members import (
    CHANGE_BALANCE_ENTRY,
    CHANGE_PACKAGE_CARD,
    BalanceEntryPayload,
    PackageCardPayload,
)
from sync.operations.patch_tests import PatchTestWaiver
from sync.operations.payloads import Fen, Id, Lenient, Moment
from sync.protocol import RESOLUTION_ACCEPT

SALE_COMPLETED: Final = "sale.completed"
SALE_VOIDED: Final = "sale.voided"
SALE_REFUNDED: Final = "sale.refunded"
CHANGE_TICKET: Final = "ticket"
CHANGE_REFUND: Final = "refund"
CONFLICT_PRICE_MISMATCH: Final = "price_mismatch"
CONFLICT_MONEY_BACK_TWICE: Final = "money_back_twice"  # voids/refunds beyond what was paid


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


class TicketLineV2(TicketLinePayload):
    """Version 2: a line may also sell stored value (a top-up: `item_id` is the customer) or
    a package card (`item_id` is its plan); a member price shows as `member_discount`; a
    service sold without a valid patch test carries the manager's approval."""

    kind: Literal["service", "product", "stored_value", "package"]  # type: ignore[assignment]
    member_discount: Fen = Field(default=0, ge=0)  # the tier's price off list_price × quantity
    patch_test_waiver: PatchTestWaiver | None = None  # a manager's, docs/patch-tests.md


class SaleCompletedV2(SaleCompleted):
    """Version 2: the member ledgers' entries the sale made (stored value and points spent,
    points earned, a top-up with its bonus, a package card's sessions) and the cards it sold."""

    lines: list[TicketLineV2] = Field(min_length=1)  # type: ignore[assignment]
    entries: list[BalanceEntryPayload] = Field(default_factory=list, max_length=200)
    cards: list[PackageCardPayload] = Field(default_factory=list, max_length=100)


WHOLE_SHARE: Final = 10_000  # a line's technicians' shares add up to this (basis points)


class LineShare(Lenient):
    """A technician's share of a line several worked on (多人合作), in basis points."""

    staff_id: Id
    share: int = Field(ge=1, le=WHOLE_SHARE)


class TicketLineV3(TicketLineV2):
    """Version 3: the category as sold (reports group by it, whatever the catalog says later),
    whether the technician was asked for by name (点钟, commission may differ), and the
    technicians' shares of a line several worked on (empty: the line's technician has it all)."""

    category: str = Field(default="", max_length=32)
    requested: bool = False
    shares: list[LineShare] = Field(default_factory=list, max_length=10)

    @model_validator(mode="after")
    def _shares_add_up(self) -> TicketLineV3:
        staff = [share.staff_id for share in self.shares]
        if self.shares and (
            sum(share.share for share in self.shares) != WHOLE_SHARE
            or len(set(staff)) != len(staff)
            or self.technician_id not in staff
        ):
            raise ValueError("the shares of a line are its technicians', once each, adding up")
        return self


class SaleCompletedV3(SaleCompletedV2):
    """Version 3: lines with their category as sold, 点钟 and technicians' shares."""

    lines: list[TicketLineV3] = Field(min_length=1)  # type: ignore[assignment]


MOST_MOVEMENTS = 1_000  # a ticket's stock movements: a product line or a consumable, by batch


class SaleCompletedV4(SaleCompletedV3):
    """Version 4: the stock movements the sale made (products sold, consumables its services
    used), by batch (docs/inventory.md)."""

    stock: list[StockMovementPayload] = Field(default_factory=list, max_length=MOST_MOVEMENTS)


class SaleVoided(Lenient):
    ticket_id: Id
    number: str
    approved_by: Id
    reason: str
    voided_at: Moment
    total: Fen


class SaleVoidedV2(SaleVoided):
    """Version 2: the entries that reverse what the sale's entries did."""

    entries: list[BalanceEntryPayload] = Field(default_factory=list, max_length=200)


class SaleVoidedV3(SaleVoidedV2):
    """Version 3: the business day the void happened on. It counts on that day, never changing
    a day already closed; an earlier version's void (None) counts on the sale's own day."""

    business_day: date | None = None


class SaleVoidedV4(SaleVoidedV3):
    """Version 4: the stock movements that put back what the sale took."""

    stock: list[StockMovementPayload] = Field(default_factory=list, max_length=MOST_MOVEMENTS)


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


class SaleRefundedV2(SaleRefunded):
    """Version 2: the entries that reverse the refunded share of the sale's entries."""

    entries: list[BalanceEntryPayload] = Field(default_factory=list, max_length=200)


class SaleRefundedV3(SaleRefundedV2):
    """Version 3: the stock movements of the products refunded back on the shelf."""

    stock: list[StockMovementPayload] = Field(default_factory=list, max_length=MOST_MOVEMENTS)


class TicketData(SaleCompletedV3):
    """A ticket in the change feed: the sale as recorded and where it stands now."""

    status: Literal["completed", "voided", "refunded"]  # type: ignore[assignment]
    device_id: Id | None = None
    voided_at: datetime | None = None
    voided_by: Id | None = None
    void_reason: str | None = None  # the server may send null for "no reason"
    void_business_day: date | None = None
    void_device_id: Id | None = None


class RefundTenderData(RefundTenderPayload):
    position: int = Field(ge=1)


class RefundData(SaleRefundedV2):
    """A refund in the change feed: its tenders numbered, and the counter it was made at."""

    tenders: list[RefundTenderData]  # type: ignore[assignment]
    device_id: Id | None = None


def _price_mismatch(details: Mapping[str, Any], say: Describer) -> dict[str, str]:
    line = Both(
        "“{item}”按 {paid} 收款，总部价格为 {server}",
        "“{item}”: paid at {paid}, the server's price is {server}",
    )
    lines = [
        line.text(say.language).format(
            item=say.unknown(entry.get("name")),
            paid=say.money(entry.get("list_price")),
            server=say.money(entry.get("server_price")),
        )
        for entry in price_lines(details)
    ]
    return {
        "number": say.unknown(pick(details, "number")),
        "lines": "; ".join(lines) or say.unknown(None),
    }


def price_lines(details: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The lines of a price mismatch: name, list_price (paid), server_price; fen."""
    lines = details.get("lines")
    return [line for line in lines if isinstance(line, Mapping)] if isinstance(lines, list) else []


_CLASHES = {
    "voided before": Both("它已作废", "it had been voided"),
    "refunded before": Both("它已退款", "it had been refunded"),
    "more than the sale took": Both("退款已达到实收金额", "refunds had reached what the sale took"),
}
_EARLIER = Both("先前的作废或退款", "an earlier void or refund")


def _money_back_twice(details: Mapping[str, Any], say: Describer) -> dict[str, str]:
    clash = _CLASHES.get(str(pick(details, "clash")), _EARLIER)
    return {
        "number": say.unknown(pick(details, "number")),
        "total": say.money(pick(details, "total")),
        "amount": say.money(pick(details, "amount")),
        "before": clash.text(say.language),
    }


PRICE_MISMATCH = ConflictKind(
    name=CONFLICT_PRICE_MISMATCH,
    resolutions=(RESOLUTION_ACCEPT,),
    title=Both("价格不一致", "Price mismatch"),
    explanation=Both(
        "单据 {number} 售出时，总部的价格与收银台不同：{lines}。已完成的销售不会更改，顾客按收银台"
        "的价格付款。点“接受”关闭此冲突；如价目有误，请在总部修改。",
        "Ticket {number} was sold while the server had other prices: {lines}. A completed "
        "sale is never changed: the customer paid the counter's price. Accept to close "
        "this; if the catalog price is wrong, correct it at the server.",
    ),
    facts=_price_mismatch,
    concerns=lambda d, say: [
        pick(d, "number"),
        " / ".join(str(line.get("name")) for line in price_lines(d) if line.get("name")),
    ],
)

MONEY_BACK_TWICE = ConflictKind(
    name=CONFLICT_MONEY_BACK_TWICE,
    resolutions=(RESOLUTION_ACCEPT,),
    title=Both("重复退款", "Money handed back twice"),
    explanation=Both(
        "单据 {number}（{total}）在两台收银台离线时都退了钱："
        "在{before}之后又作废或退款了 {amount}。"
        "两笔都按收银台的记录入账。请核对钱箱并联系顾客，然后接受。",
        "Ticket {number} ({total}) had money handed back on two counters while they were "
        "offline: {amount} more was voided or refunded after {before}. Both are on the "
        "books as the counters recorded them. Check the drawers and the customer, then "
        "accept.",
    ),
    facts=_money_back_twice,
    concerns=lambda d, say: [pick(d, "number")],
)


def _as_next(model: type[Lenient]) -> Any:
    """To the next version: the same sale, void or refund; what the new version adds takes its
    default (1 to 2: no member entries; 2 to 3: no category, 点钟 or shares, a void's day
    unknown; 3 to 4: no stock movements)."""
    return lambda payload: model.model_validate(payload.model_dump())


_ENTRIES = (CHANGE_BALANCE_ENTRY,)
_STOCK = (CHANGE_STOCK_MOVEMENT,)
FAMILY = Family(
    name="sales",
    operations=(
        OperationKind(
            SALE_COMPLETED,
            {1: SaleCompleted, 2: SaleCompletedV2, 3: SaleCompletedV3, 4: SaleCompletedV4},
            changes=(CHANGE_TICKET, *_ENTRIES, CHANGE_PACKAGE_CARD, *_STOCK),
            upgrades={
                1: _as_next(SaleCompletedV2),
                2: _as_next(SaleCompletedV3),
                3: _as_next(SaleCompletedV4),
            },
        ),
        OperationKind(
            SALE_VOIDED,
            {1: SaleVoided, 2: SaleVoidedV2, 3: SaleVoidedV3, 4: SaleVoidedV4},
            changes=(CHANGE_TICKET, *_ENTRIES, *_STOCK),
            upgrades={
                1: _as_next(SaleVoidedV2),
                2: _as_next(SaleVoidedV3),
                3: _as_next(SaleVoidedV4),
            },
        ),
        OperationKind(
            SALE_REFUNDED,
            {1: SaleRefunded, 2: SaleRefundedV2, 3: SaleRefundedV3},
            changes=(CHANGE_REFUND, CHANGE_TICKET, *_ENTRIES, *_STOCK),
            upgrades={1: _as_next(SaleRefundedV2), 2: _as_next(SaleRefundedV3)},
        ),
    ),
    changes=(
        ChangeKind(CHANGE_TICKET, TicketData, history=True),
        ChangeKind(CHANGE_REFUND, RefundData, history=True),
    ),
    conflicts=(PRICE_MISMATCH, MONEY_BACK_TWICE),
)
