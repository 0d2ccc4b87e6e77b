"""Members: the ledgers of points, stored value (principal and bonus apart) and package-card
sessions, package plans, and the overdraft a balance spent on two counters while apart can
leave (docs/adr/0009-member-balances.md). Entries are append-only and made where they happen
(most within a sale: sales.py's version 2 carries them); a balance is their sum."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Final, Literal

from pydantic import Field

from sync.messages import ACCOUNT_WORDS, Both
from sync.operations.kinds import (
    ChangeKind,
    ConflictKind,
    Describer,
    Family,
    OperationKind,
    pick,
)
from sync.operations.payloads import Fen, Id, Lenient, Moment
from sync.protocol import (
    RESOLUTION_CARRY,
    RESOLUTION_COLLECT,
    RESOLUTION_WRITE_OFF,
)

PACKAGE_PLAN_SAVED: Final = "package_plan.saved"
POINTS_ADJUSTED: Final = "points.adjusted"
POINTS_EXPIRED: Final = "points.expired"
STORED_VALUE_REFUNDED: Final = "stored_value.refunded"
CHANGE_BALANCE_ENTRY: Final = "balance_entry"
CHANGE_PACKAGE_CARD: Final = "package_card"
CHANGE_PACKAGE_PLAN: Final = "package_plan"
CONFLICT_OVERDRAFT: Final = "overdraft"

Account = Literal["principal", "bonus", "points", "sessions"]
ACCOUNTS: Final[tuple[str, ...]] = ("principal", "bonus", "points", "sessions")
# Why an entry was made; a mistake is reversed by a new entry, never edited.
Reason = Literal[
    "top_up",  # stored value bought (principal) and the store's bonus on it
    "spend",  # stored value, points or a session paid for a sale
    "earn",  # points a sale earned
    "card_sale",  # a package card's sessions, sold
    "reverse",  # a void or refund gives back what its sale took, takes back what it gave
    "adjust",  # points corrected by a manager
    "refund_out",  # unused stored value paid back (principal) or forfeited (bonus)
    "collect",  # an overdraft the customer paid
    "write_off",  # an overdraft the store absorbed
    "clash",  # what two counters gave back twice for one ticket, taken again (server)
    "expire",  # points unspent at their lot's expiry (line_id: the lot's entry; docs/members.md)
]
MAX_ENTRY = 10**12  # as MAX_FEN: beyond it a number is a bug's, not a balance's


class BalanceEntryPayload(Lenient):
    """One movement of one account of one customer: fen for principal and bonus, points, or
    sessions of one card (`card_id`). Signed: negative takes from the balance."""

    id: Id
    customer_id: Id
    account: Account
    amount: int = Field(ge=-MAX_ENTRY, le=MAX_ENTRY)
    reason: Reason
    card_id: Id | None = None
    ticket_id: Id | None = None
    line_id: Id | None = None
    created_at: Moment
    note: str = Field(default="", max_length=500)


class PackageCardPayload(Lenient):
    """A package card as sold: `sessions` of any of `service_ids`, until `expires_on`."""

    id: Id
    customer_id: Id
    plan_id: Id | None = None
    name: str = Field(min_length=1, max_length=64)
    service_ids: list[Id] = Field(min_length=1, max_length=100)
    sessions: int = Field(ge=1, le=10_000)
    price: Fen = Field(ge=0)
    expires_on: date | None = None
    ticket_id: Id | None = None
    line_id: Id | None = None
    created_at: Moment


class PackagePlanSaved(Lenient):
    """A package the store sells (疗程卡/次卡): N sessions of some services at a price, valid
    `valid_days` from the sale (0: no expiry). The last edit by `hlc` wins, field by field."""

    id: Id
    name: str = Field(min_length=1, max_length=64)
    service_ids: list[Id] = Field(min_length=1, max_length=100)
    sessions: int = Field(ge=1, le=10_000)
    price: Fen = Field(ge=0)
    valid_days: int = Field(ge=0, le=36_600)
    active: bool = True
    hlc: str


class PackagePlanData(PackagePlanSaved):
    pass


class EntriesRecorded(Lenient):
    """Entries made outside a sale, approved by a manager with a reason."""

    customer_id: Id
    entries: list[BalanceEntryPayload] = Field(min_length=1, max_length=10)
    approved_by: Id
    reason: str = Field(min_length=1, max_length=500)


class PointsAdjusted(EntriesRecorded):
    pass


class PointsExpired(Lenient):
    """Points past the store's validity, expired by whichever counter saw them first: each
    entry's id is computed from its lot (salon_pos/domain/points_expiry.py), so the same
    expiry written by two counters is recorded once."""

    customer_id: Id
    entries: list[BalanceEntryPayload] = Field(min_length=1, max_length=100)


class StoredValueRefunded(EntriesRecorded):
    """Unused stored value handed back: principal paid out (`paid_out` fen, by `tender`),
    bonus forfeited, both as negative entries."""

    paid_out: Fen = Field(ge=0)
    tender: str = Field(min_length=1, max_length=16)


class BalanceEntryData(BalanceEntryPayload):
    """An entry in the change feed, from whichever counter (or the server) made it."""

    device_id: Id | None = None


class PackageCardData(PackageCardPayload):
    pass


def shortfall_text(account: Any, amount: Any, say: Describer) -> str:
    """An overdraft's size in its account's unit: money, points or sessions."""
    if account in ("principal", "bonus"):
        return say.money(amount)
    unit = Both("{n} 积分", "{n} points") if account == "points" else Both("{n} 次", "{n} sessions")
    return unit.text(say.language).format(n=say.unknown(amount))


def _listed(details: Mapping[str, Any], key: str) -> list[Any]:
    found = details.get(key)
    return found if isinstance(found, list) else []


def _overdraft(d: Mapping[str, Any], say: Describer) -> dict[str, str]:
    account = pick(d, "account")
    words = ACCOUNT_WORDS.get(str(account))
    tickets, devices = _listed(d, "numbers"), _listed(d, "stamps")
    return {
        "customer": say.unknown(say.customer(pick(d, "customer_id"))),
        "account": words.text(say.language) if words else say.unknown(account),
        "shortfall": shortfall_text(account, pick(d, "shortfall"), say),
        "tickets": "、".join(str(n) for n in tickets) or say.unknown(None),
        "devices": "、".join(say.device(s) for s in devices) or say.unknown(None),
    }


OVERDRAFT = ConflictKind(
    name=CONFLICT_OVERDRAFT,
    resolutions=(RESOLUTION_COLLECT, RESOLUTION_WRITE_OFF, RESOLUTION_CARRY),
    title=Both("余额透支", "Balance overdrawn"),
    explanation=Both(
        "客户“{customer}”的{account}在几台收银台离线时都被使用，透支了 {shortfall}"
        "（单据 {tickets}；{devices}）。所有销售都已入账。请选择：向顾客收回差额、"
        "注销（店里承担，请写明原因），或记为欠款（余额保持为负，下次充值时抵扣）。",
        "The {account} of customer {customer} was spent on counters that were offline, and is "
        "overdrawn by {shortfall} (tickets {tickets}; {devices}). Every sale stands. "
        "Collect the difference from the customer, write it off (the store bears it: give "
        "the reason), or carry it as debt (the balance stays below zero until the next "
        "top-up).",
    ),
    facts=_overdraft,
    concerns=lambda d, say: [
        say.customer(pick(d, "customer_id")),
        shortfall_text(pick(d, "account"), pick(d, "shortfall"), say),
    ],
    resolution_words={
        RESOLUTION_COLLECT: Both("向顾客收回", "Collect from the customer"),
        RESOLUTION_WRITE_OFF: Both("注销", "Write off"),
        RESOLUTION_CARRY: Both("记为欠款", "Carry as debt"),
    },
    # Written off, the store bears it: the manager says why (kept with the decision and on the
    # settling entry).
    noted=(RESOLUTION_WRITE_OFF,),
)

FAMILY = Family(
    name="members",
    operations=(
        OperationKind(PACKAGE_PLAN_SAVED, {1: PackagePlanSaved}, changes=(CHANGE_PACKAGE_PLAN,)),
        OperationKind(POINTS_ADJUSTED, {1: PointsAdjusted}, changes=(CHANGE_BALANCE_ENTRY,)),
        OperationKind(POINTS_EXPIRED, {1: PointsExpired}, changes=(CHANGE_BALANCE_ENTRY,)),
        OperationKind(
            STORED_VALUE_REFUNDED, {1: StoredValueRefunded}, changes=(CHANGE_BALANCE_ENTRY,)
        ),
    ),
    changes=(
        ChangeKind(CHANGE_BALANCE_ENTRY, BalanceEntryData),
        ChangeKind(CHANGE_PACKAGE_CARD, PackageCardData),
        ChangeKind(CHANGE_PACKAGE_PLAN, PackagePlanData),
    ),
    conflicts=(OVERDRAFT,),
)
