"""`salon-sync-server` commands for master data: the store's shared settings, catalog items,
staff, and the chain catalog's store prices (sync/server/master_data.py does the work)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Engine

from salon_pos.domain.errors import UserError
from sync.messages import Both, Message, language_from_env
from sync.server import master_data, master_staff
from sync.server.admin import AdminError
from sync.server.handlers.setup import ITEM_FIELDS

COMMANDS = frozenset(
    ("store-settings", "edit-item", "edit-staff", "set-store-price", "share-item", "item-sales")
)


class SettingLine(Message):
    zh = "{name}：{value}（全店设置）"
    en = "{name} = {value}"


class Saved(Message):
    zh = "已保存；各收银台下次同步时生效"
    en = "saved; every counter takes it on its next sync"


class SentTo(Message):
    zh = "已发送给门店 {stores}"
    en = "sent to stores {stores}"


class ItemSalesLine(Message):
    zh = "{item}  数量 {quantity}  金额 {amount} 分"
    en = "{item}  quantity {quantity}  amount {amount} fen"


def _help(zh: str, en: str) -> str:
    return Both(zh, en).text(language_from_env())


def add_commands(commands: Any, database_args: Callable[[argparse.ArgumentParser], None]) -> None:
    setting = _help("名称=值，可重复；值按 JSON 读取（数字），否则为文字", "name=value, repeatable")
    settings = commands.add_parser(
        "store-settings",
        help=_help("查看或修改全店设置（同步到各收银台）", "show or change store-wide settings"),
    )
    item = commands.add_parser(
        "edit-item", help=_help("修改价目表项目的字段", "change fields of a catalog item")
    )
    staff = commands.add_parser(
        "edit-staff",
        help=_help(
            "修改员工资料（不含 PIN；PIN 在后台网页设置）",
            "change a staff member (not the PIN: set it in the web console)",
        ),
    )
    for parser in (settings, item, staff):
        database_args(parser)
        parser.add_argument("--store", required=True, help=_help("门店 id", "store id"))
        parser.add_argument(
            "--set", action="append", default=[], metavar="NAME=VALUE", help=setting
        )
    item.add_argument("--item", required=True)
    staff.add_argument("--staff", required=True)
    price = commands.add_parser(
        "set-store-price",
        help=_help("连锁价目表项目在某门店的价格（分）", "a store's own price of a chain item"),
    )
    database_args(price)
    price.add_argument("--store", required=True)
    price.add_argument("--item", required=True)
    price.add_argument("--price", type=int, required=True)
    share = commands.add_parser(
        "share-item",
        help=_help("把项目加入老板的连锁价目表", "put an item in the owner's chain catalog"),
    )
    database_args(share)
    share.add_argument("--item", required=True)
    sales = commands.add_parser(
        "item-sales", help=_help("各项目的销售（合并重复项目）", "sales per catalog item")
    )
    database_args(sales)
    sales.add_argument("--store", required=True)


def parse_settings(pairs: Sequence[str]) -> dict[str, Any]:
    """NAME=VALUE pairs; a value that reads as JSON (a number, true) is taken as such."""
    values: dict[str, Any] = {}
    for pair in pairs:
        name, sep, text = pair.partition("=")
        if not sep or not name.strip():
            raise AdminError(f"not NAME=VALUE: {pair}")
        try:
            value = json.loads(text)
        except ValueError:
            value = text
        values[name.strip()] = value if isinstance(value, int | bool) else text
    return values


def run(args: argparse.Namespace, engine: Engine, say: Callable[[Message], None]) -> None:
    if args.command == "store-settings":
        changes = parse_settings(args.set)
        if changes:
            master_data.edit_store_settings(engine, args.store, changes)
            say(Saved())
        for name, value in master_data.store_settings(engine, args.store).items():
            say(SettingLine(name=name, value=value))
    elif args.command == "edit-item":
        changes = parse_settings(args.set)
        master_data.known_fields(changes, tuple(f for f in ITEM_FIELDS if f != "kind"))
        for money in ("price", "cost"):
            if money in changes and type(changes[money]) is not int:
                raise AdminError(f"{money} is a whole number of fen, such as 19800")
        try:  # the counter's catalog rules, as the console applies them
            master_data.update_catalog_item(engine, args.store, args.item, changes)
        except UserError as refused:
            raise AdminError(refused.text(language_from_env())) from None
        say(Saved())
    elif args.command == "edit-staff":
        try:
            master_staff.edit_staff(engine, args.store, args.staff, parse_settings(args.set))
        except master_staff.StaffRefused as refused:  # in the reader's language
            raise AdminError(refused.message.text(language_from_env())) from None
        say(Saved())
    elif args.command == "set-store-price":
        master_data.set_store_price(engine, args.store, args.item, args.price)
        say(Saved())
    elif args.command == "share-item":
        say(SentTo(stores=", ".join(master_data.share_item(engine, args.item)) or "-"))
    elif args.command == "item-sales":
        for row in master_data.sales_per_item(engine, args.store).values():
            say(ItemSalesLine(item=row.item_id, quantity=row.quantity, amount=row.amount))
