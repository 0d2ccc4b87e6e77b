"""Which member ledger entries count on a business day (domain.day_close.entries_on): the one
step the counter's and the server's readers share."""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from salon_pos.domain.day_close import (
    Calendar,
    EntryFact,
    TicketFact,
    close_window,
    entries_on,
)

SHANGHAI = Calendar("Asia/Shanghai", 4)
DAY = date(2026, 11, 10)


@dataclass(frozen=True)
class Row:
    account: str
    reason: str
    amount: int
    created_at: datetime
    ticket_id: str | None


def at(day: int, hour: int) -> datetime:
    """`hour` o'clock in Shanghai on 2026-11-`day`, in UTC."""
    return datetime(2026, 11, day, hour, tzinfo=ZoneInfo("Asia/Shanghai")).astimezone(UTC)


def ticket(sold: date, voided_at: datetime, voided_on: date) -> TicketFact:
    return TicketFact("t1", "A1-000001", sold, 10_000, (), (), voided_on=voided_on,
                      voided_at=voided_at)  # fmt: skip


def test_a_sales_entries_count_on_its_day_and_a_void_or_refund_on_the_day_it_was_given() -> None:
    # Voided and refunded late on the 9th at a counter that had closed the 9th already: they
    # belong to the 10th, whatever this calendar (no closes) makes of the moment.
    sold = ticket(date(2026, 11, 9), voided_at=at(9, 23), voided_on=DAY)
    rows = [
        Row("principal", "spend", -8_000, at(9, 20), "t1"),  # the sale
        Row("principal", "reverse", 8_000, at(9, 23), "t1"),  # its void
        Row("points", "reverse", -5, at(9, 22), "t1"),  # a refund before it
        Row("points", "adjust", 30, at(10, 23), None),  # by hand, the 10th
        Row("points", "adjust", 7, at(11, 3), None),  # before the cut-over: still the 10th
        Row("points", "adjust", 9, at(11, 5), None),  # the 11th
    ]
    refunds = {"t1": {at(9, 22): DAY}}

    found = entries_on(DAY, rows, {"t1": sold}, refunds, SHANGHAI)

    assert found == [
        EntryFact("principal", "reverse", 8_000),
        EntryFact("points", "reverse", -5),
        EntryFact("points", "adjust", 30),
        EntryFact("points", "adjust", 7),
    ]
    assert entries_on(date(2026, 11, 9), rows, {"t1": sold}, refunds, SHANGHAI) == [
        EntryFact("principal", "spend", -8_000)
    ]


def test_after_the_close_what_happens_counts_on_the_next_day() -> None:
    closed = Calendar("Asia/Shanghai", 4, {DAY: at(10, 22)})
    rows = [Row("points", "adjust", 30, at(10, 23), None)]

    assert entries_on(DAY, rows, {}, {}, closed) == []
    assert entries_on(date(2026, 11, 11), rows, {}, {}, closed) == [
        EntryFact("points", "adjust", 30)
    ]


def test_the_window_holds_the_day_and_a_day_either_side() -> None:
    start, end = close_window(DAY, SHANGHAI)

    assert start == datetime(2026, 11, 8, 20, tzinfo=UTC)  # 11-09 04:00 in Shanghai
    assert end == datetime(2026, 11, 12, 20, tzinfo=UTC)  # 11-13 04:00
