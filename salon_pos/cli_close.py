"""`salon-pos close-day`: the end-of-day close from the command line, with the same figures and
checks as the close screen. Without --close it shows the day (a preview, or the day as it was
closed); with --close a manager's PIN (asked without echo, or the first line of standard input
with --pin-stdin) closes it. While operations still wait to reach the server or a counter of
the store has not been heard from since the day began, --close also needs --anyway."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from datetime import date

from salon_pos.domain.backups import CLOSE
from salon_pos.domain.errors import UserError
from salon_pos.services.backend import Backend
from salon_pos.services.day_close import CloseCheck
from sync.messages import Both, Message, language_from_env

Say = Callable[[str, str], str]


class NotADay(UserError):
    en = "“{text}” is not a day: write it like 2026-11-20."
    zh = "“{text}”不是日期，请写成 2026-11-20 这样的格式。"


class ChecksNotClear(UserError):
    en = "Not closed: see the checks above. Add --anyway to close all the same."
    zh = "未日结：请先看上面的检查结果。确认仍要日结，请加 --anyway。"


class Waiting(Message):
    zh = "本收银台还有 {count} 条数据未上传到服务器（最早 {oldest}）。"
    en = "{count} operations of this counter have not reached the server yet (oldest {oldest})."


class Unheard(Message):
    zh = "收银台 {counter} 自营业日开始后没有联系过服务器（最后一次：{last}）。"
    en = "Counter {counter} has not been heard from since the day began (last: {last})."


class CountersUnknown(Message):
    zh = "还不知道本店有哪些收银台（尚未与服务器同步），无法检查其他收银台。"
    en = "The store's counters are not known yet (not synced with a server): not checked."


class AllClear(Message):
    zh = "检查通过：没有待上传的数据，所有收银台今天都联系过服务器。"
    en = "Checks passed: nothing waits to be sent, and every counter was heard from today."


class BackedUp(Message):
    zh = "已备份：{path}"
    en = "Backed up: {path}"


class Closed(Message):
    zh = "营业日 {day} 已日结。"
    en = "Business day {day} is closed."


def _language() -> str:
    return language_from_env()


def _day(text: str | None, backend: Backend) -> date:
    if text is None:
        return backend.day_close.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise NotADay(text=text) from None


def _check_lines(check: CloseCheck, enrolled: bool) -> list[Message]:
    never = Both("从未", "never").text(_language())
    lines: list[Message] = []
    if check.waiting:
        oldest = check.oldest_waiting.isoformat(timespec="minutes") if check.oldest_waiting else ""
        lines.append(Waiting(count=check.waiting, oldest=oldest))
    for counter in check.unheard:
        last = (
            counter.last_heard_at.isoformat(timespec="minutes") if counter.last_heard_at else never
        )
        lines.append(Unheard(counter=counter.counter, last=last))
    if enrolled and not check.counters_known:
        lines.append(CountersUnknown())
    return lines or [AllClear()]


def _cmd_close_day(backend: Backend, args: argparse.Namespace) -> int:
    from salon_pos.devices.z_report import render_z

    day = _day(args.day, backend)
    view = backend.day_close.view(day)
    language = _language()
    for row in render_z(backend.day_close.z_report(day), 80):
        print(row.rstrip())
    if view.closed is None:
        for line in _check_lines(view.check, backend.sync.enrollment() is not None):
            print(line.text(language))
    if args.close and view.closed is None:
        if not view.check.clear and not args.anyway:
            raise ChecksNotClear()
        pin = (
            sys.stdin.readline().strip()
            if args.pin_stdin
            else getpass.getpass(
                Both("店长或老板的 PIN：", "A manager's or owner's PIN: ").text(language)
            )
        )
        backend.day_close.close_with_pin(day, pin, args.note or "")
        print(Closed(day=day.isoformat()).text(language))
        backed_up = backend.backups.back_up(CLOSE)  # after each close (docs/backups.md)
        print(BackedUp(path=backed_up.backup.path).text(language))
    if args.print:
        outcome = backend.day_close.print_z(day)
        if outcome.problem is not None:
            print(outcome.problem.text(language), file=sys.stderr)
            return 1
    return 0


def add_close_commands(commands: argparse._SubParsersAction, say: Say) -> None:  # type: ignore[type-arg]
    close = commands.add_parser(
        "close-day",
        help=say(
            "日结：查看当天数据与检查，加 --close 日结",
            "the end-of-day close: see the day, --close",
        ),
    )
    close.add_argument("--day", help=say("营业日（默认：今天）", "business day (default: today)"))
    close.add_argument("--close", action="store_true", help=say("日结（需店长 PIN）", "close it"))
    close.add_argument(
        "--anyway",
        action="store_true",
        help=say("检查未通过也日结", "close even if the checks did not pass"),
    )
    close.add_argument("--note", help=say("日结备注", "a note kept with the close"))
    close.add_argument("--print", action="store_true", help=say("打印日结单", "print the Z slip"))
    close.add_argument(
        "--pin-stdin",
        action="store_true",
        help=say("从标准输入第一行读取 PIN", "read the PIN from standard input's first line"),
    )
    close.set_defaults(handler=_cmd_close_day)
