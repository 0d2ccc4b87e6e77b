"""Patch tests (皮试): whether a customer may have a service that needs one. A test is recorded
once and never changed: a newer test of the same thing supersedes it, and a mistake is put
right by recording another. The newest test that covers a service decides (docs/patch-tests.md).

A test covers a service when it was of that service or of the service's category. A test
described only in words (a lash glue, a brand of dye) is kept for the record but covers no
service by itself: a person cannot tell the till which product a service uses, and letting a
test of one product count for another is the mistake a patch test exists to prevent."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from salon_pos.domain.errors import Both, UserError

DEFAULT_VALIDITY_DAYS = 180  # the store's setting; 0: a passed test never expires
MAX_VALIDITY_DAYS = 3650
MAX_NOTE = 500
MAX_SUBJECT = 64


class PatchTestResult(StrEnum):
    PASSED = "passed"
    FAILED = "failed"


class PatchTestStatus(StrEnum):
    VALID = "valid"
    MISSING = "missing"
    FAILED = "failed"
    EXPIRED = "expired"
    NO_CUSTOMER = "no_customer"  # the ticket has no customer yet: nobody's test to look at


@dataclass(frozen=True)
class PatchTest:
    """One recorded test. `service_id` / `category` / `subject`: what was tested (a service, a
    category, or words only); `recorded_at` orders two tests of one day."""

    id: str
    customer_id: str
    result: PatchTestResult
    tested_on: date
    recorded_at: datetime
    service_id: str | None = None
    category: str = ""
    subject: str = ""
    technician_id: str | None = None
    note: str = ""
    recorded_by: str | None = None

    def covers(self, service_id: str, category: str) -> bool:
        if self.service_id is not None:
            return self.service_id == service_id
        return bool(self.category) and self.category == category


@dataclass(frozen=True)
class PatchTestVerdict:
    """What the newest covering test says: VALID (until `valid_until`, None: no end), MISSING,
    FAILED (on `tested_on`) or EXPIRED (tested on `tested_on`, valid until `valid_until`)."""

    status: PatchTestStatus
    tested_on: date | None = None
    valid_until: date | None = None
    test_id: str | None = None

    @property
    def allows(self) -> bool:
        return self.status is PatchTestStatus.VALID


def newest_first(tests: Iterable[PatchTest]) -> list[PatchTest]:
    return sorted(tests, key=lambda t: (t.tested_on, t.recorded_at, t.id), reverse=True)


def patch_test_verdict(
    tests: Iterable[PatchTest],
    service_id: str,
    category: str,
    today: date,
    validity_days: int = DEFAULT_VALIDITY_DAYS,
) -> PatchTestVerdict:
    """The customer's standing for one service on `today` (the store's business date)."""
    covering = [t for t in newest_first(tests) if t.covers(service_id, category)]
    if not covering:
        return PatchTestVerdict(PatchTestStatus.MISSING)
    latest = covering[0]
    if latest.result is PatchTestResult.FAILED:
        return PatchTestVerdict(PatchTestStatus.FAILED, latest.tested_on, test_id=latest.id)
    until = None if validity_days <= 0 else latest.tested_on + timedelta(days=validity_days)
    expired = until is not None and today > until
    status = PatchTestStatus.EXPIRED if expired else PatchTestStatus.VALID
    return PatchTestVerdict(status, latest.tested_on, until, latest.id)


def check_validity_days(days: int) -> int:
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_VALIDITY_DAYS:
        raise PatchTestValidityOutOfRange(days=days, most=MAX_VALIDITY_DAYS)
    return days


def check_tested_on(tested_on: date, today: date) -> None:
    """A test is recorded after it was done: never dated after today."""
    if tested_on > today:
        raise PatchTestInFuture(tested_on=tested_on.isoformat(), today=today.isoformat())


class PatchTestInFuture(UserError):
    en = "A patch test cannot be dated {tested_on}, after today ({today})."
    zh = "皮试日期 {tested_on} 晚于今天（{today}），无法记录。"


class PatchTestSubjectRequired(UserError):
    en = "Say what was tested: a service, a category or a few words."
    zh = "请填写测试内容：选择服务、分类，或写几个字说明。"


class PatchTestTooLong(UserError):
    en = "{field} is too long (at most {most} characters)."
    zh = "{field}过长（最多 {most} 个字）。"


class PatchTestValidityOutOfRange(UserError):
    en = "A patch test is valid for 0 to {most} days (got {days}); 0 means it never expires."
    zh = "皮试有效期须为 0 到 {most} 天（当前为 {days}），0 表示永不过期。"


class PatchTestNeeded(UserError):
    """Raised by a sale of a service needing a patch test that is not valid and carries no
    manager's approval; `why` is one of the reasons below, in the same language."""

    en = "{service} needs a patch test: {why} A manager may approve it with a PIN and a reason."
    zh = "{service}需要皮试：{why}店长可输入 PIN 并填写原因后放行。"


class UnknownPatchTestApproval(UserError):
    en = "The patch test approval for {service} was not found on this counter; ask again."
    zh = "本机找不到{service}的皮试放行记录，请重新审批。"


def why_not(verdict: PatchTestVerdict) -> Both:
    """Why a verdict does not allow the service, in both languages, with its dates."""
    tested = verdict.tested_on.isoformat() if verdict.tested_on else ""
    until = verdict.valid_until.isoformat() if verdict.valid_until else ""
    if verdict.status is PatchTestStatus.FAILED:
        return Both(f"{tested} 的皮试未通过。", f"the test of {tested} failed.")
    if verdict.status is PatchTestStatus.EXPIRED:
        return Both(
            f"{tested} 的皮试已过期（有效至 {until}）。",
            f"the test of {tested} expired (valid until {until}).",
        )
    if verdict.status is PatchTestStatus.NO_CUSTOMER:
        return Both("请先选择顾客。", "pick the customer first.")
    return Both("没有皮试记录。", "no patch test on file.")


def patch_test_needed(service: str, verdict: PatchTestVerdict) -> PatchTestNeeded:
    return PatchTestNeeded(service=service, why=why_not(verdict))
