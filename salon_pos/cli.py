"""The `salon-pos` command: set up a counter, load demo data, import CSV files, enroll with the
sync server and sync once, start the app."""

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
    from salon_pos.cli_import import run_import

    return run_import(backend, args.what, Path(args.file), _language())


def _cmd_enroll(backend: Backend, args: argparse.Namespace) -> int:
    from salon_pos.security.device_token import DeviceTokens
    from salon_pos.services.sync_enrollment import EnrollmentService

    service = EnrollmentService(backend.db, backend.settings, backend.clock)
    enrolled = service.enroll(args.server, args.code, DeviceTokens(), timeout=args.timeout)
    print(f"已注册到门店 enrolled with store: {enrolled.store_name} ({enrolled.store_id})")
    print(f"设备 device: {enrolled.device_id}")
    print(f"服务器 server: {enrolled.server_url}")
    return 0


def _cmd_sync(backend: Backend, args: argparse.Namespace) -> int:
    from salon_pos.jobs.sync import sync_round

    paths = resolve_paths(backend.db.path.parent)
    report = sync_round(backend, paths, timeout=args.timeout)
    if report.busy:
        print("另一个同步正在进行，本次未发送 another sync is running; nothing sent")
        return 0
    print(
        f"上传 pushed: {report.pushed}（已应用 applied {report.applied}，"
        f"重复 duplicates {report.duplicates}，有冲突 flagged {report.flagged}，"
        f"拒收 rejected {report.rejected}）"
    )
    print(f"下载 pulled: {report.pulled}")
    print(f"待上传 pending: {report.pending}")
    if report.error:
        print(f"错误 error: {report.error}", file=sys.stderr)
    return 0 if report.online else 1


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

    importing = commands.add_parser(
        "import",
        help="import customers or the catalog from CSV; Ctrl-C stops between batches, "
        "and the same command again continues",
    )
    importing.add_argument("what", choices=["customers", "catalog"])
    importing.add_argument("file")
    importing.set_defaults(handler=_cmd_import)

    enroll = commands.add_parser("enroll", help="register this counter with the sync server (注册)")
    enroll.add_argument("--server", required=True, help="the sync server's URL")
    enroll.add_argument("--code", required=True, help="the one-time enrollment code")
    enroll.add_argument("--timeout", type=float, default=10.0, help="seconds to wait")
    enroll.set_defaults(handler=_cmd_enroll)

    sync = commands.add_parser("sync", help="send what is pending and fetch changes once (同步)")
    sync.add_argument("--timeout", type=float, default=10.0, help="seconds to wait per request")
    sync.set_defaults(handler=_cmd_sync)

    gui = commands.add_parser("gui", help="start the cashier app")
    gui.add_argument("--screenshot", help="save a PNG of a screen with demo data and exit")
    gui.add_argument(
        "--screen",
        default="cashier",
        choices=["signin", "cashier", "payment", "tickets", "customers", "settings", "conflicts"],
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
