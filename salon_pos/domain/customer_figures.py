"""Customer analysis over a period: who came, who was new, who came back, how often, and who
has not been seen for a while. A visit is a business day on which a customer had a ticket that
stands (not voided); two tickets on one day are one visit."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from salon_pos.domain.report_periods import Period


@dataclass(frozen=True)
class CustomerFigures:
    customers: int  # with a visit in the period
    new: int  # … whose first visit ever is in the period
    returning: int  # … who had visited before it
    repeat: int  # … with two visits or more in the period
    gaps: int  # days between consecutive visits, one of them in the period: how many gaps
    gap_days: int  # … and their days added up
    lapsed: list[LapsedCustomer]  # last seen more than N days before the period's last day

    @property
    def repeat_bp(self) -> int | None:
        """The repeat rate in basis points (None: nobody came)."""
        if not self.customers:
            return None
        return (2 * self.repeat * 10_000 + self.customers) // (2 * self.customers)

    @property
    def average_gap_tenths(self) -> int | None:
        """Average days between visits, in tenths of a day, rounded half up."""
        if not self.gaps:
            return None
        return (20 * self.gap_days + self.gaps) // (2 * self.gaps)


@dataclass(frozen=True)
class LapsedCustomer:
    customer_id: str
    last_visit: date
    days_away: int  # from the last visit to the period's last day
    visits: int  # all visits up to the period's end


def visit_days(visits: Iterable[tuple[str, date]], until: date) -> dict[str, list[date]]:
    """Each customer's visit days up to `until`, sorted, one per day."""
    days: dict[str, set[date]] = defaultdict(set)
    for customer_id, day in visits:
        if day <= until:
            days[customer_id].add(day)
    return {customer: sorted(found) for customer, found in days.items()}


def customer_figures(
    visits: Iterable[tuple[str, date]], period: Period, away_days: int
) -> CustomerFigures:
    """`visits`: (customer id, business day) of every standing ticket with a customer, the
    history before the period included (for who is new and who lapsed)."""
    new = returning = repeat = gaps = gap_days = 0
    lapsed: list[LapsedCustomer] = []
    for customer, days in visit_days(visits, period.last).items():
        inside = [day for day in days if day in period]
        if inside:
            new += days[0] >= period.first
            returning += days[0] < period.first
            repeat += len(inside) >= 2
            for before, after in pairwise(days):
                if after in period:
                    gaps += 1
                    gap_days += (after - before).days
        away = (period.last - days[-1]).days
        if away > away_days:
            lapsed.append(LapsedCustomer(customer, days[-1], away, len(days)))
    lapsed.sort(key=lambda c: (c.days_away, c.customer_id))
    return CustomerFigures(new + returning, new, returning, repeat, gaps, gap_days, lapsed)
