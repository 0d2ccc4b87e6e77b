"""The commission rules on the console's settings page (提成规则): a table a rule a row — what it
is for (all services or products, top-ups, package cards, a category, an item of the store's
catalog), how it pays, the rotation (轮钟) and requested (点钟) rates as a person types them
(10 for 10%, 20 for ¥20 a unit) — with empty rows to add one, and when stored value and package
cards earn. Read into the setting's text by the domain's own rules (salon_pos.domain.commission:
the same text and the same refusals as the counter's editor), checked again by store_setting."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from salon_pos.domain.commission import (
    CardMoney,
    CommissionRule,
    CommissionRuleIncomplete,
    CommissionRules,
    RateKind,
    SessionBasis,
    StoredValueBasis,
    commission_rules_text,
    parse_commission_rules,
    parse_rate,
    rate_as_typed,
)
from salon_pos.domain.errors import UserError
from salon_pos.domain.ticket import LineKind
from sync.messages import Both, Message
from sync.server.master_data import CatalogEntry

FIELD = "commission_rules"
BLANK_ROWS = 3  # empty rows under the rules, to add some
W = {
    "group": Both("提成", "Commission"),
    "label": Both(
        "提成规则（最具体的规则优先：项目 > 类别 > 全部；百分比填 10 即 10%，按件填金额（元）；"
        "点钟留空则同轮钟；整行留空即删除）",
        "Commission rules (the most specific wins: item > category > all; a percentage as 10 "
        "for 10%, a fixed amount in yuan a unit; requested empty: as rotation; an empty row "
        "is dropped)",
    ),
    "target": Both("适用于", "Applies to"),
    "how": Both("提成方式", "Pays"),
    "rotation": Both("轮钟", "Rotation"),
    "requested": Both("点钟", "Requested"),
    "none": Both("（空行）", "(empty row)"),
    "percent": Both("按提成基数百分比", "Percent of the base"),
    "fixed": Both("每件固定金额（元）", "Fixed a unit (yuan)"),
    "stored_value": Both("储值提成", "Stored value earns"),
    "stored_value_basis": Both("消费时储值计为", "On use, stored value counts as"),
    "package": Both("疗程卡提成", "Package cards earn"),
    "session_basis": Both("耗卡时每次计为", "On use, a session counts as"),
}
CHOICES = {
    "stored_value": {
        CardMoney.ON_SALE.value: Both("售出时，给经办人", "When sold, to the seller"),
        CardMoney.ON_USE.value: Both("消费时，给做项目的技师", "When used to pay for services"),
    },
    "stored_value_basis": {
        StoredValueBasis.SPENT.value: Both(
            "实际扣减的储值（本金和赠送）", "All stored value spent (principal and bonus)"
        ),
        StoredValueBasis.PRINCIPAL.value: Both("仅扣减的本金", "The principal spent only"),
    },
    "session_basis": {
        SessionBasis.LINE.value: Both("项目实收金额", "The service line's net"),
        SessionBasis.CARD.value: Both("卡价 ÷ 次数", "The card's price over its sessions"),
    },
}
CHOICES["package"] = CHOICES["stored_value"]


class Refused(Exception):
    def __init__(self, why: Both | Message) -> None:
        super().__init__(why)
        self.why = why


@dataclass(frozen=True)
class RuleRow:
    """A row of the table as the page shows it (or as it was typed)."""

    target: str  # k:service, c:service:美甲, i:product:<id>; "" an empty row
    how: str
    rotation: str
    requested: str


def targets(entries: Sequence[CatalogEntry], rules: CommissionRules) -> list[tuple[str, Both]]:
    """What a rule may be for: each kind, each category of the store's catalog, each item;
    a rule's own target even when its item is no longer in the catalog."""
    found: dict[str, Both] = {
        "k:service": Both("全部服务项目", "All services"),
        "k:product": Both("全部商品", "All products"),
        "k:stored_value": Both("储值充值", "Stored value top-ups"),
        "k:package": Both("疗程卡", "Package cards"),
    }
    kinds = {"service": Both("服务", "Service"), "product": Both("商品", "Product")}
    for entry in entries:
        word = kinds[entry.kind]
        found.setdefault(
            f"c:{entry.kind}:{entry.category}",
            Both(f"{word.zh}类别：{entry.category}", f"{word.en} category: {entry.category}"),
        )
    for entry in entries:
        word, name = kinds[entry.kind], f"{entry.category} · {entry.name}"
        found[f"i:{entry.kind}:{entry.id}"] = Both(f"{word.zh}：{name}", f"{word.en}: {name}")
    for rule in rules.rules:
        found.setdefault(
            _key(rule), Both(rule.item_id or rule.category, rule.item_id or rule.category)
        )
    return list(found.items())


