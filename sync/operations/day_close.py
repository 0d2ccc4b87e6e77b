"""The end-of-day close (日结): a business day closed at a counter, with the figures that counter
saw. The close locks the day: a void or refund afterwards counts on the day it happens.

Offline rule: a day has one close. A second close of the same day (two counters closed it while
apart) is kept beside the first, which stands; both lock the day. A sale made before the close
that reaches the server afterwards keeps its own business day: the server works the day's
figures out again (its own, from what it holds) and records a `closed_day_amended` conflict for
the manager, naming what came late. The counter that closed is the operation's device."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Final

from pydantic import Field

from sync.messages import Both
from sync.operations.kinds import ChangeKind, ConflictKind, Describer, Family, OperationKind, pick
from sync.operations.payloads import Id, Lenient, Moment
from sync.protocol import RESOLUTION_ACCEPT

DAY_CLOSED: Final = "day.closed"
CHANGE_DAY_CLOSE: Final = "day_close"
CONFLICT_CLOSED_DAY_AMENDED: Final = "closed_day_amended"


class DayClosed(Lenient):
    id: Id
    business_day: date
    closed_at: Moment
    closed_by: Id
    figures: dict[str, Any] = Field(description="the figures the counter saw (domain.day_close)")
    note: str = Field(default="", max_length=500)
    waiting_operations: int = Field(default=0, ge=0, description="its own, not yet sent")
    unheard_counters: list[str] = Field(default_factory=list, max_length=100)


class DayCloseData(DayClosed):
    """A close in the change feed: as recorded, where, and the server's own figures of the day
    with how many times late arrivals amended them."""

    device_id: Id | None = None
    server_figures: dict[str, Any] | None = None
    amendments: int = 0


def _amended(details: Mapping[str, Any], say: Describer) -> dict[str, str]:
    late = details.get("late")
    numbers = (
        [str(item.get("number")) for item in late if isinstance(item, Mapping)]
        if isinstance(late, list)
        else []
    )
    return {
        "day": say.unknown(pick(details, "business_day")),
        "tickets": "、".join(numbers) or say.unknown(None),
        "before": say.money(pick(details, "net_before")),
        "after": say.money(pick(details, "net_after")),
    }


CLOSED_DAY_AMENDED = ConflictKind(
    name=CONFLICT_CLOSED_DAY_AMENDED,
    resolutions=(RESOLUTION_ACCEPT,),
    title=Both("已日结的营业日有迟到单据", "A closed day was amended"),
    explanation=Both(
        "营业日 {day} 日结后，总部才收到当天的单据 {tickets}（收银台离线时所做）。"
        "单据保留其营业日，该日的数据已更新：净收入由 {before} 变为 {after}。"
        "请核对该日的现金与报表，然后确认。",
        "Business day {day} had been closed when tickets {tickets} of that day reached the "
        "server (made while a counter was offline). They keep their day, and the day's "
        "figures were worked out again: net {before} became {after}. Check the day's cash "
        "and reports, then accept.",
    ),
    facts=_amended,
    concerns=lambda d, say: [pick(d, "business_day")],
)

FAMILY = Family(
    name="day_close",
    operations=(OperationKind(DAY_CLOSED, {1: DayClosed}, changes=(CHANGE_DAY_CLOSE,)),),
    changes=(ChangeKind(CHANGE_DAY_CLOSE, DayCloseData, history=True),),
    conflicts=(CLOSED_DAY_AMENDED,),
)
