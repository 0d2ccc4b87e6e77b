"""Patch tests through the service layer, against a real SQLite file: record and list them, a
newer one supersedes, bad input writes nothing, and checkout refuses a service needing a test
unless the test is valid or a manager approved it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from salon_pos.db.models import AuditEntry, OutboxOperation, TicketLine
from salon_pos.db.models import PatchTest as PatchTestRow
from salon_pos.domain.errors import (
    InvalidChoice,
    ReasonRequired,
    UnknownCustomer,
    UnknownItem,
    WrongManagerPin,
)
from salon_pos.domain.patch_tests import (
    PatchTestInFuture,
    PatchTestNeeded,
    PatchTestStatus,
    PatchTestSubjectRequired,
    UnknownPatchTestApproval,
)
from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.services.backend import Backend
from salon_pos.services.checkout import SaleLine, SaleRequest
from salon_pos.services.importing import import_catalog
from salon_pos.services.patch_tests import PatchTestSubject
from tests.conftest import FakeClock, Team

TODAY = date(2026, 11, 20)  # the clock's date in Shanghai


@pytest.fixture
def dye(backend: Backend) -> str:
    return backend.catalog.add_service("染发", "植物染发", 38800, 120, needs_patch_test=True).id


def counts(backend: Backend) -> tuple[int, int, int]:
    with backend.db.read() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(m)) or 0
            for m in (PatchTestRow, OutboxOperation, AuditEntry)
        )


def dye_sale(team: Team, dye: str, customer_id: str | None, waiver: object = None) -> SaleRequest:
    line = SaleLine(LineKind.SERVICE, dye, technician_id=team.tech.id, patch_test_waiver=waiver)  # type: ignore[arg-type]
    return SaleRequest(team.desk.id, [line], [Tender(TenderKind.CASH, 38800)], customer_id)


def test_record_list_and_a_newer_test_supersedes(backend: Backend, team: Team, dye: str) -> None:
    customer = backend.customers.add("张三", "13800138000")
    tests = backend.patch_tests
    assert tests.verdict(customer.id, dye).status is PatchTestStatus.MISSING
    failed = tests.record(
        customer.id, "failed", date(2026, 11, 1), PatchTestSubject(service_id=dye),
        technician_id=team.tech.id, note="红肿", actor_id=team.desk.id,
    )  # fmt: skip
    assert tests.verdict(customer.id, dye).status is PatchTestStatus.FAILED
    passed = tests.record(customer.id, "passed", TODAY, PatchTestSubject(category="染发"))
    assert [t.id for t in tests.tests_of(customer.id)] == [passed.id, failed.id]
    verdict = tests.verdict(customer.id, dye)
    assert verdict.status is PatchTestStatus.VALID and verdict.valid_until == date(2027, 5, 19)
    with backend.db.read() as s:
        ops = s.scalars(
            select(OutboxOperation).where(OutboxOperation.type == "patch_test.recorded")
        )
        payloads = [json.loads(op.payload) for op in ops]
        audits = s.scalars(select(AuditEntry).where(AuditEntry.action == "patch_test.recorded"))
        assert len(list(audits)) == 2
    assert [(p["result"], p["note"]) for p in payloads] == [("failed", "红肿"), ("passed", "")]


def test_expiry_follows_the_store_setting(backend: Backend, dye: str, clock: FakeClock) -> None:
    customer = backend.customers.add("李四", "13900139000")
    backend.patch_tests.record(customer.id, "passed", TODAY, PatchTestSubject(service_id=dye))
    clock.advance(days=181)
    assert backend.patch_tests.verdict(customer.id, dye).status is PatchTestStatus.EXPIRED
    backend.settings.update(patch_test_days=0)
    assert backend.patch_tests.verdict(customer.id, dye).allows


@pytest.mark.parametrize(
    ("customer", "result", "tested_on", "subject", "error"),
    [
        ("nobody", "passed", TODAY, PatchTestSubject(subject="染发剂"), UnknownCustomer),
        (
            "known",
            "passed",
            date(2026, 11, 21),
            PatchTestSubject(subject="染发剂"),
            PatchTestInFuture,
        ),
        ("known", "passed", TODAY, PatchTestSubject(subject="  "), PatchTestSubjectRequired),
        ("known", "maybe", TODAY, PatchTestSubject(subject="染发剂"), InvalidChoice),
        ("known", "passed", TODAY, PatchTestSubject(service_id="no-such"), UnknownItem),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(
    backend: Backend, customer: str, result: str, tested_on: date, subject: PatchTestSubject,
    error: type[Exception],
) -> None:  # fmt: skip
    known = backend.customers.add("王五", "13700137000").id
    before = counts(backend)
    with pytest.raises(error) as refused:
        backend.patch_tests.record(
            known if customer == "known" else customer, result, tested_on, subject
        )
    assert refused.value.text("en") and refused.value.text("zh_CN")  # type: ignore[attr-defined]
    assert counts(backend) == before


def test_checkout_refuses_a_service_needing_a_test_without_one(
    backend: Backend, team: Team, dye: str
) -> None:
    customer = backend.customers.add("张三", "13800138000")
    with pytest.raises(PatchTestNeeded) as refused:
        backend.checkout.complete_sale(dye_sale(team, dye, customer.id))
    assert "植物染发" in refused.value.text("zh_CN")
    assert "no patch test on file" in refused.value.text("en")
    with pytest.raises(PatchTestNeeded) as no_customer:
        backend.checkout.complete_sale(dye_sale(team, dye, None))
    assert "pick the customer first" in no_customer.value.text("en")


def test_a_valid_test_sells_without_a_question(backend: Backend, team: Team, dye: str) -> None:
    customer = backend.customers.add("张三", "13800138000")
    backend.patch_tests.record(customer.id, "passed", TODAY, PatchTestSubject(service_id=dye))
    sale = backend.checkout.complete_sale(dye_sale(team, dye, customer.id))
    with backend.db.read() as s:
        line = s.scalars(select(TicketLine).where(TicketLine.ticket_id == sale.ticket_id)).one()
    assert line.patch_test_waiver is None


def test_a_managers_approval_is_audited_and_travels_with_the_line(
    backend: Backend, team: Team, dye: str
) -> None:
    customer = backend.customers.add("张三", "13800138000")
    tests = backend.patch_tests
    verdict = tests.verdict(customer.id, dye)
    with pytest.raises(ReasonRequired):
        tests.waive(customer.id, dye, verdict, Team.MANAGER_PIN, "  ", team.desk.id)
    with pytest.raises(WrongManagerPin):
        tests.waive(customer.id, dye, verdict, "0000", "熟客", team.desk.id)
    waiver = tests.waive(
        customer.id, dye, verdict, Team.MANAGER_PIN, "熟客，上月刚做过", team.desk.id
    )
    assert (waiver.approved_by, waiver.status) == (team.manager.id, PatchTestStatus.MISSING)
    sale = backend.checkout.complete_sale(dye_sale(team, dye, customer.id, waiver))
    with backend.db.read() as s:
        line = s.scalars(select(TicketLine).where(TicketLine.ticket_id == sale.ticket_id)).one()
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "patch_test.waived")).one()
        op = s.scalars(
            select(OutboxOperation).where(OutboxOperation.type == "sale.completed")
        ).one()
    assert line.patch_test_waiver == waiver.wire()
    assert json.loads(audit.after).items() >= {
        "approved_by": team.manager.id, "customer_id": customer.id, "service_id": dye,
        "service": "植物染发", "reason": "熟客，上月刚做过",
    }.items()  # fmt: skip
    assert op.payload_version == 4
    assert json.loads(op.payload)["lines"][0]["patch_test_waiver"]["reason"] == "熟客，上月刚做过"


def test_an_approval_for_another_customer_or_made_up_does_not_count(
    backend: Backend, team: Team, dye: str
) -> None:
    first = backend.customers.add("张三", "13800138000")
    second = backend.customers.add("李四", "13900139000")
    verdict = backend.patch_tests.verdict(first.id, dye)
    waiver = backend.patch_tests.waive(first.id, dye, verdict, Team.MANAGER_PIN, "熟客", None)
    with pytest.raises(UnknownPatchTestApproval):
        backend.checkout.complete_sale(dye_sale(team, dye, second.id, waiver))
    from dataclasses import replace

    forged = replace(waiver, id="made-up")
    with pytest.raises(UnknownPatchTestApproval):
        backend.checkout.complete_sale(dye_sale(team, dye, first.id, forged))


def test_a_catalog_file_marks_services_and_an_empty_cell_keeps_the_mark(
    backend: Backend, dye: str, tmp_path: Path
) -> None:
    path = tmp_path / "catalog.csv"
    path.write_text(
        "类型,分类,名称,价格,时长,需皮试\n"
        "服务,染发,植物染发,388,120,\n"  # empty: stays marked
        "服务,烫发,数码烫,588,150,是\n"
        "服务,美甲,日式美甲,168,90,也许\n",  # refused with its line
        encoding="utf-8",
    )
    report = import_catalog(backend, path)
    assert (report.created, report.bad_rows) == (1, 1), report
    marked = {s.name: s.needs_patch_test for s in backend.catalog.services()}
    assert marked == {"植物染发": True, "数码烫": True}
