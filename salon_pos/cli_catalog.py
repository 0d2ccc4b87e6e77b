"""`salon-pos catalog list|add-service|add-product|edit|hide|show`: the catalog from the command
line. Prices are in yuan as in the CSV import (198, 198.50); an item is named by id, by SKU or
barcode (products), or by exact name."""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import Any

from salon_pos.cli_staff import Say
from salon_pos.domain.errors import UserError
from salon_pos.domain.money import format_money, parse_yuan
from salon_pos.domain.ticket import LineKind
from salon_pos.services.backend import Backend
from salon_pos.services.catalog import ProductOffer, ServiceOffer
from sync.messages import Both, Message, language_from_env

Offer = ServiceOffer | ProductOffer
KIND_NAMES = {LineKind.SERVICE: Both("服务", "service"), LineKind.PRODUCT: Both("商品", "product")}


class NoSuchItem(UserError):
    en = "No catalog item has the id, SKU, barcode or name “{text}” (see `salon-pos catalog list`)."
    zh = "价目表中没有 id、编号、条码或名称为“{text}”的项目（见 `salon-pos catalog list`）。"


class SameNameItems(UserError):
    en = "{count} items are called “{text}”: give the id (`salon-pos catalog list`)."
    zh = "有 {count} 个项目叫“{text}”：请给出 id（见 `salon-pos catalog list`）。"


class NotForThisKind(UserError):
    en = "{option} does not apply to “{name}”, a {kind}."
    zh = "{option} 不适用于{kind}“{name}”。"


OWN_OPTIONS = {
    LineKind.SERVICE: ("duration", "skill"),
    LineKind.PRODUCT: ("sku", "barcode", "cost"),
}


class ItemSaved(Message):
    zh = "已保存：{item}"
    en = "Saved: {item}"


def describe(offer: Offer, language: str) -> str:
    kind = KIND_NAMES[offer.kind].text(language)
    hidden = "" if offer.active else Both("（已隐藏）", " (hidden)").text(language)
    price = format_money(offer.price)
    if isinstance(offer, ServiceOffer):
        minutes = Both(f"{offer.duration_min} 分钟", f"{offer.duration_min} min").text(language)
        extra = f"{minutes}  {offer.skill or '-'}"
    else:
        extra = f"{offer.sku}  {offer.barcode or '-'}  {format_money(offer.cost)}"
    return f"{offer.id}  {kind}  {offer.category}/{offer.name}{hidden}  {price}  {extra}"


