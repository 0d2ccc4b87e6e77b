"""The members' store-wide settings as the settings page shows and reads them: the offline
allowance in yuan, the top-up rules one a line ("充 1000 送 200", in yuan), stored as the counter
reads them (fen; "100000:20000,50000:8000"); each refusal says what to type."""

from __future__ import annotations

import re
from contextlib import suppress
from typing import Any

from salon_pos.domain.balances import parse_points_rates
from salon_pos.domain.errors import UserError
from salon_pos.domain.money import format_whole_yuan, format_yuan, parse_yuan
from salon_pos.domain.tiers import DEFAULT_TIERS, tiers_as_lines, tiers_from_lines
from sync.member_rules import TOP_UP_LIMIT, top_up_pairs
from sync.messages import Both, Message
from sync.operations.setup import MEMBER_RANGES, MEMBER_SETTINGS
from sync.server.web import words

FIELDS = MEMBER_SETTINGS
DEFAULTS = {  # what a counter starts with (salon_pos/services/settings.py StoreSettings)
    "spend_order": "principal_first",
    "offline_allowance": 0,
    "top_up_rules": "",
    "points_earn_rate": 1,
    "points_per_yuan": 100,
    "points_rates": "",
    "points_valid_days": 0,
    "tiers": DEFAULT_TIERS,
    "tier_basis": "spend",
    "birthday_percent": 100,
    "birthday_service_id": "",
}
AMOUNT = r"[¥￥]?\s*[0-9][0-9,，]*(?:\.[0-9]{1,2})?\s*元?"
RULE = re.compile(
    rf"^(?:充值?|pay)?\s*(?P<paid>{AMOUNT})\s*(?:送|get|=|→|->)\s*(?P<bonus>{AMOUNT})$",
    re.IGNORECASE,
)


class Refused(Exception):
    def __init__(self, why: Both | Message) -> None:
        super().__init__(why)
        self.why = why


def value_of(name: str, text: str, basis: str | None = None) -> Any:
    """What was typed for a member setting, as stored; Refused says why not. `basis`: the
    tiers' (spend, visits), as typed beside them."""
    if name in ("tiers", "points_rates"):
        try:
            if name == "points_rates":
                return ",".join(f"{c}={r}" for c, r in parse_points_rates(text).items())
            return tiers_from_lines(text, basis or "spend")
        except UserError as refused:
            raise Refused(Both(refused.text("zh"), refused.text("en"))) from None
    if name == "tier_basis" and text not in ("spend", "visits"):
        raise Refused(words.TIER_BASIS_UNKNOWN)
    if name == "offline_allowance":
        try:
            fen = parse_yuan(text or "0")
        except UserError:
            raise Refused(words.AllowanceRange(text=text[:20])) from None
        if not 0 <= fen <= MEMBER_RANGES[name][1]:
            raise Refused(words.AllowanceRange(text=text[:20]))
        return fen
    if name in MEMBER_RANGES:
        bottom, top = MEMBER_RANGES[name]
        if not (text.isascii() and text.isdigit()) or not bottom <= int(text) <= top:
            message = {
                "points_earn_rate": words.EarnRateRange,
                "points_valid_days": words.PointsValidRange,
            }.get(name, words.PointsPerYuan)
            raise Refused(message(text=text[:20]))
        return int(text)
    if name == "top_up_rules":
        return _rules(text)
    if name == "spend_order" and text not in words.SPEND_ORDER_WORDS:
        raise Refused(words.SPEND_ORDER_UNKNOWN)
    return text


def _rules(text: str) -> str:
    pairs: list[tuple[int, int]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        found = RULE.match(line.strip())
        if found is None:
            raise Refused(words.TopUpLine(line=number, text=line.strip()[:40]))
        paid, bonus = parse_yuan(found["paid"]), parse_yuan(found["bonus"])
        if paid <= 0 or max(paid, bonus) > TOP_UP_LIMIT:
            raise Refused(words.TopUpAmount(line=number, text=line.strip()[:40]))
        if paid in (p for p, _ in pairs):
            raise Refused(words.TopUpTwice(amount=format_whole_yuan(paid)))
        pairs.append((paid, bonus))
    stored = ",".join(f"{paid}:{bonus}" for paid, bonus in pairs)  # as typed: shown so again
    try:
        top_up_pairs(stored)
    except ValueError:
        raise Refused(words.TOP_UP_TOO_MANY) from None
    return stored


def on_page(values: dict[str, Any], language: str) -> dict[str, Any]:
    """The held values as the page shows them: yuan, and one rule a line in words."""
    shown = dict(values)
    shown["offline_allowance"] = format_yuan(int(values["offline_allowance"]))
    shown["points_rates"] = str(values["points_rates"]).replace(",", ", ")
    with suppress(UserError):  # else shown as held rather than lost
        shown["tiers"] = tiers_as_lines(str(values["tiers"]), str(values["tier_basis"]))
    try:
        pairs = top_up_pairs(str(values["top_up_rules"]))
    except ValueError:  # not the server's to hold, but shown as it is rather than lost
        return shown
    rule = words.TopUpRule
    lines = [
        rule(paid=format_whole_yuan(p), bonus=format_whole_yuan(b)).text(language) for p, b in pairs
    ]
    shown["top_up_rules"] = "\n".join(lines)
    return shown
