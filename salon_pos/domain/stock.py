"""Stock (进销存): quantities, batches, first-expired-first-out and what a stock change may be.

Stock is a ledger: every change is a movement of a signed whole number of the product's unit
(piece, ml or g), tied to the document that made it; on hand is the sum (DESIGN.md, "Data
rules"). A product is sold and received by the package (`pack_size` units: a 500 ml bottle of
a back-bar serum), and a service uses its consumables by the unit (5 ml a facial).

A sale is never refused for stock: what the counter's records cannot cover is taken from no
batch (the product's stock goes below zero and the server flags it, docs/inventory.md). Stock
in a batch past its expiry is not sold unless a manager allows it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final

from salon_pos.domain.errors import Both, UserError

MOST_QUANTITY: Final = 10_000_000  # units in one movement: beyond it a figure is a typing slip
MOST_PACK: Final = 100_000
MOST_COST: Final = 10**10  # fen a package (¥100,000,000): beyond it a cost is a typing slip


class Unit(StrEnum):
    PIECE = "piece"  # 件/支/瓶
    ML = "ml"
    G = "g"


UNITS: Final = frozenset(u.value for u in Unit)
UNIT_WORDS: Final = {
    Unit.PIECE: Both("件", "pieces"),
    Unit.ML: Both("毫升", "ml"),
    Unit.G: Both("克", "g"),
}


def unit_words(unit: str) -> Both:
    """A unit as people read it; one not known shown as it is."""
    return UNIT_WORDS[Unit(unit)] if unit in UNITS else Both(unit, unit)


class MovementKind(StrEnum):
    """Why stock changed; the sign of the quantity says which way."""

    SALE = "sale"  # a product sold (−)
    CONSUMPTION = "consumption"  # a service used it up (−)
    VOID = "void"  # a voided sale's stock back (+)
    REFUND = "refund"  # a refunded product back on the shelf (+)
    RECEIPT = "receipt"  # from a supplier (+)
    TRANSFER_OUT = "transfer_out"  # sent to another store (−)
    TRANSFER_IN = "transfer_in"  # received from another store (+)
    STOCKTAKE = "stocktake"  # counted differs from the records (±)
    WRITE_OFF = "write_off"  # damaged, expired, used in the salon (−)
    ADJUSTMENT = "adjustment"  # a manager's correction, a negative-stock resolution (±)


@dataclass(frozen=True)
class BatchStock:
    """What the records hold of a product in one batch (None: stock of no batch)."""

    batch_id: str | None
    expires_on: date | None
    on_hand: int


@dataclass(frozen=True)
class Take:
    """Units taken from a batch (None: more than the records hold)."""

    batch_id: str | None
    quantity: int


class NotAQuantity(UserError):
    en = "{name}: the quantity must be a whole number from 1 to {most} (got {value})."
    zh = "{name}：数量须为 1 至 {most} 的整数（当前为 {value}）。"


class ExpiryRequired(UserError):
    en = "{name} needs an expiry date for each batch received."
    zh = "{name} 入库时每个批次都须填写有效期。"


class ExpiredBeforeMade(UserError):
    en = "{name}: the expiry date {expires} is before the production date {made}."
    zh = "{name}：有效期 {expires} 早于生产日期 {made}。"


class UnitMismatch(UserError):
    en = "{product} is kept in {unit}: a consumable of {service} cannot be given in {given}."
    zh = "{product} 的库存单位是 {unit}，服务「{service}」的耗材不能用 {given} 计量。"


class NotAConsumable(UserError):
    en = "A service's consumables are products: {name} is not one."
    zh = "服务的耗材须为商品：{name} 不是商品。"


class ExpiredStockNeedsApproval(UserError):
    en = (
        "The stock of {name} on record is past its expiry ({expires}): a manager's PIN is "
        "needed to sell or use it."
    )
    zh = "{name} 的库存已过有效期（{expires}），出售或使用须店长输入 PIN。"


class NothingReceived(UserError):
    en = "Add at least one product to receive (scan its barcode or pick it)."
    zh = "请至少添加一个入库商品（扫码或选择商品）。"


class ReasonNeeded(UserError):
    en = "Give the reason for the stock change (for example: damaged, expired, used in salon)."
    zh = "请填写库存变动的原因（例如：破损、过期、店内自用）。"


class UnknownUnit(UserError):
    en = "{name}: stock is kept in pieces, ml or g, not in {unit}."
    zh = "{name}：库存单位只能是件、毫升或克，不能是 {unit}。"


class NotAPackSize(UserError):
    en = "{name}: a package holds a whole number of units from 1 to {most} (got {value})."
    zh = "{name}：每包装数量须为 1 至 {most} 的整数（当前为 {value}）。"


class NotACost(UserError):
    en = "{name}: a package's cost is from 0 to {most} fen (got {value}); check the figure."
    zh = "{name}：每包装成本须在 0 至 {most} 分之间（当前为 {value}），请核对。"


class ConsumableListedTwice(UserError):
    en = "{product} is listed twice among the consumables of {service}: list it once."
    zh = "{product} 在服务「{service}」的耗材中出现了两次，请只列一次。"


class MoreThanBatchHolds(UserError):
    en = "{name}: batch {batch} holds {held} {unit}; {asked} cannot be written off from it."
    zh = "{name}：批次 {batch} 只有 {held} {unit}，不能从中报损 {asked}。"


class UnitChangeWithStock(UserError):
    en = (
        "{name}: stock is kept in {unit} ({on_hand} on hand): take its stock to zero with a "
        "stocktake or a write-off before changing its unit or package size."
    )
    zh = (
        "{name} 的库存按{unit}记录（现有 {on_hand}）：请先通过盘点或报损将库存清零，"
        "再修改库存单位或包装规格。"
    )


def check_stock_unit(name: str, unit: str, pack_size: int) -> None:
    if unit not in UNITS:
        raise UnknownUnit(name=name, unit=unit)
    check_quantity(name, pack_size, MOST_PACK, NotAPackSize)


def check_quantity(
    name: str, value: int, most: int = MOST_QUANTITY, error: type[UserError] | None = None
) -> int:
    """A whole number of units from 1 to `most`: anything else is refused with `error`."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= most:
        raise (error or NotAQuantity)(name=name, most=most, value=value)
    return value


