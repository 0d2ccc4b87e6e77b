"""The grammar of the store's member rules as text settings — top-up bonuses, points rates
by category, tiers — read one way on both sides: the counter's domain (salon_pos.domain.balances
and .tiers wrap these in its messages) and the server's check of a pushed or typed setting.
Standard library only: the domain imports it (pyproject.toml, import-linter)."""

from __future__ import annotations

from typing import Final

TOP_UP_LIMIT: Final = 10**10  # fen (¥100,000,000) paid or given: beyond it, a typing error
TOP_UP_RULES_LIMIT: Final = 20


def top_up_pairs(text: str) -> list[tuple[int, int]]:
    """ "100000:20000,50000:8000" (pay at least fen : bonus fen) as pairs; "" is none.
    ValueError: not that form, a payment of 0, one payment twice, an amount beyond reason."""
    pairs = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        paid, _, bonus = (t.strip() for t in part.partition(":"))
        if not all(t.isascii() and t.isdigit() for t in (paid, bonus)):
            raise ValueError("top_up_rules are not like 100000:20000,50000:8000")
        pairs.append((int(paid), int(bonus)))
    if any(paid <= 0 or max(paid, bonus) > TOP_UP_LIMIT for paid, bonus in pairs):
        raise ValueError("a top-up rule pays nothing, or beyond reason")
    if len({paid for paid, _ in pairs}) < len(pairs) or len(pairs) > TOP_UP_RULES_LIMIT:
        raise ValueError("a top-up rule twice, or too many rules")
    return pairs


RULES_TEXT_LIMIT: Final = 2000  # characters of a tiers or points-rates setting
POINTS_RATE_LIMIT: Final = 1000  # points a yuan


def _whole(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() else None


def points_rate_pairs(text: str) -> dict[str, int]:
    """ "美甲=2，美睫=0" (category = points a yuan) as a mapping; "" is none. The one reading of
    the setting: the counter's (salon_pos.domain.balances) and the server's check.
    ValueError: not that form, or a rate beyond reason."""
    if len(text) > RULES_TEXT_LIMIT:
        raise ValueError("points_rates are too long")
    rates = {}
    for part in filter(None, (p.strip() for p in text.replace("，", ",").split(","))):
        category, _, rate = part.partition("=")
        points = _whole(rate)
        if not category.strip() or points is None or points > POINTS_RATE_LIMIT:
            raise ValueError("points_rates are not like 美甲=2,美睫=0")
        rates[category.strip()] = points
    return rates


class BadTier(ValueError):
    def __init__(self, part: str) -> None:
        super().__init__(f"tiers are not like 普通:0:100;黄金:500000:95:美甲=90 (“{part}”)")
        self.part = part


def _tier_percent(text: str, part: str) -> int:
    percent = _whole(text)
    if percent is None or not 1 <= percent <= 100:
        raise BadTier(part)
    return percent


def tier_parts(text: str) -> list[tuple[str, int, int, dict[str, int]]]:
    """ "普通:0:100;黄金:500000:95:美甲=90,美睫=85" as (name, threshold: fen or visits,
    percent paid, category → percent) each; "" is none. The one reading of the setting: the
    counter's (salon_pos.domain.tiers) and the server's check. BadTier names the part."""
    if len(text) > RULES_TEXT_LIMIT:
        raise BadTier(text[:40])
    tiers = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        name, threshold, percent, *rest = [*part.split(":"), "", ""][:4]
        reached = _whole(threshold)
        if not name.strip() or reached is None or reached >= 10**12 or len(part.split(":")) > 4:
            raise BadTier(part)
        categories = {}
        for pair in filter(None, (p.strip() for p in rest[0].split(","))):
            category, _, value = pair.partition("=")
            if not category.strip():
                raise BadTier(part)
            categories[category.strip()] = _tier_percent(value, part)
        tiers.append((name.strip(), reached, _tier_percent(percent or "100", part), categories))
    return tiers
