"""Errors a person can cause, each with its message in Chinese and English.

The core never imports Qt, so these messages cannot go through Qt's translation files; each
error is a `sync.messages.Message` carrying both texts, and the caller picks the user's language
(docs/adr/0002, docs/adr/0005).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from sync.messages import DEFAULT_LANGUAGE as DEFAULT_LANGUAGE
from sync.messages import Both as Both
from sync.messages import Message


def listing(words: Iterable[str]) -> Both:
    """Words listed in a message: 、 between them in Chinese, a comma in English."""
    listed = list(words)
    return Both("、".join(listed), ", ".join(listed))


class UserError(Message, Exception):
    """Bad input or a refused action: shown to the user; nothing saved is touched."""

    en: ClassVar[str] = "The request was refused."
    zh: ClassVar[str] = "操作被拒绝。"

    def __init__(self, **params: Any) -> None:
        Message.__init__(self, **params)
        Exception.__init__(self, self.text("en"))


class InvalidAmount(UserError):
    en = "“{text}” is not an amount of money: write it like 198 or 198.50."
    zh = "“{text}”不是有效金额，请写成 198 或 198.50 这样的格式。"


class NotWholeFen(UserError):
    en = "{name}: {value} is not a whole number of fen."
    zh = "{name}：{value} 不是整数分。"


class AmountTooLarge(UserError):
    en = "{name}: {value} is more than the most this till accepts ({limit}); check the amount."
    zh = "{name}：{value} 超过本收银台允许的上限（{limit}），请核对金额。"


class ChangeTooLarge(UserError):
    en = "The change would be {change}, more than {limit}: please check the cash amount."
    zh = "找零 {change} 超过 {limit}，请核对现金金额。"


class DiscountNeedsApproval(UserError):
    en = "Discounts of {discount} are above your limit of {limit}: a manager's PIN is needed."
    zh = "优惠合计 {discount} 超过您的权限 {limit}，需要店长输入 PIN。"


class RefundTenderNotAvailable(UserError):
    en = "Only {left} paid by {tender} is left to refund that way (asked {asked})."
    zh = "该单以{tender}支付的金额只剩 {left} 可原路退回（本次 {asked}）。"


class NegativePrice(UserError):
    en = "The price of {name} cannot be negative."
    zh = "{name} 的价格不能为负数。"


class NegativeCost(UserError):
    en = "The cost of {name} cannot be negative."
    zh = "{name} 的成本不能为负数。"


class DurationNotPositive(UserError):
    en = "The duration of {name} must be more than 0 minutes (got {text})."
    zh = "{name} 的时长须大于 0 分钟（当前为 {text}）。"


class QuantityNotPositive(UserError):
    en = "The quantity of {name} must be at least 1 (got {quantity})."
    zh = "{name} 的数量至少为 1（当前为 {quantity}）。"


class DiscountOutOfRange(UserError):
    en = "A discount of {discount} is not possible on {name}: it must be between 0 and {limit}."
    zh = "{name} 的折扣 {discount} 无效：应在 0 到 {limit} 之间。"


class EmptyTicket(UserError):
    en = "The ticket has no lines."
    zh = "单据中没有项目。"


class TenderNotPositive(UserError):
    en = "Each payment must be more than zero ({kind}: {amount})."
    zh = "每笔付款金额必须大于零（{kind}：{amount}）。"


class TendersShort(UserError):
    en = "Payments of {tendered} do not cover the total of {total}: {missing} is still due."
    zh = "已付 {tendered}，不足应付 {total}，还差 {missing}。"


class ChangeWithoutCash(UserError):
    en = "Non-cash payments of {non_cash} exceed the total of {total}; only cash can give change."
    zh = "非现金付款 {non_cash} 超过应付 {total}，只有现金可以找零。"


class UnknownBarcode(UserError):
    en = "No product has the barcode {barcode}."
    zh = "没有条码为 {barcode} 的商品。"


class UnknownItem(UserError):
    en = "The item {item_id} is not in the catalog (or no longer sold)."
    zh = "项目 {item_id} 不在价目表中（或已停售）。"


class UnknownStaff(UserError):
    en = "No active staff member has the id {staff_id}."
    zh = "没有 id 为 {staff_id} 的在职员工。"


class UnknownCustomer(UserError):
    en = "No customer has the id {customer_id}."
    zh = "没有 id 为 {customer_id} 的客户。"


class UnknownTicket(UserError):
    en = "No ticket {ticket}."
    zh = "没有单据 {ticket}。"


class ManagerPinRequired(UserError):
    en = "A manager's PIN is required to {action}."
    zh = "{action}需要店长输入 PIN。"


class WrongManagerPin(UserError):
    en = "The PIN does not belong to a manager or owner."
    zh = "PIN 不正确，或不属于店长或老板。"


class ReasonRequired(UserError):
    en = "Please give a reason."
    zh = "请填写原因。"


class TicketNotCompleted(UserError):
    en = "Ticket {ticket} is {status}; only a completed ticket can be voided or refunded."
    zh = "单据 {ticket} 当前状态为“{status}”，只有已完成的单据可以作废或退款。"


class TicketHasRefunds(UserError):
    en = "Ticket {ticket} already has refunds; refund its remaining lines instead of voiding it."
    zh = "单据 {ticket} 已有退款记录，请退剩余项目，不能整单作废。"


class NothingToRefund(UserError):
    en = "Choose at least one line and a quantity of 1 or more to refund."
    zh = "请至少选择一个项目，退款数量至少为 1。"


class RefundTooLarge(UserError):
    en = "Line {line} of ticket {ticket} has only {left} left to refund (asked {asked})."
    zh = "单据 {ticket} 的第 {line} 行只剩 {left} 件可退（申请退 {asked} 件）。"


class InvalidPhone(UserError):
    en = "“{text}” is not a phone number."
    zh = "“{text}”不是有效的电话号码。"


class DuplicatePhone(UserError):
    en = "The phone {phone} already belongs to {name}."
    zh = "电话 {phone} 已属于客户 {name}。"


class RequiredField(UserError):
    en = "{field} is required."
    zh = "{field}为必填项。"


class TooLong(UserError):
    en = "{field} is too long: {length} characters, at most {limit}."
    zh = "{field}过长：共 {length} 个字符，最多 {limit} 个。"


class InvalidDate(UserError):
    en = "“{text}” is not a date: write it like 1990-05-17."
    zh = "“{text}”不是有效日期，请写成 1990-05-17 这样的格式。"


class InvalidChoice(UserError):
    en = "“{text}” is not one of: {choices}."
    zh = "“{text}”不是可选值之一：{choices}。"


class InvalidNumber(UserError):
    en = "“{text}” is not a whole number."
    zh = "“{text}”不是整数。"


class DuplicateCode(UserError):
    en = "The {field} {code} is already used by {name}."
    zh = "{field} {code} 已被 {name} 使用。"


class NotInitialised(UserError):
    en = (
        "This counter is not set up yet: start `salon-pos gui` for the setup wizard, or run "
        "`salon-pos init --store-name NAME --counter A1` first (A1: this counter's ticket prefix)."
    )
    zh = (
        "本收银台尚未初始化：请运行 `salon-pos gui` 按设置向导操作，"
        "或先运行 `salon-pos init --store-name 店名 --counter A1`（A1 为本收银台的单号前缀）。"
    )


class SharesDoNotAddUp(UserError):
    en = (
        "The technicians' shares of {item} must each be above 0 and add up to 100% "
        "(now {total}), with each technician once."
    )
    zh = "{item}的多人合作比例须每人大于 0、合计 100%（现为 {total}），且每位技师只列一次。"
