"""The pure rules of the reports: periods and their buckets, a shared line's money by share
over sale, refund and void, and the customer analysis."""

from __future__ import annotations

from datetime import date

import pytest

from salon_pos.domain.customer_figures import customer_figures
from salon_pos.domain.report_periods import (
    Grain,
    InvalidReportPeriod,
    Period,
    Preset,
    ReportPeriodTooLong,
    bucket_label,
    buckets,
    preset_period,
)
from salon_pos.domain.sales_figures import SoldLine, by_technician, refund, sale, void
from salon_pos.domain.ticket import LineKind

TODAY = date(2026, 11, 19)  # a Thursday


@pytest.mark.parametrize(
    ("preset", "first", "last"),
    [
        (Preset.TODAY, TODAY, TODAY),
        (Preset.THIS_WEEK, date(2026, 11, 16), TODAY),
        (Preset.THIS_MONTH, date(2026, 11, 1), TODAY),
        (Preset.LAST_MONTH, date(2026, 10, 1), date(2026, 10, 31)),
    ],
)
def test_presets(preset: Preset, first: date, last: date) -> None:
    assert preset_period(preset, TODAY) == Period(first, last)


def test_last_month_in_january_is_december() -> None:
    assert preset_period(Preset.LAST_MONTH, date(2027, 1, 5)) == Period(
        date(2026, 12, 1), date(2026, 12, 31)
    )


def test_buckets_are_clipped_to_the_period() -> None:
    period = Period(date(2026, 10, 29), date(2026, 11, 17))
    weeks = buckets(period, Grain.WEEK)
    assert [bucket_label(w, Grain.WEEK) for w in weeks] == [
        "2026-10-29~11-01", "2026-11-02~11-08", "2026-11-09~11-15", "2026-11-16~11-17",
    ]  # fmt: skip
    assert [bucket_label(m, Grain.MONTH) for m in buckets(period, Grain.MONTH)] == [
        "2026-10",
        "2026-11",
    ]
    assert len(buckets(period, Grain.DAY)) == 20


def test_bad_periods_are_refused() -> None:
    with pytest.raises(InvalidReportPeriod):
        Period(date(2026, 11, 2), date(2026, 11, 1)).check()
    with pytest.raises(ReportPeriodTooLong):
        Period(date(2020, 1, 1), date(2026, 1, 1)).check()


def line(day: int, net: int, shares: tuple[tuple[str, int], ...], quantity: int = 1) -> SoldLine:
    return SoldLine(
        f"l{day}{net}", f"t{day}", date(2026, 11, day), LineKind.SERVICE, "s", "头疗", "养发",
        quantity, net, "c1", shares,
    )  # fmt: skip


def test_a_shared_line_and_its_refund_split_by_share() -> None:
    shared = line(1, 10_001, (("a", 6_000), ("b", 4_000)), quantity=2)
    period = Period(date(2026, 11, 1), date(2026, 11, 30))
    moves = [sale(shared), refund(shared, date(2026, 11, 3), 1, 5_000)]
    found = by_technician(moves, period)
    assert (found["a"].amount, found["b"].amount) == (3_001, 2_000)
    only_sale_day = by_technician(moves, Period(date(2026, 11, 1), date(2026, 11, 1)))
    assert (only_sale_day["a"].amount, only_sale_day["b"].amount) == (6_001, 4_000)
    voided = by_technician([sale(shared), void(shared, date(2026, 11, 2))], period)
    assert voided["a"].amount == voided["b"].amount == 0


def test_customer_analysis_by_example() -> None:
    d = lambda n: date(2026, 11, n)  # noqa: E731
    visits = [
        ("old", date(2026, 9, 1)), ("old", d(5)), ("old", d(12)), ("old", d(12)),
        ("new", d(20)),
        ("gone", date(2026, 8, 1)),
    ]  # fmt: skip
    figures = customer_figures(visits, Period(d(1), d(30)), away_days=60)
    assert (figures.customers, figures.new, figures.returning, figures.repeat) == (2, 1, 1, 1)
    assert figures.repeat_bp == 5_000
    # gaps ending in the period: 09-01→11-05 (65 days) and 11-05→11-12 (7): 36.0 days
    assert figures.average_gap_tenths == 360
    assert [(c.customer_id, c.days_away) for c in figures.lapsed] == [("gone", 121)]
