"""Drawer sessions as screens and the day close show them: times in the store's zone, names of
the people, and the figures — live while a session is open, as recorded once it is closed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from salon_pos.db.models import DrawerMovement, DrawerSession, Staff
from salon_pos.devices.drawer_slip import DrawerSlip
from salon_pos.domain.drawer import DENOMINATIONS, DrawerFigures, MoveKind, denomination_name
from salon_pos.services.drawer_figures import figures_of, stored_figures


@dataclass(frozen=True)
class MovementView:
    id: str
    at: datetime  # the store's local time
    kind: MoveKind
    amount: int
    reason: str
    staff: str  # who moved it ("" when not known here)
    approved_by: str


@dataclass(frozen=True)
class SessionView:
    """A session as screens and the day close show it; `figures` live while it is open, as
    recorded at the close once closed. Times in the store's zone; names "" when not known."""

    id: str
    device_id: str
    business_day: date
    opened_at: datetime
    opened_by: str
    opened_by_name: str
    figures: DrawerFigures
    movements: tuple[MovementView, ...] = ()
    closed_at: datetime | None = None
    closed_by_name: str = ""
    counts: Mapping[int, int] | None = None
    counted: int | None = None
    variance: int | None = None
    blind: bool = False
    close_reason: str = ""
    approved_by_name: str = ""
    first_counted: int | None = None
    server_expected: int | None = None  # the server's figure, when it differs

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def opening_float(self) -> int:
        return self.figures.opening_float

    @property
    def expected(self) -> int:
        return self.figures.expected

    @property
    def cash_in(self) -> int:
        """Cash sales, pay-ins and overdrafts collected in cash."""
        return self.figures.cash_in

    @property
    def cash_out(self) -> int:
        """Voids and refunds in cash, pay-outs and stored value paid back in cash."""
        return self.figures.cash_out


def session_view(
    session: Session, row: DrawerSession, zone: ZoneInfo, now: datetime
) -> SessionView:
    names = {staff_id: name for staff_id, name in session.execute(select(Staff.id, Staff.name))}

    def name(staff_id: str | None) -> str:
        return names.get(staff_id or "", "")

    closed = row.closed_at is not None
    figures = stored_figures(row) if closed else figures_of(session.connection(), row, now)
    moves = session.scalars(
        select(DrawerMovement)
        .where(DrawerMovement.session_id == row.id)
        .order_by(DrawerMovement.at, DrawerMovement.id)
    ).all()
    movements = tuple(
        MovementView(
            m.id,
            m.at.astimezone(zone),
            MoveKind(m.kind),
            m.amount,
            m.reason,
            name(m.staff_id),
            name(m.approved_by),
        )
        for m in moves
    )
    return SessionView(
        id=row.id,
        device_id=row.device_id,
        business_day=row.business_day,
        opened_at=row.opened_at.astimezone(zone),
        opened_by=row.opened_by,
        opened_by_name=name(row.opened_by),
        figures=figures,
        movements=movements,
        closed_at=row.closed_at.astimezone(zone) if row.closed_at else None,
        closed_by_name=name(row.closed_by),
        counts={int(d): n for d, n in row.counts.items()} if row.counts else None,
        counted=row.counted,
        variance=row.variance,
        blind=row.blind,
        close_reason=row.close_reason,
        approved_by_name=name(row.close_approved_by),
        first_counted=row.first_counted,
        server_expected=row.server_expected,
    )


def drawer_slip(view: SessionView, store_name: str, counter: str, now: datetime) -> DrawerSlip:
    """The close slip of a closed session (the times already in the store's zone)."""
    assert view.closed_at is not None and view.counted is not None and view.variance is not None
    figures = view.figures
    counts = view.counts or {}
    return DrawerSlip(
        store_name=store_name,
        counter=counter,
        opened=f"{view.opened_at:%Y-%m-%d %H:%M} {view.opened_by_name}",
        closed=f"{view.closed_at:%Y-%m-%d %H:%M} {view.closed_by_name}",
        opening_float=figures.opening_float,
        cash_sales=figures.cash_sales,
        cash_back=figures.cash_back,
        moved_in=figures.moved_in,
        moved_out=figures.moved_out,
        expected=figures.expected,
        counted=view.counted,
        variance=view.variance,
        counts=tuple(
            (denomination_name(d), counts[d], d * counts[d]) for d in DENOMINATIONS if counts.get(d)
        ),
        reason=view.close_reason,
        approved_by=view.approved_by_name,
        blind=view.blind,
        printed_at=f"{now:%Y-%m-%d %H:%M}",
    )
