"""The patch test rule: the newest test covering a service decides; a passed one is valid for
the store's number of days (0: for ever)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salon_pos.domain.patch_tests import (
    PatchTest,
    PatchTestInFuture,
    PatchTestResult,
    PatchTestStatus,
    PatchTestValidityOutOfRange,
    check_tested_on,
    check_validity_days,
    patch_test_needed,
    patch_test_verdict,
)

DYE, PERM = "svc-dye", "svc-perm"
PASSED, FAILED = PatchTestResult.PASSED, PatchTestResult.FAILED


def a_test(
    tested_on: date,
    result: PatchTestResult = PASSED,
    service_id: str | None = DYE,
    category: str = "",
    at: int = 0,
    test_id: str = "t",
) -> PatchTest:
    recorded = datetime(2026, 1, 1, tzinfo=UTC).replace(second=at)
    return PatchTest(test_id, "c1", result, tested_on, recorded, service_id, category)


def verdict(tests: list[PatchTest], today: date, days: int = 180, service: str = DYE):
    return patch_test_verdict(tests, service, "染发", today, days)


def test_no_test_is_missing() -> None:
    assert verdict([], date(2026, 6, 1)).status is PatchTestStatus.MISSING


def test_a_passed_test_is_valid_through_its_last_day_and_expired_the_day_after() -> None:
    tests = [a_test(date(2026, 1, 1))]
    last_day = date(2026, 6, 30)  # 1 January + 180 days
    on_last = verdict(tests, last_day)
    assert on_last.status is PatchTestStatus.VALID
    assert on_last.valid_until == last_day
    after = verdict(tests, date(2026, 7, 1))
    assert after.status is PatchTestStatus.EXPIRED
    assert (after.tested_on, after.valid_until) == (date(2026, 1, 1), last_day)


def test_a_test_of_today_is_valid_and_zero_days_never_expire() -> None:
    assert verdict([a_test(date(2026, 3, 3))], date(2026, 3, 3)).allows
    forever = verdict([a_test(date(2001, 1, 1))], date(2026, 3, 3), days=0)
    assert forever.status is PatchTestStatus.VALID and forever.valid_until is None


def test_a_failed_test_refuses_until_a_newer_pass_supersedes_it() -> None:
    failed = a_test(date(2026, 2, 1), FAILED, test_id="f")
    assert verdict([failed], date(2026, 2, 2)).status is PatchTestStatus.FAILED
    assert verdict([failed], date(2026, 2, 2)).tested_on == date(2026, 2, 1)
    passed = a_test(date(2026, 2, 10), test_id="p")
    assert verdict([failed, passed], date(2026, 2, 11)).test_id == "p"
    older_pass = a_test(date(2026, 1, 10), test_id="old")
    assert verdict([older_pass, failed], date(2026, 2, 2)).status is PatchTestStatus.FAILED


def test_two_tests_of_one_day_the_later_recorded_wins() -> None:
    first = a_test(date(2026, 2, 1), PASSED, at=1, test_id="a")
    correction = a_test(date(2026, 2, 1), FAILED, at=2, test_id="b")
    assert verdict([correction, first], date(2026, 2, 1)).status is PatchTestStatus.FAILED


def test_what_a_test_covers() -> None:
    today = date(2026, 2, 1)
    of_other_service = a_test(today, service_id=PERM)
    assert verdict([of_other_service], today).status is PatchTestStatus.MISSING
    of_category = a_test(today, service_id=None, category="染发")
    assert verdict([of_category], today).allows
    of_other_category = a_test(today, service_id=None, category="烫发")
    assert not verdict([of_other_category], today).allows
    in_words_only = a_test(today, service_id=None)  # kept, but counts for no service
    assert verdict([in_words_only], today).status is PatchTestStatus.MISSING


def test_dates_and_days_checked() -> None:
    check_tested_on(date(2026, 2, 1), date(2026, 2, 1))
    with pytest.raises(PatchTestInFuture):
        check_tested_on(date(2026, 2, 2), date(2026, 2, 1))
    assert check_validity_days(0) == 0
    for bad in (-1, 3651, True):
        with pytest.raises(PatchTestValidityOutOfRange):
            check_validity_days(bad)  # type: ignore[arg-type]


def test_the_message_says_which_service_why_and_when() -> None:
    expired = verdict([a_test(date(2026, 1, 1))], date(2026, 8, 1))
    error = patch_test_needed("植物染发", expired)
    assert "2026-01-01" in error.text("en") and "2026-06-30" in error.text("en")
    assert error.text("zh_CN").startswith("植物染发需要皮试：2026-01-01 的皮试已过期")
    failed = verdict([a_test(date(2026, 1, 1), FAILED)], date(2026, 1, 2))
    assert "failed" in patch_test_needed("Dye", failed).text("en")


@given(
    st.lists(
        st.tuples(st.dates(date(2020, 1, 1), date(2026, 12, 31)), st.booleans()),
        min_size=1,
        max_size=6,
    ),
    st.integers(0, 400),
)
def test_the_newest_covering_test_alone_decides(tests: list[tuple[date, bool]], days: int) -> None:
    records = [
        a_test(day, PASSED if ok else FAILED, at=i, test_id=str(i))
        for i, (day, ok) in enumerate(tests)
    ]
    today = date(2027, 1, 1)
    newest = max(records, key=lambda t: (t.tested_on, t.recorded_at))
    found = verdict(records, today, days)
    assert found.test_id == newest.id
    assert (found.status is PatchTestStatus.FAILED) == (newest.result is FAILED)
