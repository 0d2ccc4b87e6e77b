"""`salon-sync-server`: run the central server and do the owner's chores from a shell."""

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

from sync.server import admin
from sync.server.config import ServerSettings, default_data_dir, sqlite_url
from sync.server.db import create_server_engine
from sync.server.migrate import migrate_engine


def _database_args(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--data", type=Path, help="data folder for the SQLite file server.db")
    where.add_argument("--database-url", help="e.g. postgresql+psycopg://user@host/db")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="salon-sync-server", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="migrate the database, then serve the sync API")
    _database_args(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--log-file", type=Path, help="JSON-lines log file (default: stderr)")
    serve.add_argument("--log-level", default="INFO")
    serve.add_argument("--no-deduplicate", action="store_true", help=argparse.SUPPRESS)
    _database_args(commands.add_parser("migrate", help="bring the database to the newest schema"))
    owner = commands.add_parser("create-owner", help="an owner account")
    _database_args(owner)
    owner.add_argument("--email", required=True)
    owner.add_argument("--password", help="read from the terminal or stdin when not given")
    store = commands.add_parser("create-store", help="a store (门店) of an owner")
    _database_args(store)
    store.add_argument("--owner", required=True, help="the owner's email")
    store.add_argument("--name", required=True)
    store.add_argument("--time-zone", default="Asia/Shanghai")
    code = commands.add_parser("create-enrollment-code", help="a one-time code for a counter PC")
    _database_args(code)
    code.add_argument("--store", required=True, help="store id")
    code.add_argument("--hours", type=float, default=24)
    price = commands.add_parser("set-price", help="change a catalog item's price (in fen)")
    _database_args(price)
    price.add_argument("--store", required=True)
    price.add_argument("--item", required=True)
    price.add_argument("--price", type=int, required=True, help="fen, e.g. 19800 for ¥198")
    revoke = commands.add_parser("revoke-device", help="refuse a device from now on")
    _database_args(revoke)
    revoke.add_argument("--device", required=True)
    devices = commands.add_parser("list-devices", help="enrolled devices and their cursors")
    _database_args(devices)
    devices.add_argument("--store", help="only this store's")
    return parser


def database_url(args: argparse.Namespace) -> str:
    if args.database_url:
        return str(args.database_url)
    return sqlite_url(args.data or default_data_dir())


def _password(args: argparse.Namespace) -> str:
    if args.password is not None:
        return str(args.password)
    if sys.stdin.isatty():
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Again: "):
            raise admin.AdminError("the passwords differ")
        return first
    return sys.stdin.readline().rstrip("\n")


def serve(args: argparse.Namespace, url: str) -> None:
    import uvicorn

    from sync.server.app import create_app
    from sync.server.logs import configure_logging

    settings = ServerSettings(
        database_url=url,
        deduplicate=not args.no_deduplicate,
        log_level=args.log_level,
        log_file=args.log_file,
    )
    configure_logging(settings.log_level, settings.log_file)
    app = create_app(settings)
    config = uvicorn.Config(app, host=args.host, port=args.port, log_config=None, access_log=False)
    # uvicorn handles SIGTERM and SIGINT itself: it stops accepting, finishes requests, exits.
    uvicorn.Server(config).run()
    app.state.engine.dispose()


def run(args: argparse.Namespace, engine: Engine) -> None:
    if args.command == "create-owner":
        admin.create_owner(engine, args.email, _password(args))
        print(f"owner {args.email} created")
    elif args.command == "create-store":
        store_id = admin.create_store(engine, args.owner, args.name, args.time_zone)
        print(store_id)
    elif args.command == "create-enrollment-code":
        print(admin.create_enrollment_code(engine, args.store, args.hours))
    elif args.command == "set-price":
        admin.set_price(engine, args.store, args.item, args.price)
        print(f"{args.item}: {args.price} fen")
    elif args.command == "revoke-device":
        admin.revoke_device(engine, args.device)
        print(f"device {args.device} revoked")
    elif args.command == "list-devices":
        for d in admin.list_devices(engine, args.store):
            state = f"revoked {d.revoked_at:%Y-%m-%d}" if d.revoked_at else "active"
            print(f"{d.id}  {d.store_name}  {d.counter}  {d.hostname}  cursor={d.cursor}  {state}")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    url = database_url(args)
    try:
        engine = create_server_engine(url)
        try:
            migrate_engine(engine)
            if args.command == "serve":
                engine.dispose()
                serve(args, url)
            elif args.command == "migrate":
                print("database is at the newest schema")
            else:
                run(args, engine)
        finally:
            engine.dispose()
    except admin.AdminError as error:
        print(f"salon-sync-server: {error}", file=sys.stderr)
        return 2
    except DBAPIError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        print(f"salon-sync-server: database error: {reason}", file=sys.stderr)
        return 1
    except (ValueError, OSError) as error:  # a malformed URL, a data folder we cannot write
        print(f"salon-sync-server: {error}", file=sys.stderr)
        return 1
    return 0


def _exit_on_sigterm(*_: Any) -> None:
    raise SystemExit(143)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    sys.exit(main())
