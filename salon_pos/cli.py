"""The `salon-pos` command: set up a counter, load demo data, import CSV files, enroll with the
sync server and sync once, start the app.

It speaks the language of SALON_POS_LANG (Chinese by default), argparse's own words included.
Arguments are checked before anything is created; a problem the user can fix is one sentence
on stderr (exit 2); a bug is logged with its traceback and the user is told where the log is
(exit 1); nothing ends in a raw traceback or a silent exit."""

from __future__ import annotations

import argparse
import logging
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from salon_pos.cli_text import (
    NOT_WRITABLE,
    STORE_NAME,
    AlreadySetUp,
    CounterReady,
    DatabaseReadOnly,
    DataFolderUnavailable,
    DemoNotLoaded,
    Enrolled,
    Interrupted,
    PendingNotEnrolled,
    ProgramError,
    StillPending,
    SyncBusy,
    SyncDone,
)
from salon_pos.domain.errors import RequiredField, UserError
from salon_pos.logs import configure_logging, report_bug
from salon_pos.paths import Paths, resolve_paths
from salon_pos.services.backend import Backend, open_backend
from salon_pos.services.settings import CounterPrefixFixed, StoreSettings
from sync.command_line import argparse_in
from sync.messages import Both, Message, language_from_env, os_reason

log = logging.getLogger(__name__)


def _language() -> str:
    return language_from_env()


def _say(message: Message, error: bool = False) -> None:
    print(message.text(_language()), file=sys.stderr if error else sys.stdout)


def _check_init(args: argparse.Namespace) -> None:
    """Before the data folder or database is created: the settings `init` would store."""
    if not args.store_name.strip():
        raise RequiredField(field=STORE_NAME)
    StoreSettings(
        "-",
        args.counter.strip().upper(),
        args.store_name.strip(),
        time_zone=args.time_zone,
        cutover_hour=args.cutover_hour,
    ).validate()


def _cmd_init(backend: Backend, args: argparse.Namespace) -> int:
    prefix = args.counter.strip().upper()
    if backend.settings.is_initialised():  # never undo the Settings a manager changed since
        current = backend.settings.current
        if current.counter_prefix != prefix:
            raise CounterPrefixFixed(current=current.counter_prefix)
        _say(AlreadySetUp(store=current.store_name, counter=current.counter_prefix))
        return 0
    settings = backend.settings.initialise(
        args.store_name.strip(), prefix, time_zone=args.time_zone, cutover_hour=args.cutover_hour
    )
    _say(
        CounterReady(
            store=settings.store_name,
            counter=settings.counter_prefix,
            device=settings.device_id,
            folder=backend.db.path.parent,
        )
    )
    return 0


def _cmd_demo(backend: Backend, args: argparse.Namespace) -> int:
    from salon_pos.services.demo import load_demo_data

    if args.if_new and backend.settings.is_initialised() and backend.staff.list():
        _say(DemoNotLoaded(store=backend.settings.current.store_name))
        return 0
    summary = load_demo_data(backend, customers=args.customers, days=args.days, seed=args.seed)
    print(summary.describe(_language()))
    return 0


def _cmd_import(backend: Backend, args: argparse.Namespace) -> int:
    from salon_pos.cli_import import run_import

    return run_import(backend, args.what, Path(args.file), _language())


def _cmd_enroll(backend: Backend, args: argparse.Namespace) -> int:
    from salon_pos.security.device_token import DeviceTokens
    from salon_pos.services.sync_enrollment import EnrollmentService

    service = EnrollmentService(backend.db, backend.settings, backend.clock)
    enrolled = service.enroll(args.server, args.code, DeviceTokens(), timeout=args.timeout)
    _say(
        Enrolled(
            store=enrolled.store_name,
            store_id=enrolled.store_id,
            device=enrolled.device_id,
            server=enrolled.server_url,
        )
    )
    return 0


def _cmd_sync(backend: Backend, args: argparse.Namespace) -> int:
    from salon_pos.jobs.sync import sync_round

    paths = resolve_paths(backend.db.path.parent)
    report = sync_round(backend, paths, timeout=args.timeout)
    if report.busy:
        _say(SyncBusy())
        return 0
    if not report.enrolled:
        _say(PendingNotEnrolled(pending=report.pending))
    elif report.online or report.pushed or report.pulled:  # else nothing was sent: no zeros
        _say(
            SyncDone(
                pushed=report.pushed,
                applied=report.applied,
                duplicates=report.duplicates,
                flagged=report.flagged,
                rejected=report.rejected,
                pulled=report.pulled,
            )
        )
    if report.enrolled:
        _say(StillPending(pending=report.pending))
    if report.error:
        print(report.error, file=sys.stderr)
    return 0 if report.online else 1


def _cmd_gui(backend: Backend, args: argparse.Namespace) -> int:
    from salon_pos.app import run_gui

    return int(run_gui(backend, args))  # a screenshot needs staff: ui/screenshots.demo_user


