"""The grammar of the store's commission rules (提成规则) as one store-wide text setting, read
one way on both sides: the counter's domain (salon_pos.domain.commission wraps it in its
messages) and the server's check of a pushed or typed setting. Standard library only: the
domain imports it (pyproject.toml, import-linter).

The text is a small JSON object, written by the app's table editor or the console's, never
typed by hand:

    {"stored_value": "on_sale", "package": "on_use",
     "stored_value_basis": "spent", "session_basis": "line",
     "rules": [{"kind": "service", "how": "percent", "rotation": 1000, "requested": 1500},
               {"kind": "service", "category": "美甲", "how": "percent", "rotation": 1200},
               {"kind": "product", "item": "0190…", "how": "fixed", "rotation": 500}]}

A rule is for a kind of line (service, product, stored_value: a top-up, package: a package
card), optionally one category or one catalog item of it; `how` is `percent` (basis points of
the line's net: 1000 is 10%) or `fixed` (fen a unit); `rotation` is the rate of a line the
customer did not ask for by name (轮钟), `requested` that of a 点钟 line (services only; absent:
the same). "" is no rules at all. Keys this version does not know are passed over, so a newer
counter's setting does not stop an older one."""

from __future__ import annotations

import json
from typing import Any, Final, NamedTuple

KINDS: Final = ("service", "product", "stored_value", "package")
BY_ITEM: Final = ("service", "product")  # the kinds a rule may name a category or item of
HOWS: Final = ("percent", "fixed")
CARD_MONEY: Final = ("on_sale", "on_use")
STORED_VALUE_BASES: Final = ("spent", "principal")  # on use: all spent, or the principal only
SESSION_BASES: Final = ("line", "card")  # on use: the line's net, or the card's price a session
PERCENT_TOP: Final = 10_000  # basis points: 100%
FIXED_TOP: Final = 10_000_000  # fen a unit: ¥100,000
MOST_RULES: Final = 500
TEXT_LIMIT: Final = 100_000  # characters
NAME_LIMIT: Final = 64  # a category's or an item id's characters
DEFAULTS: Final = {
    "stored_value": "on_sale",
    "package": "on_sale",
    "stored_value_basis": "spent",
    "session_basis": "line",
}


class RuleParts(NamedTuple):
    kind: str
    category: str  # "" unless the rule is for one category
    item: str  # "" unless the rule is for one catalog item
    how: str
    rotation: int
    requested: int | None  # None: as rotation


class CommissionParts(NamedTuple):
    stored_value: str
    package: str
    stored_value_basis: str
    session_basis: str
    rules: tuple[RuleParts, ...]


class BadCommissionRules(ValueError):
    """Why the setting is refused: `problem` names it (the domain's messages are keyed by it),
    `rule` is the rule's place (1 for the first; 0: the setting as a whole), `params` the rest."""

    def __init__(self, problem: str, rule: int = 0, **params: Any) -> None:
        super().__init__(f"commission_rules: {problem} (rule {rule}) {params or ''}".strip())
        self.problem = problem
        self.rule = rule
        self.params = params


def _whole(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _choice(data: dict[str, Any], key: str, choices: tuple[str, ...]) -> str:
    value = data.get(key, DEFAULTS[key])
    if value not in choices:
        raise BadCommissionRules("choice", setting=key, value=str(value)[:20])
    return str(value)


def _rate(value: Any, how: str, place: int) -> int:
    rate = _whole(value)
    top = PERCENT_TOP if how == "percent" else FIXED_TOP
    if rate is None or rate < 0:
        raise BadCommissionRules("rate", place, value=str(value)[:20], how=how)
    if rate > top:
        raise BadCommissionRules("over_percent" if how == "percent" else "rate", place,
                                 value=str(rate), how=how)  # fmt: skip
    return rate


def _text(data: dict[str, Any], key: str, place: int) -> str:
    value = data.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > NAME_LIMIT:
        raise BadCommissionRules("unreadable", place)
    return value.strip()


def rule_parts(data: Any, place: int) -> RuleParts:
    """One rule of the list (`place`: 1 for the first), checked."""
    if not isinstance(data, dict):
        raise BadCommissionRules("unreadable", place)
    kind, how = data.get("kind"), data.get("how", "percent")
    if kind not in KINDS:
        raise BadCommissionRules("kind", place, value=str(kind)[:20])
    if how not in HOWS:
        raise BadCommissionRules("how", place, value=str(how)[:20])
    category, item = _text(data, "category", place), _text(data, "item", place)
    if category and item:
        raise BadCommissionRules("category_and_item", place)
    if (category or item) and kind not in BY_ITEM:
        raise BadCommissionRules("not_by_item", place, kind=kind)
    rotation = _rate(data.get("rotation"), how, place)
    requested = data.get("requested")
    if requested is not None:
        requested = _rate(requested, how, place)
        if kind != "service":
            raise BadCommissionRules("requested_not_service", place, kind=kind)
    return RuleParts(kind, category, item, how, rotation, requested)


def commission_parts(text: str) -> CommissionParts:
    """The setting's text as its parts; "" is no rules (and the default choices).
    BadCommissionRules: not this form, a rate beyond reason, two rules for one thing."""
    if not text.strip():
        return CommissionParts(*_default_choices(), rules=())
    if len(text) > TEXT_LIMIT:
        raise BadCommissionRules("too_many", count=len(text))
    try:
        data = json.loads(text)
    except ValueError:
        raise BadCommissionRules("unreadable") from None
    if not isinstance(data, dict) or not isinstance(data.get("rules", []), list):
        raise BadCommissionRules("unreadable")
    choices = [_choice(data, key, choices) for key, choices in _CHOICES]
    listed = data.get("rules", [])
    if len(listed) > MOST_RULES:
        raise BadCommissionRules("too_many", count=len(listed))
    rules = tuple(rule_parts(rule, place) for place, rule in enumerate(listed, 1))
    first: dict[tuple[str, str, str], int] = {}
    for place, rule in enumerate(rules, 1):
        target = (rule.kind, rule.category, rule.item)
        if target in first:
            raise BadCommissionRules("twice", place, first=first[target])
        first[target] = place
    stored_value, package, stored_value_basis, session_basis = choices
    return CommissionParts(stored_value, package, stored_value_basis, session_basis, rules)


_CHOICES: Final = (
    ("stored_value", CARD_MONEY),
    ("package", CARD_MONEY),
    ("stored_value_basis", STORED_VALUE_BASES),
    ("session_basis", SESSION_BASES),
)


def _default_choices() -> tuple[str, str, str, str]:
    return (
        DEFAULTS["stored_value"],
        DEFAULTS["package"],
        DEFAULTS["stored_value_basis"],
        DEFAULTS["session_basis"],
    )


def commission_text(parts: CommissionParts) -> str:
    """The parts as the setting's text (checked: BadCommissionRules); no rules and the default
    choices is ""."""
    choices = dict(zip((key for key, _ in _CHOICES), parts[:4], strict=True))
    if not parts.rules and choices == DEFAULTS:
        return ""
    rules = []
    for rule in parts.rules:
        written: dict[str, Any] = {"kind": rule.kind, "how": rule.how, "rotation": rule.rotation}
        if rule.category:
            written["category"] = rule.category
        if rule.item:
            written["item"] = rule.item
        if rule.requested is not None:
            written["requested"] = rule.requested
        rules.append(written)
    text = json.dumps(choices | {"rules": rules}, ensure_ascii=False, separators=(",", ":"))
    commission_parts(text)
    return text
