"""Member balances as ledgers (issue 10, docs/adr/0009-member-balances.md): the rules that
decide entries, before anything is written. Pure: no database, no clock.

A stored-value card holds two balances, principal (money the customer paid) and bonus (money
the store gave with a top-up); a spend takes from both in the store's stated order, and a
refund of unused value gives back principal and forfeits the bonus. Every amount is whole fen.
A balance is never stored: it is the sum of its entries (this module answers the entries)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from salon_pos.domain.errors import UserError
from salon_pos.domain.money import format_money
from salon_pos.domain.ticket import allocate
from sync.member_rules import points_rate_pairs, top_up_pairs


class SpendOrder(StrEnum):
    """Which part of a stored-value balance a spend takes first (a store setting)."""

    PRINCIPAL_FIRST = "principal_first"
    BONUS_FIRST = "bonus_first"
    PROPORTIONAL = "proportional"  # in the ratio the card holds them, rounded to the fen


@dataclass(frozen=True)
class StoredValue:
    principal: int  # fen
    bonus: int  # fen

    @property
    def total(self) -> int:
        return self.principal + self.bonus


@dataclass(frozen=True)
class Split:
    """How much of a movement is principal and how much bonus (both signed like it)."""

    principal: int
    bonus: int

    @property
    def total(self) -> int:
        return self.principal + self.bonus


@dataclass(frozen=True)
class TopUpRule:
    """Pay at least `paid_from`, get `bonus` on top (¥1,000 → ¥200: 100000, 20000)."""

    paid_from: int
    bonus: int


MOST_CARDS_A_SALE = 20


class TooManyCards(UserError):
    en = "One sale sells at most {most} package cards; this one has {count}: split it."
    zh = "一单最多售出 {most} 张疗程卡，本单有 {count} 张，请分开结账。"


class TopUpNotPositive(UserError):
    en = "A top-up must be more than zero; {amount} cannot be topped up."
    zh = "充值金额必须大于 ¥0.00，{amount} 不能充值。"


class SpendNotPositive(UserError):
    en = "An amount paid by card must be more than zero, not {amount}."
    zh = "储值卡支付金额必须大于 ¥0.00，不能是 {amount}。"


class BalanceTooLow(UserError):
    en = "The card holds {balance}; {amount} cannot be paid from it. Take the rest another way."
    zh = "储值卡余额 {balance}，无法支付 {amount}，其余请用其他方式收款。"


class BeyondOfflineAllowance(UserError):
    en = (
        "Offline, this counter knows the card held {balance}, and may go {allowance} beyond "
        "that; {amount} cannot be paid from it. Take the rest another way."
    )
    zh = (
        "离线时本收银台所知的储值卡余额为 {balance}，最多可超出 {allowance}，"
        "无法支付 {amount}，其余请用其他方式收款。"
    )


def top_up(paid: int, rules: Sequence[TopUpRule]) -> Split:
    """The principal and bonus a top-up of `paid` fen adds: the bonus of the highest rule it
    reaches (rules need not be sorted), none below them all."""
    if paid <= 0:
        raise TopUpNotPositive(amount=format_money(paid))
    reached = [r.bonus for r in rules if paid >= r.paid_from]
    return Split(paid, max(reached, default=0))


def spend(card: StoredValue, amount: int, order: SpendOrder, allowance: int = 0) -> Split:
    """What a spend of `amount` fen takes, as negative entries: never more than the card holds
    (net: a debt carried counts against it) plus `allowance` (the owner's offline allowance: 0
    online), so spends offline one after another stop at the allowance below zero. What the
    card lacks beyond its balance is taken from principal, the overdraft the server records."""
    if amount <= 0:
        raise SpendNotPositive(amount=format_money(amount))
    available = max(card.principal, 0) + max(card.bonus, 0)
    if amount > card.total + allowance:  # a card already below zero has used its allowance
        money = {"balance": format_money(card.total), "amount": format_money(amount)}
        if allowance:
            raise BeyondOfflineAllowance(allowance=format_money(allowance), **money)
        raise BalanceTooLow(**money)
    principal, bonus = max(card.principal, 0), max(card.bonus, 0)
    covered = min(amount, available)
    if order is SpendOrder.PRINCIPAL_FIRST:
        from_principal = min(covered, principal)
    elif order is SpendOrder.BONUS_FIRST:
        from_principal = covered - min(covered, bonus)
    else:  # in proportion, the remainder fen to principal
        from_principal = covered if available == 0 else -(-covered * principal // available)
        from_principal = min(from_principal, principal)
    from_bonus = covered - from_principal
    overdraft = amount - covered
    return Split(-(from_principal + overdraft), -from_bonus)


class NoPrincipalToRefund(UserError):
    en = (
        "No paid-in stored value is left to pay back; the bonus ({bonus}) was a gift and is "
        "not refunded."
    )
    zh = "没有可退还的储值本金；赠送金额（{bonus}）不予退还。"


class NoStoredValue(UserError):
    en = "The card holds no stored value to pay back."
    zh = "卡内没有可退还的储值。"


def refund_unused(card: StoredValue) -> tuple[int, Split]:
    """Closing a card by the default policy: the unused principal is paid back, the bonus is
    forfeited. Answers (fen paid back, the entries that empty the card)."""
    principal, bonus = max(card.principal, 0), max(card.bonus, 0)
    if principal == 0 and bonus == 0:
        raise NoStoredValue()
    if principal == 0:
        raise NoPrincipalToRefund(bonus=format_money(bonus))
    return principal, Split(-principal, -bonus)


def balance(entries: Sequence[Split]) -> StoredValue:
    """A card's balance: the sum of its entries, principal and bonus apart."""
    return StoredValue(sum(e.principal for e in entries), sum(e.bonus for e in entries))


