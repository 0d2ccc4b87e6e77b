"""`salon-sync-server`: run the central server and do the owner's chores from a shell.

It speaks the language of SALON_POS_LANG (Chinese by default), argparse's own words included;
ids and codes are printed bare so scripts can read them."""

from __future__ import annotations

import argparse
import getpass
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from sync.command_line import argparse_in
from sync.messages import Both, Message, language_from_env, os_reason
from sync.server import admin, backup, cli_master_data, master_data
from sync.server.config import ServerSettings, default_data_dir, sqlite_url
from sync.server.db import create_server_engine
from sync.server.migrate import migrate_engine


class OwnerCreated(Message):
    zh = "已创建老板账号 {email}"
    en = "owner {email} created"


class PriceSet(Message):
    zh = "{item}：{price} 分"
    en = "{item}: {price} fen"


class DeviceRevoked(Message):
    zh = "设备 {device} 已停用"
    en = "device {device} revoked"


class DeviceLine(Message):
    zh = "{id}  {store}  {counter}  {hostname}  游标={cursor}  {state}"
    en = "{id}  {store}  {counter}  {hostname}  cursor={cursor}  {state}"


class RemindersSent(Message):
    zh = "提醒：发出 {sent} 条，稍后重试 {retried} 条，放弃 {failed} 条"
    en = "reminders: {sent} sent, {retried} to try again, {failed} given up"


class SchemaCurrent(Message):
    zh = "数据库已是最新结构"
    en = "database is at the newest schema"


class CommandRefused(Message):
    zh = "salon-sync-server：未完成：{reason}"
    en = "salon-sync-server: {reason}"


class DatabaseFailed(Message):
    zh = "salon-sync-server：数据库出错：{reason}"
    en = "salon-sync-server: database error: {reason}"


class FolderFailed(Message):
    zh = "salon-sync-server：无法使用 {path}（{reason}）"
    en = "salon-sync-server: cannot use {path} ({reason})"


ACTIVE = Both("使用中", "active")
REVOKED = Both("已停用", "revoked")
PASSWORD = Both("密码：", "Password: ")
AGAIN = Both("再输一次：", "Again: ")


def _say(message: Message, error: bool = False) -> None:
    print(message.text(language_from_env()), file=sys.stderr if error else sys.stdout)


def _word(words: Both) -> str:
    return words.text(language_from_env())


def _say_help(zh: str, en: str) -> str:
    return Both(zh, en).text(language_from_env())


def _database_args(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--data",
        type=Path,
        help=_say_help(
            "SQLite 文件 server.db 所在目录", "data folder for the SQLite file server.db"
        ),
    )
    where.add_argument(
        "--database-url",
        help=_say_help(
            "如 postgresql+psycopg://user@host/db", "e.g. postgresql+psycopg://user@host/db"
        ),
    )


