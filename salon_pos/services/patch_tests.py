"""Patch tests (皮试) at the counter: record a customer's test, list them, tell whether a service
may be sold to a customer, and let a manager approve one that may not (PIN and reason,
audited). `checked_waivers` is checkout's check, so no caller sells such a service without a
valid test or a manager's approval (docs/patch-tests.md)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, bindparam, insert, select, union_all
from sqlalchemy.orm import Session

from salon_pos.db.audit import AuditRecord
from salon_pos.db.fast_insert import selected_rows
from salon_pos.db.models import AuditEntry, Customer, ServiceItem, Staff
from salon_pos.db.models import PatchTest as PatchTestRow
from salon_pos.domain.errors import (
    Both,
    InvalidChoice,
    ReasonRequired,
    UnknownCustomer,
    UnknownItem,
    UnknownStaff,
)
from salon_pos.domain.ids import new_id
from salon_pos.domain.patch_tests import (
    MAX_NOTE,
    MAX_SUBJECT,
    PatchTest,
    PatchTestResult,
    PatchTestStatus,
    PatchTestSubjectRequired,
    PatchTestTooLong,
    PatchTestVerdict,
    UnknownPatchTestApproval,
    check_tested_on,
    newest_first,
    patch_test_needed,
    patch_test_verdict,
)
from salon_pos.domain.ticket import LineKind
from salon_pos.services.counter import CounterService
from salon_pos.services.staff import approve

WAIVED = "patch_test.waived"  # the audit action of a manager's approval
WAIVER_ENTITY = "patch_test_waiver"
MAX_REASON = 500


@dataclass(frozen=True)
class PatchTestWaiver:
    """A manager's approval to sell `service_id` to `customer_id` (None: no customer picked)
    without a valid patch test; `id` is its audit entry's entity id."""

    id: str
    approved_by: str
    approver_name: str
    reason: str
    status: PatchTestStatus
    tested_on: date | None
    customer_id: str | None
    service_id: str

    def wire(self) -> dict[str, Any]:
        """As the ticket line and the sale's payload keep it (sync PatchTestWaiver)."""
        return {
            "id": self.id,
            "approved_by": self.approved_by,
            "reason": self.reason,
            "status": self.status.value,
            "tested_on": self.tested_on.isoformat() if self.tested_on else None,
        }

    def as_json(self) -> dict[str, Any]:
        """All of it, as a parked ticket's draft keeps it (from_json reads it back)."""
        return self.wire() | {
            "approver_name": self.approver_name,
            "customer_id": self.customer_id,
            "service_id": self.service_id,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PatchTestWaiver:
        """ValueError (or KeyError, TypeError) when `data` is not what as_json wrote."""
        tested_on = data["tested_on"]
        return cls(
            id=str(data["id"]),
            approved_by=str(data["approved_by"]),
            approver_name=str(data["approver_name"]),
            reason=str(data["reason"]),
            status=PatchTestStatus(data["status"]),
            tested_on=date.fromisoformat(tested_on) if tested_on else None,
            customer_id=data["customer_id"],
            service_id=str(data["service_id"]),
        )


@dataclass(frozen=True)
class PatchTestSubject:
    """What a test was of: a service, a category, or words only (at least one of them)."""

    service_id: str | None = None
    category: str = ""
    subject: str = ""


class SoldLine(Protocol):
    """What checkout's line gives the check (services.checkout.SaleLine)."""

    @property
    def kind(self) -> LineKind: ...
    @property
    def item_id(self) -> str: ...
    @property
    def patch_test_waiver(self) -> PatchTestWaiver | None: ...


def local_date(moment: datetime, time_zone: str) -> date:
    """The store's calendar date at that moment: a test is dated as the salon's wall says."""
    return moment.astimezone(ZoneInfo(time_zone)).date()


def _test(row: PatchTestRow | Any) -> PatchTest:
    return PatchTest(
        id=row.id,
        customer_id=row.customer_id,
        result=PatchTestResult(row.result),
        tested_on=row.tested_on,
        recorded_at=row.recorded_at,
        service_id=row.service_id,
        category=row.category,
        subject=row.subject,
        technician_id=row.technician_id,
        note=row.note,
        recorded_by=row.recorded_by,
    )


def _tests_of(executor: Session | Connection, customer_id: str) -> list[PatchTest]:
    query = select(PatchTestRow).where(PatchTestRow.customer_id == customer_id)
    rows = executor.execute(query)
    return newest_first(
        _test(row) for row in (rows.scalars() if isinstance(executor, Session) else rows)
    )


def _checked_subject(session: Session, subject: PatchTestSubject) -> PatchTestSubject:
    cleaned = PatchTestSubject(
        subject.service_id or None, subject.category.strip(), subject.subject.strip()
    )
    if not (cleaned.service_id or cleaned.category or cleaned.subject):
        raise PatchTestSubjectRequired()
    for words, text in (
        (Both("分类", "category"), cleaned.category),
        (Both("内容", "what was tested"), cleaned.subject),
    ):
        if len(text) > MAX_SUBJECT:
            raise PatchTestTooLong(field=words, most=MAX_SUBJECT)
    if cleaned.service_id and session.get(ServiceItem, cleaned.service_id) is None:
        raise UnknownItem(item_id=cleaned.service_id)
    return cleaned


class PatchTestService(CounterService):
    def today(self) -> date:
        return local_date(self._clock.now(), self._settings.current.time_zone)

    def record(
        self,
        customer_id: str,
        result: str,
        tested_on: date,
        subject: PatchTestSubject,
        *,
        technician_id: str | None = None,
        note: str = "",
        actor_id: str | None = None,
    ) -> PatchTest:
        """Record a test (never changed later: a newer one supersedes it). Refused, writing
        nothing: an unknown customer, service or technician, a date after today, no subject."""
        from salon_pos.services.sync_ops import patch_tests as ops  # lazy: pydantic after paint

        try:
            outcome = PatchTestResult(result)
        except ValueError:
            raise InvalidChoice(text=result, choices="passed / failed") from None
        now = self._clock.now()
        check_tested_on(tested_on, local_date(now, self._settings.current.time_zone))
        note = note.strip()
        if len(note) > MAX_NOTE:
            raise PatchTestTooLong(field=Both("备注", "note"), most=MAX_NOTE)
        with self._db.write() as session:
            if session.get(Customer, customer_id) is None:
                raise UnknownCustomer(customer_id=customer_id)
            what = _checked_subject(session, subject)
            if technician_id and session.get(Staff, technician_id) is None:
                raise UnknownStaff(staff_id=technician_id)
            test = PatchTest(
                new_id(), customer_id, outcome, tested_on, now, what.service_id, what.category,
                what.subject, technician_id or None, note, actor_id,
            )  # fmt: skip
            session.execute(insert(PatchTestRow).values(ops.patch_test_recorded(test).model_dump()))
            audit = AuditRecord(
                actor_id, "patch_test.recorded", "patch_test", test.id,
                after={"customer_id": customer_id, "result": outcome.value,
                       "tested_on": tested_on.isoformat(), "service_id": what.service_id,
                       "category": what.category, "subject": what.subject},
            )  # fmt: skip
            self._journal().record(session, now, audit, ops.patch_test_recorded(test))
        return test

    def tests_of(self, customer_id: str) -> list[PatchTest]:
        """The customer's tests, newest first."""
        with self._db.read() as session:
            return _tests_of(session, customer_id)

    def verdict(self, customer_id: str | None, service_id: str) -> PatchTestVerdict:
        """Whether the service may be sold to the customer today: VALID when it needs no test."""
        with self._db.read() as session:
            service = session.get(ServiceItem, service_id)
            if service is None or not service.needs_patch_test:
                return PatchTestVerdict(PatchTestStatus.VALID)
            if customer_id is None:
                return PatchTestVerdict(PatchTestStatus.NO_CUSTOMER)
            tests = _tests_of(session, customer_id)
        days = self._settings.current.patch_test_days
        return patch_test_verdict(tests, service_id, service.category, self.today(), days)

    def waive(
        self,
        customer_id: str | None,
        service_id: str,
        verdict: PatchTestVerdict,
        approver_pin: str,
        reason: str,
        actor_id: str | None,
    ) -> PatchTestWaiver:
        """A manager lets the service be sold without a valid test: PIN (wrong ones lock out,
        staff.approve) and reason; audited with the manager, customer, service and reason."""
        reason = reason.strip()
        if not reason:
            raise ReasonRequired()
        if len(reason) > MAX_REASON:
            raise PatchTestTooLong(field=Both("原因", "the reason"), most=MAX_REASON)
        action = Both("放行未做皮试的项目", "sell a service without a valid patch test")
        manager = approve(self._db, self._journal(), self._clock, approver_pin, action, actor_id)
        waiver = PatchTestWaiver(
            new_id(), manager.id, manager.name, reason, verdict.status, verdict.tested_on,
            customer_id, service_id,
        )  # fmt: skip
        with self._db.write() as session:
            service = session.get(ServiceItem, service_id)
            if service is None:
                raise UnknownItem(item_id=service_id)
            after = waiver.wire() | {"customer_id": customer_id, "service_id": service_id}
            after["service"] = service.name
            audit = AuditRecord(actor_id, WAIVED, WAIVER_ENTITY, waiver.id, after=after)
            self._journal().record(session, self._clock.now(), audit)
        return waiver


@dataclass(frozen=True)
class _Service:
    id: str
    name: str
    category: str


# Built once: every sale with a service runs it (the checkout's hot path, ADR 0003).
_NEEDING = union_all(
    select(ServiceItem.id, ServiceItem.name, ServiceItem.category).where(
        ServiceItem.id.in_(bindparam("ids", expanding=True)), ServiceItem.needs_patch_test.is_(True)
    )
)


def checked_waivers(
    connection: Connection,
    customer_id: str | None,
    lines: Sequence[SoldLine],
    today: date,
    validity_days: int,
) -> list[dict[str, Any] | None]:
    """Checkout's check, per line: None (no test needed, or a valid one) or the approval to
    keep on the line. A service needing a test that is not valid and has no approval given for
    this customer and service at this counter is refused (PatchTestNeeded)."""
    ids = [line.item_id for line in lines if line.kind is LineKind.SERVICE]
    found = selected_rows(connection, _NEEDING, {"ids": ids}) if ids else []
    needing = {row[0]: _Service(*row) for row in found}
    if not needing:
        return [None] * len(lines)
    tests = _tests_of(connection, customer_id) if customer_id else []
    kept: list[dict[str, Any] | None] = []
    for line in lines:
        service = needing.get(line.item_id) if line.kind is LineKind.SERVICE else None
        if service is None:
            kept.append(None)
            continue
        verdict = PatchTestVerdict(PatchTestStatus.NO_CUSTOMER)
        if customer_id:
            verdict = patch_test_verdict(tests, service.id, service.category, today, validity_days)
        if verdict.allows:
            kept.append(None)
        elif line.patch_test_waiver is None:
            raise patch_test_needed(service.name, verdict)
        else:
            _check_approval(connection, line.patch_test_waiver, customer_id, service)
            kept.append(line.patch_test_waiver.wire())
    return kept


def _check_approval(
    connection: Connection, waiver: PatchTestWaiver, customer_id: str | None, service: _Service
) -> None:
    """The approval was given at this counter, by that manager, for this customer and service."""
    query = select(AuditEntry.after).where(
        AuditEntry.entity_type == WAIVER_ENTITY,
        AuditEntry.entity_id == waiver.id,
        AuditEntry.action == WAIVED,
    )
    after = json.loads(connection.execute(query).scalar() or "{}")
    expected = {
        "customer_id": customer_id,
        "service_id": service.id,
        "approved_by": waiver.approved_by,
    }
    if any(after.get(key) != value for key, value in expected.items()):
        raise UnknownPatchTestApproval(service=service.name)