class PointsNotWhole(UserError):
    en = "{amount} is not a whole number of points at {rate} points a yuan."
    zh = "按每元 {rate} 积分计算，{amount} 不是整数积分。"


class PointsTooFew(UserError):
    en = "The customer has {points} points; {needed} are needed for {amount}."
    zh = "顾客有 {points} 积分，抵扣 {amount} 需要 {needed} 积分。"


class PointsTooFewToRedeem(UserError):
    en = "The customer has {points} points; redeeming {item} takes {needed}."
    zh = "顾客有 {points} 积分，兑换“{item}”需要 {needed} 积分，积分不足。"


class NotForPoints(UserError):
    en = "“{item}” has no points price: it cannot be redeemed with points."
    zh = "“{item}”未设积分兑换价，不能用积分兑换。"


class PointsExpiredTooFew(UserError):
    en = (
        "The customer has {points} points: {expired} have just expired (points stay valid "
        "{days} days from earning); {needed} are needed for {amount}."
    )
    zh = (
        "顾客有 {points} 积分（刚有 {expired} 积分过期，积分自获得起 {days} 天内有效），"
        "抵扣 {amount} 需要 {needed} 积分。"
    )


class PointsBelowZero(UserError):
    en = "The customer has {points} points; taking {change} away would leave less than none."
    zh = "顾客有 {points} 积分，扣除 {change} 积分后将小于零。"


class SessionNotCovered(UserError):
    en = "The package card “{card}” does not cover “{service}”."
    zh = "疗程卡“{card}”不包含“{service}”。"


class CardExpired(UserError):
    en = "The package card “{card}” expired on {expired}; a manager may allow it."
    zh = "疗程卡“{card}”已于 {expired} 过期，需店长批准才能使用。"


class NoSessionsLeft(UserError):
    en = "The package card “{card}” has {left} sessions left; {asked} cannot be used."
    zh = "疗程卡“{card}”剩余 {left} 次，无法使用 {asked} 次。"


class MemberPaymentNeedsCustomer(UserError):
    en = "Pick the customer first: {tender} belongs to a customer."
    zh = "请先选择顾客：{tender}属于顾客本人。"


def points_for(fen: int, points_per_yuan: int) -> int:
    """How many points pay `fen` when `points_per_yuan` points are worth ¥1."""
    if fen <= 0:
        raise SpendNotPositive(amount=format_money(fen))
    if fen * points_per_yuan % 100:
        raise PointsNotWhole(amount=format_money(fen), rate=points_per_yuan)
    return fen * points_per_yuan // 100


