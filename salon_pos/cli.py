"""The `salon-pos` command: set up a counter, load demo data, import CSV files, start the app."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from salon_pos.domain.errors import DEFAULT_LANGUAGE, UserError
from salon_pos.logs import configure_logging
from salon_pos.paths import resolve_paths
from salon_pos.services.backend import Backend, open_backend


def _language() -> str:
    return os.environ.get("SALON_POS_LANG", DEFAULT_LANGUAGE)


def _cmd_init(backend: Backend, args: argparse.Namespace) -> int:
    settings = backend.settings.initialise(
        args.store_name, args.counter, time_zone=args.time_zone, cutover_hour=args.cutover_hour
    )
    print(f"门店 {settings.store_name}：收银台 {settings.counter_prefix}")
    print(f"设备 device: {settings.device_id}")
    print(f"数据目录 data folder: {backend.db.path.parent}")
    return 0


def _cmd_demo(backend: Backend, args: argparse.Namespace) -> int:
    from salon_pos.services.demo import load_demo_data

    summary = load_demo_data(backend, customers=args.customers, days=args.days, seed=args.seed)
    print(summary.describe())
    return 0


def _cmd_import(backend: Backend, args: argparse.Namespace) -> int:
    from salon_pos.services.importing import import_catalog, import_customers

    importer = import_customers if args.what == "customers" else import_catalog
    report = importer(backend, Path(args.file))
    print(report.describe(_language()))
    return 0 if not report.errors else 1


def _cmd_gui(backend: Backend, args: argparse.Namespace) -> int:
    from salon_pos.app import run_gui

    return int(run_gui(backend, args))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="salon-pos", description="Salon POS 美业收银系统")
    parser.add_argument("--home", help="data folder (default: $SALON_POS_HOME)")
    commands = parser.add_subparsers(dest="command", required=True)

    init = commands.add_parser("init", help="set up this counter (首次设置)")
    init.add_argument("--store-name", required=True)
    init.add_argument(
        "--counter", required=True, help="this counter's ticket prefix, unique in the store (A1)"
    )
    init.add_argument("--time-zone", default="Asia/Shanghai")
    init.add_argument("--cutover-hour", type=int, default=4, help="hour the business day starts")
    init.set_defaults(handler=_cmd_init)

    demo = commands.add_parser("demo-data", help="fill the database with a realistic demo salon")
    demo.add_argument("--customers", type=int, default=200)
    demo.add_argument("--days", type=int, default=21, help="days of past tickets")
    demo.add_argument("--seed", type=int, default=8)
    demo.set_defaults(handler=_cmd_demo)

    importing = commands.add_parser("import", help="import customers or the catalog from CSV")
    importing.add_argument("what", choices=["customers", "catalog"])
    importing.add_argument("file")
    importing.set_defaults(handler=_cmd_import)

    gui = commands.add_parser("gui", help="start the cashier app")
    gui.add_argument("--screenshot", help="save a PNG of a screen with demo data and exit")
    gui.add_argument(
        "--screen",
        default="cashier",
        choices=["signin", "cashier", "payment", "tickets", "customers", "settings"],
    )
    gui.add_argument("--language", choices=["zh_CN", "en"], help="default: from the settings")
    gui.set_defaults(handler=_cmd_gui)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Callable[[Backend, argparse.Namespace], int] = args.handler
    paths = resolve_paths(args.home).ensure()
    configure_logging(paths)
    backend = open_backend(paths)
    try:
        return handler(backend, args)
    except UserError as error:
        print(error.message(_language()), file=sys.stderr)
        return 2
    finally:
        backend.close()


if __name__ == "__main__":
    sys.exit(main())