def check_batch(
    name: str, needs_expiry: bool, expires_on: date | None, made_on: date | None
) -> None:
    if needs_expiry and expires_on is None:
        raise ExpiryRequired(name=name)
    if expires_on is not None and made_on is not None and expires_on < made_on:
        raise ExpiredBeforeMade(name=name, expires=expires_on, made=made_on)


def check_unit_cost(name: str, cost: int | None) -> None:
    """A package's cost as received: None (not known) or 0 to MOST_COST fen."""
    if cost is None:
        return
    if isinstance(cost, bool) or not isinstance(cost, int) or not 0 <= cost <= MOST_COST:
        raise NotACost(name=name, most=MOST_COST, value=cost)


def check_unit_change(
    name: str, unit: str, pack_size: int, new: tuple[str, int], on_hand: int
) -> None:
    """A product's unit or package size may change only while it holds no stock: the ledger
    is kept in the unit, and the new unit would silently rescale every figure in it."""
    if (unit, pack_size) != new and on_hand != 0:
        raise UnitChangeWithStock(name=name, unit=unit_words(unit), on_hand=on_hand)


def check_consumables(service: str, products: Sequence[tuple[str, str]]) -> None:
    """Each product once among a service's consumables: (product id, its name) pairs."""
    seen: set[str] = set()
    for product_id, name in products:
        if product_id in seen:
            raise ConsumableListedTwice(service=service, product=name)
        seen.add(product_id)


def check_consumable_unit(service: str, product: str, unit: str, given: str) -> None:
    if given not in UNITS:
        raise UnknownUnit(name=product, unit=given)
    if Unit(unit) is not Unit(given):
        raise UnitMismatch(service=service, product=product, unit=unit, given=given)


def fefo(batches: Iterable[BatchStock]) -> list[BatchStock]:
    """First expired, first out: dated batches by expiry, then undated ones; batches of one day
    by id (ids sort by creation: the older first), the stock of no batch last."""
    return sorted(
        batches,
        key=lambda b: (
            b.batch_id is None,
            b.expires_on is None,
            b.expires_on or date.max,
            b.batch_id or "",
        ),
    )


