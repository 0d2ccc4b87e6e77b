"""Commission statements (提成): each technician's commission over a period of business days
(a month by default) under the store's rules — the lines they had a part in, each line's base,
rate and commission, and what refunds and voids took back in the period — read in one short
transaction and computed by the domain (salon_pos.domain.commission_figures). The statement is
also a salon_pos.reports.Report, so the screen, the command line, the PDF and the CSV show the
same figures (services/commission_report.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from salon_pos.domain.commission import CommissionRule, CommissionRules
from salon_pos.domain.commission_figures import (
    CommissionMove,
    by_technician,
    commission_moves,
)
from salon_pos.domain.report_periods import Period, Preset, preset_period
from salon_pos.domain.sales_figures import SoldLine
from salon_pos.domain.ticket import LineKind
from salon_pos.reports.model import Report
from salon_pos.services.commission_data import read_commission_facts, staff_roles
from salon_pos.services.counter import CounterService
from salon_pos.services.report_data import StoreTime


@dataclass(frozen=True)
class CommissionLine:
    """A technician's part of one line on one business day: sold (+) or taken back (−)."""

    day: date
    ticket: str  # its number
    item: str
    kind: LineKind
    category: str
    requested: bool  # 点钟
    share: int  # basis points of the line
    cause: str  # sale / refund / void
    net: int  # fen, signed: their part of the line's money
    base: int  # fen, signed
    rule: CommissionRule | None  # None: no rule applies (it earns nothing)
    commission: int  # fen, signed


@dataclass(frozen=True)
class TechnicianStatement:
    staff_id: str
    name: str
    lines: tuple[CommissionLine, ...]
    sold: int  # lines sold in the period they had a part in
    net: int  # their part of those lines' money, less what was taken back
    base: int
    earned: int
    taken_back: int  # by refunds and voids in the period (positive)
    total: int  # earned − taken back


@dataclass(frozen=True)
class CommissionStatement:
    first: date
    last: date
    rules: CommissionRules
    technicians: tuple[TechnicianStatement, ...]  # by name

    @property
    def total(self) -> int:
        return sum(t.total for t in self.technicians)


def _line(move: CommissionMove, numbers: dict[str, str]) -> CommissionLine:
    sold: SoldLine = move.line
    return CommissionLine(
        move.day, numbers.get(sold.ticket_id, ""), sold.name, sold.kind, sold.category,
        sold.requested, move.share, move.cause, move.net, move.base, move.rule, move.commission,
    )  # fmt: skip


class CommissionService(CounterService):
    def business_today(self) -> date:
        settings = self._settings.current
        return StoreTime(settings.time_zone, settings.cutover_hour).day_of(self._clock.now())

    def this_month(self) -> Period:
        return preset_period(Preset.THIS_MONTH, self.business_today())

    def statement(
        self, first: date, last: date, staff_id: str | None = None
    ) -> CommissionStatement:
        """The commission of the business days first..last: everyone's, or one staff
        member's (a technician sees only their own). Active technicians with nothing in the
        period are listed too, with nothing."""
        period = Period(first, last).check()
        rules = self._settings.current.commission()
        with self._db.read() as session:
            facts = read_commission_facts(session, period)
            people = staff_roles(session)
        found = by_technician(commission_moves(facts, rules), period.first, period.last)
        wanted = set(found) | {
            sid for sid, (_, role, active) in people.items() if role == "technician" and active
        }
        if staff_id is not None:
            wanted = {staff_id}
        statements = []
        for sid in wanted:
            figures = found.get(sid)
            moves = figures.moves if figures else ()
            lines = tuple(_line(m, facts.numbers) for m in moves)
            statements.append(
                TechnicianStatement(
                    sid, people.get(sid, ("?", "", False))[0], lines,
                    figures.lines if figures else 0, figures.net if figures else 0,
                    figures.base if figures else 0,
                    figures.earned if figures else 0, figures.taken_back if figures else 0,
                    figures.total if figures else 0,
                )
            )  # fmt: skip
        statements.sort(key=lambda s: (s.name, s.staff_id))
        return CommissionStatement(period.first, period.last, rules, tuple(statements))

    def report(
        self, first: date, last: date, language: str = "zh_CN", staff_id: str | None = None
    ) -> Report:
        """The statement as a report: a summary, then each technician's lines."""
        from salon_pos.services.commission_report import statement_report

        statement = self.statement(first, last, staff_id)
        settings = self._settings.current
        printed = self._clock.now().astimezone(ZoneInfo(settings.time_zone)).replace(tzinfo=None)
        return statement_report(statement, settings.store_name, printed, language)