def build_parser(language: str | None = None) -> argparse.ArgumentParser:
    """The parser; build and use it inside `argparse_in(language)` for argparse's own words."""
    language = language or _language()

    def say(zh: str, en: str) -> str:
        return Both(zh, en).text(language)

    parser = argparse.ArgumentParser(prog="salon-pos", description="Salon POS 美业收银系统")
    parser.add_argument(
        "--home",
        help=say("数据目录（默认：$SALON_POS_HOME）", "data folder (default: $SALON_POS_HOME)"),
    )
    commands = parser.add_subparsers(dest="command", required=True)

    init = commands.add_parser("init", help=say("首次设置本收银台", "set up this counter"))
    init.add_argument("--store-name", required=True, help=say("门店名称", "the store's name"))
    init.add_argument(
        "--counter",
        required=True,
        help=say(
            "本收银台的单号前缀，店内唯一（如 A1）",
            "this counter's ticket prefix, unique in the store (A1)",
        ),
    )
    init.add_argument("--time-zone", default="Asia/Shanghai", help=say("时区", "time zone"))
    init.add_argument(
        "--cutover-hour",
        type=int,
        default=4,
        help=say("营业日从几点开始", "hour the business day starts"),
    )
    init.set_defaults(handler=_cmd_init, check=_check_init)

    demo = commands.add_parser(
        "demo-data",
        help=say("载入一个逼真的演示门店", "fill the database with a realistic demo salon"),
    )
    demo.add_argument("--customers", type=int, default=200)
    demo.add_argument(
        "--days", type=int, default=21, help=say("过去几天的单据", "days of past tickets")
    )
    demo.add_argument("--seed", type=int, default=8)
    demo.add_argument(
        "--if-new",
        action="store_true",
        help=say(
            "只在尚无员工的新收银台上载入（make run 使用）",
            "load only into a counter with no staff yet (as `make run` does)",
        ),
    )
    demo.set_defaults(handler=_cmd_demo)

    importing = commands.add_parser(
        "import",
        help="import customers or the catalog from CSV; Ctrl-C stops between batches, "
        "and the same command again continues",
    )
    importing.add_argument("what", choices=["customers", "catalog"])
    importing.add_argument("file")
    importing.set_defaults(handler=_cmd_import)

    enroll = commands.add_parser(
        "enroll",
        help=say("把本收银台注册到同步服务器", "register this counter with the sync server"),
    )
    enroll.add_argument(
        "--server", required=True, help=say("同步服务器地址", "the sync server's URL")
    )
    enroll.add_argument(
        "--code", required=True, help=say("一次性注册码", "the one-time enrollment code")
    )
    enroll.add_argument(
        "--timeout", type=float, default=10.0, help=say("等待秒数", "seconds to wait")
    )
    enroll.set_defaults(handler=_cmd_enroll)

    sync = commands.add_parser(
        "sync",
        help=say("上传待上传的数据并下载变更一次", "send what is pending and fetch changes once"),
    )
    sync.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        help=say("每个请求的等待秒数", "seconds to wait per request"),
    )
    sync.set_defaults(handler=_cmd_sync)

    from salon_pos.cli_catalog import add_catalog_commands
    from salon_pos.cli_staff import add_staff_commands

    add_staff_commands(commands, say)
    add_catalog_commands(commands, say)

    gui = commands.add_parser("gui", help=say("启动收银程序", "start the cashier app"))
    gui.add_argument(
        "--screenshot",
        help=say(
            "用演示数据截取一个界面的 PNG 后退出", "save a PNG of a screen with demo data and exit"
        ),
    )
    gui.add_argument(
        "--screen",
        default="cashier",
        choices=[
            "signin",
            "cashier",
            "payment",
            "tickets",
            "customers",
            "settings",
            "conflicts",
            "staff",
            "catalog",
        ],
    )
    gui.add_argument(
        "--language",
        choices=["zh_CN", "en"],
        help=say("界面语言（默认：按设置）", "default: from the settings"),
    )
    gui.set_defaults(handler=_cmd_gui)
    return parser


def _open_data_folder(home: str | None) -> Paths:
    """The data folder, made if needed, with the log going there; a folder or database the
    user cannot write is their problem to fix, said in one sentence (no traceback)."""
    paths = resolve_paths(home)
    try:
        paths.ensure()
        configure_logging(paths)
    except OSError as error:
        folder = error.filename or paths.home
        raise DataFolderUnavailable(folder=folder, reason=os_reason(error)) from error
    database = paths.database
    if not os.access(paths.home, os.W_OK):
        raise DataFolderUnavailable(folder=paths.home, reason=NOT_WRITABLE)
    if database.exists() and not os.access(database, os.W_OK):
        raise DatabaseReadOnly(path=database, reason=NOT_WRITABLE)
    return paths


def _read_only(error: BaseException) -> bool:
    """Whether SQLite refused to write (a file or folder made read-only after the start)."""
    while error is not None:
        if isinstance(error, sqlite3.OperationalError) and "readonly" in str(error):
            return True
        error = error.__cause__ or error.__context__  # type: ignore[assignment]
    return False


def _run(
    handler: Callable[[Backend, argparse.Namespace], int], args: argparse.Namespace, paths: Paths
) -> int:
    backend = open_backend(paths)
    try:
        return handler(backend, args)
    finally:
        backend.close()


def main(argv: Sequence[str] | None = None) -> int:
    language = _language()
    with argparse_in(language):
        args = build_parser(language).parse_args(argv)
    try:
        if check := getattr(args, "check", None):
            check(args)
        paths = _open_data_folder(args.home)
    except UserError as error:
        _say(error, error=True)
        return 2
    try:
        return _run(args.handler, args, paths)
    except UserError as error:
        _say(error, error=True)
        return 2
    except KeyboardInterrupt:
        _say(Interrupted(), error=True)
        return 130
    except Exception as error:
        if _read_only(error):
            log.warning("salon-pos %s: the database is read-only", args.command)
            _say(DatabaseReadOnly(path=paths.database, reason=NOT_WRITABLE), error=True)
            return 2
        report_bug(error, f"salon-pos {args.command}")
        _say(ProgramError(log=paths.log_file), error=True)
        return 1


if __name__ == "__main__":
    sys.exit(main())
