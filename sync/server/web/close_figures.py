"""A day's figures as the close page lays them out: each figure the server holds now beside the
one the counter closed with, so a day amended by late sales shows both and the difference.
Labels are words (close_words) or, for tenders, categories and technicians, names."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass

from salon_pos.domain.day_close import Approval, DayFigures
from sync.messages import Both
from sync.server.web import close_words as cw
from sync.server.web import words


@dataclass(frozen=True)
class Figure:
    key: str  # the figure's name, or the tender, category or staff id
    label: Both | str
    now: int
    then: int | None  # at the close; None: the day is not closed
    money: bool = True

    @property
    def changed(self) -> bool:
        return self.then is not None and self.then != self.now

    @property
    def difference(self) -> int:
        return self.now - (self.then or 0)


def summary(now: DayFigures, then: DayFigures | None) -> list[Figure]:
    def pick(name: str, label: Both, money: bool = True) -> Figure:
        then_value = getattr(then, name) if then else None
        return Figure(name, label, getattr(now, name), then_value, money)

    return [
        pick("net", cw.NET),
        pick("sales", cw.SALES),
        pick("voids", cw.VOIDS),
        pick("refunds", cw.REFUNDS),
        pick("tickets", cw.TICKETS, money=False),
        pick("average_ticket", cw.AVERAGE_TICKET),
        pick("customers_served", cw.CUSTOMERS_SERVED, money=False),
        pick("new_customers", cw.NEW_CUSTOMERS, money=False),
        pick("new_members", cw.NEW_MEMBERS, money=False),
        pick("member_discounts", cw.MEMBER_DISCOUNTS),
    ]


def _breakdown(
    now: Mapping[str, int], then: Mapping[str, int] | None, label: dict[str, Both | str]
) -> list[Figure]:
    keys = sorted(set(now) | set(then or {}), key=lambda k: (-abs(now.get(k, 0)), k))
    return [
        Figure(k, label.get(k, k), now.get(k, 0), None if then is None else then.get(k, 0))
        for k in keys
    ]


def by_tender(now: DayFigures, then: DayFigures | None) -> list[Figure]:
    return _breakdown(now.by_tender, then.by_tender if then else None, dict(words.TENDER_NAMES))


def by_category(now: DayFigures, then: DayFigures | None) -> list[Figure]:
    names: dict[str, Both | str] = dict(cw.CATEGORY_NAMES)
    return _breakdown(now.by_category, then.by_category if then else None, names)


def by_technician(
    now: DayFigures, then: DayFigures | None, names: Mapping[str, str]
) -> list[Figure]:
    labels: dict[str, Both | str] = {sid: name for sid, name in names.items()}
    return _breakdown(now.by_technician, then.by_technician if then else None, labels)


def members(now: DayFigures, then: DayFigures | None) -> list[Figure]:
    ours, theirs = asdict(now.members), asdict(then.members) if then else None
    return [
        Figure(name, label, ours[name], theirs[name] if theirs is not None else None, money)
        for name, money, label in cw.MEMBER_FIELDS
        if ours[name] or (theirs is not None and theirs[name])
    ]


@dataclass(frozen=True)
class Listed:
    approval: Approval
    late: bool  # not among those the counter closed with


def approvals(now: tuple[Approval, ...], then: tuple[Approval, ...] | None) -> list[Listed]:
    return [Listed(a, then is not None and a not in then) for a in now]


def variance_text(fen: int) -> str:
    """¥-2.00 short, ¥+1.50 over, ¥0.00: a drawer's variance as the close shows it."""
    sign = "-" if fen < 0 else "+" if fen > 0 else ""
    yuan, rest = divmod(abs(int(fen)), 100)
    return f"¥{sign}{yuan:,}.{rest:02d}"
