"""Who a customer is to the salon, by spend and visits (normal / member / VIP) and whether they
have stopped coming ("not seen for N days"), with thresholds the store sets; and who may read a
customer's health data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final

from salon_pos.domain.staff import Role

# A technician reads a customer's allergies and health notes for this long after serving them.
HEALTH_ACCESS_DAYS: Final = 90


class CustomerClass(StrEnum):
    NORMAL = "normal"
    MEMBER = "member"
    VIP = "vip"


@dataclass(frozen=True)
class ClassThresholds:
    """Store settings (class_*): spend in fen, visits counted, days since the last visit."""

    member_spend: int = 100_000  # ¥1,000
    member_visits: int = 5
    vip_spend: int = 1_000_000  # ¥10,000
    vip_visits: int = 24
    lapsed_days: int = 60  # 0: never say "not seen"


@dataclass(frozen=True)
class Standing:
    """`lapsed_days`: days since the last visit when at least the threshold, else None."""

    customer_class: CustomerClass
    lapsed_days: int | None = None


def classify(
    spend: int,
    visits: int,
    last_visit: date | None,
    today: date,
    thresholds: ClassThresholds,
    has_member_card: bool = False,
) -> Standing:
    """VIP when either VIP threshold is reached, member when either member threshold is (or the
    customer holds a member card), else normal. A threshold of 0 is off (never reached)."""

    def reached(value: int, threshold: int) -> bool:
        return threshold > 0 and value >= threshold

    if reached(spend, thresholds.vip_spend) or reached(visits, thresholds.vip_visits):
        kind = CustomerClass.VIP
    elif (
        has_member_card
        or reached(spend, thresholds.member_spend)
        or reached(visits, thresholds.member_visits)
    ):
        kind = CustomerClass.MEMBER
    else:
        kind = CustomerClass.NORMAL
    away = (today - last_visit).days if last_visit is not None else None
    lapsed = away if away is not None and reached(away, thresholds.lapsed_days) else None
    return Standing(kind, lapsed)


def may_read_health(role: str, served_recently: bool) -> bool:
    """Owners and managers always; a technician who served the customer within
    HEALTH_ACCESS_DAYS; nobody else (the front desk sees only that there are allergies)."""
    if role in (Role.OWNER, Role.MANAGER):
        return True
    return role == Role.TECHNICIAN and served_recently
