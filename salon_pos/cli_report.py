"""`salon-pos report --kind K [--from D] [--to D] [--format table|csv|pdf] [--out FILE]`: the
same reports as the app's Reports page (services/reports.py), as a plain table on standard
output, or as CSV or PDF; `--kind commission [--staff NAME]` is the commission statement, as
the Commission page shows it (services/commission.py). The stock reports are kinds too
(`stock`, `stock-flow`, `consumption`, `expiring`, `slow-movers`); `--days N` is the N of
expiring within N days and of not sold for N days. A CSV goes to standard output unless
--out names a file; a PDF needs a file (without --out: <kind>-<from>-<to>.pdf in the current
folder).

Reports are for managers and owners; whoever can run this command on the counter can read its
database file anyway, so no PIN is asked (as `staff list` asks none)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from salon_pos.cli_staff import Say, find_member
from salon_pos.domain.errors import UserError
from salon_pos.services.backend import Backend
from salon_pos.services.reports import ReportKind
from sync.messages import Message, language_from_env


class NotADate(UserError):
    en = "{option}: “{text}” is not a date; write it as 2026-11-30."
    zh = "{option}：“{text}”不是日期，请写成 2026-11-30 这样的格式。"


class ReportWritten(Message):
    zh = "已写入：{path}"
    en = "Written: {path}"


COMMISSION = "commission"  # the commission statement (services/commission.py), not a sales report


def _date(option: str, text: str | None, default: date) -> date:
    if text is None:
        return default
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise NotADate(option=option, text=text) from None


def _cmd_report(backend: Backend, args: argparse.Namespace) -> int:
    # Imported here: reportlab loads only for a report, never before the app's first paint
    # (tests/cli/test_cold_start.py).
    from salon_pos.reports.csv_file import report_csv, write_csv
    from salon_pos.reports.pdf import write_pdf
    from salon_pos.reports.text_table import report_text

    language = language_from_env()
    today = backend.reports.business_today()
    first = _date("--from", args.first, today.replace(day=1))
    last = _date("--to", args.last, today)
    if args.kind == COMMISSION:
        staff_id = find_member(backend, args.staff).id if args.staff else None
        report = backend.commission.report(first, last, language, staff_id)
    else:
        kind = ReportKind(args.kind)
        report = backend.reports.build(kind, first, last, language, args.days)
    out = Path(args.out) if args.out else None
    if args.format == "pdf":
        out = out or Path(f"{args.kind}-{first.isoformat()}-{last.isoformat()}.pdf")
        write_pdf(report, out)
    elif args.format == "csv" and out is not None:
        write_csv(report, out)
    elif args.format == "csv":
        sys.stdout.write(report_csv(report).removeprefix("\ufeff"))  # a terminal wants no BOM
        return 0
    elif out is not None:
        out.write_text(report_text(report), encoding="utf-8")
    else:
        sys.stdout.write(report_text(report))
        return 0
    print(ReportWritten(path=out).text(language))
    return 0


def add_report_command(commands: argparse._SubParsersAction, say: Say) -> None:  # type: ignore[type-arg]
    report = commands.add_parser(
        "report", help=say("营业报表（店长、老板）", "the reports (for managers and owners)")
    )
    report.add_argument(
        "--kind",
        required=True,
        choices=[*(kind.value for kind in ReportKind), COMMISSION],
        help=say(
            "day 按日，week 按周，month 按月，service 服务项目，category 类别，technician 技师，"
            "top 畅销排行，margin 商品毛利，customers 客户分析，staff 员工业绩，"
            "commission 提成明细，stock 库存金额，stock-flow 进销存明细，consumption 耗材用量，"
            "expiring 临期库存，slow-movers 滞销商品",
            "day, week, month, service, category, technician, top (sellers), margin "
            "(products), customers, staff (performance), commission (statement), stock (on "
            "hand and value), stock-flow (in and out by product), consumption (consumables "
            "used), expiring, slow-movers",
        ),
    )
    report.add_argument(
        "--days", type=int, metavar="N",
        help=say(
            "expiring：N 天内到期（默认 30）；slow-movers：N 天以上未售出（默认 60）",
            "expiring: within N days (default 30); slow-movers: not sold for N days (60)",
        ),
    )  # fmt: skip
    report.add_argument(
        "--staff", metavar="NAME",
        help=say("提成明细只列此员工（姓名或 id）", "commission: only this member (name or id)"),
    )  # fmt: skip
    report.add_argument(
        "--from", dest="first", metavar="YYYY-MM-DD",
        help=say("第一个营业日（默认：本月 1 日）", "first business day (default: the 1st)"),
    )  # fmt: skip
    report.add_argument(
        "--to", dest="last", metavar="YYYY-MM-DD",
        help=say("最后一个营业日（默认：今天）", "last business day (default: today)"),
    )  # fmt: skip
    report.add_argument("--format", choices=["table", "csv", "pdf"], default="table")
    report.add_argument(
        "--out", metavar="FILE", help=say("写入文件（默认：标准输出）", "write to FILE")
    )
    report.set_defaults(handler=_cmd_report)