def share(amount: int, part: int, whole: int) -> int:
    """`amount` in the proportion part/whole, rounded toward zero (what a partial refund
    takes back of what its sale gave)."""
    if whole <= 0:
        return 0
    magnitude = abs(amount) * part // whole
    return magnitude if amount >= 0 else -magnitude


class InvalidTopUpRules(UserError):
    en = "“{text}” is not a list of top-up rules: write them like 100000:20000,50000:8000 (fen)."
    zh = "“{text}”不是有效的充值赠送规则，请写成 100000:20000,50000:8000（单位：分）。"


@lru_cache(maxsize=32)
def parse_top_up_rules(text: str) -> tuple[TopUpRule, ...]:
    """ "100000:20000,50000:8000" (fen paid from : bonus fen) as rules; "" is none."""
    try:
        return tuple(TopUpRule(paid, bonus) for paid, bonus in top_up_pairs(text))
    except ValueError:
        raise InvalidTopUpRules(text=text) from None


@dataclass(frozen=True)
class MemberRules:
    """The store's settings the ledgers follow."""

    spend_order: SpendOrder = SpendOrder.PRINCIPAL_FIRST
    offline_allowance: int = 0  # fen a card may go below what this counter knows
    top_up_rules: tuple[TopUpRule, ...] = ()
    points_earn_rate: int = 1  # points earned a yuan spent
    points_per_yuan: int = 100  # points that pay ¥1
    points_rates: Mapping[str, int] = field(default_factory=dict)  # category → its own rate
    points_valid_days: int = 0  # days points stay valid from their earning; 0: for ever

    def rate_of(self, category: str) -> int:
        return self.points_rates.get(category, self.points_earn_rate)


class AlreadySpent(UserError):
    en = (
        "The customer has already used what this sale gave ({what}: {left} left, {taken} to "
        "take back): it cannot be voided or refunded. Refund the unused stored value instead."
    )
    zh = (
        "顾客已使用本单所得（{what}：剩余 {left}，需退回 {taken}），不能作废或退款；"
        "请改为退还未用储值。"
    )


class InvalidPointsRates(UserError):
    en = "“{text}” is not a list of points rates: write them like 美甲=2, 美睫=0 (points a yuan)."
    zh = "“{text}”不是有效的分类积分规则，请写成“美甲=2，美睫=0”（每元积分）。"


def parse_points_rates(text: str) -> dict[str, int]:
    """ "美甲=2,美睫=0" (category = points a yuan) as a mapping; "" is none."""
    return dict(_points_rates(text))


@lru_cache(maxsize=32)
def _points_rates(text: str) -> tuple[tuple[str, int], ...]:
    try:
        return tuple(points_rate_pairs(text).items())
    except ValueError:
        raise InvalidPointsRates(text=text) from None


def points_by_line(bases: Sequence[tuple[int, int]], paid_by_points: int) -> list[int]:
    """Points each line earns: its (fen that earns, points a yuan), less its share of what
    points paid (taken from the lines in proportion); the sale's total is rounded down once
    and the points its lines' fractions add up to go to the largest fractions, so a refund of a
    line takes back what that line earned."""
    earning = [max(fen, 0) for fen, _ in bases]
    taken = allocate(min(max(paid_by_points, 0), sum(earning)), earning)
    exact = [(fen - off) * rate for fen, off, (_, rate) in zip(earning, taken, bases, strict=True)]
    points = [e // 100 for e in exact]
    by_fraction = sorted(range(len(exact)), key=lambda i: -(exact[i] % 100))
    for i in by_fraction[: sum(exact) // 100 - sum(points)]:
        points[i] += 1
    return points


def points_for_lines(bases: Sequence[tuple[int, int]], paid_by_points: int) -> int:
    """Points a sale earns: the sum of what its lines earn (points_by_line)."""
    return sum(points_by_line(bases, paid_by_points))


class TopUpNeedsMoney(UserError):
    en = (
        "A top-up of {top_up} is paid with money, not with stored value, points or a package "
        "card; {money} of money was given."
    )
    zh = "充值 {top_up} 只能用现金、刷卡或移动支付（不能用储值、积分），现只收到 {money}。"