def find_item(backend: Backend, text: str) -> Offer:
    items = backend.catalog.items()
    for match in (
        lambda o: o.id == text,
        lambda o: isinstance(o, ProductOffer) and text in (o.sku, o.barcode),
        lambda o: o.name == text.strip(),
    ):
        found = [o for o in items if match(o)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise SameNameItems(text=text, count=len(found))
    raise NoSuchItem(text=text)


def _print_saved(backend: Backend, kind: LineKind, item_id: str) -> int:
    language = language_from_env()
    print(ItemSaved(item=describe(backend.catalog.item(kind, item_id), language)).text(language))
    return 0


def _cmd_list(backend: Backend, args: argparse.Namespace) -> int:
    kind = {"services": LineKind.SERVICE, "products": LineKind.PRODUCT}.get(args.kind)
    for offer in backend.catalog.search(args.search or "", kind):
        print(describe(offer, language_from_env()))
    return 0


def _cmd_add_service(backend: Backend, args: argparse.Namespace) -> int:
    price = parse_yuan(args.price)
    saved = backend.catalog.add_service(
        args.category, args.name, price, args.duration, (args.skill or "").lower()
    )
    return _print_saved(backend, LineKind.SERVICE, saved.id)


def _cmd_add_product(backend: Backend, args: argparse.Namespace) -> int:
    price, cost = parse_yuan(args.price), parse_yuan(args.cost or "0")
    saved = backend.catalog.add_product(
        args.category, args.name, args.sku, price, cost, args.barcode or None
    )
    return _print_saved(backend, LineKind.PRODUCT, saved.id)


def _cmd_edit(backend: Backend, args: argparse.Namespace) -> int:
    offer = find_item(backend, args.item)
    changes: dict[str, Any] = {
        key: value
        for key, value in (("category", args.category), ("name", args.name))
        if value is not None
    }
    if args.price is not None:
        changes["price"] = parse_yuan(args.price)
    other = LineKind.PRODUCT if offer.kind is LineKind.SERVICE else LineKind.SERVICE
    for option in OWN_OPTIONS[other]:
        if getattr(args, option) is not None:
            kind = KIND_NAMES[offer.kind]
            raise NotForThisKind(option=f"--{option}", name=offer.name, kind=kind)
    if isinstance(offer, ServiceOffer):
        if args.duration is not None:
            changes["duration_min"] = args.duration
        if args.skill is not None:
            changes["skill"] = args.skill.lower()
    else:
        if args.sku is not None:
            changes["sku"] = args.sku
        if args.barcode is not None:
            changes["barcode"] = args.barcode or None
        if args.cost is not None:
            changes["cost"] = parse_yuan(args.cost)
    backend.catalog.edit(replace(offer, **changes))
    return _print_saved(backend, offer.kind, offer.id)


def _cmd_show_or_hide(backend: Backend, args: argparse.Namespace) -> int:
    offer = find_item(backend, args.item)
    backend.catalog.set_active(offer.kind, offer.id, args.action == "show")
    return _print_saved(backend, offer.kind, offer.id)


def _item_fields(parser: argparse.ArgumentParser, say: Say, adding: str = "") -> None:
    """The options of an item; `adding` a service or a product makes its own ones required."""
    new = bool(adding)
    parser.add_argument("--category", required=new, help=say("分类", "category"))
    parser.add_argument("--name", required=new, help=say("名称", "name"))
    parser.add_argument("--price", required=new, help=say("价格（元）", "price in yuan"))
    if adding != "product":
        parser.add_argument(
            "--duration", type=int, required=new, help=say("时长（分钟）", "duration in minutes")
        )
        parser.add_argument("--skill", help=say("所需技能", "the skill it needs"))
    if adding != "service":
        parser.add_argument("--sku", required=new, help=say("编号", "SKU"))
        parser.add_argument("--barcode", help=say("条码", "barcode"))
        parser.add_argument("--cost", help=say("成本（元）", "cost in yuan"))


def add_catalog_commands(commands: argparse._SubParsersAction, say: Say) -> None:  # type: ignore[type-arg]
    catalog = commands.add_parser(
        "catalog",
        help=say("价目表：列出、添加、修改、隐藏、显示", "catalog: list, add, edit, hide, show"),
    )
    actions = catalog.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help=say("列出项目", "list the items"))
    listing.add_argument("--kind", choices=["services", "products"])
    listing.add_argument(
        "--search",
        help=say("名称、拼音首字母、编号或条码", "name, pinyin initials, SKU or barcode"),
    )
    listing.set_defaults(handler=_cmd_list)
    service = actions.add_parser("add-service", help=say("添加服务", "add a service"))
    _item_fields(service, say, "service")
    service.set_defaults(handler=_cmd_add_service)
    product = actions.add_parser("add-product", help=say("添加商品", "add a product"))
    _item_fields(product, say, "product")
    product.set_defaults(handler=_cmd_add_product)
    edit = actions.add_parser("edit", help=say("修改项目", "change an item"))
    edit.add_argument("item", help=say("id、编号、条码或名称", "id, SKU, barcode or name"))
    _item_fields(edit, say)
    edit.set_defaults(handler=_cmd_edit)
    for action, zh, en in (
        ("hide", "隐藏（不再出售）", "hide (no longer sold)"),
        ("show", "重新显示", "show again"),
    ):
        shown = actions.add_parser(action, help=say(zh, en))
        shown.add_argument("item", help=say("id、编号、条码或名称", "id, SKU, barcode or name"))
        shown.set_defaults(handler=_cmd_show_or_hide)