def _key(rule: CommissionRule) -> str:
    if rule.item_id:
        return f"i:{rule.kind.value}:{rule.item_id}"
    if rule.category:
        return f"c:{rule.kind.value}:{rule.category}"
    return f"k:{rule.kind.value}"


def rows_of(rules: CommissionRules) -> list[RuleRow]:
    rows = [
        RuleRow(
            _key(rule),
            rule.how.value,
            rate_as_typed(rule.how, rule.rotation),
            "" if rule.requested is None else rate_as_typed(rule.how, rule.requested),
        )
        for rule in rules.rules
    ]
    return rows + [RuleRow("", RateKind.PERCENT.value, "", "")] * BLANK_ROWS


def held_rules(text: str) -> CommissionRules:
    try:
        return parse_commission_rules(text)
    except UserError:  # not the server's to hold; shown as none rather than a broken page
        return CommissionRules()


def on_page(
    text: str, entries: Sequence[CatalogEntry], typed: dict[str, Any] | None = None
) -> dict[str, Any]:
    """What the template needs: the rows (as typed, after a refusal), the choices, the words."""
    rules = held_rules(text)
    modes = {
        "stored_value": rules.stored_value.value,
        "stored_value_basis": rules.stored_value_basis.value,
        "package": rules.package.value,
        "session_basis": rules.session_basis.value,
    }
    return {
        "rows": typed["rows"] if typed else rows_of(rules),
        "modes": typed["modes"] if typed else modes,
        "targets": targets(entries, rules),
        "choices": CHOICES,
        "w": W,
    }


def typed_rows(
    target: Sequence[str], how: Sequence[str], rotation: Sequence[str], requested: Sequence[str]
) -> list[RuleRow]:
    count = max(len(target), len(how), len(rotation), len(requested))

    def at(values: Sequence[str], i: int) -> str:
        return values[i].strip() if i < len(values) else ""

    return [
        RuleRow(at(target, i), at(how, i) or "percent", at(rotation, i), at(requested, i))
        for i in range(count)
    ]


def _rule(row: RuleRow, number: int) -> CommissionRule:
    kind_of, _, rest = row.target.partition(":")
    kind, _, name = rest.partition(":")
    if kind not in {k.value for k in LineKind} or row.how not in {h.value for h in RateKind}:
        raise CommissionRuleIncomplete(rule=number)
    how = RateKind(row.how)
    rotation = parse_rate(row.rotation or "0", how, number)
    requested = parse_rate(row.requested, how, number) if row.requested else None
    category = name if kind_of == "c" else ""
    item_id = name if kind_of == "i" else ""
    return CommissionRule(LineKind(kind), how, rotation, requested, category, item_id)


def rules_text(rows: Sequence[RuleRow], modes: dict[str, str]) -> str:
    """The rows and choices typed, as the setting's text; Refused names the first bad rule
    (numbered as the rows left once the empty ones are dropped, as the counter counts them)."""
    kept = [row for row in rows if row.target and (row.rotation or row.requested)]
    try:
        rules = CommissionRules(
            tuple(_rule(row, number) for number, row in enumerate(kept, 1)),
            CardMoney(modes.get("stored_value") or CardMoney.ON_SALE.value),
            CardMoney(modes.get("package") or CardMoney.ON_SALE.value),
            StoredValueBasis(modes.get("stored_value_basis") or StoredValueBasis.SPENT.value),
            SessionBasis(modes.get("session_basis") or SessionBasis.LINE.value),
        )
        return commission_rules_text(rules)
    except UserError as refused:
        raise Refused(Both(refused.text("zh_CN"), refused.text("en"))) from None
    except ValueError:  # a choice the page never offers
        raise Refused(Both("提成设置无效。", "The commission settings are not valid.")) from None
