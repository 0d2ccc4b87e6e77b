"""The `salon-pos` command: set up a counter, load demo data, import CSV files, enroll with the
sync server and sync once, start the app.

It speaks the language of SALON_POS_LANG (Chinese by default), argparse's own words included.
Arguments are checked before anything is created; a problem the user can fix is one sentence
on stderr (exit 2); a bug is logged with its traceback and the user is told where the log is
(exit 1); nothing ends in a raw traceback or a silent exit."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sqlite3
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from salon_pos.cli_text import (
    NOT_WRITABLE,
    AlreadySetUp,
    CounterReady,
    DatabaseReadOnly,
    DataFolderUnavailable,
    DemoNotLoaded,
    Enrolled,
    Interrupted,
    Joined,
    JoinNeedsCode,
    ManagerAdded,
    NewOrJoin,
    NoManagerWhenJoining,
    NotBoth,
    PendingNotEnrolled,
    PinNeeded,
    PinWithoutManager,
    ProgramError,
    Pulling,
    StillPending,
    SyncBusy,
    SyncDone,
)
from salon_pos.domain.errors import UserError
from salon_pos.folder_lock import in_use
from salon_pos.logs import configure_logging, report_bug
from salon_pos.paths import Paths, resolve_paths
from salon_pos.services.backend import Backend, open_backend
from salon_pos.services.settings import CounterPrefixFixed
from sync.command_line import argparse_in
from sync.messages import Both, Message, language_from_env, os_reason

if TYPE_CHECKING:
    from salon_pos.services.first_run import NewStore
    from salon_pos.services.sync_enrollment import EnrolledCounter
    from sync.pull import PullProgress

log = logging.getLogger(__name__)


def _language() -> str:
    return language_from_env()


def _say(message: Message, error: bool = False) -> None:
    print(message.text(_language()), file=sys.stderr if error else sys.stdout)


def _check_init(args: argparse.Namespace) -> None:
    """Before the data folder or database is created: the settings `init` would store, and the
    first manager's PIN (read here, from stdin or a prompt: never from the command line)."""
    from salon_pos.services.first_run import FirstManager, JoinRequest

    if args.store_name is None and args.join is None:
        raise NewOrJoin()
    if args.store_name is not None and args.join is not None:
        raise NotBoth()
    if (args.join is None) != (args.code is None):
        raise JoinNeedsCode()
    args.manager = None
    if args.join is not None:
        if args.manager_name is not None:
            raise NoManagerWhenJoining()
        JoinRequest(args.join, args.code, args.counter, _language()).check()
        return
    _new_store(args).check()
    if args.manager_pin_stdin and args.manager_name is None:
        raise PinWithoutManager()
    if args.manager_name is not None:
        args.manager = FirstManager(args.manager_name.strip(), _manager_pin(args.manager_pin_stdin))
        args.manager.check()


def _manager_pin(from_stdin: bool) -> str:
    """The PIN from the first line of stdin, or typed twice at a prompt (not echoed)."""
    from salon_pos.services.first_run import PinsDiffer

    if from_stdin:
        return sys.stdin.readline().strip()
    if not sys.stdin.isatty():
        raise PinNeeded()
    first = getpass.getpass(Both("店长 PIN：", "Manager's PIN: ").text(_language()))
    again = getpass.getpass(Both("再次输入 PIN：", "PIN again: ").text(_language()))
    if first != again:
        raise PinsDiffer()
    return first.strip()


def _new_store(args: argparse.Namespace) -> NewStore:
    from salon_pos.services.first_run import NewStore

    return NewStore(
        args.store_name.strip(),
        args.counter.strip().upper(),
        time_zone=args.time_zone,
        cutover_hour=args.cutover_hour,
        language=_language(),
    )


def _cmd_init(backend: Backend, args: argparse.Namespace) -> int:
    from salon_pos.services.first_run import FirstRun, add_first_manager, create_store, first_run

    if args.join is not None:
        return _join(backend, args)
    prefix = args.counter.strip().upper()
    if first_run(backend) is not FirstRun.CHOOSE:  # never undo what a manager changed since
        current = backend.settings.current
        if current.counter_prefix != prefix:
            raise CounterPrefixFixed(current=current.counter_prefix)
        if args.manager is None:
            _say(AlreadySetUp(store=current.store_name, counter=current.counter_prefix))
        else:
            _say(ManagerAdded(name=add_first_manager(backend, args.manager).name))
        return 0
    manager = create_store(backend, _new_store(args), args.manager)
    settings = backend.settings.current
    _say(
        CounterReady(
            store=settings.store_name,
            counter=settings.counter_prefix,
            device=settings.device_id,
            folder=backend.db.path.parent,
        )
    )
    if manager is not None:
        _say(ManagerAdded(name=manager.name))
    return 0


