"""Cash drawer sessions (交班) at this counter: open with a float, pay in and pay out with a
reason, close with a count by denomination; and, for the day close, every session of a day
(this counter's and those pulled from the store's others) and the cash taken outside any
session. Each change is one transaction with its outbox operation and audit entry
(docs/drawer.md).

Cash moved through the drawer besides sales — a stored-value refund paid in cash, an overdraft
collected in cash — is recorded by `record_cash` inside the transaction of the use case that
moved it (services/members.py, services/sync_status.py)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from salon_pos.db.audit import AuditRecord
from salon_pos.db.database import Database
from salon_pos.db.models import AuditEntry, DrawerMovement, DrawerSession, Staff
from salon_pos.devices import PrinterUnavailable
from salon_pos.devices.drawer_slip import layout_drawer_slip
from salon_pos.domain.business_day import business_day
from salon_pos.domain.clock import Clock
from salon_pos.domain.drawer import (
    DrawerAlreadyOpen,
    DrawerNotForRole,
    MoveKind,
    Need,
    NoOpenDrawer,
    PayOutNeedsApproval,
    SessionAlreadyClosed,
    UnknownDrawerSession,
    VarianceNeedsApproval,
    VarianceNeedsReason,
    VariancePolicy,
    check_float,
    check_move,
    check_pay_out,
    count_total,
    variance,
)
from salon_pos.domain.errors import Both, UnknownStaff
from salon_pos.domain.ids import new_id
from salon_pos.domain.money import format_money
from salon_pos.domain.staff import Role
from salon_pos.services.counter import CounterService
from salon_pos.services.drawer_figures import OutsideCash, figures_of, outside_sessions
from salon_pos.services.drawer_views import SessionView, drawer_slip, session_view
from salon_pos.services.journal import Journal
from salon_pos.services.receipts import NoPrinterSetUp, PrinterFactory, PrintOutcome, printer_for
from salon_pos.services.settings import SettingsService
from salon_pos.services.staff import StaffMember, approve

OPENED, MOVED, CLOSED = "drawer.opened", "drawer.cash_moved", "drawer.closed"
BLIND_COUNT = "drawer.blind_count"  # a blind count refused for want of a reason: it showed
DRAWER_ROLES = (Role.FRONT_DESK, Role.MANAGER, Role.OWNER)
NEEDS = (Need.NOTHING, Need.REASON, Need.APPROVAL)  # least first
Row = dict[str, Any]


def record_cash(
    session: Session,
    journal: Journal,
    at: datetime,
    day: date,
    kind: MoveKind,
    amount: int,
    reason: str,
    staff_id: str | None,
    approved_by: str | None = None,
    customer_id: str | None = None,
) -> Row:
    """Cash moved through this counter's drawer, in the caller's transaction: into the open
    session, or outside any when none is open (the day close lists it apart)."""
    from salon_pos.services.sync_ops import drawer as ops  # lazy: pydantic after paint

    held = _open_session(session, journal.device_id)
    row: Row = {
        "id": new_id(),
        "session_id": held.id if held is not None else None,
        "device_id": journal.device_id,
        "business_day": day,
        "at": at,
        "kind": kind.value,
        "amount": amount,
        "reason": reason[:200],
        "staff_id": staff_id,
        "approved_by": approved_by,
        "customer_id": customer_id,
    }
    session.execute(insert(DrawerMovement).values(row))
    audit = AuditRecord(staff_id, MOVED, "drawer_movement", row["id"], after=_audited(row))
    journal.record(session, at, audit, ops.drawer_cash_moved(row))
    return row


def _audited(row: Row) -> Row:
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()}


def _open_session(session: Session, device_id: str) -> DrawerSession | None:
    return session.scalars(
        select(DrawerSession)
        .where(DrawerSession.device_id == device_id, DrawerSession.closed_at.is_(None))
        .order_by(DrawerSession.opened_at.desc())
        .limit(1)
    ).first()


class DrawerService(CounterService):
    def __init__(
        self,
        db: Database,
        settings: SettingsService,
        clock: Clock,
        printers: PrinterFactory = printer_for,
    ) -> None:
        super().__init__(db, settings, clock)
        self._printers = printers

    # Reading

    def current(self) -> SessionView | None:
        """This counter's open session, with its figures as of now; None when none is open."""
        with self._db.read() as session:
            held = _open_session(session, self._device)
            return self._view(session, held) if held is not None else None

    def sessions_of_day(self, day: date) -> list[SessionView]:
        """Every session of the store opened on the business day, this counter's and the
        others' this counter has pulled, in the order they were opened."""
        with self._db.read() as session:
            rows = session.scalars(
                select(DrawerSession)
                .where(DrawerSession.business_day == day)
                .order_by(DrawerSession.opened_at, DrawerSession.id)
            ).all()
            return [self._view(session, row) for row in rows]

    def cash_outside_sessions(self, day: date, device_id: str | None = None) -> OutsideCash:
        """Cash a counter (this one unless named) took or handed back on the business day
        with no drawer session open."""
        with self._db.read() as session:
            return outside_sessions(session.connection(), day, device_id or self._device)

    def policy(self) -> VariancePolicy:
        settings = self._settings.current
        return VariancePolicy(settings.drawer_variance_reason, settings.drawer_variance_pin)

    @property
    def blind(self) -> bool:
        """The store counts blind: the expected cash is shown only after the count is saved."""
        return bool(self._settings.current.drawer_blind_close)

    # Changing

    def open(self, opening_float: int, actor_id: str) -> SessionView:
        """Open this counter's drawer with a float (DrawerAlreadyOpen while one is open)."""
        from salon_pos.services.sync_ops import drawer as ops

        check_float(opening_float)
        now = self._clock.now()
        with self._db.write() as session:
            self._drawer_person(session, actor_id)
            held = _open_session(session, self._device)
            if held is not None:
                raise DrawerAlreadyOpen(
                    since=self._local(held.opened_at).strftime("%H:%M"),
                    name=self._name(session, held.opened_by),
                )
            row: Row = {
                "id": new_id(),
                "device_id": self._device,
                "business_day": self._day(now),
                "opened_at": now,
                "opened_by": actor_id,
                "opening_float": opening_float,
            }
            session.execute(insert(DrawerSession).values(row))
            audit = AuditRecord(actor_id, OPENED, "drawer_session", row["id"], after=_audited(row))
            self._journal().record(session, now, audit, ops.drawer_opened(row))
            return self._view(session, _open_session(session, self._device))

    def pay_in(self, amount: int, reason: str, actor_id: str) -> SessionView:
        """Cash put into the open drawer (备用金补充…), with the reason."""
        return self._move(MoveKind.PAY_IN, amount, reason, actor_id, None)

    def pay_out(
        self, amount: int, reason: str, actor_id: str, approver_pin: str | None = None
    ) -> SessionView:
        """Cash taken out of the open drawer (采购支出…), with the reason; above the store's
        limit a manager approves (a manager paying out approves it themselves)."""
        reason = check_move(amount, reason)
        actor = self._person(actor_id)
        approver = None
        limit = self._settings.current.drawer_pay_out_pin
        if amount > limit and not Role(actor.role).approves:
            if not approver_pin:
                raise PayOutNeedsApproval(amount=format_money(amount), limit=format_money(limit))
            approver = self._approve(approver_pin, Both("支出现金", "pay cash out"), actor_id)
        return self._move(MoveKind.PAY_OUT, amount, reason, actor_id, approver)

    def _move(
        self,
        kind: MoveKind,
        amount: int,
        reason: str,
        actor_id: str,
        approver: StaffMember | None,
    ) -> SessionView:
        reason = check_move(amount, reason)
        now = self._clock.now()
        with self._db.write() as session:
            self._drawer_person(session, actor_id)
            held = _open_session(session, self._device)
            if held is None:
                raise NoOpenDrawer()
            if kind is MoveKind.PAY_OUT:
                check_pay_out(amount, figures_of(session.connection(), held, now).expected)
            approved = approver.id if approver else None
            record_cash(
                session, self._journal(), now, self._day(now), kind, amount, reason, actor_id,
                approved,
            )  # fmt: skip
            return self._view(session, held)

    def close(
        self,
        session_id: str,
        counts: Mapping[int, int],
        actor_id: str,
        reason: str = "",
        approver_pin: str | None = None,
    ) -> SessionView:
        """Close this counter's open session with the count by denomination. A variance beyond
        the store's tolerance needs a reason, and beyond its limit a manager's PIN too (a
        manager closing approves it themselves). A blind count refused for want of them is
        audited with its figure: it showed the variance."""
        counted = count_total(counts)
        reason = reason.strip()[:200]
        actor = self._person(actor_id)
        now = self._clock.now()
        with self._db.read() as session:
            held = self._closable(session, session_id)
            expected = figures_of(session.connection(), held, now).expected
        need = self.policy().needs(variance(counted, expected))
        approver = None
        if need is Need.APPROVAL and not Role(actor.role).approves:
            if not (reason and approver_pin):
                self._refuse_blind(session_id, counted, expected, actor_id, need)
            approver = self._approve(approver_pin, Both("交班差额", "a drawer variance"), actor_id)
        elif need is not Need.NOTHING and not reason:  # a manager's own close: the reason
            self._refuse_blind(session_id, counted, expected, actor_id, Need.REASON)
        return self._write_close(session_id, counts, counted, actor_id, reason, approver, need)

    def _write_close(
        self,
        session_id: str,
        counts: Mapping[int, int],
        counted: int,
        actor_id: str,
        reason: str,
        approver: StaffMember | None,
        need: Need,
    ) -> SessionView:
        from salon_pos.services.sync_ops import drawer as ops

        now = self._clock.now()
        with self._db.write() as session:
            self._drawer_person(session, actor_id)
            held = self._closable(session, session_id)
            figures = figures_of(session.connection(), held, now)
            off = variance(counted, figures.expected)
            now_needed = self.policy().needs(off)
            if NEEDS.index(now_needed) > NEEDS.index(need):  # a sale landed meanwhile
                self._refuse(now_needed, off)
            approved_by = approver.id if approver else None
            if need is Need.APPROVAL and approver is None:
                approved_by = actor_id  # a manager's own close
            close = ops.drawer_closed(
                session_id,
                {
                    "closed_at": now,
                    "closed_by": actor_id,
                    "counts": {int(d): int(n) for d, n in counts.items() if n},
                    "counted": counted,
                    "expected": figures.expected,
                    "variance": off,
                    "cash_sales": figures.cash_sales,
                    "cash_back": figures.cash_back,
                    "moved_in": figures.moved_in,
                    "moved_out": figures.moved_out,
                    "blind": self.blind,
                    "reason": reason,
                    "approved_by": approved_by,
                    "first_counted": self._first_count(session, session_id, counted),
                },
            )
            columns = ops.close_columns(close)
            where = DrawerSession.id == session_id
            session.execute(update(DrawerSession).where(where).values(columns))
            after = _audited(columns | {"session_id": session_id})
            audit = AuditRecord(actor_id, CLOSED, "drawer_session", session_id, after=after)
            self._journal().record(session, now, audit, close)
            session.expire_all()
            return self._view(session, session.get(DrawerSession, session_id))

    def _refuse(self, need: Need, off: int) -> None:
        if need is Need.APPROVAL:
            limit = self.policy().pin_above
            raise VarianceNeedsApproval(variance=format_money(off), limit=format_money(limit))
        if need is Need.REASON:
            raise VarianceNeedsReason(variance=format_money(off))

    def _refuse_blind(
        self, session_id: str, counted: int, expected: int, actor_id: str, need: Need
    ) -> None:
        """Refuse the close for want of a reason (or a PIN); a blind count is audited first,
        since the refusal shows its variance, and the close keeps it if a recount differs."""
        off = variance(counted, expected)
        if self.blind:
            with self._db.write() as session:
                after = {"counted": counted, "expected": expected, "variance": off}
                audit = AuditRecord(
                    actor_id, BLIND_COUNT, "drawer_session", session_id, after=after
                )
                self._journal().record(session, self._clock.now(), audit)
        self._refuse(need, off)

    @staticmethod
    def _first_count(session: Session, session_id: str, counted: int) -> int | None:
        first = session.scalars(
            select(AuditEntry.after)
            .where(AuditEntry.action == BLIND_COUNT, AuditEntry.entity_id == session_id)
            .order_by(AuditEntry.seq)
            .limit(1)
        ).first()
        figure = int(json.loads(first)["counted"]) if first else None
        return figure if figure is not None and figure != counted else None

    def print_close(self, session_id: str) -> PrintOutcome:
        """The close slip (交班单) of a closed session on this counter's receipt printer."""
        settings = self._settings.current
        if settings.printer_kind == "none":
            return PrintOutcome(False, NoPrinterSetUp())
        with self._db.read() as session:
            row = session.get(DrawerSession, session_id)
            if row is None or row.closed_at is None:
                raise UnknownDrawerSession(session=session_id)
            view = self._view(session, row)
        own = view.device_id == settings.device_id
        counter = settings.counter_prefix if own else view.device_id[-6:]
        slip = drawer_slip(view, settings.store_name, counter, self._local(self._clock.now()))
        try:
            self._printers(settings).print_rows(layout_drawer_slip(slip, settings.paper_width_mm))
        except PrinterUnavailable as problem:
            return PrintOutcome(False, problem)
        return PrintOutcome(True)

    # Helpers

    @property
    def _device(self) -> str:
        return self._settings.current.device_id

    def _closable(self, session: Session, session_id: str) -> DrawerSession:
        held = session.get(DrawerSession, session_id)
        if held is None or held.device_id != self._device:
            raise UnknownDrawerSession(session=session_id)
        if held.closed_at is not None:
            raise SessionAlreadyClosed(
                closed=self._local(held.closed_at).strftime("%Y-%m-%d %H:%M"),
                name=self._name(session, held.closed_by),
            )
        return held

    def _person(self, actor_id: str) -> Staff:
        with self._db.read() as session:
            return self._drawer_person(session, actor_id)

    @staticmethod
    def _drawer_person(session: Session, actor_id: str) -> Staff:
        actor = session.get(Staff, actor_id)
        if actor is None or not actor.active:
            raise UnknownStaff(staff_id=actor_id)
        if Role(actor.role) not in DRAWER_ROLES:
            raise DrawerNotForRole()
        session.expunge(actor)
        return actor

    def _approve(self, pin: str | None, action: Both, actor_id: str) -> StaffMember:
        return approve(self._db, self._journal(), self._clock, pin, action, actor_id)

    def _day(self, moment: datetime) -> date:
        settings = self._settings.current
        return business_day(moment, settings.time_zone, settings.cutover_hour)

    def _local(self, moment: datetime) -> datetime:
        return moment.astimezone(ZoneInfo(self._settings.current.time_zone))

    @staticmethod
    def _name(session: Session, staff_id: str | None) -> str:
        if not staff_id:
            return ""
        return session.scalar(select(Staff.name).where(Staff.id == staff_id)) or ""

    def _view(self, session: Session, row: DrawerSession | None) -> SessionView:
        assert row is not None
        return session_view(
            session, row, ZoneInfo(self._settings.current.time_zone), self._clock.now()
        )
