"""The end-of-day close (日结) at a counter: the day's figures, the checks before closing (what
is still waiting to reach the server, which of the store's counters have not been heard from
since the day began), and the close itself, which locks the day and syncs.

After the close, what happens at this counter belongs to the next open business day
(`domain.day_close.trading_day`): a void or refund never changes a closed day."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, delete, func, insert, select

from salon_pos.db.audit import AuditRecord
from salon_pos.db.database import Database
from salon_pos.db.fast_insert import all_rows
from salon_pos.db.models import DayClose, OutboxOperation, Staff, StoreDevice
from salon_pos.devices.z_report import DrawerLine, ZReport
from salon_pos.domain.business_day import day_start
from salon_pos.domain.clock import Clock
from salon_pos.domain.day_close import (
    Calendar,
    DayFigures,
    figures_json,
    figures_of_json,
    trading_day,
)
from salon_pos.domain.errors import Both, UnknownStaff, UserError
from salon_pos.domain.ids import new_id
from salon_pos.domain.staff import Role
from salon_pos.services.counter import CounterService
from salon_pos.services.day_facts import closes, read_day
from salon_pos.services.drawer import DrawerService
from salon_pos.services.drawer_figures import OutsideCash
from salon_pos.services.receipts import NoPrinterSetUp, PrinterFactory, PrintOutcome, printer_for
from salon_pos.services.settings import SettingsService, StoreSettings
from salon_pos.services.staff import approve


class DayAlreadyClosed(UserError):
    en = "Business day {day} was closed at {at}; it cannot be closed again."
    zh = "营业日 {day} 已于 {at} 日结，不能重复日结。"


class DayNotBegun(UserError):
    en = "Business day {day} has not begun yet; only a day that has begun can be closed."
    zh = "营业日 {day} 尚未开始，只能日结已经开始的营业日。"


class CloseNeedsManager(UserError):
    en = "Only a manager or the owner may close the day."
    zh = "只有店长或老板可以日结。"


@dataclass(frozen=True)
class UnheardCounter:
    counter: str  # its prefix, e.g. B1
    last_heard_at: datetime | None  # None: never


@dataclass(frozen=True)
class CloseCheck:
    """What the manager should know before closing: this counter's operations still waiting
    to reach the server, and the store's other counters not heard from since the day began."""

    waiting: int
    oldest_waiting: datetime | None
    unheard: tuple[UnheardCounter, ...]
    counters_known: bool  # the server has told this counter which counters the store has

    @property
    def clear(self) -> bool:
        return not self.waiting and not self.unheard


@dataclass(frozen=True)
class ClosedDay:
    id: str
    business_day: date
    closed_at: datetime
    closed_by: str
    closed_by_name: str
    device_id: str
    figures: DayFigures
    note: str


@dataclass(frozen=True)
class DayView:
    figures: DayFigures
    check: CloseCheck
    closed: ClosedDay | None
    drawers: tuple[DrawerLine, ...] = ()  # the store's drawer sessions of the day (交班)
    outside: OutsideCash = field(default_factory=OutsideCash)  # this counter's, no session open


def calendar_of(connection: Connection, settings: StoreSettings, since: date) -> Calendar:
    return Calendar(settings.time_zone, settings.cutover_hour, closes(connection, since))


# The latest closes: enough for today's lock (no day after today can be closed). Built once
# and read through the driver's cursor: every sale reads it (docs/adr/0003-write-path.md).
_LATEST_CLOSES = (
    select(DayClose.business_day, DayClose.closed_at)
    .order_by(DayClose.business_day.desc())
    .limit(7)
)


def trading_day_now(connection: Connection, settings: StoreSettings, now: datetime) -> date:
    """The business day what happens now belongs to: the next open day once today is closed."""
    closed = {_as_day(day): _as_utc(at) for day, at in all_rows(connection, _LATEST_CLOSES)}
    return trading_day(now, settings.time_zone, settings.cutover_hour, closed)


