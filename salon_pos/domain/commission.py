"""The store's commission rules (提成规则): which rule a line earns by, and what it earns.

A rule is for services, products, stored-value top-ups or package cards; a service or product
rule may name one category or one catalog item. The most specific rule wins: an item's, else
its category's, else its kind's. A rule pays a percentage of the line's commission base
(basis points: 1000 is 10%) or a fixed amount a unit (fen), with a rate of its own for a line
the customer asked for by name (点钟) where it says so, else the rotation rate (轮钟).

Stored value and package cards are money received for services to come; the store chooses
when that money earns commission: when the top-up or card is sold (on sale: to the line's
technician, the seller), or when services are paid with it (on use: the service lines, their
part paid by stored value counted as all that was spent or its principal only, a package
session at the line's net or at the card's price a session). The grammar of the setting is
sync.commission_rules; the figures are domain.commission_figures."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property, lru_cache

from salon_pos.domain.errors import Both, UserError
from salon_pos.domain.ticket import LineKind
from sync.commission_rules import (
    FIXED_TOP,
    PERCENT_TOP,
    BadCommissionRules,
    CommissionParts,
    RuleParts,
    commission_parts,
    commission_text,
)


class CardMoney(StrEnum):
    ON_SALE = "on_sale"  # the top-up or card line earns, to its seller
    ON_USE = "on_use"  # the service lines it pays for earn


class StoredValueBasis(StrEnum):
    SPENT = "spent"  # on use: all the stored value spent (principal and bonus)
    PRINCIPAL = "principal"  # on use: the principal only (the bonus was the store's gift)


class SessionBasis(StrEnum):
    LINE = "line"  # on use: a session is worth its part of the service line's net
    CARD = "card"  # on use: a session is worth the card's price over its sessions


class RateKind(StrEnum):
    PERCENT = "percent"  # basis points of the base
    FIXED = "fixed"  # fen a unit


@dataclass(frozen=True)
class CommissionRule:
    kind: LineKind
    how: RateKind = RateKind.PERCENT
    rotation: int = 0  # basis points or fen a unit: a line nobody asked for by name (轮钟)
    requested: int | None = None  # the same for a 点钟 line; None: as rotation
    category: str = ""  # one category of the kind ("" for all)
    item_id: str = ""  # one catalog item ("" for all)

    def rate(self, requested: bool) -> int:
        return self.requested if requested and self.requested is not None else self.rotation

    def earned(self, base: int, units: int, requested: bool) -> int:
        """The commission on `base` fen and `units` units, rounded down to the fen."""
        if self.how is RateKind.FIXED:
            return self.rate(requested) * units
        return base * self.rate(requested) // PERCENT_TOP


@dataclass(frozen=True)
class CommissionRules:
    rules: tuple[CommissionRule, ...] = ()
    stored_value: CardMoney = CardMoney.ON_SALE
    package: CardMoney = CardMoney.ON_SALE
    stored_value_basis: StoredValueBasis = StoredValueBasis.SPENT
    session_basis: SessionBasis = SessionBasis.LINE

    def rule_for(self, kind: LineKind, item_id: str, category: str) -> CommissionRule | None:
        """The most specific rule for a line: its item's, its category's, its kind's."""
        index = self._by_target
        return index.get((kind, "", item_id)) or (
            index.get((kind, category, "")) if category else None
        ) or index.get((kind, "", ""))  # fmt: skip

    @cached_property
    def _by_target(self) -> dict[tuple[LineKind, str, str], CommissionRule]:
        """Once per rules: a statement asks for every line (hashing the rules each time cost
        a third of working out a month's commission)."""
        return {(r.kind, r.category, r.item_id): r for r in self.rules}

    def earns(self, kind: LineKind) -> bool:
        """Whether a line of `kind` earns at all: a top-up or card only when sold on sale."""
        if kind is LineKind.STORED_VALUE:
            return self.stored_value is CardMoney.ON_SALE
        if kind is LineKind.PACKAGE:
            return self.package is CardMoney.ON_SALE
        return True


# ------------------------------------------------------------------ refusals


class CommissionRulesUnreadable(UserError):
    en = "The commission rules cannot be read: set them again on the Commission page."
    zh = "提成规则无法读取，请在“提成”页重新设置。"


class CommissionRateOver100(UserError):
    en = "Commission rule {rule}: a percentage is at most 100% (it says {value})."
    zh = "第 {rule} 条提成规则：百分比最多 100%（现为 {value}）。"


class CommissionRateInvalid(UserError):
    en = (
        "Commission rule {rule}: “{value}” is not a rate (a percentage from 0 to 100, or an "
        "amount from 0 to 100000 yuan a unit)."
    )
    zh = "第 {rule} 条提成规则：“{value}”不是有效的提成（百分比 0 到 100，或每件 0 到 100000 元）。"


class CommissionRuleTwice(UserError):
    en = "Commission rule {rule} is for the same thing as rule {first}: keep one of them."
    zh = "第 {rule} 条提成规则与第 {first} 条针对同一对象，请只保留一条。"


class CommissionRuleWrongTarget(UserError):
    en = (
        "Commission rule {rule}: top-ups and package cards have one rule each, not one a "
        "category or item."
    )
    zh = "第 {rule} 条提成规则：储值充值和疗程卡各只有一条规则，不能按类别或项目设置。"