def is_expired(batch: BatchStock, today: date) -> bool:
    return batch.expires_on is not None and batch.expires_on < today


def allocate(
    name: str,
    batches: Sequence[BatchStock],
    quantity: int,
    today: date,
    expired_allowed: bool = False,
) -> list[Take]:
    """Which batches `quantity` units come out of: the earliest-expiring batch with stock
    first, the stock of no batch after the batches, never a batch past its expiry unless a
    manager allowed it (then those, earliest first, once the rest is used up); what the
    records cannot cover comes from no batch too."""
    takes: list[Take] = []
    left = quantity
    ordered = [b for b in fefo(batches) if b.on_hand > 0]
    fresh = [b for b in ordered if not is_expired(b, today)]
    expired = [b for b in ordered if is_expired(b, today)]
    for batch in fresh:
        if left <= 0:
            break
        taken = min(left, batch.on_hand)
        takes.append(Take(batch.batch_id, taken))
        left -= taken
    if left > 0 and expired:
        if not expired_allowed:
            raise ExpiredStockNeedsApproval(name=name, expires=expired[0].expires_on)
        for batch in expired:
            if left <= 0:
                break
            taken = min(left, batch.on_hand)
            takes.append(Take(batch.batch_id, taken))
            left -= taken
    if left > 0 and takes and takes[-1].batch_id is None:
        takes[-1] = Take(None, takes[-1].quantity + left)
    elif left > 0:
        takes.append(Take(None, left))
    return takes


def loss_takes(batches: Sequence[BatchStock], quantity: int) -> list[Take]:
    """Which batches a loss found at a stocktake comes out of: first expired, first out over
    every batch with stock, expired ones included (no one sells them: a loss is not a sale, and
    goods past their date are the likeliest to have gone unrecorded); what the batches cannot
    cover comes from no batch."""
    takes: list[Take] = []
    left = quantity
    for batch in fefo(b for b in batches if b.on_hand > 0 and b.batch_id is not None):
        if left <= 0:
            break
        taken = min(left, batch.on_hand)
        takes.append(Take(batch.batch_id, taken))
        left -= taken
    if left > 0:
        takes.append(Take(None, left))
    return takes


def moving_average_cost(on_hand: int, cost: int, received: int, unit_cost: int) -> int:
    """A product's cost per package after a receipt (fen): the stock already held at the old
    cost and the new at the receipt's, averaged by quantity. Stock below zero counts as none
    (nothing is held at the old cost); rounded half up to the fen."""
    held = max(on_hand, 0)
    if held + received <= 0:
        return cost
    total = held * cost + received * unit_cost
    whole = held + received
    return (2 * total + whole) // (2 * whole)


def suggested_packages(on_hand: int, minimum: int, pack_size: int) -> int:
    """Packages to order for a product below its minimum: enough to bring stock back up to
    twice the minimum, rounded up to whole packages (0: not low, or no minimum set)."""
    if not (minimum > 0 and on_hand < minimum):
        return 0
    return -(-(2 * minimum - on_hand) // max(pack_size, 1))


def value_at_cost(on_hand: int, cost_per_pack: int, pack_size: int) -> int:
    """Stock's value at cost (fen), rounded to the fen; stock below zero is worth nothing."""
    if on_hand <= 0:
        return 0
    return (2 * on_hand * cost_per_pack + pack_size) // (2 * pack_size)


def signed_value_at_cost(units: int, cost_per_pack: int, pack_size: int) -> int:
    """Units moved, valued at cost (fen), a negative quantity's negative: a stocktake's
    difference, a write-off."""
    value = value_at_cost(abs(units), cost_per_pack, pack_size)
    return -value if units < 0 else value


@dataclass(frozen=True)
class Variance:
    """A stocktake's line: what the records held when the product was counted, and the count.
    Posting moves the difference, so what was sold or used while the count went on (after the
    product was counted) stays taken: counting never blocks selling."""

    product_id: str
    expected: int
    counted: int

    @property
    def difference(self) -> int:
        return self.counted - self.expected
