"""What a catalog item must be, and a line of a catalog CSV file read into one: the counter
(salon_pos.services.catalog and importing) and the server's console (sync.server.master_data)
apply the same rules. Whether a SKU, barcode or service is taken already is each side's query
of its own catalog; the refusal it raises is here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from salon_pos.domain.csv_text import CsvRecord
from salon_pos.domain.errors import (
    Both,
    DurationNotPositive,
    InvalidChoice,
    InvalidNumber,
    NegativeCost,
    NegativePrice,
    RequiredField,
    UserError,
)
from salon_pos.domain.money import parse_yuan
from salon_pos.domain.stock import MOST_PACK, NotAPackSize, UnknownUnit, check_quantity
from salon_pos.domain.ticket import LineKind, check_fen

CATEGORY = Both("分类", "category")
NAME = Both("名称", "name")
PRICE = Both("价格", "price")
DURATION = Both("时长", "duration")
SKU = Both("编号", "SKU")
BARCODE = Both("条码", "barcode")


class DuplicateService(UserError):
    en = "The category {category} already has a service called {name}."
    zh = "分类“{category}”中已有名为“{name}”的服务。"


def check_item(category: str, name: str, price: int) -> None:
    """What every item needs: a category, a name, a price of whole fen, not negative."""
    if not category.strip():
        raise RequiredField(field=CATEGORY)
    if not name.strip():
        raise RequiredField(field=NAME)
    check_price(name, price)


def check_price(name: str, price: int) -> None:
    """A price a counter takes: whole fen, not negative, not beyond a till's limit."""
    check_fen(name, price)
    if price < 0:
        raise NegativePrice(name=name)


def check_duration(name: str, minutes: int) -> None:
    if minutes <= 0:
        raise DurationNotPositive(name=name, text=str(minutes))


def check_product(name: str, sku: str, cost: int) -> None:
    """A product's own needs, besides check_item's: a SKU, a cost of whole fen, not negative."""
    if not sku.strip():
        raise RequiredField(field=SKU)
    check_fen(name, cost)
    if cost < 0:
        raise NegativeCost(name=name)


# A catalog CSV file: its columns (any of the titles; the first is shown in messages)

CATALOG_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "kind": ("类型", "kind", "type"),
    "category": ("分类", "category"),
    "name": ("名称", "name"),
    "price": ("价格", "price", "售价"),
    "duration_min": ("时长", "duration_min", "duration", "时长(分钟)", "时长（分钟）"),
    "skill": ("技能", "skill"),
    "sku": ("编号", "sku"),
    "barcode": ("条码", "barcode"),
    "cost": ("成本", "cost"),
    "needs_patch_test": ("需皮试", "needs_patch_test", "皮试", "patch_test"),
    "unit": ("库存单位", "unit", "单位"),
    "pack_size": ("包装规格", "pack_size", "规格", "每包数量"),
    "needs_expiry": ("需效期", "needs_expiry", "效期管理", "需有效期"),
}
CATALOG_REQUIRED = ("kind", "category", "name", "price")
KINDS = {"service": LineKind.SERVICE, "服务": LineKind.SERVICE, "product": LineKind.PRODUCT}
KINDS |= {"商品": LineKind.PRODUCT, "产品": LineKind.PRODUCT}


def parse_minutes(text: str, name: str) -> int:
    """A service's duration as typed: 60, "60分钟", "60 min"."""
    text = text.removesuffix("分钟").removesuffix("min").strip()
    if not text:
        raise RequiredField(field=DURATION)
    try:
        minutes = int(text)
    except ValueError:
        raise InvalidNumber(text=text) from None
    if minutes <= 0:
        raise DurationNotPositive(name=name, text=text)
    return minutes


@dataclass(frozen=True)
class CatalogLine:
    """A line of a catalog file, read: an empty cell is None (the saved value stays)."""

    line: int
    kind: LineKind
    category: str
    name: str
    price: int
    duration_min: int  # services; 0 for products
    skill: str | None
    sku: str  # products; "" for services
    barcode: str | None
    cost: int | None
    needs_patch_test: bool | None = None  # services; None: as saved (a new one: no)
    # Products' stock (domain.stock); None: as saved (a new one: piece, 1, no expiry).
    unit: str | None = None
    pack_size: int | None = None
    needs_expiry: bool | None = None


# A stock unit as a catalog file may write it (domain.stock.Unit).
UNIT_NAMES = {"piece": "piece", "件": "piece", "个": "piece", "支": "piece", "瓶": "piece"}
UNIT_NAMES |= {"盒": "piece", "ml": "ml", "毫升": "ml", "g": "g", "克": "g"}


def parse_unit(text: str, name: str) -> str | None:
    """A unit cell: piece / ml / g or 件 / 毫升 / 克 (个, 支, 瓶, 盒 are pieces); empty: None."""
    if not text.strip():
        return None
    unit = UNIT_NAMES.get(text.strip().lower())
    if unit is None:
        raise UnknownUnit(name=name, unit=text.strip())
    return unit


def parse_pack_size(text: str, name: str) -> int | None:
    """A package size cell: a whole number of units from 1 to MOST_PACK; empty: None."""
    text = text.strip()
    if not text:
        return None
    if not (text.isascii() and text.isdigit()) or len(text) > 9:
        raise NotAPackSize(name=name, most=MOST_PACK, value=text[:12])
    return check_quantity(name, int(text), MOST_PACK, NotAPackSize)


YES_NO = {"是": True, "需要": True, "yes": True, "y": True, "1": True, "true": True}
YES_NO |= {"否": False, "不需要": False, "no": False, "n": False, "0": False, "false": False}


def parse_yes_no(text: str) -> bool | None:
    """A yes/no cell: 是 / 否, yes / no, 1 / 0; empty: None (keep what is saved)."""
    if not text.strip():
        return None
    answer = YES_NO.get(text.strip().lower())
    if answer is None:
        raise InvalidChoice(text=text, choices="是 / 否 / yes / no")
    return answer


def catalog_line(record: CsvRecord) -> CatalogLine:
    """The record as an item, or the UserError that refuses the line."""
    kind = KINDS.get(record.get("kind").lower())
    if kind is None:
        raise InvalidChoice(text=record.get("kind"), choices="服务 / 商品 / service / product")
    for column, title in (("category", CATEGORY), ("name", NAME), ("price", PRICE)):
        if not record.get(column):
            raise RequiredField(field=title)
    name, price = record.get("name"), parse_yuan(record.get("price"))
    if kind is LineKind.SERVICE:
        minutes = parse_minutes(record.get("duration_min"), name)
        skill = record.get("skill").lower() or None
        patch_test = parse_yes_no(record.get("needs_patch_test"))
        return CatalogLine(
            record.line, kind, record.get("category"), name, price, minutes, skill, "", None, None,
            patch_test,
        )  # fmt: skip
    sku = record.get("sku")
    if not sku:
        raise RequiredField(field=SKU)
    cost = parse_yuan(record.get("cost")) if record.get("cost") else None
    barcode = record.get("barcode") or None
    return CatalogLine(
        record.line, kind, record.get("category"), name, price, 0, None, sku, barcode, cost,
        unit=parse_unit(record.get("unit"), name),
        pack_size=parse_pack_size(record.get("pack_size"), name),
        needs_expiry=parse_yes_no(record.get("needs_expiry")),
    )  # fmt: skip