class CommissionRequestedNotService(UserError):
    en = "Commission rule {rule}: only a service has a rate of its own for requested lines."
    zh = "第 {rule} 条提成规则：只有服务项目可以单独设置点钟提成。"


class CommissionRuleIncomplete(UserError):
    en = "Commission rule {rule} is not complete: choose what it is for and how it pays."
    zh = "第 {rule} 条提成规则不完整：请选择适用对象和提成方式。"


class TooManyCommissionRules(UserError):
    en = "Too many commission rules ({count}); at most 500."
    zh = "提成规则过多（{count} 条），最多 500 条。"


def _refusal(bad: BadCommissionRules) -> UserError:
    rule, params = bad.rule, bad.params
    if bad.problem == "over_percent":
        return CommissionRateOver100(rule=rule, value=percent_text(int(params["value"])))
    if bad.problem == "rate":
        return CommissionRateInvalid(rule=rule, value=params["value"])
    if bad.problem == "twice":
        return CommissionRuleTwice(rule=rule, first=params["first"])
    if bad.problem == "not_by_item":
        return CommissionRuleWrongTarget(rule=rule)
    if bad.problem == "requested_not_service":
        return CommissionRequestedNotService(rule=rule)
    if bad.problem in ("kind", "how", "category_and_item"):
        return CommissionRuleIncomplete(rule=rule)
    if bad.problem == "too_many":
        return TooManyCommissionRules(count=params.get("count", ""))
    return CommissionRulesUnreadable()


# ------------------------------------------------------------------ the setting's text


@lru_cache(maxsize=8)
def parse_commission_rules(text: str) -> CommissionRules:
    """The setting's text as rules; a UserError says what is wrong."""
    try:
        parts = commission_parts(text)
    except BadCommissionRules as bad:
        raise _refusal(bad) from None
    return CommissionRules(
        tuple(_rule(p) for p in parts.rules),
        CardMoney(parts.stored_value),
        CardMoney(parts.package),
        StoredValueBasis(parts.stored_value_basis),
        SessionBasis(parts.session_basis),
    )


def _rule(p: RuleParts) -> CommissionRule:
    return CommissionRule(
        LineKind(p.kind), RateKind(p.how), p.rotation, p.requested, p.category, p.item
    )


def commission_rules_text(rules: CommissionRules) -> str:
    """Rules as the setting's text, checked (a UserError names the first bad rule)."""
    parts = CommissionParts(
        rules.stored_value.value,
        rules.package.value,
        rules.stored_value_basis.value,
        rules.session_basis.value,
        tuple(
            RuleParts(r.kind.value, r.category, r.item_id, r.how.value, r.rotation, r.requested)
            for r in rules.rules
        ),
    )
    try:
        return commission_text(parts)
    except BadCommissionRules as bad:
        raise _refusal(bad) from None


# ------------------------------------------------------------------ rates as people write them

_PERCENT = re.compile(r"^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$")


def parse_rate(text: str, how: RateKind, rule: int) -> int:
    """What a manager typed for a rate: a percentage (12.5 or 12.5%) as basis points, or an
    amount in yuan (20 or ¥20.50) as fen. UserError names the rule (1 for the first)."""
    from salon_pos.domain.money import parse_yuan

    if how is RateKind.PERCENT:
        found = _PERCENT.match(text.replace("％", "%"))
        if found is None:
            raise CommissionRateInvalid(rule=rule, value=text.strip()[:20])
        value = int(found[1]) * 100 + int((found[2] or "0").ljust(2, "0"))
        if value > PERCENT_TOP:
            raise CommissionRateOver100(rule=rule, value=percent_text(value))
        return value
    try:
        fen = parse_yuan(text)
    except UserError:
        raise CommissionRateInvalid(rule=rule, value=text.strip()[:20]) from None
    if not 0 <= fen <= FIXED_TOP:
        raise CommissionRateInvalid(rule=rule, value=text.strip()[:20])
    return fen


def rate_as_typed(how: RateKind, rate: int) -> str:
    """A rate as a manager types it back: 12.5 (percent) or 20 (yuan a unit)."""
    from salon_pos.domain.money import format_whole_yuan

    return (
        percent_text(rate).removesuffix("%") if how is RateKind.PERCENT else format_whole_yuan(rate)
    )


def percent_text(basis_points: int) -> str:
    """1250 as 12.5%, 1000 as 10%."""
    whole, rest = divmod(basis_points, 100)
    return f"{whole}%" if not rest else f"{whole}.{rest:02d}".rstrip("0") + "%"


FIXED_WORDS = Both("{amount}元/件", "¥{amount}/unit")  # no ¥: the PDF's CJK font spaces it


def rate_text(how: RateKind, rate: int, language: str = "zh_CN") -> str:
    """A rate as the statement shows it: 12.5%, or 20元/件 (¥20/unit)."""
    from salon_pos.domain.money import format_whole_yuan

    if how is RateKind.PERCENT:
        return percent_text(rate)
    return FIXED_WORDS.text(language).format(amount=format_whole_yuan(rate))