def build_parser() -> argparse.ArgumentParser:
    """The parser; build and use it inside `argparse_in(language)` for argparse's own words."""
    h = _say_help
    parser = argparse.ArgumentParser(
        prog="salon-sync-server",
        description=h(
            "中央同步服务器，以及老板在命令行上的日常操作",
            "the central sync server and the owner's chores",
        ),
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser(
        "serve",
        help=h("升级数据库结构，然后提供同步服务", "migrate the database, then serve the sync API"),
    )
    _database_args(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument(
        "--log-file",
        type=Path,
        help=h("JSON 行格式的日志文件（默认：标准错误）", "JSON-lines log file (default: stderr)"),
    )
    serve.add_argument("--log-level", default="INFO")
    serve.add_argument(
        "--key-dir",
        type=Path,
        help=h(
            "各门店健康资料密钥的存放目录（不进数据库；默认：SQLite 数据库旁的 store-keys）",
            "folder of each store's key for health data (never in the database; default: "
            "store-keys beside an SQLite database)",
        ),
    )
    serve.add_argument(
        "--certfile",
        type=Path,
        help=h("HTTPS 证书文件（PEM，含中间证书）", "HTTPS certificate file (PEM, with the chain)"),
    )
    serve.add_argument(
        "--keyfile", type=Path, help=h("HTTPS 私钥文件（PEM）", "its private key (PEM)")
    )
    serve.add_argument(
        "--forwarded-allow-ips",
        default=None,
        help=h(
            "信任这些反向代理地址发来的 X-Forwarded-Proto/For（逗号分隔）",
            "trust X-Forwarded-Proto/For from these reverse-proxy addresses (comma-separated)",
        ),
    )
    _reminder_args(serve)
    serve.add_argument(
        "--no-reminders",
        action="store_true",
        help=h("不准备也不发送提醒短信", "prepare and send no reminders"),
    )
    serve.add_argument("--no-deduplicate", action="store_true", help=argparse.SUPPRESS)
    reminders = commands.add_parser(
        "send-reminders",
        help=h("准备并发送到期的提醒一次（供定时任务用）", "prepare and send due reminders once"),
    )
    _database_args(reminders)
    _reminder_args(reminders)
    migrate = commands.add_parser(
        "migrate", help=h("把数据库升级到最新结构", "bring the database to the newest schema")
    )
    _database_args(migrate)
    owner = commands.add_parser("create-owner", help=h("创建老板账号", "an owner account"))
    _database_args(owner)
    owner.add_argument("--email", required=True)
    owner.add_argument(
        "--password",
        help=h("不给出时从终端或标准输入读取", "read from the terminal or stdin when not given"),
    )
    store = commands.add_parser(
        "create-store", help=h("为老板创建一个门店", "a store (门店) of an owner")
    )
    _database_args(store)
    store.add_argument("--owner", required=True, help=h("老板的邮箱", "the owner's email"))
    store.add_argument("--name", required=True)
    store.add_argument("--time-zone", default="Asia/Shanghai")
    code = commands.add_parser(
        "create-enrollment-code",
        help=h("为一台收银机生成一次性注册码", "a one-time code for a counter PC"),
    )
    _database_args(code)
    code.add_argument("--store", required=True, help=h("门店 id", "store id"))
    code.add_argument("--hours", type=float, default=24)
    price = commands.add_parser(
        "set-price", help=h("修改价目表项目的价格（分）", "change a catalog item's price (in fen)")
    )
    _database_args(price)
    price.add_argument("--store", required=True)
    price.add_argument("--item", required=True)
    price.add_argument(
        "--price",
        type=int,
        required=True,
        help=h("分，如 19800 即 ￥198", "fen, e.g. 19800 for ¥198"),
    )
    revoke = commands.add_parser(
        "revoke-device", help=h("从现在起拒绝一台设备", "refuse a device from now on")
    )
    _database_args(revoke)
    revoke.add_argument("--device", required=True)
    devices = commands.add_parser(
        "list-devices", help=h("已注册的设备及其游标", "enrolled devices and their cursors")
    )
    _database_args(devices)
    devices.add_argument("--store", help=h("只列出该门店的", "only this store's"))
    cli_master_data.add_commands(commands, _database_args)
    backup.add_command(commands, _database_args, h)
    return parser


def database_url(args: argparse.Namespace) -> str:
    if args.database_url:
        return str(args.database_url)
    return sqlite_url(args.data or default_data_dir())


def _password(args: argparse.Namespace) -> str:
    if args.password is not None:
        return str(args.password)
    if sys.stdin.isatty():
        first = getpass.getpass(_word(PASSWORD))
        if first != getpass.getpass(_word(AGAIN)):
            raise admin.AdminError("the passwords differ")
        return first
    return sys.stdin.readline().rstrip("\n")


def _reminder_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sms-gateway",
        metavar="URL",
        help=_say_help(
            "短信或微信网关地址：提醒以 JSON POST 过去（默认：写入 --reminder-log 文件）",
            "SMS or WeChat gateway: reminders are POSTed there as JSON (default: written to "
            "the --reminder-log file)",
        ),
    )
    parser.add_argument(
        "--sms-template",
        metavar="JSON",
        help=_say_help(
            '网关请求体模板，可用 {to} {text} {key}（默认：{"to": "{to}", "text": "{text}", '
            '"key": "{key}"}）',
            'the gateway\'s request body, with {to} {text} {key} (default: {"to": "{to}", '
            '"text": "{text}", "key": "{key}"})',
        ),
    )
    parser.add_argument(
        "--reminder-log",
        type=Path,
        metavar="FILE",
        help=_say_help(
            "没有网关时提醒写入的文件（默认：数据目录下的 reminders.jsonl）",
            "where reminders go without a gateway (default: reminders.jsonl in the data folder)",
        ),
    )


def _sender(args: argparse.Namespace, url: str) -> Any:
    from sync.reminder_senders import InvalidTemplate, sender_from

    folder = (
        Path(url.removeprefix("sqlite:///")).parent
        if url.startswith("sqlite:///")
        else default_data_dir()
    )
    log_file = args.reminder_log or folder / "reminders.jsonl"
    try:
        return sender_from(args.sms_gateway, args.sms_template, log_file)
    except InvalidTemplate as problem:
        raise admin.AdminError(f"--sms-template: {problem}") from None


def send_reminders(args: argparse.Namespace, engine: Engine) -> None:
    from sync.server.config import utc_now
    from sync.server.reminders import ReminderLoop

    report = ReminderLoop(engine, _sender(args, str(engine.url)), utc_now).run_once()
    _say(RemindersSent(sent=report.sent, retried=report.retried, failed=report.failed))


def serve(args: argparse.Namespace, url: str) -> None:
    import uvicorn

    from sync.server.app import create_app
    from sync.server.logs import configure_logging

    if args.keyfile and not args.certfile:
        raise admin.AdminError("--keyfile needs --certfile")
    for path in (args.certfile, args.keyfile):
        if path is not None and not path.is_file():
            raise admin.AdminError(f"no such file: {path}")
    settings = ServerSettings(
        database_url=url,
        deduplicate=not args.no_deduplicate,
        log_level=args.log_level,
        log_file=args.log_file,
        key_dir=args.key_dir,
    )
    configure_logging(settings.log_level, settings.log_file)
    sender = None if args.no_reminders else _sender(args, url)
    app = create_app(settings)
    config = uvicorn.Config(
        app,
        host=args.host,
        port=args.port,
        log_config=None,
        access_log=False,
        ssl_certfile=args.certfile,
        ssl_keyfile=args.keyfile,
        proxy_headers=args.forwarded_allow_ips is not None,
        forwarded_allow_ips=args.forwarded_allow_ips,
    )
    loop = None
    if sender is not None:
        from sync.server.reminders import ReminderLoop

        loop = ReminderLoop(app.state.engine, sender, settings.clock)
        loop.start()
    # uvicorn handles SIGTERM and SIGINT itself: it stops accepting, finishes requests, exits.
    uvicorn.Server(config).run()
    if loop is not None:
        loop.stop()
    app.state.engine.dispose()


def run(args: argparse.Namespace, engine: Engine) -> None:
    if args.command in cli_master_data.COMMANDS:
        cli_master_data.run(args, engine, _say)
    elif args.command == "create-owner":
        admin.create_owner(engine, args.email, _password(args))
        _say(OwnerCreated(email=args.email))
    elif args.command == "create-store":
        store_id = admin.create_store(engine, args.owner, args.name, args.time_zone)
        print(store_id)
    elif args.command == "create-enrollment-code":
        print(admin.create_enrollment_code(engine, args.store, args.hours))
    elif args.command == "set-price":
        master_data.set_price(engine, args.store, args.item, args.price)
        _say(PriceSet(item=args.item, price=args.price))
    elif args.command == "revoke-device":
        admin.revoke_device(engine, args.device)
        _say(DeviceRevoked(device=args.device))
    elif args.command == "send-reminders":
        send_reminders(args, engine)
    elif args.command == "list-devices":
        for d in admin.list_devices(engine, args.store):
            state = f"{_word(REVOKED)} {d.revoked_at:%Y-%m-%d}" if d.revoked_at else _word(ACTIVE)
            _say(
                DeviceLine(
                    id=d.id,
                    store=d.store_name,
                    counter=d.counter,
                    hostname=d.hostname,
                    cursor=d.cursor,
                    state=state,
                )
            )


def main(argv: Sequence[str] | None = None) -> int:
    with argparse_in(language_from_env()):
        args = build_parser().parse_args(argv)
    url = database_url(args)
    if args.command == "backup":  # of the database as it is: not migrated, not even created
        return backup.back_up(url, args.file, _say)
    try:
        engine = create_server_engine(url)
        try:
            migrate_engine(engine)
            if args.command == "serve":
                engine.dispose()
                serve(args, url)
            elif args.command == "migrate":
                _say(SchemaCurrent())
            else:
                run(args, engine)
        finally:
            engine.dispose()
    except admin.AdminError as error:
        _say(CommandRefused(reason=error), error=True)
        return 2
    except DBAPIError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        _say(DatabaseFailed(reason=reason), error=True)
        return 1
    except OSError as error:  # a data folder we cannot write
        _say(FolderFailed(path=error.filename or "", reason=os_reason(error)), error=True)
        return 1
    except ValueError as error:  # a malformed URL
        _say(CommandRefused(reason=error), error=True)
        return 1
    return 0


def _exit_on_sigterm(*_: Any) -> None:
    raise SystemExit(143)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    sys.exit(main())
