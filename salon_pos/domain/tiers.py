"""Member tiers (普通 / 黄金 / 钻石 by default) and the member price they give: the tier a
customer has reached by cumulative spend or visits, and what percent of the catalog price a
member of that tier pays, per category where the store says so; in the birthday month the
store's birthday percent when it is lower. Pure: the counter and the server both use it.

Stored as text, one tier a `;`: "黄金:500000:95:美甲=90,美睫=85" — name, threshold (fen of spend,
or visits), percent paid, and optional category percents."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import Protocol

from salon_pos.domain.errors import UserError
from salon_pos.domain.money import format_whole_yuan, parse_yuan
from sync.member_rules import BadTier, tier_parts

# The names and thresholds; no member price until the store sets one (an upgrade must not
# start giving discounts nobody chose).
DEFAULT_TIERS = "普通:0:100;黄金:500000:100;钻石:2000000:100"


class TierBasis(StrEnum):
    SPEND = "spend"  # cumulative spend, fen
    VISITS = "visits"  # days with a ticket


class InvalidTiers(UserError):
    en = (
        "“{text}” is not a tier: write a name, the threshold, and the percent of the price a "
        "member pays (1 to 100), such as Gold 5000 95, and any category percents as Nails=90."
    )
    zh = (
        "“{text}”不是有效的会员等级：请写等级名、门槛、会员支付的价格百分比（1–100），"
        "如“黄金 5000 95”，分类折扣写成“美甲=90”。"
    )


@dataclass(frozen=True)
class Tier:
    name: str
    threshold: int  # fen of cumulative spend, or visits
    percent: int = 100  # of the catalog price a member pays
    by_category: Mapping[str, int] = field(default_factory=dict)

    def percent_for(self, category: str) -> int:
        return self.by_category.get(category, self.percent)


@lru_cache(maxsize=32)
def parse_tiers(text: str) -> tuple[Tier, ...]:
    """The tiers of the setting's text, lowest threshold first (read once a text: a member's
    sale asks several times)."""
    try:
        parts = tier_parts(text)
    except BadTier as bad:
        raise InvalidTiers(text=bad.part) from None
    tiers = (Tier(name, threshold, percent, cats) for name, threshold, percent, cats in parts)
    return tuple(sorted(tiers, key=lambda t: t.threshold))


def tiers_text(tiers: Sequence[Tier]) -> str:
    def one(tier: Tier) -> str:
        categories = ",".join(f"{c}={p}" for c, p in tier.by_category.items())
        return f"{tier.name}:{tier.threshold}:{tier.percent}" + (
            f":{categories}" if categories else ""
        )

    return ";".join(one(tier) for tier in tiers)


def tier_of(tiers: Sequence[Tier], spend: int, visits: int, basis: TierBasis) -> Tier | None:
    """The highest tier reached (None: no tiers, or none reached)."""
    measure = spend if basis is TierBasis.SPEND else visits
    reached = [tier for tier in tiers if measure >= tier.threshold]
    return max(reached, key=lambda t: t.threshold, default=None)


@dataclass(frozen=True)
class MemberPricing:
    """What a picked customer pays: their tier (None: none), the birthday percent when it
    is their birthday month (100: no birthday offer), and the catalog service given free once
    this birthday year when it is still due (None: none)."""

    tier: Tier | None = None
    birthday_percent: int = 100
    birthday_gift: str | None = None  # a service id

    def percent(self, category: str) -> int:
        tier = self.tier.percent_for(category) if self.tier else 100
        return min(tier, self.birthday_percent)

    def unit_price(self, list_price: int, category: str) -> int:
        """The member's price of one unit, rounded down to the fen (the customer's favour)."""
        return list_price * self.percent(category) // 100


def is_birthday_month(birthday: date | None, today: date) -> bool:
    return birthday is not None and birthday.month == today.month


def gift_position(lines: Sequence[GiftCandidate], service_id: str | None) -> int | None:
    """Which line (0-based) is the birthday gift: the first service line of one unit of the
    gift service not redeemed with points. None: no such line."""
    if not service_id:
        return None
    return next(
        (
            i
            for i, line in enumerate(lines)
            if line.kind == "service"
            and line.item_id == service_id
            and line.quantity == 1
            and not line.redeem_points
        ),
        None,
    )


class GiftCandidate(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def item_id(self) -> str: ...
    @property
    def quantity(self) -> int: ...
    @property
    def redeem_points(self) -> bool: ...


def is_gift_line(kind: str, quantity: int, unit_price: int, list_price: int, member: int) -> bool:
    """A ticket line that was a birthday gift: a service whose one unit the member price took
    all of (a tier's percent is at least 1, so it leaves a price on anything above ¥1)."""
    return kind == "service" and quantity == 1 and unit_price == 0 and 0 < list_price == member


def tiers_as_lines(text: str, basis: str) -> str:
    """Tiers as a person writes them: "黄金 5000 95 美甲=90", one a line; the threshold in yuan
    (by spend) or visits."""
    lines = []
    for tier in parse_tiers(text):
        threshold = format_whole_yuan(tier.threshold) if basis == "spend" else str(tier.threshold)
        categories = " ".join(f"{c}={p}" for c, p in tier.by_category.items())
        lines.append(" ".join(filter(None, (tier.name, threshold, str(tier.percent), categories))))
    return "\n".join(lines)


def tiers_from_lines(text: str, basis: str) -> str:
    """Lines of "黄金 5000 95 美甲=90" as the setting's text; UserError names a bad line."""
    tiers = []
    for line in filter(None, (raw.strip() for raw in text.splitlines())):
        parts = line.split()
        if len(parts) < 2:
            raise InvalidTiers(text=line)
        name, threshold = parts[:2]
        percent, categories = (parts[2] if len(parts) > 2 else "100"), parts[3:]
        try:
            limit = parse_yuan(threshold) if basis == "spend" else int(threshold)
        except (UserError, ValueError):
            raise InvalidTiers(text=line) from None
        tiers.append(f"{name}:{limit}:{percent}:{','.join(categories)}".rstrip(":"))
    joined = ";".join(tiers)
    return tiers_text(parse_tiers(joined))  # checked as a counter's setting is