def _as_day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _as_utc(value: object) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class DayCloseService(CounterService):
    def __init__(
        self,
        db: Database,
        settings: SettingsService,
        clock: Clock,
        printers: PrinterFactory = printer_for,
    ) -> None:
        super().__init__(db, settings, clock)
        self._printers = printers
        self._drawer = DrawerService(db, settings, clock, printers)

    def today(self) -> date:
        """The business day a sale made now would belong to."""
        with self._db.read() as session:
            return trading_day_now(session.connection(), self._settings.current, self._clock.now())

    def view(self, day: date) -> DayView:
        """The day's figures as this counter holds them, the checks, and its close if closed."""
        settings = self._settings.current
        with self._db.read() as session:
            connection = session.connection()
            calendar = calendar_of(connection, settings, day)
            figures = read_day(connection, day, calendar)
            check = self._check(connection, day, settings)
            row = session.get(DayClose, day)
            closed = None if row is None else _closed_day(row, _names(connection))
        drawers = self.drawer_lines(day)
        return DayView(figures, check, closed, drawers, self._drawer.cash_outside_sessions(day))

    def drawer_lines(self, day: date) -> tuple[DrawerLine, ...]:
        """Each drawer session of the day, every counter's: who, when, expected, counted."""
        settings = self._settings.current
        with self._db.read() as session:
            known = session.execute(select(StoreDevice.device_id, StoreDevice.counter))
            counters: dict[str, str] = {device: counter for device, counter in known}
        counters[settings.device_id] = settings.counter_prefix
        lines = []
        for held in self._drawer.sessions_of_day(day):
            hours = held.opened_at.strftime("%H:%M")
            if held.closed_at is not None:
                hours += "–" + held.closed_at.strftime("%H:%M")
            counter = counters.get(held.device_id, held.device_id[-4:])
            label = f"{counter} {hours} {held.opened_by_name}".strip()
            lines.append(DrawerLine(label, held.figures.expected, held.counted))
        return tuple(lines)

    def closed_days(self, limit: int = 60) -> list[ClosedDay]:
        with self._db.read() as session:
            rows = session.scalars(
                select(DayClose).order_by(DayClose.business_day.desc()).limit(limit)
            ).all()
            names = _names(session.connection())
        return [_closed_day(row, names) for row in rows]

    def close_with_pin(self, day: date, pin: str, note: str = "") -> ClosedDay:
        """Close `day` as the manager or owner whose PIN this is (the command line's way)."""
        manager = approve(
            self._db, self._journal(), self._clock, pin, Both("日结", "close the day"), None
        )
        return self.close(day, manager.id, note)

    def close(self, day: date, actor_id: str, note: str = "") -> ClosedDay:
        """Close `day`: lock it, keep the figures this counter sees, queue the close for the
        server. Refused for a day closed already, one not begun, or by someone not a manager."""
        from salon_pos.services.sync_ops import day_close as close_ops  # pydantic: after paint

        settings = self._settings.current
        now = self._clock.now()
        with self._db.write_connection() as connection:
            _check_manager(connection, actor_id)
            done = connection.execute(
                select(DayClose.closed_at).where(DayClose.business_day == day)
            ).scalar()
            if done is not None:
                raise DayAlreadyClosed(day=day.isoformat(), at=_local(done, settings))
            if day > trading_day_now(connection, settings, now):
                raise DayNotBegun(day=day.isoformat())
            figures = read_day(connection, day, calendar_of(connection, settings, day))
            check = self._check(connection, day, settings)
            close_id, note = new_id(), note.strip()
            row: dict[str, object] = {
                "business_day": day,
                "id": close_id,
                "closed_at": now,
                "closed_by": actor_id,
                "device_id": settings.device_id,
                "figures": json.dumps(
                    figures_json(figures) | {"drawers": _drawers_json(self.drawer_lines(day))},
                    ensure_ascii=False,
                ),
                "note": note,
            }
            connection.execute(insert(DayClose).values(row))
            unheard = [counter.counter for counter in check.unheard]
            payload = close_ops.day_closed(row, check.waiting, unheard)
            audited = {
                "business_day": day.isoformat(),
                "net": figures.net,
                "tickets": figures.tickets,
                "waiting_operations": check.waiting,
                "unheard_counters": unheard,
            }
            self._journal().record(
                connection,
                now,
                AuditRecord(actor_id, "day.closed", "day_close", close_id, after=audited),
                payload,
            )
            names = _names(connection)
        return ClosedDay(
            id=close_id,
            business_day=day,
            closed_at=now,
            closed_by=actor_id,
            closed_by_name=names.get(actor_id, ""),
            device_id=settings.device_id,
            figures=figures,
            note=note,
        )

    def z_report(self, day: date) -> ZReport:
        """The day's Z summary: closed, with who closed it; otherwise a preview."""
        settings = self._settings.current
        view = self.view(day)
        with self._db.read() as session:
            names = _names(session.connection())
        closed = None
        if view.closed is not None:
            closed = f"{view.closed.closed_by_name} {_local(view.closed.closed_at, settings)}"
        figures = view.closed.figures if view.closed is not None else view.figures
        return ZReport(
            settings.store_name,
            figures,
            _local(self._clock.now(), settings),
            names,
            closed,
            view.drawers,
        )

    def write_pdf(self, day: date, folder: Path | None = None) -> Path:
        """The day's close as a PDF (tables and charts), in the data folder's reports folder
        unless `folder` is given; returns where."""
        from salon_pos.reports.pdf import write_pdf  # reportlab: only when a PDF is asked for
        from salon_pos.services.day_close_report import close_report

        settings = self._settings.current
        z = self.z_report(day)
        zone = ZoneInfo(settings.time_zone)
        report = close_report(
            settings.store_name,
            z.figures,
            z.names,
            self._clock.now().astimezone(zone).replace(tzinfo=None),
            settings.language,
            z.closed,
            z.drawers,
        )
        folder = folder or self._db.path.parent / "reports"
        folder.mkdir(parents=True, exist_ok=True)
        return write_pdf(report, folder / f"日结-{day.isoformat()}.pdf")

    def print_z(self, day: date) -> PrintOutcome:
        """Print the day's Z summary on the receipt printer (a printer that is off says so)."""
        from salon_pos.devices.errors import PrinterUnavailable
        from salon_pos.devices.z_report import layout_z

        settings = self._settings.current
        if settings.printer_kind == "none":
            return PrintOutcome(False, NoPrinterSetUp())
        printer = self._printers(settings)
        try:
            printer.print_rows(layout_z(self.z_report(day), printer.paper_width_mm))
        except PrinterUnavailable as problem:
            return PrintOutcome(False, problem)
        return PrintOutcome(True)

    def remember_counters(self, counters: Sequence[tuple[str, str, datetime | None]]) -> None:
        """What the server told of the store's counters: (device id, counter, last heard)."""
        told_at = self._clock.now()
        rows = [
            {"device_id": d, "counter": c, "last_heard_at": heard, "told_at": told_at}
            for d, c, heard in counters
        ]
        with self._db.write_connection() as connection:
            connection.execute(delete(StoreDevice))
            if rows:
                connection.execute(insert(StoreDevice), rows)

    def _check(self, connection: Connection, day: date, settings: StoreSettings) -> CloseCheck:
        waiting, oldest = connection.execute(
            select(func.count(), func.min(OutboxOperation.occurred_at)).where(
                OutboxOperation.pushed_at.is_(None)
            )
        ).one()
        began = day_start(day, settings.time_zone, settings.cutover_hour)
        others = connection.execute(
            select(StoreDevice.counter, StoreDevice.last_heard_at)
            .where(StoreDevice.device_id != settings.device_id)
            .order_by(StoreDevice.counter)
        ).all()
        known = connection.execute(select(func.count()).select_from(StoreDevice)).scalar_one()
        unheard = tuple(
            UnheardCounter(counter, heard)
            for counter, heard in others
            if heard is None or heard < began
        )
        return CloseCheck(int(waiting), oldest, unheard, bool(known))


def _drawers_json(lines: tuple[DrawerLine, ...]) -> list[dict[str, object]]:
    """The drawers as the close keeps them beside its figures (the console shows them)."""
    return [
        {"label": d.label, "expected": d.expected, "counted": d.counted, "variance": d.variance}
        for d in lines
    ]


def _check_manager(connection: Connection, actor_id: str) -> None:
    role = connection.execute(
        select(Staff.role).where(Staff.id == actor_id, Staff.active.is_(True))
    ).scalar()
    if role is None:
        raise UnknownStaff(staff_id=actor_id)
    if not Role(role).approves:
        raise CloseNeedsManager()


def _names(connection: Connection) -> dict[str, str]:
    return dict(connection.execute(select(Staff.id, Staff.name)).all())


def _closed_day(row: DayClose, names: dict[str, str]) -> ClosedDay:
    return ClosedDay(
        row.id,
        row.business_day,
        row.closed_at,
        row.closed_by,
        names.get(row.closed_by, ""),
        row.device_id,
        figures_of_json(json.loads(row.figures)),
        row.note,
    )


def _local(at: datetime, settings: StoreSettings) -> str:
    return at.astimezone(ZoneInfo(settings.time_zone)).strftime("%Y-%m-%d %H:%M")
