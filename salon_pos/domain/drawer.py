"""Cash drawer sessions (交班): a counter's drawer is opened with a float (备用金), takes the cash
of the sales made at that counter while it is open, hands back the cash of voids and refunds
made there, moves cash in and out with a reason (pay-ins and pay-outs, a stored-value refund
paid in cash, an overdraft collected in cash), and is closed with a count by denomination.

    expected = float + cash in − cash out
    variance = counted − expected

The store decides how much variance passes without a word (a reason beyond `reason_above`, a
manager's PIN beyond `pin_above`) and whether the count is blind (docs/drawer.md)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from salon_pos.domain.errors import UserError
from salon_pos.domain.money import format_money

# ¥100, ¥50, ¥20, ¥10, ¥5 notes; ¥1, ¥0.5, ¥0.1 (coins, and the notes of the same value).
DENOMINATIONS: Final = (10_000, 5_000, 2_000, 1_000, 500, 100, 50, 10)
NOTES: Final = DENOMINATIONS[:5]
COINS: Final = DENOMINATIONS[5:]
MOST_PIECES = 100_000  # of one denomination: beyond it a count is a typing slip
MOST_FLOAT = 10_000_000  # ¥100,000
MOST_MOVED = 10_000_000
MOST_REASON = 200


class MoveKind(StrEnum):
    """Cash into or out of a drawer other than by a sale, a void or a refund."""

    PAY_IN = "pay_in"  # 存入：备用金补充…
    PAY_OUT = "pay_out"  # 支出：采购支出…
    STORED_VALUE_REFUND = "stored_value_refund"  # unused stored value paid back in cash
    OVERDRAFT_COLLECTED = "overdraft_collected"  # an overdraft the customer paid in cash

    @property
    def sign(self) -> int:
        return -1 if self in (MoveKind.PAY_OUT, MoveKind.STORED_VALUE_REFUND) else 1


class Need(StrEnum):
    """What a close with a given variance needs besides the count."""

    NOTHING = "nothing"
    REASON = "reason"
    APPROVAL = "approval"  # a reason and a manager's PIN


class NegativeFloat(UserError):
    en = "The float cannot be negative (got {amount})."
    zh = "备用金不能为负数（当前为 {amount}）。"


class FloatTooLarge(UserError):
    en = "A float of {amount} is more than this till takes ({most}); check the amount."
    zh = "备用金 {amount} 超过上限 {most}，请核对金额。"


class MoveNotPositive(UserError):
    en = "A pay-in or pay-out must be more than {zero} (got {amount})."
    zh = "存入或支出的金额须大于 {zero}（当前为 {amount}）。"


class MoveTooLarge(UserError):
    en = "A pay-in or pay-out of {amount} is more than this till takes ({most}); check it."
    zh = "存入或支出 {amount} 超过上限 {most}，请核对金额。"


class MoveReasonRequired(UserError):
    en = "Give the reason for the pay-in or pay-out (for example: float top-up, supplies)."
    zh = "请填写存入或支出的原因（例如：备用金补充、采购支出）。"


class MoveReasonTooLong(UserError):
    en = "The reason is too long: at most {most} characters."
    zh = "原因太长，最多 {most} 个字。"


class PayOutMoreThanDrawer(UserError):
    en = "The drawer should hold {held}: a pay-out of {amount} is more than that."
    zh = "钱箱中应有 {held}，支出 {amount} 超过了这个数。"


class NegativeCount(UserError):
    en = "The count of {denomination} cannot be negative (got {count})."
    zh = "{denomination} 的张数不能为负数（当前为 {count}）。"


class CountTooLarge(UserError):
    en = "{count} pieces of {denomination} is more than a drawer holds; check the count."
    zh = "{denomination} 共 {count} 张（枚）超过钱箱所能容纳，请核对。"


class UnknownDenomination(UserError):
    en = "{denomination} is not a note or coin the count takes."
    zh = "{denomination} 不是清点所用的面额。"


class DrawerNotForRole(UserError):
    en = "Only the front desk or a manager opens or closes the drawer and moves cash in or out."
    zh = "只有前台或店长可以开班、交班和存取现金。"


class DrawerAlreadyOpen(UserError):
    en = "This counter's drawer is already open (since {since}, by {name}): close it first."
    zh = "本收银台已经开班（{since} 由 {name} 开班），请先交班。"


class NoOpenDrawer(UserError):
    en = "This counter has no open drawer session: open one first."
    zh = "本收银台尚未开班，请先开班。"


class UnknownDrawerSession(UserError):
    en = "This counter has no drawer session {session}."
    zh = "本收银台没有这个钱箱班次（{session}）。"


class SessionAlreadyClosed(UserError):
    en = "That drawer session was already closed at {closed} by {name}."
    zh = "这个班次已在 {closed} 由 {name} 交班。"


class VarianceNeedsReason(UserError):
    en = "The count is {variance} from the expected cash: give the reason."
    zh = "清点金额与应有现金相差 {variance}，请填写原因。"


class VarianceNeedsApproval(UserError):
    en = (
        "The count is {variance} from the expected cash, beyond {limit}: "
        "a reason and a manager's PIN are needed."
    )
    zh = "清点金额与应有现金相差 {variance}，超过 {limit}，需要填写原因并由店长输入 PIN。"


class PayOutNeedsApproval(UserError):
    en = "A pay-out of {amount} is more than {limit}: a manager's PIN is needed."
    zh = "支出 {amount} 超过 {limit}，需要店长输入 PIN。"


@dataclass(frozen=True)
class DrawerFigures:
    """What makes a session's expected cash: the float, the cash of this counter's sales while
    it was open, the cash this counter handed back (voids and refunds), and the other cash
    moved in and out (pay-ins, pay-outs, stored value paid back, overdrafts collected)."""

    opening_float: int
    cash_sales: int = 0
    cash_back: int = 0
    moved_in: int = 0
    moved_out: int = 0

    @property
    def cash_in(self) -> int:
        return self.cash_sales + self.moved_in

    @property
    def cash_out(self) -> int:
        return self.cash_back + self.moved_out

    @property
    def expected(self) -> int:
        return self.opening_float + self.cash_in - self.cash_out


@dataclass(frozen=True)
class VariancePolicy:
    """Store-wide: a variance up to `reason_above` fen (either way) passes; beyond it the
    closer gives a reason, and beyond `pin_above` a manager approves with a PIN."""

    reason_above: int = 0
    pin_above: int = 5_000

    def needs(self, variance: int) -> Need:
        size = abs(variance)
        if size > max(self.pin_above, self.reason_above):
            return Need.APPROVAL
        return Need.REASON if size > self.reason_above else Need.NOTHING


def check_float(amount: int) -> int:
    if amount < 0:
        raise NegativeFloat(amount=format_money(amount))
    if amount > MOST_FLOAT:
        raise FloatTooLarge(amount=format_money(amount), most=format_money(MOST_FLOAT))
    return amount


def check_move(amount: int, reason: str) -> str:
    """The reason, trimmed; a pay-in or pay-out is more than ¥0 and says why."""
    if amount <= 0:
        raise MoveNotPositive(zero=format_money(0), amount=format_money(amount))
    if amount > MOST_MOVED:
        raise MoveTooLarge(amount=format_money(amount), most=format_money(MOST_MOVED))
    reason = reason.strip()
    if not reason:
        raise MoveReasonRequired()
    if len(reason) > MOST_REASON:
        raise MoveReasonTooLong(most=MOST_REASON)
    return reason


def check_pay_out(amount: int, held: int) -> None:
    """A pay-out takes no more than the drawer should hold."""
    if amount > held:
        raise PayOutMoreThanDrawer(held=format_money(held), amount=format_money(amount))


def denomination_name(fen: int) -> str:
    """¥100, ¥0.5: how a note or coin is called."""
    yuan, rest = divmod(fen, 100)
    if not rest:
        return f"¥{yuan}"
    return f"¥{yuan}.{rest // 10}" if rest % 10 == 0 else f"¥{yuan}.{rest:02d}"


def count_total(counts: Mapping[int, int]) -> int:
    """Fen in the drawer from the pieces counted of each denomination (those not given: 0)."""
    total = 0
    for denomination, pieces in counts.items():
        if denomination not in DENOMINATIONS:
            raise UnknownDenomination(denomination=format_money(denomination))
        name = denomination_name(denomination)
        if pieces < 0:
            raise NegativeCount(denomination=name, count=pieces)
        if pieces > MOST_PIECES:
            raise CountTooLarge(denomination=name, count=pieces)
        total += denomination * pieces
    return total


def moved(moves: Iterable[tuple[MoveKind, int]]) -> tuple[int, int]:
    """(cash moved in, cash moved out) of a session's movements."""
    cash_in = cash_out = 0
    for kind, amount in moves:
        if kind.sign > 0:
            cash_in += amount
        else:
            cash_out += amount
    return cash_in, cash_out


def variance(counted: int, expected: int) -> int:
    """Over (positive) or short (negative)."""
    return counted - expected