def _join(backend: Backend, args: argparse.Namespace) -> int:
    """Enroll with the code, then pull the store's data with its progress on stderr."""
    from salon_pos.jobs.first_pull import first_pull
    from salon_pos.security.device_token import DeviceTokens
    from salon_pos.services.first_run import JoinRequest, enroll_counter

    tokens = DeviceTokens()
    request = JoinRequest(args.join, args.code, args.counter, _language())
    enrolled = enroll_counter(backend, request, tokens, timeout=args.timeout)
    _say_enrolled(enrolled)
    pulled = first_pull(
        backend, _show_pulling, threading.Event(), tokens=tokens, timeout=args.timeout
    )
    if sys.stderr.isatty():
        print(file=sys.stderr)  # after the line rewritten in place
    held = pulled.held
    _say(
        Joined(
            store=enrolled.store_name,
            counter=backend.settings.current.counter_prefix,
            pulled=pulled.pulled,
            staff=held.staff,
            items=held.catalog_items,
            customers=held.customers,
        )
    )
    return 0


def _show_pulling(progress: PullProgress) -> None:
    line = Pulling(pulled=f"{progress.pulled:,}", total=f"{progress.total:,}").text(_language())
    if sys.stderr.isatty():
        print(f"\r{line}", end="", file=sys.stderr, flush=True)
    else:
        print(line, file=sys.stderr, flush=True)


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
    _say_enrolled(enrolled)
    return 0


def _say_enrolled(enrolled: EnrolledCounter) -> None:
    _say(
        Enrolled(
            store=enrolled.store_name,
            store_id=enrolled.store_id,
            device=enrolled.device_id,
            server=enrolled.server_url,
        )
    )


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


def window_size(text: str) -> tuple[int, int]:
    """ "1024x768" → (1024, 768): the window of a screenshot."""
    width, _, height = text.lower().replace("×", "x").partition("x")
    if not (width.isdigit() and height.isdigit() and int(width) > 0 and int(height) > 0):
        words = Both("窗口大小请写成 1024x768 这样", "write the size like 1024x768")
        raise argparse.ArgumentTypeError(words.text(language_from_env()))
    return int(width), int(height)


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
    init.add_argument("--store-name", help=say("新门店的名称", "a new store's name (or --join)"))
    init.add_argument(
        "--counter",
        required=True,
        help=say(
            "本收银台的单号前缀，店内唯一（如 A1）",
            "this counter's ticket prefix, unique in the store (A1)",
        ),
    )
    init.add_argument(
        "--manager-name", help=say("新门店第一位店长的姓名", "the new store's first manager")
    )
    init.add_argument(
        "--manager-pin-stdin",
        action="store_true",
        help=say(
            "从标准输入第一行读取店长 PIN（否则提示输入）",
            "read the manager's PIN from stdin's first line (else a prompt)",
        ),
    )
    init.add_argument(
        "--join",
        metavar="URL",
        help=say("加入门店：同步服务器地址", "join a store: the sync server's URL"),
    )
    init.add_argument("--code", help=say("加入门店的一次性注册码", "the one-time enrollment code"))
    init.add_argument(
        "--timeout", type=float, default=30.0, help=say("每个请求的等待秒数", "seconds to wait")
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

    from salon_pos.cli_backup import add_backup_commands
    from salon_pos.cli_catalog import add_catalog_commands
    from salon_pos.cli_close import add_close_commands
    from salon_pos.cli_report import add_report_command
    from salon_pos.cli_staff import add_staff_commands

    add_staff_commands(commands, say)
    add_catalog_commands(commands, say)
    add_report_command(commands, say)
    add_close_commands(commands, say)
    add_backup_commands(commands, say)

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
            "bookings",
            "payment",
            "tickets",
            "customers",
            "settings",
            "conflicts",
            "staff",
            "catalog",
            "members",
            "reports",
            "day_close",
            "commission",
            "stock",
            "stock_receive",
            "stock_expiring",
            "stock_order",
            "stock_stocktake",
            "stock_stocktake_desk",
            "stock_orders",
            "stock_transfers",
        ],
    )
    gui.add_argument(
        "--size",
        type=window_size,
        help=say("截图的窗口大小，如 1024x768", "the screenshot's window size, such as 1024x768"),
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


def _run(args: argparse.Namespace, paths: Paths) -> int:
    """The command over the data folder, which it holds as in use meanwhile (folder_lock: a
    restore waits for it); `restore` itself opens no database and holds the folder alone."""
    without_backend: Callable[[Paths, argparse.Namespace], int] | None = getattr(
        args, "without_backend", None
    )
    if without_backend is not None:
        return without_backend(paths, args)
    handler: Callable[[Backend, argparse.Namespace], int] = args.handler
    with in_use(paths.home):
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
        return _run(args, paths)
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
